import { createHmac } from 'node:crypto';
import type { TestRedis } from '../../../tests/support/redis-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN_KEY,
  example,
  fileRedis,
  KEYS,
  startTestApi,
  WEBHOOK_SECRET,
  type TestApi,
  request,
} from './support';

let t: TestApi;
let redis: TestRedis;
beforeAll(async () => {
  redis = await fileRedis(2);
  t = await startTestApi({}, redis);
});
afterAll(async () => {
  await t?.close();
  await redis?.stop();
});

const routing = () => example('operator/small-cvrp.json');

describe('API keys', () => {
  it('no key: 401 with a JSON message and a Bearer challenge', async () => {
    const res = await t.call('/v1/routes', { json: routing(), key: null });
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect((await res.json()).message).toMatch(/Authorization: Bearer/);
  });

  it('a wrong key, or a key in another scheme: 401', async () => {
    const wrong = await t.call('/v1/jobs/6f1c2f43-7a8e-4a57-9d0e-2b3b6f8a9c01', {
      key: 'not-a-key-0123456789abcdef',
    });
    expect(wrong.status).toBe(401);
    expect((await wrong.json()).message).toBe('the API key is not valid');
    const basic = await request(`${t.url}/v1/webhook-key`, {
      headers: { authorization: `Basic ${Buffer.from(`x:${KEYS.alpha}`).toString('base64')}` },
    });
    expect(basic.status).toBe(401);
  });

  it("another tenant's job answers 404, exactly like a missing one", async () => {
    const submitted = await (await t.call('/v1/routes', { json: routing() })).json();
    const missing = await t.call('/v1/jobs/6f1c2f43-7a8e-4a57-9d0e-2b3b6f8a9c01', { key: KEYS.beta });
    for (const path of [submitted.links.self, submitted.links.result, `${submitted.links.self}/report`]) {
      const res = await t.call(path, { key: KEYS.beta });
      expect(res.status, path).toBe(404);
      expect(Object.keys(await res.json()).sort()).toEqual(Object.keys(await missing.clone().json()).sort());
    }
    const cancel = await t.call(submitted.links.self, { key: KEYS.beta, method: 'DELETE' });
    expect(cancel.status).toBe(404);
    expect((await t.call(submitted.links.self)).status).toBe(200);
  });

  it('a malformed job id: 404', async () => {
    expect((await t.call('/v1/jobs/..%2F..%2Fetc')).status).toBe(404);
    expect((await t.call('/v1/jobs/1')).status).toBe(404);
  });
});

describe('unknown routes', () => {
  it('answer 404 JSON, with or without a key', async () => {
    for (const res of [
      await t.call('/v2/things'),
      await t.call('/v1/nothing'),
      await t.call('/', { key: null }),
    ]) {
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toMatch(/application\/json/);
      expect((await res.json()).message).toMatch(/no such endpoint/);
    }
  });
});

describe('webhook key', () => {
  it('is hex HMAC-SHA256(WEBHOOK_SECRET, tenant) of the caller', async () => {
    const res = await t.call('/v1/webhook-key', { key: KEYS.beta });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ tenant: 'beta', header: 'paketbygd-signature' });
    expect(body.key).toBe(createHmac('sha256', WEBHOOK_SECRET).update('beta').digest('hex'));
  });

  it('503 when no secret is configured', async () => {
    const bare = await startTestApi({ webhookSecret: undefined }, t.redis);
    try {
      expect((await bare.call('/v1/webhook-key')).status).toBe(503);
    } finally {
      await bare.close();
    }
  });
});

describe('rate limit per key', () => {
  it('429 with a JSON message and Retry-After once the key is over its limit; other keys unaffected', async () => {
    const limited = await startTestApi({ limits: { rateLimitMax: 3, rateLimitWindowS: 60 } }, t.redis);
    try {
      const url = '/v1/jobs/6f1c2f43-7a8e-4a57-9d0e-2b3b6f8a9c01';
      for (let i = 0; i < 3; i++) expect((await limited.call(url)).status).toBe(404);
      const over = await limited.call(url);
      expect(over.status).toBe(429);
      expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0);
      expect((await over.json()).message).toMatch(/3 per 60 s/);
      expect((await limited.call(url, { key: KEYS.beta })).status).toBe(404);
    } finally {
      await limited.close();
    }
  });
});

describe('queue dashboard', () => {
  it('needs the admin key, as Bearer or Basic', async () => {
    const none = await request(`${t.url}/admin/queues`);
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toMatch(/^Basic/);
    const tenantKey = await request(`${t.url}/admin/queues`, {
      headers: { authorization: `Bearer ${KEYS.alpha}` },
    });
    expect(tenantKey.status).toBe(401);
    const bearer = await request(`${t.url}/admin/queues`, {
      headers: { authorization: `Bearer ${ADMIN_KEY}` },
    });
    expect(bearer.status).toBe(200);
    expect(await bearer.text()).toMatch(/<html/i);
    const basic = await request(`${t.url}/admin/queues/api/queues?activeQueue=x`, {
      headers: { authorization: `Basic ${Buffer.from(`admin:${ADMIN_KEY}`).toString('base64')}` },
    });
    expect(basic.status).toBe(200);
    const queues = await basic.json();
    expect(JSON.stringify(queues)).toContain('{paketbygd}solve');
    expect(JSON.stringify(queues)).toContain('{paketbygd}webhook');
  });

  it('is not there without ADMIN_API_KEY', async () => {
    const bare = await startTestApi({ adminApiKey: undefined }, t.redis);
    try {
      expect(
        (await request(`${bare.url}/admin/queues`, { headers: { authorization: `Bearer ${ADMIN_KEY}` } }))
          .status,
      ).toBe(404);
    } finally {
      await bare.close();
    }
  });
});
