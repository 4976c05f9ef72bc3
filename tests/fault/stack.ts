/**
 * The fault and abuse suite's stack: a redis-server of its own, the API (`services/api/src/main.ts`)
 * and solver workers (`workers/solver/src/main.ts`) as processes of their own, all on 127.0.0.1,
 * started as in production from their entry points and environment.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { Agent, request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { freePort, startTestRedis, type TestRedis } from '../support/redis-server';

export const ROOT = join(import.meta.dirname, '..', '..');
export const KEY = 'fault-key-0123456789abcdef';

export interface Proc {
  child: ChildProcess;
  /** Output lines so far (stdout and stderr), JSON log lines parsed. */
  lines: Record<string, any>[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; atMs: number }>;
  waitForLine(what: string, match: (line: Record<string, any>) => boolean, timeoutMs?: number): Promise<void>;
}

export function startProcess(entry: string, env: Record<string, string>): Proc {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, entry)], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: Record<string, any>[] = [];
  for (const stream of [child.stdout!, child.stderr!]) {
    createInterface({ input: stream }).on('line', (line) => {
      try {
        lines.push(JSON.parse(line));
      } catch {
        lines.push({ msg: line });
      }
    });
  }
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; atMs: number }>(
    (resolve) => child.once('exit', (code, signal) => resolve({ code, signal, atMs: Date.now() })),
  );
  process.once('exit', () => child.kill('SIGKILL'));
  return {
    child,
    lines,
    exited,
    waitForLine: async (what, match, timeoutMs = 30_000) => {
      const deadline = Date.now() + timeoutMs;
      while (!lines.some(match)) {
        if (child.exitCode !== null || child.signalCode !== null)
          throw new Error(`${entry} exited while waiting for ${what}: ${JSON.stringify(lines.slice(-5))}`);
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
        await sleep(50);
      }
    },
  };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function stopProcess(proc: Proc | undefined, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (!proc || proc.child.exitCode !== null || proc.child.signalCode !== null) return;
  proc.child.kill(signal);
  await proc.exited;
}

export interface Stack {
  redis: TestRedis;
  api: Proc;
  url: string;
  workers: Proc[];
  /** A solver worker process on this stack's Redis (one job at a time unless `env` says otherwise). */
  startWorker(env?: Record<string, string>): Promise<Proc>;
  /** fetch against the API with the key. */
  call(path: string, init?: RequestInit & { json?: unknown }): Promise<Response>;
  stop(): Promise<void>;
}

export async function startStack(
  options: { apiEnv?: Record<string, string>; appendOnly?: boolean } = {},
): Promise<Stack> {
  const redis = await startTestRedis({ appendOnly: options.appendOnly ?? false });
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const api = startProcess('services/api/src/main.ts', {
    PORT: String(port),
    HOST: '127.0.0.1',
    REDIS_URL: redis.url,
    API_KEYS: `fault:${KEY}`,
    LOG_LEVEL: 'warn',
    RATE_LIMIT_MAX: '100000000',
    JOB_ATTEMPTS: '1',
    ...options.apiEnv,
  });
  const workers: Proc[] = [];
  const stack: Stack = {
    redis,
    api,
    url,
    workers,
    startWorker: async (env = {}) => {
      const worker = startProcess('workers/solver/src/main.ts', {
        REDIS_URL: redis.url,
        WORKER_CONCURRENCY: '1',
        LOG_LEVEL: 'info',
        ...env,
      });
      workers.push(worker);
      await worker.waitForLine('the worker to start', (l) => l.msg === 'solver worker started');
      return worker;
    },
    call: (path, init = {}) => {
      const { json, headers, ...rest } = init;
      const h = new Headers(headers);
      h.set('authorization', `Bearer ${KEY}`);
      if (json !== undefined) h.set('content-type', 'application/json');
      return fetch(`${url}${path}`, {
        ...rest,
        headers: h,
        ...(json !== undefined ? { method: rest.method ?? 'POST', body: JSON.stringify(json) } : {}),
      });
    },
    stop: async () => {
      await Promise.all(workers.map((w) => stopProcess(w, 'SIGKILL')));
      await stopProcess(api, 'SIGKILL');
      await redis.stop();
    },
  };
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (api.child.exitCode !== null) throw new Error(`the API exited: ${JSON.stringify(api.lines)}`);
    if (Date.now() > deadline) throw new Error('the API did not answer /healthz within 30 s');
    await sleep(100);
  }
  return stack;
}

