import type { JobPayload, JobProgress, TravelSettings } from '@paketbygd/model';
import { SolveFailed, SolveStopped, type StopReason } from '../errors';
import { freshThreads, type ThreadSource } from './pool';
import type { JobResult } from '@paketbygd/planner';
import type { ThreadMessage, ThreadRequest } from './thread';

export interface ThreadOptions {
  travel: TravelSettings;
  onProgress: (progress: JobProgress) => void;
  /** Aborting terminates the thread; the reason (a StopReason) says why. */
  signal?: AbortSignal;
  /** Wall-clock guard: the thread is killed after this, whatever it is doing. */
  hardLimitMs: number;
  progressIntervalMs?: number;
  /** Where threads come from (a ThreadPool with spares); default a new thread per job. */
  threads?: ThreadSource;
}

/**
 * Runs one job in a fresh worker thread, so the event loop that renews BullMQ locks and answers
 * cancels stays free while the synchronous solvers work. Rejects with SolveStopped when stopped
 * from outside and SolveFailed with the thread's own error.
 */
export function runInThread(payload: JobPayload, options: ThreadOptions): Promise<JobResult> {
  return new Promise<JobResult>((resolve, reject) => {
    if (options.signal?.aborted) {
      reject(new SolveStopped(stopReason(options.signal.reason)));
      return;
    }
    const threads = options.threads ?? freshThreads;
    const thread = threads.take();
    let settled = false;
    /** `reusable`: the thread answered and waits for the next job; else it is terminated. */
    const finish = (outcome: () => void, reusable = false) => {
      if (settled) return;
      settled = true;
      clearTimeout(guard);
      options.signal?.removeEventListener('abort', onAbort);
      threads.release(thread, reusable);
      outcome();
    };
    const stop = (reason: StopReason) => finish(() => reject(new SolveStopped(reason)));
    const onAbort = () => stop(stopReason(options.signal?.reason));
    const guard = setTimeout(() => stop('hard-time-limit'), options.hardLimitMs);
    options.signal?.addEventListener('abort', onAbort, { once: true });
    thread.on('message', (message: ThreadMessage) => {
      if (settled || message.type === 'ready') return;
      if (message.type === 'progress') options.onProgress(message.progress);
      else if (message.type === 'done') finish(() => resolve(message.result), true);
      else finish(() => reject(new SolveFailed(message.error)));
    });
    thread.once('error', (error) =>
      finish(() =>
        reject(
          new SolveFailed({
            name: error.name,
            message: `solver thread crashed: ${error.message}`,
            transient: false,
          }),
        ),
      ),
    );
    thread.once('exit', (code) =>
      finish(() =>
        reject(
          new SolveFailed({
            name: 'Error',
            message: `solver thread stopped with exit code ${code} before answering`,
            transient: false,
          }),
        ),
      ),
    );
    const request: ThreadRequest = {
      payload,
      travel: options.travel,
      progressIntervalMs: options.progressIntervalMs ?? 250,
    };
    thread.postMessage(request);
  });
}

function stopReason(reason: unknown): StopReason {
  return reason === 'shutdown' || reason === 'hard-time-limit' ? reason : 'cancelled';
}
