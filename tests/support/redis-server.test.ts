import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { startTestRedis } from './redis-server';

describe('test Redis', () => {
  it('starts a server of its own that keeps data across a restart with AOF', async () => {
    if (process.env.REDIS_URL) return;
    const redis = await startTestRedis({ appendOnly: true });
    const cli = (...args: string[]) =>
      spawnSync('redis-cli', ['-p', String(redis.port), ...args], { encoding: 'utf8' }).stdout.trim();
    expect(cli('set', 'k', 'v')).toBe('OK');
    await redis.restart();
    expect(cli('get', 'k')).toBe('v');
    await redis.stop();
  });
});