/**
 * POST bytes with node:http, written to the socket as they are: fetch would copy a 30 MB body on
 * this process's event loop, and the probe running beside it would time that instead of the API.
 */
export function postBytes(
  url: string,
  path: string,
  body: Buffer,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      `${url}${path}`,
      {
        method: 'POST',
        headers: {
          authorization: `Bearer ${KEY}`,
          'content-type': 'application/json',
          'content-length': body.byteLength,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.once('end', () => resolve({ status: res.statusCode!, text: Buffer.concat(chunks).toString() }));
      },
    );
    req.once('error', reject);
    req.end(body);
  });
}

export interface HealthProbe {
  /** Stops probing; answers every latency measured, in ms. */
  stop(): Promise<number[]>;
}

/**
 * GET /healthz one after another (a kept-alive connection, 5 ms apart) until stopped: a blocked
 * event loop shows as one long latency.
 */
export function probeHealth(url: string): HealthProbe {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const latencies: number[] = [];
  let running = true;
  const once = () =>
    new Promise<number>((resolve, reject) => {
      const started = performance.now();
      const req = httpRequest(`${url}/healthz`, { agent }, (res) => {
        res.resume();
        res.once('end', () => resolve(performance.now() - started));
      });
      req.once('error', reject);
      req.end();
    });
  const loop = (async () => {
    while (running) {
      latencies.push(await once());
      await sleep(5);
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      agent.destroy();
      return latencies;
    },
  };
}

/**
 * What /healthz may take during an attack: 50 ms (the target) plus the p99 it takes on this
 * machine just then without one, so that other programs' load on a shared machine is not blamed
 * on the API. A stalled event loop still shows: it costs seconds.
 */
export async function healthBudgetMs(url: string): Promise<{ budgetMs: number; baselineP99Ms: number }> {
  const probe = probeHealth(url);
  await sleep(1_000);
  const baselineP99Ms = percentile(await probe.stop(), 99);
  return { budgetMs: 50 + baselineP99Ms, baselineP99Ms };
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** A small valid routing request: 3 jobs by coordinates near Vingåker, one vehicle. */
export function tinyRoute(seed = 0): Record<string, unknown> {
  const depot: [number, number] = [16.208, 58.996];
  return {
    vehicles: [{ id: 1, start: depot, end: depot, capacity: [10] }],
    jobs: [1, 2, 3].map((j) => ({
      id: j,
      location: [15.8 + 0.01 * j, 59.0 + 0.001 * (seed % 50)],
      delivery: [1],
    })),
    options: { time_limit: 0.05, seed },
  };
}

/** A valid routing request with full duration and distance matrices over `locations` places. */
export function largeValidRoute(locations: number): string {
  const row = (from: number, scale: number) =>
    Array.from({ length: locations }, (_, to) =>
      from === to ? 0 : (((from * 7919 + to * 104729) % 90_000) + 10_000) * scale,
    );
  const durations = Array.from({ length: locations }, (_, i) => row(i, 1));
  const distances = Array.from({ length: locations }, (_, i) => row(i, 10));
  return JSON.stringify({
    vehicles: [{ id: 1, start_index: 0, end_index: 0 }],
    jobs: Array.from({ length: locations - 1 }, (_, i) => ({ id: i + 1, location_index: i + 1 })),
    matrices: { car: { durations, distances } },
  });
}
