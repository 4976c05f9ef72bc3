import type { Worker } from 'bullmq';
import type { Logger } from 'pino';

/**
 * Stops a BullMQ worker taking jobs and waits up to `timeoutMs` for the running ones; then
 * cancels those still running (BullMQ hands them back to the queue for another worker) and
 * waits for the worker to finish closing. `lateMessage` says in the log what is handed back.
 */
export async function closeWorkerWithin(
  worker: Worker,
  timeoutMs: number,
  logger: Logger,
  lateMessage: string,
): Promise<void> {
  const closed = worker.close();
  const timer = new Promise<'timeout'>((resolve) => setTimeout(resolve, timeoutMs, 'timeout').unref());
  if ((await Promise.race([closed, timer])) === 'timeout') {
    logger.warn(lateMessage);
    worker.cancelAllJobs('shutdown');
    await closed;
  }
}
