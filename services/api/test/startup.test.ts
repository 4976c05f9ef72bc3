import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { freePort } from '../../../tests/support/redis-server';

const MAIN = join(import.meta.dirname, '..', 'src', 'main.ts');

it('a Redis that is not there stops the API with exit 1, and neither log nor help shows its password', async () => {
  const port = await freePort();
  const run = spawnSync(process.execPath, ['--import', 'tsx', MAIN], {
    encoding: 'utf8',
    timeout: 30_000,
    env: { ...process.env, REDIS_URL: `redis://:s3cret@127.0.0.1:${port}`, PORT: '0' },
  });
  expect(run.status, run.stderr).toBe(1);
  const log = JSON.parse(run.stdout.trim().split('\n').at(-1)!) as { msg: string; redisUrl: string };
  expect(log.msg).toBe('redis not reachable');
  expect(log.redisUrl).toBe(`redis://***@127.0.0.1:${port}`);
  expect(`${run.stdout}${run.stderr}`).not.toContain('s3cret');
  expect(run.stderr).toContain(`Redis at redis://***@127.0.0.1:${port} is not reachable`);
});
