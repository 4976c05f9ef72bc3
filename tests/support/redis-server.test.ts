import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { startTestRedis } from './redis-server';

describe('test Redis', () => {
  it('starts a server of its own that keeps data across a restart with AOF', async (ctx) => {
    if (process.env.REDIS_URL) ctx.skip('REDIS_URL is set: the tests use that server, not one of their own');
    const redis = await startTestRedis({ appendOnly: true });
    const cli = (...args: string[]) =>
      spawnSync('redis-cli', ['-p', String(redis.port), ...args], { encoding: 'utf8' }).stdout.trim();
    expect(cli('set', 'k', 'v')).toBe('OK');
    await redis.restart();
    expect(cli('get', 'k')).toBe('v');
    // A crash (SIGKILL) and a restart: AOF with fsync always keeps what was acknowledged.
    expect(cli('set', 'k2', 'v2')).toBe('OK');
    await redis.stop('SIGKILL');
    await redis.restart();
    expect(cli('get', 'k2')).toBe('v2');
    await redis.stop();
  });
});
