import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRedis, type TestRedis } from '../../../tests/support/redis-server';
import { configFromEnv, parseTrustProxy } from '../src/config';
import {
  ADMIN_KEY,
  fileRedis,
  KEYS,
  request,
  startTestApi,
  type JsonResponse,
  type TestApi,
} from './support';

let redis: TestRedis;
beforeAll(async () => {
  redis = await fileRedis(8);
});
afterAll(async () => {
  await redis?.stop();
});

const JOB = '/v1/jobs/6f1c2f43-7a8e-4a57-9d0e-2b3b6f8a9c01';
const WRONG = 'wrong-key-0123456789abcdef';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Starts apps, runs the test, closes them whatever happens. */
async function withApis(
  options: Parameters<typeof startTestApi>[0][],
  test: (apis: TestApi[]) => Promise<void>,
  r: TestRedis = redis,
): Promise<void> {
  const apis: TestApi[] = [];
  try {
    for (const o of options) apis.push(await startTestApi(o, r));
    await test(apis);
  } finally {
    await Promise.all(apis.map((a) => a.close()));
  }
}

async function expect429(res: JsonResponse, message: RegExp): Promise<void> {
  expect(res.status).toBe(429);
  const retry = Number(res.headers.get('retry-after'));
  expect(retry).toBeGreaterThan(0);
  expect(res.headers.get('ratelimit-policy')).toMatch(/^\d+;w=\d+$/);
  expect(res.headers.get('ratelimit')).toMatch(/remaining=0/);
  const body = await res.json();
  expect(body).toMatchObject({ status: 429, error: 'Too Many Requests' });
  expect(body.message).toMatch(message);
}

const fromAddress = (address: string, key: string | null = KEYS.alpha) => ({
  key,
  headers: { 'x-forwarded-for': address },
});

describe('per-key limit shared through Redis', () => {
  it('two API processes on one Redis enforce one limit for a key together', async () => {
    const prefix = `test:${randomUUID()}:rl:`;
    const limits = { rateLimitMax: 5, rateLimitWindowS: 60 };
    await withApis(
      [
        { limits, rateLimitPrefix: prefix },
        { limits, rateLimitPrefix: prefix },
      ],
      async ([a, b]) => {
        for (let i = 0; i < 5; i++) {
          const res = await (i % 2 === 0 ? a! : b!).call(JOB);
          expect(res.status, `request ${i + 1}`).toBe(404);
          expect(res.headers.get('ratelimit')).toMatch(new RegExp(`remaining=${4 - i}`));
        }
        await expect429(await b!.call(JOB), /5 per 60 s/);
        await expect429(await a!.call(JOB), /5 per 60 s/);
        // Another key has its own count, on both.
        expect((await a!.call(JOB, { key: KEYS.beta })).status).toBe(404);
        expect((await b!.call(JOB, { key: KEYS.beta })).status).toBe(404);

        // The counters are keys under the prefix, each with an expiry (Redis never evicts here).
        const client = new Redis(redis.url);
        try {
          const keys = await client.keys(`${prefix}*`);
          // One counter per key (alpha, beta), named by the key's id, never by the key.
          expect(keys).toHaveLength(2);
          for (const k of keys) expect(k).toMatch(new RegExp(`^${prefix}key:[0-9a-f]{12}$`));
          for (const k of keys) expect(await client.pttl(k)).toBeGreaterThan(0);
        } finally {
          client.disconnect();
        }
      },
    );
  });

  it('a new window starts after RATE_LIMIT_WINDOW_S', async () => {
    await withApis([{ limits: { rateLimitMax: 2, rateLimitWindowS: 1 } }], async ([a]) => {
      expect((await a!.call(JOB)).status).toBe(404);
      expect((await a!.call(JOB)).status).toBe(404);
      const over = await a!.call(JOB);
      expect(over.status).toBe(429);
      expect(Number(over.headers.get('retry-after'))).toBe(1);
      await sleep(1100);
      expect((await a!.call(JOB)).status).toBe(404);
    });
  });

  it('RATE_LIMIT_STORE=memory: each process counts alone (one process only)', async () => {
    const prefix = `test:${randomUUID()}:rl:`;
    const options = {
      limits: { rateLimitMax: 2 },
      rateLimitStore: 'memory' as const,
      rateLimitPrefix: prefix,
    };
    await withApis([options, options], async ([a, b]) => {
      for (const api of [a!, b!]) {
        expect((await api.call(JOB)).status).toBe(404);
        expect((await api.call(JOB)).status).toBe(404);
        expect((await api.call(JOB)).status).toBe(429);
      }
      const client = new Redis(redis.url);
      try {
        expect(await client.keys(`${prefix}*`)).toEqual([]);
      } finally {
        client.disconnect();
      }
    });
  });
});

