import { Worker } from 'node:worker_threads';

const THREAD_ENTRY = new URL('./thread-entry.mjs', import.meta.url);

/**
 * Solver threads started ahead of time. Loading tsx, the planner and the solvers takes a thread
 * about a second; a spare that has done so lets a job start at once. Each thread runs one job
 * and is thrown away, so the spares are refilled after each take.
 */
export class ThreadPool {
  private spares: Worker[] = [];
  private closed = false;

  constructor(private readonly spareCount: number) {
    this.fill();
  }

  /** A thread for one job: a spare when there is one, else a new thread. */
  take(): Worker {
    const thread = this.spares.shift() ?? new Worker(THREAD_ENTRY);
    thread.removeAllListeners();
    thread.ref();
    // Refill after the caller has started its job, not in its way.
    setImmediate(() => this.fill());
    return thread;
  }

  async close(): Promise<void> {
    this.closed = true;
    const spares = this.spares;
    this.spares = [];
    await Promise.all(spares.map((t) => t.terminate()));
  }

  private fill(): void {
    while (!this.closed && this.spares.length < this.spareCount) {
      const thread = new Worker(THREAD_ENTRY);
      // A spare must not keep the process alive, nor crash it if it fails to load.
      thread.unref();
      thread.on('error', () => undefined);
      thread.once('exit', () => {
        this.spares = this.spares.filter((t) => t !== thread);
      });
      this.spares.push(thread);
    }
  }
}

/** No spares: each job starts its own thread (tests, one-off runs). */
export const freshThreads = { take: () => new Worker(THREAD_ENTRY) };
