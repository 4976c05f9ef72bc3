import { createHmac } from 'node:crypto';
import type { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RoutingSolution } from '@paketbygd/model';
import {
  signWebhook,
  startSolverWorker,
  tenantWebhookKey,
  verifyWebhookSignature,
  type SolverWorkerHandle,
} from '../src/index';
import { startWebhookReceiver, type WebhookReceiver } from './webhook-receiver';
import { example, silent, waitFor, waitForState } from './helpers';
import { startTestQueue, type TestQueue } from './test-queue';
import { webhookEnv, WEBHOOK_TEST_SECRET as SECRET } from './webhook-env';

let testQueue: TestQueue | undefined;
let queue: Queue;
let worker: SolverWorkerHandle;
let receiver: WebhookReceiver;
/** Per path: how many requests answer 500 before one answers 204. */
const failFirst = new Map<string, number>();

beforeAll(async () => {
  receiver = await startWebhookReceiver((path) => {
    const failures = failFirst.get(path) ?? 0;
    failFirst.set(path, failures - 1);
    return failures > 0 ? 500 : 204;
  });
  testQueue = await startTestQueue();
  queue = testQueue.queue;
  worker = await startSolverWorker({
    redisUrl: testQueue.redis.url,
    concurrency: 2,
    logger: silent,
    env: webhookEnv(),
  });
});

afterAll(async () => {
  await worker?.close(5_000);
  await testQueue?.close();
  await receiver?.close();
});

/** The signature as a receiver computes it, with node:crypto alone. */
function expectedSignature(tenant: string, body: string, t: string): string {
  const key = createHmac('sha256', SECRET).update(tenant).digest('hex');
  return createHmac('sha256', key).update(`${t}.${body}`).digest('hex');
}

describe('webhooks', () => {
  it('a completed job is POSTed, signed, and retried after a 500', async () => {
    failFirst.set('/done', 1);
    const job = await queue.add('solve', {
      kind: 'route',
      tenant: 'tenant-a',
      input: example('operator/small-cvrp.json'),
      options: { timeLimitS: 0.5 },
      callbackUrl: `${receiver.base}/done`,
    });
    await waitForState(queue, job.id!, ['completed']);
    const calls = await waitFor('two webhook calls', async () => {
      const c = receiver.callsTo('/done');
      return c.length >= 2 && c;
    });
    expect(calls.map((c) => c.status)).toEqual([500, 204]);
    const delivered = calls[1]!;
    const event = JSON.parse(delivered.body);
    expect(event).toMatchObject({ jobId: job.id, kind: 'route', state: 'completed' });
    RoutingSolution.parse(event.result);
    const [, t, v1] = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(delivered.signature)!;
    expect(Math.abs(Number(t) - Date.now() / 1000)).toBeLessThan(60);
    expect(v1).toBe(expectedSignature('tenant-a', delivered.body, t!));
    expect(
      verifyWebhookSignature(tenantWebhookKey(SECRET, 'tenant-a'), delivered.body, delivered.signature),
    ).toBe(true);
    // Nothing more arrives once one delivery succeeded.
    await new Promise((r) => setTimeout(r, 400));
    expect(receiver.callsTo('/done')).toHaveLength(2);
    // How the delivery ended is recorded on the job (its BullMQ log, shown by Bull Board).
    expect((await queue.getJobLogs(job.id!)).logs).toEqual(['webhook delivered: HTTP 204 (try 2)']);
  });

  it('a route answer with ids above 2^53 − 1 is POSTed with them as JSON numbers', async () => {
    const MAX = '18446744073709551615';
    // As the API queues a validated request: such ids travel as their digits.
    const job = await queue.add('solve', {
      kind: 'route',
      tenant: 'tenant-a',
      input: {
        vehicles: [{ id: MAX, start_index: 0, end_index: 0 }],
        jobs: [{ id: MAX, location_index: 1 }],
        matrices: {
          car: {
            durations: [
              [0, 5],
              [5, 0],
            ],
          },
        },
      },
      options: { timeLimitS: 0.2 },
      callbackUrl: `${receiver.base}/big-ids`,
    });
    await waitForState(queue, job.id!, ['completed']);
    const [call] = await waitFor('a webhook call', async () => {
      const c = receiver.callsTo('/big-ids');
      return c.length >= 1 && c;
    });
    expect(call!.body).toContain(`"vehicle":${MAX}`);
    expect(call!.body).toContain(`"id":${MAX}`);
    expect(call!.body).not.toContain(`"${MAX}"`);
    expect(verifyWebhookSignature(tenantWebhookKey(SECRET, 'tenant-a'), call!.body, call!.signature)).toBe(
      true,
    );
  });

  it('a failed job is POSTed with its error', async () => {
    const job = await queue.add('solve', {
      kind: 'route',
      tenant: 'tenant-b',
      input: { vehicles: [] },
      callbackUrl: `${receiver.base}/failed`,
    });
    await waitForState(queue, job.id!, ['failed']);
    const [call] = await waitFor('a webhook call', async () => {
      const c = receiver.callsTo('/failed');
      return c.length >= 1 && c;
    });
    const event = JSON.parse(call!.body);
    expect(event).toMatchObject({ jobId: job.id, kind: 'route', state: 'failed' });
    expect(event.error.message).toMatch(/input\.vehicles: /);
    expect(verifyWebhookSignature(tenantWebhookKey(SECRET, 'tenant-b'), call!.body, call!.signature)).toBe(
      true,
    );
    // Another tenant's key does not verify it.
    expect(verifyWebhookSignature(tenantWebhookKey(SECRET, 'tenant-a'), call!.body, call!.signature)).toBe(
      false,
    );
  });
});

describe('signatures', () => {
  const key = tenantWebhookKey(SECRET, 'tenant-a');
  const body = '{"jobId":"1"}';
  const now = 1_800_000_000;

  it('reject a changed body, an old timestamp and a malformed header', () => {
    const header = signWebhook(key, body, now);
    expect(verifyWebhookSignature(key, body, header, now)).toBe(true);
    expect(verifyWebhookSignature(key, '{"jobId":"2"}', header, now)).toBe(false);
    expect(verifyWebhookSignature(key, body, header, now + 301)).toBe(false);
    expect(verifyWebhookSignature(key, body, 'v1=abc', now)).toBe(false);
  });
});
