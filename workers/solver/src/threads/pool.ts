import { Worker, type ResourceLimits } from 'node:worker_threads';
import type { ThreadMessage } from './thread';

const THREAD_ENTRY = new URL('./entry.mjs', import.meta.url);

/** A solve that exhausts its heap kills its thread (ERR_WORKER_OUT_OF_MEMORY), not the worker. */
export function startThread(limits: ResourceLimits = {}): Worker {
  return new Worker(THREAD_ENTRY, { resourceLimits: limits });
}

/**
 * Removes the listeners the pool and runInThread add. Never `removeAllListeners()`: a Worker has
 * listeners of its own ('newListener', 'removeListener') that start its message port when a
 * 'message' listener is added; without them a reused thread's answers are never delivered and
 * its job runs into the hard time limit.
 */
function dropOurListeners(thread: Worker): void {
  for (const event of ['message', 'error', 'exit'] as const) thread.removeAllListeners(event);
}

/** Where a job's thread comes from and goes back to. */
export interface ThreadSource {
  take(): Worker;
  /** `reusable`: the thread answered and is idle again; otherwise it is terminated. */
  release(thread: Worker, reusable: boolean): void;
}

/** No pool: a new thread per job, terminated after it. */
export const freshThreads: ThreadSource = {
  take: () => startThread(),
  release: (thread) => void thread.terminate(),
};

/**
 * Solver threads kept loaded between jobs. Loading tsx, the planner and the solvers costs a
 * thread about 0.75 s of CPU, as much as a small routing job; a warm thread starts at once.
 * A thread that was stopped (cancel, time limit, shutdown) or failed is replaced by a fresh
 * one, and each thread retires after `maxJobsPerThread` jobs, as the HiGHS heap only grows.
 * A retiring thread goes on serving until its replacement has loaded (it says `ready`), so that
 * no job waits for a thread's start-up (seconds on a loaded machine: the drop-in's p99).
 */
export class ThreadPool implements ThreadSource {
  private idle: Worker[] = [];
  private readonly jobsRun = new WeakMap<Worker, number>();
  /** Retiring threads whose replacement is loading. */
  private readonly replacing = new WeakSet<Worker>();
  /** Retiring threads to stop at their next release (their replacement came while they ran a job). */
  private readonly retired = new WeakSet<Worker>();
  /** Replacements still loading. */
  private readonly loading = new Set<Worker>();
  private closed = false;

  constructor(
    private readonly idleCount: number,
    private readonly maxJobsPerThread: number,
    private readonly limits: ResourceLimits = {},
  ) {
    while (this.idle.length < idleCount) this.park(startThread(limits));
  }

  take(): Worker {
    const thread = this.idle.shift() ?? startThread(this.limits);
    dropOurListeners(thread);
    thread.ref();
    return thread;
  }

  release(thread: Worker, reusable: boolean): void {
    dropOurListeners(thread);
    const jobs = (this.jobsRun.get(thread) ?? 0) + 1;
    this.jobsRun.set(thread, jobs);
    const retired = this.retired.has(thread);
    if (reusable && !retired && !this.closed && this.idle.length < this.idleCount) {
      this.park(thread);
      if (jobs >= this.maxJobsPerThread && !this.replacing.has(thread)) this.replaceWhenLoaded(thread);
      return;
    }
    void thread.terminate();
    // Start the replacement now, while nobody waits for it (a retired thread's is already there).
    if (!retired && !this.closed && this.idle.length < this.idleCount) this.park(startThread(this.limits));
  }

  async close(): Promise<void> {
    this.closed = true;
    const threads = [...this.idle, ...this.loading];
    this.idle = [];
    this.loading.clear();
    await Promise.all(threads.map((t) => t.terminate()));
  }

  /** Starts `old`'s replacement; once it has loaded, it takes `old`'s place. */
  private replaceWhenLoaded(old: Worker): void {
    this.replacing.add(old);
    const fresh = startThread(this.limits);
    fresh.unref();
    this.loading.add(fresh);
    fresh.on('error', () => undefined);
    fresh.once('exit', () => {
      // Failed to load: `old` keeps serving, and its next release tries again.
      if (this.loading.delete(fresh)) this.replacing.delete(old);
    });
    fresh.on('message', (message: ThreadMessage) => {
      if (message.type !== 'ready' || !this.loading.delete(fresh)) return;
      dropOurListeners(fresh);
      if (this.idle.includes(old)) {
        this.idle = this.idle.filter((t) => t !== old);
        void old.terminate();
      } else {
        this.retired.add(old);
      }
      if (this.closed) void fresh.terminate();
      else this.park(fresh);
    });
  }

  private park(thread: Worker): void {
    // An idle thread must not keep the process alive, nor crash it if it fails to load.
    thread.unref();
    thread.on('error', () => undefined);
    thread.once('exit', () => {
      this.idle = this.idle.filter((t) => t !== thread);
    });
    this.idle.push(thread);
  }
}