describe('failed authentications per client address', () => {
  const limits = { authFailLimitMax: 3, authFailWindowS: 60 };

  it('after N answers 401 from an address, it gets 429, a valid key included; successes never count', async () => {
    const prefix = `test:${randomUUID()}:rl:`;
    await withApis(
      [
        { limits, rateLimitPrefix: prefix },
        { limits, rateLimitPrefix: prefix },
      ],
      async ([a, b]) => {
        // Valid requests do not use up the budget.
        for (let i = 0; i < 10; i++) expect((await a!.call(JOB)).status).toBe(404);
        // Three failures, across both processes: a wrong key, none, a wrong admin key. A valid
        // key passes while fewer than N have failed.
        expect((await a!.call(JOB, { key: WRONG })).status).toBe(401);
        expect((await b!.call(JOB, { key: null })).status).toBe(401);
        expect((await b!.call(JOB)).status).toBe(404);
        const admin = await request(`${a!.url}/admin/queues`, {
          headers: { authorization: `Bearer ${WRONG}` },
        });
        expect(admin.status).toBe(401);
        // N failures used up: the next request is refused, whatever key it carries.
        await expect429(
          await b!.call(JOB, { key: WRONG }),
          /wrong or missing key from this address \(at most 3 per 60 s\)/,
        );
        // Over the limit, a right key cannot be told from a wrong one: both 429, the admin key too.
        await expect429(await a!.call(JOB), /wrong or missing key/);
        await expect429(await a!.call(JOB, { key: null }), /wrong or missing key/);
        const adminOver = await request(`${b!.url}/admin/queues`, {
          headers: { authorization: `Bearer ${ADMIN_KEY}` },
        });
        expect(adminOver.status).toBe(429);
        // Routes without a key are not affected.
        expect((await request(`${a!.url}/healthz`)).status).toBe(200);
      },
    );
  });

  it('TRUST_PROXY off: X-Forwarded-For is ignored, every client behind the socket shares one count', async () => {
    await withApis([{ limits }], async ([a]) => {
      for (const address of ['203.0.113.1', '203.0.113.2', '203.0.113.3'])
        expect((await a!.call(JOB, fromAddress(address, WRONG))).status).toBe(401);
      // A new forged address does not give a new budget.
      expect((await a!.call(JOB, fromAddress('203.0.113.4', WRONG))).status).toBe(429);
      expect((await a!.call(JOB, fromAddress('198.51.100.9'))).status).toBe(429);
    });
  });

  it('TRUST_PROXY on: each client address behind the proxy has its own count; others are not locked out', async () => {
    // The test client connects from 127.0.0.1: it is the one trusted proxy hop.
    for (const trustProxy of [1, ['loopback']]) {
      await withApis([{ limits, trustProxy }], async ([a]) => {
        const attacker = '203.0.113.7';
        for (let i = 0; i < 3; i++)
          expect((await a!.call(JOB, fromAddress(attacker, WRONG))).status).toBe(401);
        expect((await a!.call(JOB, fromAddress(attacker, WRONG))).status).toBe(429);
        expect((await a!.call(JOB, fromAddress(attacker))).status).toBe(429);
        // A forged entry in front of what the proxy appended changes nothing: the proxy's is used.
        expect((await a!.call(JOB, fromAddress(`192.0.2.1, ${attacker}`))).status).toBe(429);
        // Another client behind the same proxy: its valid key works, its own failures are its own.
        const other = '198.51.100.20';
        expect((await a!.call(JOB, fromAddress(other))).status).toBe(404);
        expect((await a!.call(JOB, fromAddress(other, WRONG))).status).toBe(401);
        // IPv6 clients count by /56, as express-rate-limit does: a new address in it is no escape.
        for (let i = 0; i < 3; i++)
          expect((await a!.call(JOB, fromAddress(`2001:db8:0:1::${i + 1}`, WRONG))).status).toBe(401);
        expect((await a!.call(JOB, fromAddress('2001:db8:0:ff::9', WRONG))).status).toBe(429);
        expect((await a!.call(JOB, fromAddress('2001:db8:1::9'))).status).toBe(404);
      });
    }
  });

  it('the window ends: the address may try again', async () => {
    await withApis([{ limits: { authFailLimitMax: 1, authFailWindowS: 1 } }], async ([a]) => {
      expect((await a!.call(JOB, { key: WRONG })).status).toBe(401);
      expect((await a!.call(JOB, { key: WRONG })).status).toBe(429);
      expect((await a!.call(JOB)).status).toBe(429);
      await sleep(1100);
      expect((await a!.call(JOB)).status).toBe(404);
      expect((await a!.call(JOB, { key: WRONG })).status).toBe(401);
    });
  });
});

