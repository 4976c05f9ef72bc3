import { QueueEvents } from 'bullmq';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUEUE_NAME, RoutingSolution } from '@paketbygd/model';
import type { TestRedis } from '../../../tests/support/redis-server';
import { startSolverWorker, type SolverWorkerHandle } from '@paketbygd/solver-worker';
import { fileRedis, startTestApi, type TestApi } from './support';

/** Many clients at once: every submission is answered, solved exactly once, and nothing is lost. */
const SUBMISSIONS = 200;
let t: TestApi;
let redis: TestRedis;
let workers: SolverWorkerHandle[] = [];
let events: QueueEvents;
const completedTimes = new Map<string, number>();

beforeAll(async () => {
  redis = await fileRedis(9);
  t = await startTestApi({}, redis);
  events = new QueueEvents(QUEUE_NAME, { connection: { url: redis.url } });
  events.on('completed', ({ jobId }) => completedTimes.set(jobId, (completedTimes.get(jobId) ?? 0) + 1));
  await events.waitUntilReady();
  workers = await Promise.all(
    ['a', 'b'].map((name) =>
      startSolverWorker({
        redisUrl: redis.url,
        concurrency: 1,
        name,
        logger: pino({ level: 'silent' }),
        travel: { backend: 'straightline' },
      }),
    ),
  );
});
afterAll(async () => {
  await Promise.all(workers.map((w) => w.close(5000)));
  await events?.close();
  await t?.close();
  await redis?.stop();
});

function tinyRequest(k: number) {
  const depot: [number, number] = [16.208, 58.996];
  return {
    vehicles: [{ id: 1, start: depot, end: depot, capacity: [10] }],
    jobs: [1, 2, 3].map((j) => ({
      id: j,
      location: [15.8 + 0.01 * j, 59.0 + 0.001 * (k % 50)],
      delivery: [1],
    })),
    options: { time_limit: 0.05, seed: k },
  };
}

describe(`${SUBMISSIONS} concurrent submissions`, () => {
  it('are all accepted, solved once each, and none is lost', async () => {
    const responses = await Promise.all(
      Array.from({ length: SUBMISSIONS }, (_, k) => t.call('/v1/routes', { json: tinyRequest(k) })),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(SUBMISSIONS).fill(202));
    const ids = await Promise.all(responses.map(async (r) => ((await r.json()) as { id: string }).id));
    expect(new Set(ids).size).toBe(SUBMISSIONS);

    const deadline = Date.now() + 90_000;
    let pending = [...ids];
    while (pending.length > 0 && Date.now() < deadline) {
      const views = await Promise.all(
        pending.map(async (id) => ({
          id,
          view: (await (await t.call(`/v1/jobs/${id}`)).json()) as { state: string },
        })),
      );
      expect(views.filter((v) => v.view.state === 'failed')).toEqual([]);
      pending = views.filter((v) => v.view.state !== 'completed').map((v) => v.id);
      if (pending.length > 0) await new Promise((r) => setTimeout(r, 250));
    }
    expect(pending).toEqual([]);

    for (const id of ids) {
      const view = (await (await t.call(`/v1/jobs/${id}`)).json()) as { attempts: { made: number } };
      expect(view.attempts.made, id).toBe(1);
      const result = RoutingSolution.parse(await (await t.call(`/v1/jobs/${id}/result`)).json());
      expect(result.unassigned).toEqual([]);
    }
    // Completed events are published once per completion; give the last ones a moment to arrive.
    await new Promise((r) => setTimeout(r, 500));
    expect(ids.filter((id) => completedTimes.get(id) !== 1)).toEqual([]);
    expect(completedTimes.size).toBe(SUBMISSIONS);
  }, 120_000);
});
