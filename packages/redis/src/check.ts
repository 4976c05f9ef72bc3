import { Redis } from 'ioredis';

/** One PING with a short timeout and no reconnects: whether Redis is there, and if not, why. */
export async function checkRedis(
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
  let socketError: string | undefined;
  // The connect promise only says "Connection is closed"; the socket error says why (ECONNREFUSED, …).
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

/** The URL to print or log: its user and password (`redis://:secret@host`) become `***`. */
export function withoutPassword(url: string): string {
  return url.replace(/\/\/([^@/]*)@/, '//***@');
}

/**
 * What to tell someone whose Redis is not there. `needs` says who needs it for what ("The API
 * keeps its jobs in Redis."). A password in the URL is not repeated.
 */
export function redisHelp(url: string, reason: string, needs: string): string {
  return [
    `Redis at ${withoutPassword(url)} is not reachable (${reason}).`,
    `${needs} Either start one here:`,
    '  redis-server --appendonly yes          (apt-get install redis-server)',
    '  docker compose -f infra/docker-compose.yml up -d redis',
    'or point REDIS_URL at yours, e.g. REDIS_URL=redis://:password@redis.example:6379 (rediss:// for TLS)',
  ].join('\n');
}
