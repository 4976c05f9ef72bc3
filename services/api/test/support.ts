import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { QUEUE_NAME } from '@paketbygd/model';
import { Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { startTestRedis, type TestRedis } from '../../../tests/support/redis-server';
import { createApp, type ApiApp, type ApiOptions } from '../src/app';
import { KeyStore } from '../src/keys';

export const KEYS = {
  alpha: 'alpha-key-0123456789abcdef',
  beta: 'beta-key-0123456789abcdef',
};
export const ADMIN_KEY = 'admin-key-0123456789abcdef';
export const WEBHOOK_SECRET = 'webhook-secret-0123456789';

export function example(path: string): any {
  return JSON.parse(
    readFileSync(fileURLToPath(new URL(`../../../examples/${path}`, import.meta.url)), 'utf8'),
  );
}

/** A fetch Response whose JSON body is untyped test data. */
export interface JsonResponse extends Response {
  json(): Promise<any>;
  clone(): JsonResponse;
}

/** fetch, with the body typed for tests. */
export const request = (url: string, init?: RequestInit) => fetch(url, init) as Promise<JsonResponse>;

export interface TestApi {
  url: string;
  api: ApiApp;
  redis: TestRedis;
  /** fetch against the API with a key (alpha by default; `null` for none). */
  call(path: string, init?: RequestInit & { key?: string | null; json?: unknown }): Promise<JsonResponse>;
  close(): Promise<void>;
}

export async function listen(handler: RequestListener): Promise<{ server: Server; url: string }> {
  const server = createServer(handler).listen(0, '127.0.0.1');
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/**
 * A Redis of this test file's own: a server of its own, or with REDIS_URL set, a database of its
 * own on that server, so that files running in parallel never share a queue.
 */
export async function fileRedis(db: number): Promise<TestRedis> {
  const r = await startTestRedis();
  return r.owned ? r : { ...r, url: `${r.url.replace(/\/\d*$/, '')}/${db}` };
}

/** A real API on a real port against a real Redis, with rate-limit counters of its own. */
export async function startTestApi(options: Partial<ApiOptions>, r: TestRedis): Promise<TestApi> {
  const api = createApp({
    redisUrl: r.url,
    logger: pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }),
    keys: new KeyStore([
      { tenant: 'alpha', key: KEYS.alpha },
      { tenant: 'beta', key: KEYS.beta },
    ]),
    adminApiKey: ADMIN_KEY,
    webhookSecret: WEBHOOK_SECRET,
    // Counters of this app's own: apps of one test file share a Redis; tests of shared limits
    // pass one prefix to several apps.
    rateLimitPrefix: `test:${randomUUID()}:rl:`,
    ...options,
  });
  await api.ready();
  const { server, url } = await listen(api.handler);
  return {
    url,
    api,
    redis: r,
    call: (path, init = {}) => {
      const { key = KEYS.alpha, json, headers, ...rest } = init;
      const h = new Headers(headers);
      if (key !== null) h.set('authorization', `Bearer ${key}`);
      if (json !== undefined) h.set('content-type', 'application/json');
      return request(`${url}${path}`, {
        ...rest,
        headers: h,
        ...(json !== undefined ? { method: rest.method ?? 'POST', body: JSON.stringify(json) } : {}),
      });
    },
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await api.close();
    },
  };
}

/** An API on Redis database `db` with one straight-line solver worker behind it: jobs really solve. */
export async function startApiWithWorker(
  db: number,
  options: Partial<ApiOptions> = {},
): Promise<{ api: TestApi; close: () => Promise<void> }> {
  // Imported here: the other API tests do not need the worker's modules loaded.
  const { startSolverWorker } = await import('@paketbygd/solver-worker');
  const redis = await fileRedis(db);
  const api = await startTestApi(options, redis);
  const worker = await startSolverWorker({
    redisUrl: redis.url,
    concurrency: 1,
    logger: pino({ level: 'silent' }),
    travel: { backend: 'straightline' },
  });
  return {
    api,
    close: async () => {
      await worker.close(5000);
      await api.close();
      await redis.stop();
    },
  };
}

/** The lock token the hand worker's jobs are moved with. */
export const HAND_TOKEN = 'test-token';

/**
 * A worker without a processor on the solve queue (BullMQ's manual job fetching): a test takes
 * jobs with `worker.getNextJob(HAND_TOKEN)` and ends them as a solver would, without solving.
 */
export async function startHandWorker(redisUrl: string): Promise<{ worker: Worker; close(): Promise<void> }> {
  const connection = new Redis(redisUrl, { maxRetriesPerRequest: null });
  const worker = new Worker(QUEUE_NAME, null, { connection, autorun: false });
  await worker.waitUntilReady();
  return {
    worker,
    close: async () => {
      await worker.close();
      connection.disconnect();
    },
  };
}
