import { Queue, QueueEvents } from 'bullmq';
import type { Redis } from 'ioredis';
import { QUEUE_NAME } from '@paketbygd/model';
import { startTestRedis, type TestRedis } from '../../../tests/support/redis-server';
import { redisClient } from './helpers';

/** A test file's Redis with the solve queue on it, as the API would hold it. */
export interface TestQueue {
  redis: TestRedis;
  /** The queue's connection (also for raw commands). */
  client: Redis;
  queue: Queue;
  /** The queue's events, on a connection of their own (QueueEvents blocks on it); when asked for. */
  events: QueueEvents | undefined;
  /** Closes the events, the queue and its connection, and stops Redis (close workers first). */
  close(): Promise<void>;
}

export async function startTestQueue(
  options: { events?: boolean; appendOnly?: boolean } = {},
): Promise<TestQueue> {
  const redis = await startTestRedis(options.appendOnly ? { appendOnly: true } : {});
  const client = redisClient(redis.url);
  const queue = new Queue(QUEUE_NAME, { connection: client });
  const events = options.events
    ? new QueueEvents(QUEUE_NAME, { connection: redisClient(redis.url) })
    : undefined;
  await events?.waitUntilReady();
  return {
    redis,
    client,
    queue,
    events,
    close: async () => {
      await events?.close();
      await queue.close();
      client.disconnect();
      await redis.stop();
    },
  };
}
