import type { Queue, QueueEvents } from 'bullmq';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CANCEL_CHANNEL,
  ComparisonResult,
  JobProgress,
  PlacementAnswer,
  Plan,
  RoutingSolution,
} from '@paketbygd/model';
import { startSolverWorker, type SolverWorkerHandle } from '../src/index';
import { bids, example, scoring, silent, waitForState, withoutMatrices } from './helpers';
import { startTestQueue, type TestQueue } from './test-queue';

let testQueue: TestQueue | undefined;
let client: Redis;
let queue: Queue;
let events: QueueEvents;
let worker: SolverWorkerHandle;

beforeAll(async () => {
  testQueue = await startTestQueue({ events: true });
  ({ client, queue } = testQueue);
  events = testQueue.events!;
  worker = await startSolverWorker({
    redisUrl: testQueue.redis.url,
    concurrency: 2,
    logger: silent,
    travel: { backend: 'straightline' },
    progressIntervalMs: 50,
  });
});

afterAll(async () => {
  await worker?.close(5_000);
  await testQueue?.close();
});

const scenario = () => example('vingaker/scenario.json');

async function solved(data: object, opts: object = {}): Promise<unknown> {
  const job = await queue.add('solve', { tenant: 'tenant-a', ...data }, opts);
  const done = await waitForState(queue, job.id!, ['completed', 'failed'], 40_000);
  expect(done.failedReason).toBeUndefined();
  return done.returnvalue;
}

describe('each kind of job completes with a valid result', () => {
  it('plan → Plan', async () => {
    const result = await solved({ kind: 'plan', input: scenario(), options: { timeLimitS: 2 } });
    const plan = Plan.parse(result);
    expect(plan.scenarioName).toBe(scenario().name);
    expect(plan.boxes.length).toBeGreaterThan(0);
  });

  it('compare → ComparisonResult with the bids scored', async () => {
    const result = await solved({
      kind: 'compare',
      input: { scenario: scenario(), bids: bids(), scoring: scoring() },
      options: { timeLimitS: 4 },
    });
    const comparison = ComparisonResult.parse(result);
    expect(comparison.entries.map((e) => e.id)).toEqual([
      'today',
      'baseline',
      'bygden',
      'nordbox',
      'regionbuss',
    ]);
    // The example scoring requires three deliveries a week; Bygden's plan delivers two: disqualified.
    expect(comparison.entries.find((e) => e.id === 'bygden')?.disqualified).toBe(true);
    expect(comparison.scoring?.scores).toHaveLength(2);
  });

  it.each(['small-cvrp.json', 'day-200-stops.json', 'time-windows-shipments.json'])(
    'route %s → RoutingSolution',
    async (file) => {
      const request = example(`operator/${file}`);
      const result = await solved({ kind: 'route', input: request, options: { timeLimitS: 1 } });
      const solution = RoutingSolution.parse(result);
      expect(solution.code).toBe(0);
      const tasks = (request.jobs?.length ?? 0) + 2 * (request.shipments?.length ?? 0);
      const routed = solution.routes.flatMap((r) => r.steps.filter((s) => s.id !== undefined)).length;
      expect(routed + solution.unassigned.length).toBe(tasks);
      // Matrices were given: the answer must not claim a travel backend of ours.
      expect(solution.travel).toBeUndefined();
    },
  );

  it('route with coordinates and no matrices gets a matrix from the travel backend and says which', async () => {
    const request = withoutMatrices(example('operator/small-cvrp.json'));
    expect(request.matrices).toBeUndefined();
    const solution = RoutingSolution.parse(
      await solved({ kind: 'route', input: request, options: { timeLimitS: 1 } }),
    );
    expect(solution.travel?.backend).toBe('straightline');
    expect(solution.travel?.note).toMatch(/matrix from straightline/);
    expect(solution.summary.distance).toBeGreaterThan(0);
    expect(solution.routes[0]!.steps[0]!.location).toEqual(request.vehicles[0].start);
  });

  it('place → PlacementAnswer', async () => {
    const result = await solved({
      kind: 'place',
      input: { scenario: scenario() },
      options: { timeLimitS: 2 },
    });
    const answer = PlacementAnswer.parse(result);
    expect(answer.model).toBe('capacity');
    expect(answer.open.length).toBeGreaterThan(0);
    expect(answer.open.length).toBeLessThanOrEqual(scenario().policy.maxBoxes);
  });
});

describe('invalid input', () => {
  it('fails at once, is not retried, names the path and keeps the input', async () => {
    const bad = scenario();
    bad.demand[3].location = [16.1, 95];
    const data = { kind: 'plan', tenant: 'tenant-a', input: bad, options: { timeLimitS: 2 } };
    const job = await queue.add('solve', data, { attempts: 3, backoff: { type: 'exponential', delay: 50 } });
    const failed = await waitForState(queue, job.id!, ['failed', 'completed']);
    expect(await failed.getState()).toBe('failed');
    expect(failed.attemptsMade).toBe(1);
    expect(failed.failedReason).toMatch(/^job payload is not valid:/);
    expect(failed.failedReason).toMatch(/input\.demand\[3\]\.location\[1\]: /);
    expect(failed.data).toEqual(data);
  });

  it('an unknown kind says which kinds there are', async () => {
    const job = await queue.add('solve', { kind: 'teleport', tenant: 't', input: {} }, { attempts: 2 });
    const failed = await waitForState(queue, job.id!, ['failed', 'completed']);
    expect(failed.attemptsMade).toBe(1);
    expect(failed.failedReason).toMatch(/kind: .*plan.*compare.*route.*place/);
  });
});

describe('while solving', () => {
  it('publishes progress with the best routing cost so far', async () => {
    const seen: JobProgress[] = [];
    const job = await queue.add('solve', {
      kind: 'route',
      tenant: 't',
      input: example('operator/day-200-stops.json'),
      options: { timeLimitS: 2 },
    });
    const onProgress = ({ jobId, data }: { jobId: string; data: unknown }) => {
      if (jobId === job.id) seen.push(JobProgress.parse(data));
    };
    events.on('progress', onProgress);
    await waitForState(queue, job.id!, ['completed', 'failed']);
    events.off('progress', onProgress);
    const withCost = seen.filter((p) => p.bestCost !== undefined);
    expect(withCost.length).toBeGreaterThanOrEqual(2);
    expect(withCost.at(-1)!.bestCost!).toBeLessThanOrEqual(withCost[0]!.bestCost!);
    expect(Math.max(...seen.map((p) => p.percent))).toBeGreaterThan(20);
  });

  it('a cancel on CANCEL_CHANNEL fails the running job as cancelled, quickly and without retry', async () => {
    const job = await queue.add(
      'solve',
      {
        kind: 'route',
        tenant: 't',
        input: example('operator/day-200-stops.json'),
        options: { timeLimitS: 60 },
      },
      { attempts: 3 },
    );
    await waitForState(queue, job.id!, ['active']);
    // Let the thread get into the search, so the cancel has a running solve to stop.
    await new Promise((r) => setTimeout(r, 500));
    const sentMs = Date.now();
    expect(await client.publish(CANCEL_CHANNEL, job.id!)).toBeGreaterThanOrEqual(1);
    const failed = await waitForState(queue, job.id!, ['failed', 'completed'], 10_000);
    expect(Date.now() - sentMs).toBeLessThan(2_000);
    expect(failed.failedReason).toBe('cancelled');
    expect(failed.attemptsMade).toBe(1);
    // The worker is free again: a small job still runs.
    await solved({ kind: 'route', input: example('operator/small-cvrp.json'), options: { timeLimitS: 0.5 } });
  });
});
