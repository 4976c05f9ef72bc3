import { Validator } from '@seriousme/openapi-schema-validator';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { WEB_CSP, webRouter } from '@paketbygd/web';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRedis, type TestRedis } from '../../../tests/support/redis-server';
import { example, fileRedis, KEYS, startTestApi, type TestApi, request } from './support';

let t: TestApi;
let redis: TestRedis;
beforeAll(async () => {
  redis = await fileRedis(4);
  t = await startTestApi({}, redis);
});
afterAll(async () => {
  await t?.close();
  await redis?.stop();
});

const PATHS = [
  '/v1/plans',
  '/v1/comparisons',
  '/v1/routes',
  '/v1/placements',
  '/vroom',
  '/optimization',
  '/v1/jobs/{id}',
  '/v1/jobs/{id}/result',
  '/v1/jobs/{id}/report',
  '/v1/webhook-key',
  '/v1/transports',
  '/healthz',
  '/readyz',
  '/metrics',
  '/openapi.json',
  '/docs',
];

describe('health', () => {
  it('/healthz and /readyz answer 200 without a key', async () => {
    const health = await request(`${t.url}/healthz`);
    expect(health.status).toBe(200);
    const ready = await request(`${t.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ok', redis: true });
  });

  it('answers with helmet headers', async () => {
    const res = await request(`${t.url}/healthz`);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
    expect(res.headers.get('x-powered-by')).toBeNull();
  });
});

describe('/metrics', () => {
  it('has queue depth by state, job durations and HTTP latency by route pattern', async () => {
    await t.call('/v1/routes', { json: example('operator/small-cvrp.json') });
    await t.call('/v1/jobs/6f1c2f43-7a8e-4a57-9d0e-2b3b6f8a9c01');
    const res = await request(`${t.url}/metrics`);
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toMatch(/^paketbygd_queue_jobs\{state="waiting"\} [1-9]\d*$/m);
    expect(text).toMatch(/^paketbygd_queue_jobs\{state="active"\} 0$/m);
    expect(text).toContain('# TYPE paketbygd_job_duration_seconds histogram');
    expect(text).toMatch(
      /paketbygd_http_request_duration_seconds_count\{method="GET",route="\/v1\/jobs\/:id",status="404"\} 1/,
    );
    expect(text).toMatch(
      /paketbygd_http_request_duration_seconds_count\{method="POST",route="\/v1\/routes",status="202"\}/,
    );
  });
});

describe('OpenAPI', () => {
  let doc: any;
  beforeAll(async () => {
    const res = await request(`${t.url}/openapi.json`);
    expect(res.status).toBe(200);
    doc = await res.json();
  });

  it('is an OpenAPI 3.1 document listing every path', () => {
    expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
    expect(doc.info).toMatchObject({ title: expect.any(String), version: expect.any(String) });
    expect(Object.keys(doc.paths).sort()).toEqual([...PATHS].sort());
    expect(doc.components.securitySchemes.apiKey).toEqual(
      expect.objectContaining({ type: 'http', scheme: 'bearer' }),
    );
    for (const [path, item] of Object.entries<any>(doc.paths)) {
      const ops = ['get', 'post', 'delete'].filter((m) => item[m]);
      expect(ops.length, path).toBeGreaterThan(0);
      for (const m of ops) expect(Object.keys(item[m].responses).length, `${m} ${path}`).toBeGreaterThan(0);
    }
    expect(doc.paths['/v1/jobs/{id}'].delete.responses).toHaveProperty('204');
  });

  it('validates against the official OpenAPI 3.1 schema', async () => {
    const result = await new Validator().validate(structuredClone(doc));
    expect(result.valid, JSON.stringify(result.errors, null, 1)?.slice(0, 2000)).toBe(true);
    const broken = structuredClone(doc);
    broken.paths['/healthz'].get.responses = { '200': { content: {} } };
    expect((await new Validator().validate(broken)).valid).toBe(false);
  });

  it('every $ref resolves and every schema compiles as JSON Schema 2020-12', () => {
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"([^"]+)"/g)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThan(10);
    for (const ref of refs) {
      expect(ref, ref).toMatch(/^#\/components\/schemas\//);
      expect(doc.components.schemas[ref.split('/').pop()!], ref).toBeDefined();
    }
    const ajv = new Ajv2020({ strict: false, validateFormats: false });
    for (const [name, schema] of Object.entries(doc.components.schemas)) {
      expect(() => ajv.compile(schema as object), name).not.toThrow();
    }
    for (const name of [
      'Scenario',
      'ComparisonRequest',
      'RoutingProblem',
      'PlacementRequest',
      'JobView',
      'Error',
    ]) {
      expect(doc.components.schemas, name).toHaveProperty(name);
    }
  });

  it('its schemas accept what the API accepts and answers', async () => {
    const ajv = new Ajv2020({ strict: false, validateFormats: false });
    const check = (name: string, value: unknown) => {
      const validate = ajv.compile(doc.components.schemas[name]);
      expect(validate(value), `${name}: ${JSON.stringify(validate.errors)}`).toBe(true);
    };
    check('Scenario', example('vingaker/scenario.json'));
    check('RoutingProblem', example('operator/small-cvrp.json'));
    const submitted = await (
      await t.call('/v1/routes', { json: example('operator/small-cvrp.json') })
    ).json();
    check('Accepted', submitted);
    check('JobView', await (await t.call(submitted.links.self)).json());
    check('Error', await (await t.call('/v1/jobs/nope')).json());
  });
});

describe('/docs', () => {
  it('is one self-contained HTML page listing every operation', async () => {
    const res = await request(`${t.url}/docs`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    const html = await res.text();
    for (const path of PATHS) expect(html, path).toContain(`<code>${path}</code>`);
    expect(html).toContain('id="schema-Scenario"');
    expect(html).not.toMatch(/<script|<link|src="http|href="http/i);
  });
});

describe('without Redis', () => {
  it('/readyz answers 503 and job calls 503 JSON when Redis is stopped', async (ctx) => {
    const own = await startTestRedis();
    if (!own.owned) ctx.skip("REDIS_URL is someone else's server: not ours to stop");
    const api = await startTestApi({}, own);
    try {
      expect((await request(`${api.url}/readyz`)).status).toBe(200);
      await own.stop();
      const ready = await request(`${api.url}/readyz`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toEqual({ status: 'unavailable', redis: false });
      const job = await api.call('/v1/jobs/6f1c2f43-7a8e-4a57-9d0e-2b3b6f8a9c01', { key: KEYS.alpha });
      expect(job.status).toBe(503);
      expect((await job.json()).message).toMatch(/Redis/);
      expect((await request(`${api.url}/healthz`)).status).toBe(200);
    } finally {
      await api.close();
      await own.stop();
    }
  });
});

describe('the web page', () => {
  it('is served at / with its own CSP when given; the API routes and the JSON 404 stay', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'paketbygd-web-'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Paketbygd page</title>');
    const withPage = await startTestApi({ page: webRouter({ dir }) }, redis);
    try {
      const page = await request(`${withPage.url}/`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('Paketbygd page');
      expect(page.headers.get('content-security-policy')).toBe(WEB_CSP);
      expect((await request(`${withPage.url}/docs`)).headers.get('content-type')).toMatch(/text\/html/);
      const missing = await request(`${withPage.url}/nothing-here`);
      expect(missing.status).toBe(404);
      expect((await missing.json()).message).toMatch(/no such endpoint/);
    } finally {
      await withPage.close();
    }
  });
});
