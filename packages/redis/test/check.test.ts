import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, startTestRedis, type TestRedis } from '../../../tests/support/redis-server';
import { checkRedis, redisHelp, withoutPassword } from '../src/index';

describe('checkRedis', () => {
  let redis: TestRedis;
  beforeAll(async () => {
    redis = await startTestRedis();
  });
  afterAll(async () => {
    await redis.stop();
  });

  it('answers ok when Redis answers PING', async () => {
    expect(await checkRedis(redis.url)).toEqual({ ok: true });
  });

  it('says why when nothing listens: the socket error, not "Connection is closed"', async () => {
    const port = await freePort();
    const result = await checkRedis(`redis://127.0.0.1:${port}`, 2_000);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(/ECONNREFUSED/);
  });
});

describe('redisHelp', () => {
  it('names the URL without its password, the reason, who needs Redis and how to start one', () => {
    const help = redisHelp(
      'redis://:s3cret@db.example:6380',
      'connect ECONNREFUSED',
      'The API keeps its jobs in Redis.',
    );
    expect(help).not.toContain('s3cret');
    expect(help).toContain('Redis at redis://***@db.example:6380 is not reachable (connect ECONNREFUSED).');
    expect(help).toContain('The API keeps its jobs in Redis. Either start one here:');
    expect(help).toMatch(/redis-server .*\n.*docker compose/);
  });
});

describe('withoutPassword', () => {
  it('hides the user and password of a Redis URL and leaves a URL without them as it is', () => {
    expect(withoutPassword('rediss://app:s3cret@db.example:6380/2')).toBe('rediss://***@db.example:6380/2');
    expect(withoutPassword('redis://127.0.0.1:6379')).toBe('redis://127.0.0.1:6379');
  });
});
