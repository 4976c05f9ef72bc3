import { parentPort } from 'node:worker_threads';
import type { JobPayload, JobProgress, TravelSettings } from '@paketbygd/model';
import { routingThreadsFromEnv } from '../config';
import { serializeError } from '../errors';
import { runJob, type JobResult } from '@paketbygd/planner';

export interface ThreadRequest {
  payload: JobPayload;
  travel: TravelSettings;
  /** Least time between two progress messages. */
  progressIntervalMs: number;
}

export type ThreadMessage =
  /** Sent once, when the thread has loaded: the pool swaps a retiring thread for it then. */
  | { type: 'ready' }
  | { type: 'progress'; progress: JobProgress }
  | { type: 'done'; result: JobResult }
  | { type: 'error'; error: ReturnType<typeof serializeError> };

// The worker validated its environment at start (exit 2 when invalid); a thread inherits it.
const routingThreads = routingThreadsFromEnv();

const port = parentPort;
if (!port) throw new Error('thread.ts runs as a worker thread (see run-in-thread.ts)');

// One job at a time (the pool sees to it); a thread stopped mid-job is terminated, not reused.
port.on('message', async (request: ThreadRequest) => {
  let lastProgressMs = -Infinity;
  const onProgress = (progress: JobProgress) => {
    const now = performance.now();
    if (now - lastProgressMs < request.progressIntervalMs) return;
    lastProgressMs = now;
    port.postMessage({ type: 'progress', progress } satisfies ThreadMessage);
  };
  try {
    const result = await runJob(request.payload, { travel: request.travel, onProgress, routingThreads });
    port.postMessage({ type: 'done', result } satisfies ThreadMessage);
  } catch (error) {
    port.postMessage({ type: 'error', error: serializeError(error) } satisfies ThreadMessage);
  }
});

port.postMessage({ type: 'ready' } satisfies ThreadMessage);
