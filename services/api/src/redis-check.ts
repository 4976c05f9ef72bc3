import { Redis } from 'ioredis';

/** One connection attempt, no retries: whether Redis answers PING at `url`, and why not. */
export async function checkRedis(
  url: string,
  timeoutMs = 3000,
): Promise<{ ok: true } | { ok: false; reason: string }> {
  const client = new Redis(url, {
    lazyConnect: true,
    connectTimeout: timeoutMs,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    enableOfflineQueue: false,
  });
  let socketError: string | undefined;
  client.on('error', (error: Error) => {
    socketError ??= error.message;
  });
  try {
    await client.connect();
    await client.ping();
    return { ok: true };
  } catch (error) {
    return { ok: false, reason: socketError ?? (error instanceof Error ? error.message : String(error)) };
  } finally {
    client.disconnect();
  }
}

export function redisHelp(url: string, reason: string): string {
  return [
    `Redis is not reachable at ${url} (${reason}).`,
    'The API keeps its jobs in Redis. Either:',
    '  - start one here: redis-server --port 6379 (apt-get install redis-server), or',
    '  - docker compose -f infra/docker-compose.yml up -d redis, or',
    '  - point REDIS_URL at a running Redis (redis://host:port, rediss:// for TLS).',
  ].join('\n');
}
