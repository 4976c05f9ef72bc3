import { afterEach, expect, it } from 'vitest';
import type { Worker } from 'node:worker_threads';
import { JobPayload, type RoutingSolution } from '@paketbygd/model';
import { SolveFailed } from '../src/errors';
import { runInThread } from '../src/threads/run-in-thread';
import { ThreadPool } from '../src/threads/pool';
import { example, waitFor } from './helpers';

let pool: ThreadPool | undefined;
afterEach(async () => {
  await pool?.close();
});

// The pool drops every listener of a released thread, so look at the thread itself: -1 once stopped.
// A retiring thread stops once its replacement has loaded: seconds on a loaded machine.
const exited = (thread: Worker) => waitFor('the thread to stop', async () => thread.threadId === -1, 20_000);

it('hands a thread that answered back out for the next job, and retires it after its last job', async () => {
  pool = new ThreadPool(1, 2);
  const first = pool.take();
  pool.release(first, true);
  expect(pool.take()).toBe(first);
  pool.release(first, true); // its second job: retired
  await exited(first);
  expect(pool.take()).not.toBe(first);
});

it('a retiring thread serves until its replacement has loaded, so no job waits for a start-up', async () => {
  pool = new ThreadPool(1, 1);
  const first = pool.take();
  pool.release(first, true); // its last job: its replacement starts loading
  expect(pool.take()).toBe(first); // and it serves the next job meanwhile
  pool.release(first, true);
  await exited(first); // the replacement has loaded and taken its place
  const next = pool.take();
  expect(next).not.toBe(first);
  pool.release(next, true);
}, 30_000);

it("the thread that took a retired one's place answers its jobs", async () => {
  pool = new ThreadPool(1, 1);
  const first = pool.take();
  pool.release(first, true); // its last job: the replacement loads, then takes its place
  await exited(first);
  const tiny = JobPayload.parse({
    kind: 'route',
    tenant: 't',
    input: {
      vehicles: [{ id: 1, start: [16.2, 59.0], start_index: 0 }],
      jobs: [{ id: 1, location: [16.21, 59.0], location_index: 1 }],
      matrices: {
        car: {
          durations: [
            [0, 60],
            [60, 0],
          ],
        },
      },
    },
    options: { timeLimitS: 0.05 },
  });
  const options = {
    travel: { backend: 'straightline' as const },
    onProgress: () => undefined,
    threads: pool,
  };
  // Twice: the replacement's first job, then its reuse (the pool's own listeners come and go).
  for (let job = 0; job < 2; job++) {
    const result = (await runInThread(tiny, { ...options, hardLimitMs: 20_000 })) as RoutingSolution;
    expect(result.routes.map((route) => route.steps.filter((s) => s.type === 'job').length)).toEqual([1]);
  }
}, 60_000);

it('replaces a thread that was stopped instead of reusing it', async () => {
  pool = new ThreadPool(1, 50);
  const stopped = pool.take();
  pool.release(stopped, false);
  await exited(stopped);
  const next = pool.take();
  expect(next).not.toBe(stopped);
  expect(next.threadId).toBeGreaterThan(stopped.threadId);
});

it('keeps no more idle threads than asked', async () => {
  pool = new ThreadPool(1, 50);
  const a = pool.take();
  const b = pool.take();
  pool.release(a, true);
  pool.release(b, true);
  await exited(b);
  expect(pool.take()).toBe(a);
});

it('a thread that runs out of heap fails its job with a message, and the process carries on', async () => {
  pool = new ThreadPool(0, 50, { maxOldGenerationSizeMb: 4 });
  const payload = JobPayload.parse({ kind: 'plan', tenant: 't', input: example('vingaker/scenario.json') });
  const outcome = runInThread(payload, {
    travel: { backend: 'straightline' },
    onProgress: () => undefined,
    hardLimitMs: 60_000,
    threads: pool,
  });
  await expect(outcome).rejects.toBeInstanceOf(SolveFailed);
  await expect(outcome).rejects.toThrow(/solver thread crashed: .*(memory|heap)/i);
}, 30_000);
