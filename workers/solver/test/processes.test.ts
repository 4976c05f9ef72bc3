import { spawnSync } from 'node:child_process';
import type { Queue, QueueEvents } from 'bullmq';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { RoutingSolution } from '@paketbygd/model';
import { freePort } from '../../../tests/support/redis-server';
import { spawnWorker, type ChildWorker } from './child-worker';
import { example, repoRoot, waitForState } from './helpers';
import { startTestQueue, type TestQueue } from './test-queue';

let testQueue: TestQueue | undefined;
let queue: Queue;
let events: QueueEvents;
const children: ChildWorker[] = [];

// Short locks and stalled checks, so a killed worker's job is taken over in seconds, not minutes.
const workerEnv = () => ({
  REDIS_URL: testQueue!.redis.url,
  WORKER_CONCURRENCY: '1',
  WORKER_LOCK_DURATION_MS: '2000',
  WORKER_STALLED_INTERVAL_MS: '500',
});

beforeAll(async () => {
  testQueue = await startTestQueue({ events: true });
  queue = testQueue.queue;
  events = testQueue.events!;
});

afterAll(async () => {
  for (const c of children) c.child.kill('SIGKILL');
  await testQueue?.close();
});

async function start(): Promise<ChildWorker> {
  const worker = await spawnWorker(workerEnv());
  children.push(worker);
  return worker;
}

const routeJob = (timeLimitS: number) => ({
  kind: 'route',
  tenant: 'tenant-a',
  input: example('operator/day-200-stops.json'),
  options: { timeLimitS },
});

it('a worker killed with SIGKILL mid-job: another worker takes the job over and completes it once', async () => {
  const first = await start();
  let completions = 0;
  const job = await queue.add('solve', routeJob(3));
  events.on('completed', ({ jobId }) => {
    if (jobId === job.id) completions++;
  });
  await first.waitForLog('solving', (l) => l.msg === 'solving' && l.jobId === job.id);
  await new Promise((r) => setTimeout(r, 500));
  first.child.kill('SIGKILL');
  expect((await first.exited).signal).toBe('SIGKILL');
  expect(await queue.getJobState(job.id!)).toBe('active');

  const second = await start();
  const done = await waitForState(queue, job.id!, ['completed', 'failed'], 25_000);
  expect(done.failedReason).toBeUndefined();
  RoutingSolution.parse(done.returnvalue);
  expect(second.logs.some((l) => l.msg === 'solved' && l.jobId === job.id)).toBe(true);
  expect(done.attemptsStarted).toBe(2);
  expect(done.stalledCounter).toBe(1);
  // QueueEvents delivers asynchronously: give a duplicate completion time to show up.
  await new Promise((r) => setTimeout(r, 500));
  expect(completions).toBe(1);
  second.child.kill('SIGTERM');
  expect((await second.exited).code).toBe(0);
}, 60_000);

it('SIGTERM: takes no new job, finishes the running one, then exits 0', async () => {
  const worker = await start();
  const running = await queue.add('solve', routeJob(2));
  await worker.waitForLog('solving', (l) => l.msg === 'solving' && l.jobId === running.id);
  const termMs = Date.now();
  worker.child.kill('SIGTERM');
  const later = await queue.add('solve', routeJob(1));
  const exit = await worker.exited;
  expect(exit.code).toBe(0);
  const done = await queue.getJob(running.id!);
  expect(await done!.getState()).toBe('completed');
  expect(done!.finishedOn!).toBeGreaterThanOrEqual(termMs);
  expect(done!.finishedOn!).toBeLessThanOrEqual(exit.atMs);
  expect(await queue.getJobState(later.id!)).toBe('waiting');
  expect(worker.logs.some((l) => l.msg === 'closed')).toBe(true);
  await queue.remove(later.id!);
}, 30_000);

it('SIGTERM with a job that outlasts WORKER_SHUTDOWN_TIMEOUT_S: the job goes back to wait, unspent, and the worker exits 0', async () => {
  const worker = await spawnWorker({ ...workerEnv(), WORKER_SHUTDOWN_TIMEOUT_S: '0.5' });
  children.push(worker);
  const job = await queue.add('solve', routeJob(60), { attempts: 2 });
  await worker.waitForLog('solving', (l) => l.msg === 'solving' && l.jobId === job.id);
  const termMs = Date.now();
  worker.child.kill('SIGTERM');
  const exit = await worker.exited;
  expect(exit.code).toBe(0);
  expect(exit.atMs - termMs).toBeLessThan(5_000);
  const back = await queue.getJob(job.id!);
  expect(await back!.getState()).toBe('waiting');
  expect(back!.attemptsMade).toBe(0);
  expect(back!.failedReason).toBeUndefined();
  await queue.remove(job.id!);
}, 30_000);

it('without a reachable Redis the entry point says what to do and exits non-zero', async () => {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'workers/solver/src/main.ts'], {
    cwd: repoRoot,
    env: { ...process.env, REDIS_URL: `redis://127.0.0.1:${await freePort()}` },
    encoding: 'utf8',
    timeout: 20_000,
  });
  expect(run.status).toBe(1);
  expect(run.stderr).toMatch(/is not reachable \(connect ECONNREFUSED/);
  expect(run.stderr).toMatch(/REDIS_URL=/);
});

it('an invalid environment is named, variable by variable, with exit code 2', async () => {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'workers/solver/src/main.ts'], {
    cwd: repoRoot,
    env: { ...process.env, WORKER_CONCURRENCY: 'many', WEBHOOK_SECRET: 'short' },
    encoding: 'utf8',
    timeout: 20_000,
  });
  expect(run.status).toBe(2);
  expect(run.stderr).toMatch(/WORKER_CONCURRENCY: /);
  expect(run.stderr).toMatch(/WEBHOOK_SECRET: use at least 16 characters/);
});
