import type { Queue } from 'bullmq';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { FAILURE_REASON } from '@paketbygd/model';
import { freePort } from '../../../tests/support/redis-server';
import { startSolverWorker, type SolverWorkerHandle } from '../src/index';
import { example, silent, waitForState, withoutMatrices } from './helpers';
import { startTestQueue, type TestQueue } from './test-queue';

let testQueue: TestQueue | undefined;
let queue: Queue;
let worker: SolverWorkerHandle;
let osrmUrl: string;

beforeAll(async () => {
  testQueue = await startTestQueue();
  queue = testQueue.queue;
  // A port nobody listens on: the OSRM backend is down.
  osrmUrl = `http://127.0.0.1:${await freePort()}`;
  worker = await startSolverWorker({
    redisUrl: testQueue.redis.url,
    concurrency: 2,
    logger: silent,
    travel: { backend: 'osrm', osrmUrl },
    env: { WORKER_HARD_LIMIT_MARGIN_S: 0.2, WORKER_SPARE_THREADS: 0 },
  });
});

afterAll(async () => {
  await worker?.close(5_000);
  await testQueue?.close();
});

it('a travel backend that does not answer is a transient failure: retried with backoff until attempts run out', async () => {
  const data = {
    kind: 'route',
    tenant: 't',
    input: withoutMatrices(example('operator/small-cvrp.json')),
    // Well above this worker's tiny hard-limit margin: the OSRM client's own retries take a while.
    options: { timeLimitS: 10 },
  };
  // What the webhook goes by: only the last failed attempt has finished the job.
  const attempts: boolean[] = [];
  const onFailed = (j: { id?: string; finishedOn?: number } | undefined) => {
    if (j && j.id === job.id) attempts.push(j.finishedOn !== undefined);
  };
  worker.worker.on('failed', onFailed);
  const job = await queue.add('solve', data, { attempts: 3, backoff: { type: 'exponential', delay: 100 } });
  const failed = await waitForState(queue, job.id!, ['failed', 'completed'], 30_000);
  worker.worker.off('failed', onFailed);
  expect(attempts).toEqual([false, false, true]);
  expect(failed.attemptsMade).toBe(3);
  expect(failed.failedReason).toContain(`OSRM at ${osrmUrl} did not answer`);
  // The VROOM drop-in answers code 3 (routing error) for reasons that begin so.
  expect(failed.failedReason).toMatch(new RegExp(`^${FAILURE_REASON.routing}: `));
  expect(failed.data).toEqual(data);
}, 40_000);

it('a solve that overruns its time limit by more than the margin is killed and fails without retry', async () => {
  // A plan spends at least a second on placement alone, whatever its limit: far over 0.3 + 0.2 s.
  const job = await queue.add(
    'solve',
    { kind: 'plan', tenant: 't', input: example('vingaker/scenario.json'), options: { timeLimitS: 0.3 } },
    { attempts: 3 },
  );
  const failed = await waitForState(queue, job.id!, ['failed', 'completed']);
  expect(failed.failedReason).toBe(
    'the solve overran its time limit of 0.3 s by more than 0.2 s and was stopped',
  );
  expect(failed.attemptsMade).toBe(1);
});
