import { Worker, type ResourceLimits } from 'node:worker_threads';

const THREAD_ENTRY = new URL('./entry.mjs', import.meta.url);

/** A solve that exhausts its heap kills its thread (ERR_WORKER_OUT_OF_MEMORY), not the worker. */
export function startThread(limits: ResourceLimits = {}): Worker {
  return new Worker(THREAD_ENTRY, { resourceLimits: limits });
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
 */
export class ThreadPool implements ThreadSource {
  private idle: Worker[] = [];
  private readonly jobsRun = new WeakMap<Worker, number>();
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
    thread.removeAllListeners();
    thread.ref();
    return thread;
  }

  release(thread: Worker, reusable: boolean): void {
    thread.removeAllListeners();
    const jobs = (this.jobsRun.get(thread) ?? 0) + 1;
    this.jobsRun.set(thread, jobs);
    const keep = reusable && jobs < this.maxJobsPerThread;
    if (keep && !this.closed && this.idle.length < this.idleCount) {
      this.park(thread);
      return;
    }
    void thread.terminate();
    // Start the replacement now, while nobody waits for it.
    if (!this.closed && this.idle.length < this.idleCount) this.park(startThread(this.limits));
  }

  async close(): Promise<void> {
    this.closed = true;
    const idle = this.idle;
    this.idle = [];
    await Promise.all(idle.map((t) => t.terminate()));
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
