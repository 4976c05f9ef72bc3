import { CANCEL_CHANNEL } from '@paketbygd/model';
import { Redis } from 'ioredis';
import type { Job, Worker } from 'bullmq';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { TestRedis } from '../../../tests/support/redis-server';
import { example, fileRedis, HAND_TOKEN, startHandWorker, startTestApi, type TestApi } from './support';

/**
 * The job lifecycle without the solver: BullMQ's manual job fetching (a Worker without a
 * processor) moves real jobs in Redis to active, completed and failed, as a solver would.
 */
let t: TestApi;
let redis: TestRedis;
let hand: Worker;
let handWorker: Awaited<ReturnType<typeof startHandWorker>>;

beforeAll(async () => {
  redis = await fileRedis(3);
  t = await startTestApi({ retention: { attempts: 1 } }, redis);
  handWorker = await startHandWorker(redis.url);
  hand = handWorker.worker;
});
afterAll(async () => {
  await handWorker?.close();
  await t?.close();
  await redis?.stop();
});
beforeEach(async () => {
  await t.api.jobs.queue.drain(true);
});

const routing = () => example('operator/small-cvrp.json');
const scenario = () => example('vingaker/scenario.json');

async function submit(path: string, body: unknown) {
  const res = await t.call(path, { json: body });
  expect(res.status).toBe(202);
  return (await res.json()) as { id: string; links: { self: string; result: string; report?: string } };
}

async function take(id: string): Promise<Job> {
  const job = await hand.getNextJob(HAND_TOKEN);
  expect(job?.id).toBe(id);
  return job!;
}

describe('a waiting job', () => {
  it('?wait=S without a worker answers 202 after about S seconds', async () => {
    const started = Date.now();
    const res = await t.call('/v1/routes?wait=1', { json: routing() });
    const elapsed = Date.now() - started;
    expect(res.status).toBe(202);
    expect((await res.json()).state).toBe('waiting');
    expect(elapsed).toBeGreaterThanOrEqual(950);
    expect(elapsed).toBeLessThan(3000);
  });

  it('has no result yet: 409 with the state and Retry-After', async () => {
    const job = await submit('/v1/routes', routing());
    const res = await t.call(job.links.result);
    expect(res.status).toBe(409);
    expect(res.headers.get('retry-after')).toBe('2');
    const body = await res.json();
    expect(body).toMatchObject({ status: 409, state: 'waiting', id: job.id });
    expect(body.message).toMatch(/waiting, not finished/);
  });

  it('has no report yet (plan), and a route job never has one', async () => {
    const plan = await submit('/v1/plans', scenario());
    expect((await t.call(plan.links.report!)).status).toBe(409);
    const route = await submit('/v1/routes', routing());
    const res = await t.call(`${route.links.self}/report`);
    expect(res.status).toBe(404);
    expect((await res.json()).message).toMatch(/route jobs have no report/);
  });

  it('DELETE removes it: 204, then 404, and it is gone from Redis', async () => {
    const job = await submit('/v1/routes', routing());
    const res = await t.call(job.links.self, { method: 'DELETE' });
    expect(res.status).toBe(204);
    expect(res.headers.get('paketbygd-previous-state')).toBe('waiting');
    expect((await t.call(job.links.self)).status).toBe(404);
    expect(await t.api.jobs.queue.getJob(job.id)).toBeUndefined();
    expect(await t.api.jobs.queue.getWaitingCount()).toBe(0);
  });
});

