import { FAILURE_REASON } from '@paketbygd/model';
import type { Worker } from 'bullmq';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { TestRedis } from '../../../tests/support/redis-server';
import { JOB_ID_HEADER } from '../src/routes/vroom';
import {
  example,
  fileRedis,
  HAND_TOKEN,
  KEYS,
  request,
  startHandWorker,
  startTestApi,
  type TestApi,
} from './support';

/**
 * The VROOM drop-in's answers other than a solution, without the solver: BullMQ's manual job
 * fetching (a Worker without a processor) ends the jobs as a solver would. The contract with the
 * real worker is tests/fault/vroom.test.ts.
 */
let keyless: TestApi;
let redis: TestRedis;
let hand: Worker;
let handWorker: Awaited<ReturnType<typeof startHandWorker>>;

beforeAll(async () => {
  redis = await fileRedis(11);
  keyless = await startTestApi(
    { retention: { attempts: 1 }, vroomCompat: { keylessTenant: 'alpha', maxWaitS: 1.5 } },
    redis,
  );
  handWorker = await startHandWorker(redis.url);
  hand = handWorker.worker;
});
afterAll(async () => {
  await handWorker?.close();
  await keyless?.close();
  await redis?.stop();
});
beforeEach(async () => {
  await keyless.api.jobs.queue.drain(true);
});

const routing = () => JSON.stringify(example('operator/small-cvrp.json'));
const post = (path: string, init: RequestInit = {}) =>
  request(`${keyless.url}${path}`, {
    method: 'POST',
    ...init,
    headers: { 'content-type': 'application/json', ...init.headers },
    body: init.body ?? routing(),
  });

/** The next job a solver would take, ended with `end` once it is there. */
async function endNextJob(
  end: (job: NonNullable<Awaited<ReturnType<Worker['getNextJob']>>>) => Promise<unknown>,
) {
  for (;;) {
    const job = await hand.getNextJob(HAND_TOKEN, { block: true });
    if (job) return end(job);
  }
}

describe('key-less mode (VROOM_COMPAT_KEYLESS_TENANT)', () => {
  it("without a key the request is the tenant's; a wrong key is still 401", async () => {
    const [res] = await Promise.all([
      post('/vroom'),
      endNextJob((job) =>
        job.moveToCompleted(
          { code: 0, summary: { cost: 7 }, unassigned: [], routes: [], travel: { backend: 'matrix' } },
          HAND_TOKEN,
          false,
        ),
      ),
    ]);
    expect(res.status).toBe(200);
    // VROOM's shape: the travel backend note of /v1 results is left out.
    expect(await res.json()).toEqual({ code: 0, summary: { cost: 7 }, unassigned: [], routes: [] });
    const id = res.headers.get(JOB_ID_HEADER)!;
    expect((await keyless.call(`/v1/jobs/${id}`)).status).toBe(200);
    expect((await keyless.call(`/v1/jobs/${id}`, { key: KEYS.beta })).status).toBe(404);

    const wrong = await post('/vroom', { headers: { authorization: 'Bearer not-a-key-0123456789' } });
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toEqual({ code: 2, error: 'the API key is not valid' });
  });
});

describe('failed jobs and waits', () => {
  it.each([
    [`${FAILURE_REASON.routing}: OSRM at http://osrm:5000 did not answer`, 500, 3],
    [`${FAILURE_REASON.unsolvable}:\n  input.jobs[0]: no vehicle can reach it`, 400, 2],
    ['the solve overran its time limit of 5 s by more than 15 s and was stopped', 500, 1],
  ])('a job failed with "%s" answers HTTP %i, code %i', async (reason, httpStatus, code) => {
    const [res] = await Promise.all([
      post('/vroom', { headers: { authorization: `Bearer ${KEYS.alpha}` } }),
      endNextJob((job) => job.moveToFailed(new Error(reason), HAND_TOKEN, false)),
    ]);
    expect(res.status).toBe(httpStatus);
    expect(await res.json()).toEqual({ code, error: reason });
  });

  it('no answer within VROOM_COMPAT_MAX_WAIT_S: code 1 naming the job, which goes on', async () => {
    const res = await post('/vroom');
    expect(res.status).toBe(500);
    const id = res.headers.get(JOB_ID_HEADER)!;
    expect(res.headers.get('location')).toBe(`/v1/jobs/${id}`);
    const answer = await res.json();
    expect(answer).toEqual({ code: 1, error: expect.stringContaining(`the job ${id} goes on`) });
    expect(answer.error).toContain('within 1.5 s');
    expect((await (await keyless.call(`/v1/jobs/${id}`)).json()).state).toBe('waiting');
  });

  it("a client's disconnect cancels its job: a waiting job is removed", async () => {
    const aborter = new AbortController();
    const waiting = async () => (await keyless.api.jobs.counts()).waiting ?? 0;
    // The test before leaves its job waiting (it "goes on"): count from what is there now.
    const before = await waiting();
    const pending = post('/vroom', { signal: aborter.signal }).catch((error: Error) => error);
    while ((await waiting()) === before) await new Promise((r) => setTimeout(r, 5));
    aborter.abort();
    expect(await pending).toBeInstanceOf(Error);
    const deadline = Date.now() + 10_000;
    while ((await waiting()) > before) {
      if (Date.now() > deadline) throw new Error('the abandoned job was not removed');
      await new Promise((r) => setTimeout(r, 20));
    }
  });

  it('/v1/routes is unchanged: 202 and Location, without key 401 in its own shape', async () => {
    const res = await keyless.call('/v1/routes', { json: JSON.parse(routing()) });
    expect(res.status).toBe(202);
    expect(res.headers.get('location')).toMatch(/^\/v1\/jobs\//);
    const anonymous = await keyless.call('/v1/routes', { json: JSON.parse(routing()), key: null });
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ status: 401, error: 'Unauthorized' });
  });
});
