/**
 * A real Redis for tests: `REDIS_URL` when set, else a `redis-server` of our own on a free port,
 * in a temporary directory (AOF on request), stopped and removed afterwards.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TestRedis {
  url: string;
  port: number;
  /** Stops the server (SIGTERM by default, SIGKILL to simulate a crash). */
  stop(signal?: NodeJS.Signals): Promise<void>;
  /** Starts the server again on the same port and directory (for persistence tests). */
  restart(): Promise<void>;
  /** True when this is a server of our own, which tests may stop and restart. */
  owned: boolean;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

async function waitForPing(port: number, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const ping = spawnSync('redis-cli', ['-h', '127.0.0.1', '-p', String(port), 'ping'], {
      encoding: 'utf8',
    });
    if (ping.stdout?.trim() === 'PONG') return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`redis-server on port ${port} did not answer PING within ${timeoutMs} ms`);
}

export async function startTestRedis(options: { appendOnly?: boolean } = {}): Promise<TestRedis> {
  if (process.env.REDIS_URL) {
    const url = process.env.REDIS_URL;
    return {
      url,
      port: Number(new URL(url).port || 6379),
      owned: false,
      stop: async () => undefined,
      restart: async () => undefined,
    };
  }
  if (spawnSync('redis-server', ['--version']).error) {
    throw new Error('redis-server is not installed: apt-get install -y redis-server (or set REDIS_URL)');
  }
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'paketbygd-redis-'));
  let child: ChildProcess | undefined;
  const launch = async () => {
    child = spawn(
      'redis-server',
      [
        '--port',
        String(port),
        '--bind',
        '127.0.0.1',
        '--dir',
        dir,
        '--save',
        '',
        '--appendonly',
        options.appendOnly ? 'yes' : 'no',
        '--appendfsync',
        'always',
        // BullMQ needs keys kept; a test server must never evict.
        '--maxmemory-policy',
        'noeviction',
      ],
      { stdio: 'ignore' },
    );
    await waitForPing(port);
  };
  await launch();
  const stop = async (signal: NodeJS.Signals = 'SIGTERM') => {
    const running = child;
    // After a signal, exitCode stays null and signalCode is set: either means it has exited.
    if (!running || running.exitCode !== null || running.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      running.once('exit', () => resolve());
      running.kill(signal);
    });
  };
  const handle: TestRedis = {
    url: `redis://127.0.0.1:${port}`,
    port,
    owned: true,
    stop: async (signal) => {
      await stop(signal);
    },
    restart: async () => {
      await stop();
      await launch();
    },
  };
  process.once('exit', () => {
    child?.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });
  return handle;
}
