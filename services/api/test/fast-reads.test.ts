import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestRedis } from '../../../tests/support/redis-server';
import { metaKeyOf } from '../src/enqueue';
import { example, fileRedis, KEYS, startTestApi, type TestApi } from './support';

/**
 * GET /v1/jobs/:id and /healthz are answered before express (src/fast-reads.ts). Two apps on one
 * Redis, each with counters of its own, get the same requests in the same order: one served by
 * express alone, one by the fast path in front of express. Their answers must be the same but for
 * Date and the generated request id, and the fast one must not have handed the request to express.
 */
const LIMITS = { rateLimitMax: 8, authFailLimitMax: 3 };
let redis: TestRedis;
let slow: TestApi;
let fast: TestApi;
/** Submits the jobs, so that submissions count against neither compared app's limits. */
let producer: TestApi;
let fastServer: Server;
let fastUrl: string;
/** The URLs the fast path handed to express. */
const handedOn: string[] = [];

beforeAll(async () => {
  redis = await fileRedis(13);
  slow = await startTestApi({ limits: LIMITS }, redis);
  fast = await startTestApi({ limits: LIMITS }, redis);
  producer = await startTestApi({}, redis);
  fastServer = createServer((req, res) =>
    fast.api.fast(req, res, (q, s) => {
      handedOn.push(q.url ?? '');
      fast.api.app(q, s);
    }),
  ).listen(0, '127.0.0.1');
  await new Promise((resolve) => fastServer.once('listening', resolve));
  fastUrl = `http://127.0.0.1:${(fastServer.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => {
    fastServer?.close(resolve);
    fastServer?.closeAllConnections();
  });
  await slow?.close();
  await fast?.close();
  await producer?.close();
  await redis?.stop();
});

/** An answer with the parts that may differ between two requests put aside. */
async function answer(res: Response) {
  const headers = Object.fromEntries(
    [...res.headers].filter(([name]) => !['date', 'x-request-id'].includes(name)),
  );
  const body = await res.text();
  // Seconds until a window ends are read from the clock: the two apps' windows started apart.
  const seconds = (text: string) => text.replace(/(reset=|try again in )\d+/g, '$1…');
  if (headers['retry-after']) headers['retry-after'] = '…';
  if (headers.ratelimit) headers.ratelimit = seconds(headers.ratelimit);
  // The weak ETag and the length are of the body, which carries the seconds.
  if (/try again in/.test(body)) delete headers.etag;
  return { status: res.status, headers, body: seconds(body), requestId: res.headers.get('x-request-id') };
}

/** The same request to both apps; their answers. */
async function both(path: string, init: RequestInit & { key?: string | null } = {}) {
  const { key = KEYS.alpha, headers, ...rest } = init;
  const h = new Headers(headers);
  if (key !== null) h.set('authorization', `Bearer ${key}`);
  const before = handedOn.length;
  const viaExpress = await answer(await fetch(`${slow.url}${path}`, { ...rest, headers: h }));
  const viaFast = await answer(await fetch(`${fastUrl}${path}`, { ...rest, headers: h }));
  return { viaExpress, viaFast, handedOn: handedOn.length > before };
}

async function expectSame(path: string, init: Parameters<typeof both>[1] = {}, handed = false) {
  const { viaExpress, viaFast, handedOn } = await both(path, init);
  expect(viaFast.headers).toEqual(viaExpress.headers);
  expect(viaFast.body).toBe(viaExpress.body);
  expect(viaFast.status).toBe(viaExpress.status);
  expect(viaFast.requestId).toMatch(/^[0-9a-f-]{36}$|^[\w.-]+$/);
  expect(handedOn).toBe(handed);
  return viaFast;
}

async function submit(app: TestApi): Promise<string> {
  const res = await app.call('/v1/routes', { json: example('operator/small-cvrp.json') });
  expect(res.status).toBe(202);
  return ((await res.json()) as { id: string }).id;
}

describe('the fast status read and /healthz answer as express does', () => {
  it('/healthz, a job of the key, another tenant’s job, a missing one, a job without meta hash', async () => {
    expect((await expectSame('/healthz', { key: null })).headers['content-security-policy']).toBeDefined();
    expect((await expectSame('/healthz?probe=1', { key: null })).status).toBe(200);
    const id = await submit(producer);
    const own = await expectSame(`/v1/jobs/${id}`);
    expect(own.status).toBe(200);
    expect(own.headers.ratelimit).toMatch(/^limit=8, remaining=7, reset=/);
    expect(JSON.parse(own.body)).toMatchObject({ id, state: 'waiting', kind: 'route' });
    const given = await expectSame(`/v1/jobs/${id}?x=1`, { headers: { 'x-request-id': 'trace-7' } });
    expect(given.requestId).toBe('trace-7');
    const other = await expectSame(`/v1/jobs/${id}`, { key: KEYS.beta });
    expect(other.status).toBe(404);
    const missing = await expectSame(`/v1/jobs/${randomUUID()}`, { key: KEYS.beta });
    expect(missing.status).toBe(404);
    expect(JSON.parse(other.body).message).toBe(`no job "${id}" for this API key`);
    // A job queued by an older API, without the meta hash: read in full, the same answer.
    const old = await submit(producer);
    const client = new Redis(redis.url);
    await client.del(metaKeyOf(slow.api.jobs.queue, old));
    client.disconnect();
    expect((await expectSame(`/v1/jobs/${old}`)).status).toBe(200);
  });

  it('hands on what it does not answer: conditional requests, other methods, wrong keys, odd paths', async () => {
    const id = await submit(producer);
    const etag = (await expectSame(`/v1/jobs/${id}`)).headers.etag!;
    // express decides (fetch adds Cache-Control: no-cache to a conditional request: 200 here).
    await expectSame(`/v1/jobs/${id}`, { headers: { 'if-none-match': etag } }, true);
    await expectSame(
      '/healthz',
      { key: null, headers: { 'if-modified-since': new Date().toUTCString() } },
      true,
    );
    expect((await expectSame(`/v1/jobs/${id}`, { method: 'HEAD' }, true)).status).toBe(200);
    expect((await expectSame(`/v1/jobs/${id}/`, {}, true)).status).toBe(200);
    expect((await expectSame(`/v1/jobs/${id.toUpperCase()}`, {}, true)).status).toBe(404);
    expect((await expectSame(`/v1/jobs/${id}`, { key: null }, true)).status).toBe(401);
  });

  it('429 past the key’s rate limit, and for a valid key from an address over the failed-key limit', async () => {
    const id = await submit(producer);
    let last;
    for (let i = 0; i < LIMITS.rateLimitMax + 1; i++)
      last = await expectSame(`/v1/jobs/${id}`, { key: KEYS.beta });
    expect(last!.status).toBe(429);
    expect(last!.headers.ratelimit).toMatch(/^limit=8, remaining=0/);
    expect(JSON.parse(last!.body).message).toMatch(/^too many requests: this key may make 8 per 60 s/);
    // One failure was counted above (no key): the address is blocked after two more.
    for (let i = 0; i < LIMITS.authFailLimitMax - 1; i++)
      expect((await expectSame(`/v1/jobs/${id}`, { key: 'wrong-key-0123456789abcdef' }, true)).status).toBe(
        401,
      );
    const blocked = await expectSame(`/v1/jobs/${id}`);
    expect(blocked.status).toBe(429);
    expect(JSON.parse(blocked.body).message).toMatch(/wrong or missing key from this address/);
  });
});
