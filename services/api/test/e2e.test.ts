import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { STRICT_WEBHOOK_TARGETS } from '@paketbygd/model';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestRedis } from '../../../tests/support/redis-server';
import { startSolverWorker, type SolverWorkerHandle } from '@paketbygd/solver-worker';
import { example, fileRedis, request, startTestApi, WEBHOOK_SECRET, type TestApi } from './support';

/** Submit → the real solver worker → result, report, GeoJSON, webhook; all over HTTP and Redis. */
let t: TestApi;
let redis: TestRedis;
let worker: SolverWorkerHandle;

beforeAll(async () => {
  redis = await fileRedis(5);
  // The webhook receiver below listens on 127.0.0.1: internal targets are allowed explicitly.
  t = await startTestApi({ webhookTargets: { ...STRICT_WEBHOOK_TARGETS, allowPrivate: true } }, redis);
  worker = await startSolverWorker({
    redisUrl: redis.url,
    concurrency: 2,
    logger: pino({ level: 'silent' }),
    env: { WEBHOOK_SECRET, WEBHOOK_BACKOFF_MS: 100, WEBHOOK_ALLOW_PRIVATE: 'true' },
    travel: { backend: 'straightline' },
    progressIntervalMs: 100,
  });
});
afterAll(async () => {
  await worker?.close(5000);
  await t?.close();
  await redis?.stop();
});

const scenario = () => example('vingaker/scenario.json');

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('end to end with the solver worker', () => {
  it('a routing request with ?wait answers 200 with the solution', async () => {
    const res = await t.call('/v1/routes?wait=20&timeLimitS=1', {
      json: example('operator/small-cvrp.json'),
    });
    expect(res.status).toBe(200);
    const solution = await res.json();
    expect(solution.code).toBe(0);
    expect(solution.routes.length).toBeGreaterThan(0);
    const id = res.headers.get('location')!.split('/').pop()!;
    const view = await (await t.call(`/v1/jobs/${id}`)).json();
    expect(view).toMatchObject({ state: 'completed', attempts: { made: 1 } });
    expect(view.finishedAt).not.toBeNull();
    const metrics = await (await request(`${t.url}/metrics`)).text();
    expect(metrics).toMatch(/paketbygd_job_duration_seconds_count\{kind="route",status="completed"\} [1-9]/);
  });

  it('a routing request with locations and no matrices: the answer says which travel backend', async () => {
    const { matrices: _m, ...problem } = example('operator/small-cvrp.json');
    const stripped = {
      ...problem,
      jobs: problem.jobs.map(({ location_index: _i, ...j }: any) => j),
      vehicles: problem.vehicles.map(({ start_index: _s, end_index: _e, ...v }: any) => v),
    };
    const res = await t.call('/v1/routes?wait=20&timeLimitS=1', { json: stripped });
    expect(res.status).toBe(200);
    expect(JSON.stringify((await res.json()).travel)).toContain('straightline');
  });

  it('plan, comparison and placement: results, GeoJSON and HTML reports', { timeout: 90_000 }, async () => {
    const [plan, comparison, placement] = await Promise.all([
      t.call('/v1/plans?wait=30&timeLimitS=3&seed=1', { json: scenario() }),
      t.call('/v1/comparisons?wait=30&timeLimitS=4', {
        json: { scenario: scenario(), bids: [example('bids/nordbox-vans.json')] },
      }),
      t.call('/v1/placements?timeLimitS=3', { json: { scenario: scenario(), model: 'pmedian', p: 3 } }),
    ]);
    expect(plan.status).toBe(200);
    const planBody = await plan.json();
    expect(planBody.kind).toBe('plan');
    const planUrl = plan.headers.get('location')!;
    const geo = await t.call(`${planUrl}/result`, { headers: { accept: 'application/geo+json' } });
    expect(geo.status).toBe(200);
    expect(geo.headers.get('content-type')).toMatch(/application\/geo\+json/);
    const features = await geo.json();
    expect(features.type).toBe('FeatureCollection');
    expect(features.features.length).toBeGreaterThan(0);
    const report = await t.call(`${planUrl}/report`);
    expect(report.status).toBe(200);
    expect(report.headers.get('content-type')).toMatch(/text\/html/);
    expect(report.headers.get('content-security-policy')).toBe(
      "default-src 'none'; style-src 'unsafe-inline'; img-src data:",
    );
    expect(await report.text()).toContain('Vingåker');

    expect(comparison.status).toBe(200);
    expect((await comparison.json()).kind).toBe('comparison-result');
    const compareReport = await t.call(`${comparison.headers.get('location')}/report`);
    expect(compareReport.status).toBe(200);
    expect(await compareReport.text()).toMatch(/NordBox|nordbox/);

    expect(placement.status).toBe(202);
    const placed = await placement.json();
    const answer = await until('the placement', async () => {
      const res = await t.call(placed.links.result);
      if (res.status !== 200) return undefined;
      const text = await res.text();
      if (text === 'null') {
        const raw = await t.api.jobs.queue.getJob(placed.id);
        throw new Error(`null result: ${JSON.stringify({ ...raw?.toJSON(), data: undefined })}`);
      }
      return JSON.parse(text);
    });
    expect(answer.open).toHaveLength(3);
  });

  it('cancelling a running job stops it; it ends failed as cancelled', async () => {
    const submitted = await (await t.call('/v1/plans?timeLimitS=60', { json: scenario() })).json();
    await until('the job to run', async () => {
      const view = await (await t.call(submitted.links.self)).json();
      return view.state === 'active' ? view : undefined;
    });
    const res = await t.call(submitted.links.self, { method: 'DELETE' });
    expect(res.status).toBe(202);
    const view = await until('the job to stop', async () => {
      const v = await (await t.call(submitted.links.self)).json();
      return v.state === 'failed' ? v : undefined;
    });
    expect(view.error).toMatch(/cancel/);
    expect((await t.call(submitted.links.result)).status).toBe(422);
  });

  it('the webhook arrives signed with the key /v1/webhook-key gives', async () => {
    let resolveArrived: (value: { req: IncomingMessage; body: string }) => void = () => undefined;
    const arrived = new Promise<{ req: IncomingMessage; body: string }>(
      (resolve) => (resolveArrived = resolve),
    );
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        res.end('ok');
        resolveArrived({ req, body });
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
    const submitted = await (
      await t.call('/v1/routes?timeLimitS=1', {
        json: { ...example('operator/small-cvrp.json'), callbackUrl: url },
      })
    ).json();
    const { req, body } = await arrived;
    server.close();
    const { key } = await (await t.call('/v1/webhook-key')).json();
    const header = String(req.headers['paketbygd-signature']);
    const [, ts, sig] = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header) ?? [];
    expect(sig).toBe(createHmac('sha256', key).update(`${ts}.${body}`).digest('hex'));
    expect(JSON.parse(body)).toMatchObject({ jobId: submitted.id, state: 'completed' });
  });
});
