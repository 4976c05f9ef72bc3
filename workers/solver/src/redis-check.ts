import { Redis } from 'ioredis';

/** One PING with a short timeout and no reconnects: whether Redis is there, and if not, why. */
export async function pingRedis(
  url: string,
  timeoutMs = 3_000,
): Promise<{ ok: true } | { ok: false; reason: string }> {
  const client = new Redis(url, {
    lazyConnect: true,
    connectTimeout: timeoutMs,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    enableOfflineQueue: false,
  });
  // The connect promise only says "Connection is closed"; the socket error says why (ECONNREFUSED, …).
  let socketError: string | undefined;
  client.on('error', (error: Error) => (socketError ??= error.message));
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

/** What to tell someone whose Redis is not there. */
export function redisHelp(url: string, reason: string): string {
  const safe = url.replace(/\/\/([^@/]*)@/, '//***@');
  return [
    `Redis at ${safe} is not reachable (${reason}).`,
    'The solver worker takes its jobs from Redis. Either start one here:',
    '  redis-server --appendonly yes          (apt-get install redis-server)',
    '  docker compose -f infra/docker-compose.yml up -d redis',
    'or point REDIS_URL at yours, e.g. REDIS_URL=redis://:password@redis.example:6379',
  ].join('\n');
}