describe('a running job', () => {
  it('shows state, progress, start time and attempts', async () => {
    const submitted = await submit('/v1/routes', routing());
    const job = await take(submitted.id);
    await job.updateProgress({ percent: 40, bestCost: 1234.5, message: '100 iterations' });
    const view = await (await t.call(submitted.links.self)).json();
    expect(view).toMatchObject({
      state: 'active',
      progress: { percent: 40, bestCost: 1234.5, message: '100 iterations' },
      attempts: { made: 0, max: 1 },
      finishedAt: null,
      error: null,
    });
    expect(Date.parse(view.startedAt)).toBeGreaterThanOrEqual(Date.parse(view.createdAt));
    await job.moveToFailed(new Error('test over'), HAND_TOKEN, true);
  });

  it('DELETE publishes its id on the cancel channel: 202', async () => {
    const submitted = await submit('/v1/routes', routing());
    const job = await take(submitted.id);
    const subscriber = new Redis(redis.url);
    try {
      const message = new Promise<[string, string]>((resolve) =>
        subscriber.on('message', (c, m) => resolve([c, m])),
      );
      await subscriber.subscribe(CANCEL_CHANNEL);
      const res = await t.call(submitted.links.self, { method: 'DELETE' });
      expect(res.status).toBe(202);
      expect(await res.json()).toEqual({ id: submitted.id, state: 'active', cancel: 'requested' });
      expect(await message).toEqual([CANCEL_CHANNEL, submitted.id]);
      expect((await t.call(submitted.links.self)).status).toBe(200);
    } finally {
      subscriber.disconnect();
      await job.moveToFailed(new Error('cancelled'), HAND_TOKEN, true);
    }
  });
});

describe('a finished job', () => {
  it('completed: the result as JSON; GeoJSON only for plans (406); DELETE removes the result', async () => {
    const submitted = await submit('/v1/routes', routing());
    const job = await take(submitted.id);
    const solution = {
      code: 0,
      summary: { cost: 42 },
      routes: [],
      unassigned: [],
      travel: { backend: 'matrix' },
    };
    await job.moveToCompleted(solution, HAND_TOKEN, false);

    const view = await (await t.call(submitted.links.self)).json();
    expect(view.state).toBe('completed');
    expect(view.finishedAt).not.toBeNull();
    const res = await t.call(submitted.links.result);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(solution);
    const geo = await t.call(submitted.links.result, { headers: { accept: 'application/geo+json' } });
    expect(geo.status).toBe(406);

    const waited = await t.call(`${submitted.links.self}`, { method: 'DELETE' });
    expect(waited.status).toBe(204);
    expect((await t.call(submitted.links.result)).status).toBe(404);
  });

  it('?wait answers 200 with the result when the job finishes within the wait', async () => {
    const finishing = (async () => {
      for (;;) {
        const job = await hand.getNextJob(HAND_TOKEN, { block: true });
        if (job) {
          await new Promise((r) => setTimeout(r, 300));
          await job.moveToCompleted(
            { code: 0, routes: [], unassigned: [], summary: { cost: 7 } },
            HAND_TOKEN,
            false,
          );
          return job.id;
        }
      }
    })();
    const started = Date.now();
    const res = await t.call('/v1/routes?wait=10', { json: routing() });
    expect(res.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(await res.json()).toMatchObject({ summary: { cost: 7 } });
    expect(res.headers.get('location')).toBe(`/v1/jobs/${await finishing}`);
  });

  it('failed: state failed with the error; the result answers 422 saying why; the input is kept', async () => {
    const submitted = await submit('/v1/plans', scenario());
    const job = await take(submitted.id);
    await job.moveToFailed(new Error('input cannot be solved: demand[3] is unreachable'), HAND_TOKEN, true);
    const view = await (await t.call(submitted.links.self)).json();
    expect(view).toMatchObject({
      state: 'failed',
      error: 'input cannot be solved: demand[3] is unreachable',
      attempts: { made: 1, max: 1 },
    });
    for (const path of [submitted.links.result, submitted.links.report!]) {
      const res = await t.call(path);
      expect(res.status).toBe(422);
      expect((await res.json()).message).toBe(
        'the job failed: input cannot be solved: demand[3] is unreachable',
      );
    }
    const stored = await t.api.jobs.queue.getJob(submitted.id);
    expect(stored?.data.input).toMatchObject({ name: scenario().name });
  });
});
