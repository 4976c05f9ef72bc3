import { randomUUID } from 'node:crypto';
import { Job, Queue, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { QUEUE_NAME, RoutingSolution, WEBHOOK_QUEUE_NAME } from '@paketbygd/model';
import type { TestRedis } from '../../../tests/support/redis-server';
import {
  startSolverWorker,
  tenantWebhookKey,
  verifyWebhookSignature,
  webhookJobId,
  type SolverWorkerHandle,
  type SolverWorkerOptions,
  type WebhookJobData,
} from '../src/index';
import { startOsrmStub } from './osrm-stub';
import { startWebhookReceiver, type WebhookReceiver } from './webhook-receiver';
import { example, redisClient, silent, waitFor, waitForState, withoutMatrices } from './helpers';
import { startTestQueue, type TestQueue } from './test-queue';
import { webhookEnv, WEBHOOK_TEST_SECRET as SECRET } from './webhook-env';

let testQueue: TestQueue | undefined;
let redis: TestRedis;
let client: Redis;
let queue: Queue;
let webhookQueue: Queue<WebhookJobData>;
let receiver: WebhookReceiver;
/** Per path: the status to answer (default 204). */
const answer = new Map<string, () => number>();
/** Workers started by a test; closed after it. */
const started: SolverWorkerHandle[] = [];

beforeAll(async () => {
  receiver = await startWebhookReceiver((path) => answer.get(path)?.() ?? 204);
  testQueue = await startTestQueue();
  ({ redis, client, queue } = testQueue);
  webhookQueue = new Queue<WebhookJobData>(WEBHOOK_QUEUE_NAME, { connection: client });
});

afterEach(async () => {
  await Promise.all(started.splice(0).map((w) => w.close(5_000)));
});

afterAll(async () => {
  await webhookQueue?.close();
  await testQueue?.close();
  await receiver?.close();
});

async function startWorker(options: SolverWorkerOptions = {}): Promise<SolverWorkerHandle> {
  const handle = await startSolverWorker({
    redisUrl: redis.url,
    concurrency: 1,
    logger: silent,
    failureWebhookGraceMs: 100,
    ...options,
    env: webhookEnv(options.env),
  });
  started.push(handle);
  return handle;
}

/**
 * A worker whose travel backend is the OSRM at `osrmUrl`, with time for the client's retries: an
 * attempt must end by the OSRM client's own error. The margin is wide because a loaded machine
 * (CI runs the suite on 2 cores) took over 5 s to start a solver thread and retry, and the hard
 * limit then ended the attempt with another reason.
 */
function startOsrmWorker(osrmUrl: string): Promise<SolverWorkerHandle> {
  return startWorker({ travel: { backend: 'osrm', osrmUrl }, env: { WORKER_HARD_LIMIT_MARGIN_S: 15 } });
}

/** A route job with coordinates only, so that the travel backend is asked for its matrix. */
function osrmRouteJob(tenant: string, callbackPath: string) {
  return {
    ...routeJob(tenant, callbackPath, withoutMatrices(example('operator/small-cvrp.json'))),
    options: { timeLimitS: 1 },
  };
}

/** A fresh receiver path for one test. */
function path(name: string): string {
  return `/${name}-${randomUUID().slice(0, 8)}`;
}

const callsTo = (p: string) => receiver.callsTo(p);

function routeJob(
  tenant: string,
  callbackPath: string,
  input: unknown = example('operator/small-cvrp.json'),
) {
  return {
    kind: 'route',
    tenant,
    input,
    options: { timeLimitS: 0.5 },
    callbackUrl: `${receiver.base}${callbackPath}`,
  };
}

/** The delivered (2xx) calls to a path, checked to carry a valid signature of `tenant`. */
function delivered(p: string, tenant: string): any[] {
  return callsTo(p)
    .filter((c) => c.status >= 200 && c.status < 300)
    .map((c) => {
      expect(verifyWebhookSignature(tenantWebhookKey(SECRET, tenant), c.body, c.signature)).toBe(true);
      return JSON.parse(c.body);
    });
}

/** Waits for the first delivered call to a path (as `delivered` checks it); answers its event. */
async function firstDelivered(what: string, p: string, tenant: string): Promise<any> {
  const [event] = await waitFor(what, async () => {
    const d = delivered(p, tenant);
    return d.length > 0 && d;
  });
  return event;
}

const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The path gets the job's failed webhook with `message`, and no second call after a while. */
async function expectOneFailedWebhook(p: string, tenant: string, jobId: string, message: string) {
  const event = await firstDelivered('the failed webhook', p, tenant);
  expect(event).toEqual({ jobId, kind: 'route', state: 'failed', error: { message } });
  await settle(500);
  expect(callsTo(p)).toHaveLength(1);
}

describe('durable delivery', () => {
  it('a webhook not delivered when its worker stops is delivered by the next worker', async () => {
    const p = path('durable');
    let down = true;
    answer.set(p, () => (down ? 503 : 204));
    const first = await startWorker({ env: { WEBHOOK_BACKOFF_MS: 400 } });
    const job = await queue.add('route', routeJob('tenant-a', p));
    await waitForState(queue, job.id!, ['completed']);
    await waitFor('a first try, answered 503', async () => callsTo(p).length >= 1);
    await first.close(5_000);
    started.splice(started.indexOf(first), 1);

    // The webhook waits in Redis (its next try delayed), not in a process's memory.
    const id = webhookJobId(job.id!, 'completed');
    expect(['delayed', 'waiting']).toContain(await webhookQueue.getJobState(id));
    down = false;
    const tries = callsTo(p).length;
    await settle(600);
    expect(callsTo(p)).toHaveLength(tries);

    await startWorker();
    const event = await firstDelivered('the webhook delivered by the second worker', p, 'tenant-a');
    expect(event).toMatchObject({ jobId: job.id, kind: 'route', state: 'completed' });
    expect(Object.keys(event)).toEqual(['jobId', 'kind', 'state', 'result']);
    RoutingSolution.parse(event.result);
    // The body is the stored result, as the API serves it.
    expect(event.result).toEqual((await queue.getJob(job.id!))!.returnvalue);
    await waitForState(webhookQueue, id, ['completed']);
    const logs = (await queue.getJobLogs(job.id!)).logs;
    expect(logs).toEqual([`webhook delivered: HTTP 204 (try ${tries + 1})`]);
    await settle(300);
    expect(delivered(p, 'tenant-a')).toHaveLength(1);
  });
});

describe('failures outside the processor', () => {
  it('a job failed by the stalled check gets one signed failed webhook', async () => {
    const p = path('stalled');
    const job = await queue.add('route', routeJob('tenant-b', p));
    // A worker that takes the job and dies: its lock is never renewed. BullMQ's stalled check puts
    // the job back twice (maxStalledCount 1), then marks it to fail for good.
    const connection = redisClient(redis.url);
    const dying = new Worker(QUEUE_NAME, null, {
      connection,
      lockDuration: 200,
      stalledInterval: 200,
      maxStalledCount: 1,
    });
    // Stalled checks are rate-limited per queue (a key that lives one stalledInterval): an earlier
    // worker's 30 s must not hold this one's back.
    await client.del(queue.toKey('stalled-check'));
    await dying.startStalledCheckTimer();
    for (let take = 0; take < 2; take++) {
      await waitFor('the job back in wait, taken again', async () => {
        await client.del(queue.toKey('stalled-check'));
        const taken = await dying.getNextJob(`dying-${take}`, { block: false });
        return taken?.id === job.id;
      });
    }
    await waitFor(
      'the stall limit exceeded',
      async () => (await client.hget(queue.toKey(job.id!), 'defa')) !== null,
    );
    await dying.close();
    connection.disconnect();

    // The next worker to take it fails it without running it.
    await startWorker({ env: { WORKER_MAX_STALLED_COUNT: 1 } });
    const failed = await waitForState(queue, job.id!, ['failed']);
    expect(failed.failedReason).toBe('job stalled more than allowable limit');
    await expectOneFailedWebhook(p, 'tenant-b', job.id!, 'job stalled more than allowable limit');
  });

  it('a job failed by another process (moveToFailed) gets one signed failed webhook', async () => {
    const p = path('elsewhere');
    await startWorker();
    // Another process takes the job before our worker (which is busy with nothing: it is paused).
    const ours = started[0]!;
    await ours.worker.pause(true);
    const job = await queue.add('route', routeJob('tenant-c', p));
    const connection = redisClient(redis.url);
    const other = new Worker(QUEUE_NAME, null, { connection });
    const taken = (await waitFor('the job taken by the other process', async () => {
      const j = await other.getNextJob('other-token', { block: false });
      return j?.id === job.id && j;
    })) as Job;
    await taken.moveToFailed(new Error('failed by an operator tool'), 'other-token');
    await other.close();
    connection.disconnect();
    ours.worker.resume();

    await expectOneFailedWebhook(p, 'tenant-c', job.id!, 'failed by an operator tool');
  });
});

describe('one webhook per job', () => {
  it('a completion reported twice is delivered once', async () => {
    const p = path('twice');
    const handle = await startWorker();
    const job = await queue.add('route', routeJob('tenant-a', p));
    await waitForState(queue, job.id!, ['completed']);
    await waitFor('the webhook', async () => delivered(p, 'tenant-a').length === 1);
    // BullMQ reports the same completion again (as a second 'completed' event would).
    const again = (await Job.fromId(queue, job.id!))!;
    handle.worker.emit('completed', again, again.returnvalue, 'active');
    handle.worker.emit('completed', again, again.returnvalue, 'active');
    await settle(800);
    expect(callsTo(p)).toHaveLength(1);
  });

  it('two workers hearing the same failure deliver one webhook', async () => {
    const p = path('two-workers');
    // Both also hear the failure on the queue's events, at once (no grace): three enqueues, one job.
    await startWorker({ failureWebhookGraceMs: 0, name: 'one' });
    await startWorker({ failureWebhookGraceMs: 0, name: 'two' });
    const job = await queue.add('route', routeJob('tenant-b', p, { vehicles: [] }), { attempts: 3 });
    const failed = await waitForState(queue, job.id!, ['failed']);
    // Invalid input is not retried.
    expect(failed.attemptsMade).toBe(1);
    const event = await firstDelivered('the failed webhook', p, 'tenant-b');
    expect(event).toMatchObject({ jobId: job.id, state: 'failed' });
    expect(event.error.message).toMatch(/input\.vehicles: /);
    await settle(800);
    expect(callsTo(p)).toHaveLength(1);
    expect((await webhookQueue.getJobCounts('failed')).failed).toBe(0);
  });

  it('a job that fails once and then completes gets one completed webhook, none for the failed try', async () => {
    const p = path('retried');
    // An OSRM that answers 503 until the first attempt has failed, then straight-line tables.
    let osrmDown = true;
    const osrm = await startOsrmStub(() => osrmDown);
    try {
      const handle = await startOsrmWorker(osrm.url);
      const attempts: boolean[] = [];
      handle.worker.on('failed', (j) => {
        attempts.push(j?.finishedOn !== undefined);
        osrmDown = false;
      });
      const job = await queue.add('route', osrmRouteJob('tenant-a', p), {
        attempts: 3,
        backoff: { type: 'exponential', delay: 200 },
      });
      const done = await waitForState(queue, job.id!, ['completed', 'failed'], 30_000);
      expect(done.finishedOn).toBeDefined();
      expect(await queue.getJobState(job.id!)).toBe('completed');
      expect(done.attemptsMade).toBe(2);
      expect(attempts).toEqual([false]);
      const event = await firstDelivered('the completed webhook', p, 'tenant-a');
      expect(event).toMatchObject({ jobId: job.id, state: 'completed' });
      expect(event.result.travel.backend).toBe('osrm');
      await settle(500);
      expect(callsTo(p)).toHaveLength(1);
      expect(await webhookQueue.getJob(webhookJobId(job.id!, 'failed'))).toBeUndefined();
    } finally {
      await osrm.close();
    }
  }, 40_000);
});

describe('retries of the solve', () => {
  it('a job that fails on every attempt gets one failed webhook, after its last attempt', async () => {
    const p = path('exhausted');
    const osrm = await startOsrmStub(() => true);
    try {
      const osrmUrl = osrm.url;
      const handle = await startOsrmWorker(osrmUrl);
      const attempts: { finished: boolean; calls: number }[] = [];
      handle.worker.on('failed', (j) =>
        attempts.push({ finished: j?.finishedOn !== undefined, calls: callsTo(p).length }),
      );
      const job = await queue.add('route', osrmRouteJob('tenant-a', p), {
        attempts: 2,
        backoff: { type: 'exponential', delay: 200 },
      });
      const failed = await waitForState(queue, job.id!, ['failed', 'completed'], 30_000);
      expect(failed.attemptsMade).toBe(2);
      expect(failed.failedReason).toContain(`OSRM at ${osrmUrl} did not answer`);
      await expectOneFailedWebhook(p, 'tenant-a', job.id!, failed.failedReason);
      // Nothing was sent for the first attempt; the one webhook came after the job had ended.
      expect(attempts).toEqual([
        { finished: false, calls: 0 },
        { finished: true, calls: 0 },
      ]);
      expect(callsTo(p)[0]!.atMs).toBeGreaterThanOrEqual(failed.finishedOn!);
    } finally {
      await osrm.close();
    }
  }, 40_000);
});