describe('with Redis down', () => {
  it('redis store: limited routes answer 503 (fail closed), wrong keys included; /readyz 503', async (ctx) => {
    const own = await startTestRedis();
    if (!own.owned) ctx.skip("REDIS_URL is someone else's server: not ours to stop");
    await withApis(
      [{ limits: { authFailLimitMax: 2 } }],
      async ([a]) => {
        expect((await a!.call('/v1/webhook-key')).status).toBe(200);
        await own.stop();
        for (const key of [KEYS.alpha, WRONG, null]) {
          const res = await a!.call('/v1/webhook-key', { key });
          expect(res.status, String(key)).toBe(503);
          expect(res.headers.get('retry-after')).toBe('5');
          const body = await res.json();
          expect(body).toMatchObject({ status: 503, error: 'Service Unavailable' });
          expect(body.message).toMatch(/Redis/);
        }
        expect((await request(`${a!.url}/readyz`)).status).toBe(503);
        expect((await request(`${a!.url}/healthz`)).status).toBe(200);

        // Back: limits are counted again (the store loads its scripts into the new server).
        await own.restart();
        await waitReady(a!);
        expect((await a!.call('/v1/webhook-key')).status).toBe(200);
        expect((await a!.call('/v1/webhook-key', { key: WRONG })).status).toBe(401);
        expect((await a!.call('/v1/webhook-key', { key: WRONG })).status).toBe(401);
        expect((await a!.call('/v1/webhook-key', { key: WRONG })).status).toBe(429);
      },
      own,
    );
    await own.stop();
  });

  it('redis store: an API started while Redis was away limits once it is there', async (ctx) => {
    const own = await startTestRedis();
    if (!own.owned) ctx.skip("REDIS_URL is someone else's server: not ours to stop");
    await own.stop();
    await withApis(
      [{ limits: { rateLimitMax: 2 } }],
      async ([a]) => {
        expect((await a!.call(JOB)).status).toBe(503);
        await own.restart();
        await waitReady(a!);
        expect((await a!.call(JOB)).status).toBe(404);
        expect((await a!.call(JOB)).status).toBe(404);
        expect((await a!.call(JOB)).status).toBe(429);
      },
      own,
    );
    await own.stop();
  });

  it('memory store: limits go on without Redis (job routes still 503)', async (ctx) => {
    const own = await startTestRedis();
    if (!own.owned) ctx.skip("REDIS_URL is someone else's server: not ours to stop");
    await withApis(
      [{ rateLimitStore: 'memory', limits: { rateLimitMax: 3, authFailLimitMax: 1 } }],
      async ([a]) => {
        await own.stop();
        expect((await a!.call('/v1/webhook-key')).status).toBe(200);
        expect((await a!.call(JOB)).status).toBe(503);
        expect((await a!.call('/v1/webhook-key')).status).toBe(200);
        expect((await a!.call('/v1/webhook-key')).status).toBe(429);
        expect((await a!.call('/v1/webhook-key', { key: WRONG })).status).toBe(401);
        expect((await a!.call('/v1/webhook-key', { key: WRONG })).status).toBe(429);
      },
      own,
    );
  });
});

async function waitReady(api: TestApi): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if ((await request(`${api.url}/readyz`)).status === 200) return;
    await sleep(100);
  }
  throw new Error('the API did not see Redis again within 10 s');
}

describe('configuration', () => {
  it('defaults: Redis store, 20 failures per 300 s, no proxy trusted', () => {
    const config = configFromEnv({});
    expect(config.rateLimitStore).toBe('redis');
    expect(config.trustProxy).toBe(false);
    expect(config.limits).toMatchObject({ authFailLimitMax: 20, authFailWindowS: 300 });
  });

  it('reads RATE_LIMIT_STORE, AUTH_FAIL_* and TRUST_PROXY', () => {
    const config = configFromEnv({
      RATE_LIMIT_STORE: 'memory',
      AUTH_FAIL_LIMIT_MAX: '5',
      AUTH_FAIL_WINDOW_S: '60',
      TRUST_PROXY: 'loopback, 10.0.0.0/8,fd00::/8',
    });
    expect(config.rateLimitStore).toBe('memory');
    expect(config.limits).toMatchObject({ authFailLimitMax: 5, authFailWindowS: 60 });
    expect(config.trustProxy).toEqual(['loopback', '10.0.0.0/8', 'fd00::/8']);
    expect(parseTrustProxy('2')).toBe(2);
    expect(parseTrustProxy('false')).toBe(false);
    expect(parseTrustProxy('0')).toBe(false);
  });

  it('refuses TRUST_PROXY=true, addresses it cannot read and unknown stores', () => {
    expect(() => configFromEnv({ TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY: true would trust every/);
    expect(() => configFromEnv({ TRUST_PROXY: '10.0.0.0/33' })).toThrow(/"10.0.0.0\/33" is not/);
    expect(() => configFromEnv({ TRUST_PROXY: 'proxy.internal' })).toThrow(/TRUST_PROXY/);
    expect(() => configFromEnv({ RATE_LIMIT_STORE: 'postgres' })).toThrow(/RATE_LIMIT_STORE/);
    expect(() => configFromEnv({ AUTH_FAIL_LIMIT_MAX: '0' })).toThrow(/AUTH_FAIL_LIMIT_MAX/);
  });
});
