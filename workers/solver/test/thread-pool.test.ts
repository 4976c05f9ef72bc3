import { afterEach, expect, it } from 'vitest';
import type { Worker } from 'node:worker_threads';
import { ThreadPool } from '../src/thread-pool';
import { waitFor } from './helpers';

let pool: ThreadPool | undefined;
afterEach(async () => {
  await pool?.close();
});

// The pool drops every listener of a released thread, so look at the thread itself: -1 once stopped.
const exited = (thread: Worker) => waitFor('the thread to stop', async () => thread.threadId === -1, 5_000);

it('hands a thread that answered back out for the next job, and retires it after its last job', async () => {
  pool = new ThreadPool(1, 2);
  const first = pool.take();
  pool.release(first, true);
  expect(pool.take()).toBe(first);
  pool.release(first, true); // its second job: retired
  await exited(first);
  expect(pool.take()).not.toBe(first);
});

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
