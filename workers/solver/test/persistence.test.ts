import type { Queue } from 'bullmq';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { PlacementAnswer } from '@paketbygd/model';
import type { TestRedis } from '../../../tests/support/redis-server';
import { startSolverWorker, type SolverWorkerHandle } from '../src/index';
import { example, silent, waitFor, waitForState } from './helpers';
import { startTestQueue, type TestQueue } from './test-queue';

let testQueue: TestQueue | undefined;
let redis: TestRedis;
let queue: Queue;
let worker: SolverWorkerHandle | undefined;

beforeAll(async () => {
  testQueue = await startTestQueue({ appendOnly: true });
  ({ redis, queue } = testQueue);
});

afterAll(async () => {
  await worker?.close(5_000);
  await testQueue?.close();
});

it('jobs waiting when Redis restarts (AOF on, no RDB snapshots) are there afterwards and complete', async (ctx) => {
  if (!redis.owned) ctx.skip(); // REDIS_URL points at a server this test must not restart
  const jobs = await Promise.all(
    [1, 2, 3].map((seed) =>
      queue.add('solve', {
        kind: 'place',
        tenant: 't',
        input: { scenario: example('vingaker/scenario.json') },
        options: { timeLimitS: 1, seed },
      }),
    ),
  );
  expect(await queue.getWaitingCount()).toBe(3);
  // The server saves no RDB snapshot: only the append-only file can bring the jobs back.
  // (Not stop('SIGKILL') first: the harness then waits for an exit it has already seen.)
  await redis.restart();
  // The queue's connection comes back by itself.
  expect(await waitFor('the queue to reconnect', async () => (await queue.getWaitingCount()) === 3)).toBe(
    true,
  );

  worker = await startSolverWorker({
    redisUrl: redis.url,
    concurrency: 2,
    logger: silent,
    env: { WORKER_SPARE_THREADS: 0 },
  });
  for (const job of jobs) {
    const done = await waitForState(queue, job.id!, ['completed', 'failed'], 30_000);
    expect(done.failedReason).toBeUndefined();
    PlacementAnswer.parse(done.returnvalue);
  }
}, 45_000);
