import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestRedis } from '../../../tests/support/redis-server';
import type { SolveJob } from '../src/jobs';
import { fileRedis, example, startTestApi, type TestApi, type JsonResponse } from './support';

let t: TestApi;
let redis: TestRedis;
beforeAll(async () => {
  redis = await fileRedis(1);
  t = await startTestApi(
    { limits: { maxBodyBytes: 200_000 }, retention: { resultTtlS: 111, failedTtlS: 222, attempts: 4 } },
    redis,
  );
});
afterAll(async () => {
  await t?.close();
  await redis?.stop();
});

const scenario = () => example('vingaker/scenario.json');
const routing = () => example('operator/small-cvrp.json');
const comparison = () => ({
  scenario: scenario(),
  bids: [example('bids/nordbox-vans.json')],
});
const placement = () => ({ scenario: scenario(), model: 'pmedian', p: 3 });

async function stored(id: string): Promise<SolveJob> {
  const job = (await t.api.jobs.queue.getJob(id)) as SolveJob | undefined;
  if (!job) throw new Error(`job ${id} is not in Redis`);
  return job;
}

describe('POST submissions', () => {
  const cases = [
    ['/v1/plans', 'plan', scenario],
    ['/v1/comparisons', 'compare', comparison],
    ['/v1/routes', 'route', routing],
    ['/v1/placements', 'place', placement],
  ] as const;

  it.each(cases)(
    '%s queues a %s job and answers 202 with id, state, links and Location',
    async (path, kind, body) => {
      const res = await t.call(path, { json: body() });
      expect(res.status).toBe(202);
      const answer = await res.json();
      expect(answer.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(answer).toMatchObject({ kind, state: 'waiting' });
      expect(answer.links.self).toBe(`/v1/jobs/${answer.id}`);
      expect(answer.links.result).toBe(`/v1/jobs/${answer.id}/result`);
      if (kind === 'plan' || kind === 'compare')
        expect(answer.links.report).toBe(`/v1/jobs/${answer.id}/report`);
      else expect(answer.links.report).toBeUndefined();
      expect(res.headers.get('location')).toBe(answer.links.self);

      const job = await stored(answer.id);
      expect(job.name).toBe(kind);
      expect(job.data.kind).toBe(kind);
      expect(job.data.tenant).toBe('alpha');
      expect(job.opts.attempts).toBe(4);
      expect(job.opts.backoff).toMatchObject({ type: 'exponential' });
      expect(job.opts.removeOnComplete).toEqual({ age: 111 });
      expect(job.opts.removeOnFail).toEqual({ age: 222 });

      const status = await t.call(answer.links.self);
      expect(status.status).toBe(200);
      expect(await status.json()).toMatchObject({
        id: answer.id,
        kind,
        state: 'waiting',
        progress: null,
        error: null,
      });
    },
  );

  it('takes the tenant from the key, never from the body', async () => {
    const res = await t.call('/v1/routes', { json: { ...routing(), tenant: 'beta' } });
    expect(res.status).toBe(400);
    expect((await res.json()).problems).toContainEqual(expect.objectContaining({ path: 'tenant' }));
    const other = await t.call('/v1/routes', { json: routing(), key: 'beta-key-0123456789abcdef' });
    expect((await stored((await other.json()).id)).data.tenant).toBe('beta');
  });

  it('takes callbackUrl off the document, from the body or the query', async () => {
    const fromBody = await t.call('/v1/plans', {
      json: { ...scenario(), callbackUrl: 'https://ops.example/hook' },
    });
    expect(fromBody.status).toBe(202);
    const job = await stored((await fromBody.json()).id);
    expect(job.data.callbackUrl).toBe('https://ops.example/hook');
    expect(job.data.input).not.toHaveProperty('callbackUrl');

    const fromQuery = await t.call(
      `/v1/routes?callbackUrl=${encodeURIComponent('http://hooks.example:9/x')}`,
      {
        json: routing(),
      },
    );
    const queued = await stored((await fromQuery.json()).id);
    expect(queued.data.callbackUrl).toBe('http://hooks.example:9/x');
    expect((await (await t.call(`/v1/jobs/${queued.id}`)).json()).callbackUrl).toBe(
      'http://hooks.example:9/x',
    );

    const both = await t.call('/v1/routes?callbackUrl=https://a.example/', {
      json: { ...routing(), callbackUrl: 'https://b.example/' },
    });
    expect(both.status).toBe(400);
    const ftp = await t.call('/v1/routes', { json: { ...routing(), callbackUrl: 'ftp://files.example/x' } });
    expect(ftp.status).toBe(400);
    expect((await ftp.json()).problems).toEqual([
      { path: 'callbackUrl', message: 'callbackUrl is an http(s) URL' },
    ]);
  });

  it('takes job options from the query, and for routes from VROOM options', async () => {
    const q = await t.call('/v1/plans?timeLimitS=2.5&seed=7', { json: scenario() });
    expect((await stored((await q.json()).id)).data.options).toEqual({ timeLimitS: 2.5, seed: 7 });

    const vroom = await t.call('/v1/routes', { json: { ...routing(), options: { time_limit: 3, seed: 9 } } });
    expect((await stored((await vroom.json()).id)).data.options).toEqual({ timeLimitS: 3, seed: 9 });

    const override = await t.call('/v1/routes?seed=1', {
      json: { ...routing(), options: { time_limit: 3, seed: 9 } },
    });
    expect((await stored((await override.json()).id)).data.options).toEqual({ timeLimitS: 3, seed: 1 });
  });

  it('passes a routing request with locations and no matrices on as it is', async () => {
    const { matrices: _drop, ...problem } = routing();
    const stripped = {
      ...problem,
      jobs: problem.jobs.map(({ location_index: _i, ...j }: any) => j),
      vehicles: problem.vehicles.map(({ start_index: _s, end_index: _e, ...v }: any) => v),
    };
    const res = await t.call('/v1/routes', { json: stripped });
    expect(res.status).toBe(202);
    const job = await stored((await res.json()).id);
    expect(job.data.input).not.toHaveProperty('matrices');
    expect((job.data.input as any).jobs[0].location).toEqual(stripped.jobs[0].location);
  });
});

describe('bad submissions', () => {
  const problemsOf = async (res: JsonResponse) => {
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    const body = await res.json();
    expect(body).toMatchObject({ status: 400, error: 'Bad Request' });
    expect(typeof body.message).toBe('string');
    return body.problems as { path: string; message: string }[];
  };

  it('a scenario with a latitude out of range: 400 naming demand[0].location[1]', async () => {
    const s = scenario();
    s.demand[0].location[1] = 95;
    const problems = await problemsOf(await t.call('/v1/plans', { json: s }));
    expect(problems.map((p) => p.path)).toContain('demand[0].location[1]');
  });

  it('a scenario that fails the checks across the document (an unknown hub)', async () => {
    const s = scenario();
    s.vehicles[0].startHubId = 'hub-nowhere';
    const problems = await problemsOf(await t.call('/v1/plans', { json: s }));
    expect(problems.some((p) => p.path.startsWith('vehicles[0]') && /hub-nowhere/.test(p.message))).toBe(
      true,
    );
  });

  it('a routing request with a negative delivery and a duplicate job id', async () => {
    const r = routing();
    r.jobs[2].delivery = [-1];
    const bad = await problemsOf(await t.call('/v1/routes', { json: r }));
    expect(bad.map((p) => p.path)).toContain('jobs[2].delivery[0]');

    const dup = routing();
    dup.jobs[1].id = dup.jobs[0].id;
    const dups = await problemsOf(await t.call('/v1/routes', { json: dup }));
    expect(dups.map((p) => p.path)).toContain('jobs[1].id');
  });

  it('a misspelt field gets a suggestion', async () => {
    const r = routing();
    r.vehicels = r.vehicles;
    const problems = await problemsOf(await t.call('/v1/routes', { json: r }));
    expect(problems).toContainEqual({ path: 'vehicels', message: 'unknown field; did you mean "vehicles"?' });
  });

  it('a comparison with nothing to compare, and one whose bid names an unknown site', async () => {
    const empty = await problemsOf(await t.call('/v1/comparisons', { json: { scenario: scenario() } }));
    expect(empty.map((p) => p.path)).toContain('bids');
    const c = comparison();
    c.bids[0].sites[0].siteId = 'box-atlantis';
    const unknown = await problemsOf(await t.call('/v1/comparisons', { json: c }));
    expect(unknown.map((p) => p.path)).toContain('bids[0].sites[0].siteId');
  });

  it('a placement request whose scenario is wrong names the path under scenario', async () => {
    const p = placement();
    p.scenario.demand[0].location[0] = 500;
    const problems = await problemsOf(await t.call('/v1/placements', { json: p }));
    expect(problems.map((x) => x.path)).toContain('scenario.demand[0].location[0]');
    const model = await problemsOf(
      await t.call('/v1/placements', { json: { ...placement(), model: 'magic' } }),
    );
    expect(model.map((x) => x.path)).toContain('model');
  });

  it('bad query parameters', async () => {
    const unknown = await problemsOf(await t.call('/v1/routes?timelimit=3', { json: routing() }));
    expect(unknown.map((p) => p.path)).toContain('query.timelimit');
    const tooLong = await problemsOf(await t.call('/v1/routes?timeLimitS=601', { json: routing() }));
    expect(tooLong).toContainEqual({ path: 'query.timeLimitS', message: 'at most 600 s' });
    const vroom = await problemsOf(
      await t.call('/v1/routes', { json: { ...routing(), options: { time_limit: 9999 } } }),
    );
    expect(vroom.map((p) => p.path)).toContain('options.time_limit');
    // vroom-express's -l (options.l) is a time limit too, under the same bound.
    const vroomL = await problemsOf(
      await t.call('/v1/routes', { json: { ...routing(), options: { l: 9999 } } }),
    );
    expect(vroomL).toContainEqual({ path: 'options.l', message: 'at most 600 s' });
    const wait = await problemsOf(await t.call('/v1/routes?wait=31', { json: routing() }));
    expect(wait.map((p) => p.path)).toContain('query.wait');
  });

  it('malformed JSON: 400 naming line and column', async () => {
    const res = await t.call('/v1/routes', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{\n  "vehicles": [\n    {"id": 1,}\n  ]\n}',
    });
    const problems = await problemsOf(res);
    expect(problems[0]!.message).toMatch(/line 3, column \d+/);
  });

  it('a JSON array, an empty body: 400', async () => {
    expect((await t.call('/v1/plans', { json: [] })).status).toBe(400);
    const empty = await t.call('/v1/plans', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
    });
    expect(empty.status).toBe(400);
    expect((await empty.json()).message).toMatch(/no body|empty/);
  });

  it('a body that is not JSON: 415', async () => {
    const res = await t.call('/v1/routes', {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: '{}',
    });
    expect(res.status).toBe(415);
    expect((await res.json()).message).toMatch(/application\/json/);
    const none = await t.call('/v1/routes', { method: 'POST', body: new Uint8Array([123, 125]) });
    expect(none.status).toBe(415);
  });

  it('a body over the limit: 413 saying the limit', async () => {
    const big = { ...routing(), padding: 'x'.repeat(250_000) };
    const res = await t.call('/v1/routes', { json: big });
    expect(res.status).toBe(413);
    const body = await res.json();
    expect(body.limitBytes).toBe(200_000);
    expect(body.message).toMatch(/limit is 195\.3 kB \(200000 bytes\)/);
  });
});
