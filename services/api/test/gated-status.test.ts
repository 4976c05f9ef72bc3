import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestRedis } from '../../../tests/support/redis-server';
import { GatedStatusReads, KEYS_PER_READ } from '../src/gated-status';
import { statusKeys } from '../src/status';
import { example, fileRedis, startTestApi, type TestApi } from './support';

/**
 * The reads asked in one turn of the event loop go to Redis in one script call, and each is
 * gated, counted and read as if it ran alone, in the order asked.
 */
let redis: TestRedis;
let producer: TestApi;
let client: Redis;

beforeAll(async () => {
  redis = await fileRedis(0);
  producer = await startTestApi({}, redis);
  client = new Redis(redis.url);
});
afterAll(async () => {
  client?.disconnect();
  await producer?.close();
  await redis?.stop();
});

const LIMITS = { authFailLimitMax: 2, rateWindowMs: 60_000, rateLimitMax: 3 };
const prefix = `gated-test:${randomUUID()}:`;

function keysOf(address: string, keyId: string, jobId: string): string[] {
  const keys = [
    `${prefix}fail:${address}`,
    `${prefix}key:${keyId}`,
    ...statusKeys(producer.api.jobs.queue, jobId),
  ];
  expect(keys).toHaveLength(KEYS_PER_READ);
  return keys;
}

describe('GatedStatusReads', () => {
  it('answers the reads of one turn with one script call, each counted and read in order', async () => {
    const res = await producer.call('/v1/routes', { json: example('operator/small-cvrp.json') });
    const { id } = (await res.json()) as { id: string };
    const missing = randomUUID();
    await client.set(`${prefix}fail:10.0.0.9`, '2', 'PX', 60_000);
    const reads = new GatedStatusReads(client, LIMITS);
    const calls: number[] = [];
    const batchClient = client as unknown as { paketbygdGatedStatuses(...args: string[]): Promise<unknown> };
    const send = batchClient.paketbygdGatedStatuses.bind(client);
    batchClient.paketbygdGatedStatuses = (...args: string[]) => {
      calls.push(Number(args[0]) / KEYS_PER_READ);
      return send(...args);
    };

    const replies = await Promise.all([
      reads.read(keysOf('10.0.0.1', 'k1', id), id),
      reads.read(keysOf('10.0.0.1', 'k1', missing), missing),
      reads.read(keysOf('10.0.0.9', 'k1', id), id), // address over the failed-key limit: k1 not counted
      reads.read(keysOf('10.0.0.1', 'k1', id), id),
      reads.read(keysOf('10.0.0.1', 'k1', id), id), // the fourth of k1: over its limit of 3
      reads.read(keysOf('10.0.0.1', 'k2', id), id),
    ]);

    expect(calls).toEqual([6]);
    expect(replies.map(([outcome, hits]) => [outcome, hits])).toEqual([
      ['read', 1],
      ['read', 2],
      ['blocked', 2],
      ['read', 3],
      ['limited', 4],
      ['read', 1],
    ]);
    expect(replies[0]![3]?.[0]).toBe('waiting');
    expect(replies[1]![3]).toBeNull();
    expect(replies[5]![3]).toEqual(replies[0]![3]);
  });
});
