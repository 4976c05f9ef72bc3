import { CANCEL_CHANNEL } from '@paketbygd/model';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { CANCELLED } from './processor';

/**
 * Listens on CANCEL_CHANNEL (message = job id) on a connection of its own, as a subscribed Redis
 * connection can do nothing else. Every worker hears every cancel; the one running the job aborts it.
 */
export async function listenForCancels(
  subscriber: Redis,
  cancelJob: (jobId: string, reason: string) => boolean,
  logger: Logger,
): Promise<() => Promise<void>> {
  subscriber.on('message', (channel: string, message: string) => {
    if (channel !== CANCEL_CHANNEL) return;
    const jobId = message.trim();
    if (cancelJob(jobId, CANCELLED)) logger.info({ jobId }, 'cancel requested: aborting the running job');
    else logger.debug({ jobId }, 'cancel for a job this worker is not running');
  });
  await subscriber.subscribe(CANCEL_CHANNEL);
  return async () => {
    await subscriber.quit().catch(() => subscriber.disconnect());
  };
}
