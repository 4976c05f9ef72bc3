import type { Request, RequestHandler } from 'express';
import rateLimit, {
  ipKeyGenerator,
  MemoryStore,
  type ClientRateLimitInfo,
  type IncrementResponse,
  type Options,
  type RateLimitInfo,
  type Store,
} from 'express-rate-limit';
import type { Cluster } from 'ioredis';
import type { Logger } from 'pino';
import { RedisStore, type RedisReply, type SendCommandClusterDetails } from 'rate-limit-redis';
import { callerOf } from './auth';
import type { Limits, RateLimitStore } from './config';
import { errorBody, HttpError } from './errors';
import type { RedisClient } from './jobs';

/**
 * Prefix of every rate-limit counter in Redis. No `{hash tag}`, unlike the queue's
 * `{paketbygd}solve`: BullMQ needs all of a queue's keys in one Cluster slot, but each counter is
 * one key touched by one script, so counters may spread over the shards instead of all landing on
 * the queue's.
 */
export const RATE_LIMIT_PREFIX = 'paketbygd:rl:';

const isCluster = (client: RedisClient): client is Cluster =>
  'nodes' in client && typeof client.nodes === 'function';

/** A store both limiters can use: express-rate-limit's Store, with `get` (read without counting). */
type LimitStore = Store & { get(key: string): Promise<ClientRateLimitInfo | undefined> };

/**
 * rate-limit-redis's store on the API's command connection, with four changes:
 * - Its Lua scripts are loaded when the limiter is created; when Redis was away then, the store
 *   keeps the failed load and every later increment would fail on it even after Redis is back.
 *   Here a failed load is tried again on the next call.
 * - `get` (read-only, for valid keys) is a plain GET instead of a script call.
 * - On a Redis Cluster, `SCRIPT LOAD` goes to every master (ioredis routes a key-less command to
 *   a random node); EVALSHA is routed by its key.
 * - Any store error (Redis not reachable, a timeout) becomes a 503 in the API's error shape:
 *   limits are enforced or the request is refused, never skipped (see README, "Rate limits").
 */
export class SharedRedisStore extends RedisStore {
  constructor(
    client: RedisClient,
    prefix: string,
    private readonly logger: Logger,
  ) {
    super({
      prefix,
      sendCommandCluster: async ({ command }: SendCommandClusterDetails) => {
        const [name = '', ...args] = command;
        if (isCluster(client) && name.toUpperCase() === 'SCRIPT') {
          const replies = await Promise.all(client.nodes('master').map((node) => node.call(name, ...args)));
          return replies[0] as RedisReply;
        }
        return (await client.call(name, ...args)) as RedisReply;
      },
    });
  }

  override async increment(key: string): Promise<IncrementResponse> {
    try {
      await this.incrementScriptSha;
    } catch {
      this.incrementScriptSha = this.loadIncrementScript(this.prefixKey(key));
    }
    return this.unavailableOnError(() => super.increment(key));
  }

  /**
   * The count of a key without the store's Lua script: a plain GET, and PTTL only when there is
   * a count. Every request with a valid key asks this (is its address blocked?), almost always
   * for a key that does not exist, so it is kept to the cheapest command Redis has.
   */
  override async get(key: string): Promise<ClientRateLimitInfo | undefined> {
    const redisKey = this.prefixKey(key);
    return this.unavailableOnError(async () => {
      const hits = Number(
        await this.sendCommand({ key: redisKey, isReadOnly: true, command: ['GET', redisKey] }),
      );
      if (!(hits > 0)) return undefined;
      const ttl = Number(
        await this.sendCommand({ key: redisKey, isReadOnly: true, command: ['PTTL', redisKey] }),
      );
      // Expired between the two calls (-2), or somehow without expiry (-1): no window to count in.
      if (!(ttl > 0)) return undefined;
      return { totalHits: hits, resetTime: new Date(Date.now() + ttl) };
    });
  }

  private async unavailableOnError<T>(call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      this.logger.error({ err: error }, 'rate limit store (redis) unavailable: request refused');
      throw new HttpError(
        503,
        'the rate limit store (Redis) is not reachable; try again shortly',
        {},
        { 'Retry-After': '5' },
      );
    }
  }
}

function makeStore(
  kind: RateLimitStore,
  client: RedisClient,
  prefix: string,
  logger: Logger,
): LimitStore & { shutdown?(): void } {
  if (kind === 'memory') return new MemoryStore() as LimitStore & { shutdown(): void };
  return new SharedRedisStore(client, prefix, logger);
}

const retryAfterS = (resetTime: Date | undefined, windowS: number) =>
  resetTime ? Math.max(1, Math.ceil((resetTime.getTime() - Date.now()) / 1000)) : windowS;

/** The draft-7 headers express-rate-limit sets, for the 429s answered outside it. */
function limitHeaders(limit: number, windowS: number, retryS: number): Record<string, string> {
  return {
    'Retry-After': String(retryS),
    'RateLimit-Policy': `${limit};w=${windowS}`,
    RateLimit: `limit=${limit}, remaining=0, reset=${retryS}`,
  };
}

/** The address a client's failed authentications count against: IPv6 by /56, as express-rate-limit does. */
export function clientAddress(req: Request): string {
  return ipKeyGenerator(req.ip ?? req.socket.remoteAddress ?? 'unknown');
}

/**
 * Counts requests answered 401 per client address (`req.ip`, so TRUST_PROXY decides which
 * address that is). The caller decides whether the key is valid first, then asks once:
 * - a wrong or missing key is counted (one atomic increment); past the limit it answers 429;
 * - a valid key is only checked, never counted: it answers 429 while the address is over the limit.
 * So a client over the limit cannot tell a right key from a wrong one (both 429), each request
 * costs one Redis call, and successful requests never use up the budget.
 */
export class AuthFailureLimiter {
  private readonly windowMs: number;

  constructor(
    private readonly store: LimitStore & { shutdown?(): void },
    private readonly limit: number,
    private readonly windowS: number,
    private readonly logger: Logger,
  ) {
    this.windowMs = windowS * 1000;
    const init = store.init?.({ windowMs: this.windowMs } as Options);
    // A failed script load is retried on first use (SharedRedisStore); nothing to do here.
    if (init instanceof Promise)
      init.catch((error: Error) => logger.debug({ err: error.message }, 'auth failure store init'));
  }

  /** For a request whose key is wrong or missing: counts it; the 429 to answer instead when over. */
  async failed(req: Request): Promise<HttpError | undefined> {
    const address = clientAddress(req);
    const { totalHits, resetTime } = await this.store.increment(address);
    if (totalHits <= this.limit) return undefined;
    if (totalHits === this.limit + 1)
      this.logger.warn(
        { address, limit: this.limit, windowS: this.windowS },
        'too many failed authentications: address blocked until the window ends',
      );
    return this.tooMany(resetTime);
  }

  /** For a request with a valid key: the 429 to answer when its address is over the limit. */
  async check(req: Request): Promise<HttpError | undefined> {
    const info = await this.store.get(clientAddress(req));
    if (!info || info.totalHits < this.limit) return undefined;
    return this.tooMany(info.resetTime);
  }

  /** The 429 of an address over the limit, whose count ends at `resetTime`. */
  tooMany(resetTime: Date | undefined): HttpError {
    const retryS = retryAfterS(resetTime, this.windowS);
    return new HttpError(
      429,
      `too many requests with a wrong or missing key from this address (at most ${this.limit} per ${this.windowS} s); try again in ${retryS} s`,
      {},
      limitHeaders(this.limit, this.windowS, retryS),
    );
  }

  close(): void {
    this.store.shutdown?.();
  }
}

/** The 429 of a key over its rate limit (after express-rate-limit's own headers): Retry-After and body. */
export function keyLimitError(limits: Limits, resetTime: Date | undefined) {
  const retryS = retryAfterS(resetTime, limits.rateLimitWindowS);
  const message = `too many requests: this key may make ${limits.rateLimitMax} per ${limits.rateLimitWindowS} s; try again in ${retryS} s`;
  return { retryAfter: String(retryS), body: errorBody(429, message) };
}

/** Where the two limiters count in Redis (rate-limit-redis's keys), for scripts that count themselves. */
export interface LimitCounters {
  /** The failed-authentication count of an address (`clientAddress`). */
  authFailures(address: string): string;
  /** The request count of a key (its `keyId`). */
  perKey(keyId: string): string;
}

export interface RateLimiters {
  /** Per API key; mount after `requireKey`. */
  perKey: RequestHandler;
  authFailures: AuthFailureLimiter;
  /** The counters' Redis keys; undefined when the counts are kept in this process (RATE_LIMIT_STORE=memory). */
  counters: LimitCounters | undefined;
  close(): void;
}

/**
 * The API's two limiters on one kind of store: the per-key limit (express-rate-limit, standard
 * draft-7 headers on every answer) and the failed-authentication limit per address.
 */
export function createRateLimiters(options: {
  store: RateLimitStore;
  client: RedisClient;
  prefix?: string;
  limits: Limits;
  logger: Logger;
}): RateLimiters {
  const { limits, client, logger } = options;
  const prefix = options.prefix ?? RATE_LIMIT_PREFIX;
  const log = logger.child({ component: 'rate-limit' });
  const keyStore = makeStore(options.store, client, `${prefix}key:`, log);
  const failureStore = makeStore(options.store, client, `${prefix}authfail:`, log);
  const perKey = rateLimit({
    windowMs: limits.rateLimitWindowS * 1000,
    limit: limits.rateLimitMax,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    store: keyStore,
    // Store errors are answered 503 (fail closed), never passed over.
    passOnStoreError: false,
    logger: log,
    keyGenerator: (req) => callerOf(req).keyId,
    handler: (req, res) => {
      const resetTime = (req as { rateLimit?: RateLimitInfo }).rateLimit?.resetTime;
      const { retryAfter, body } = keyLimitError(limits, resetTime);
      res.status(429).set('Retry-After', retryAfter).json(body);
    },
  });
  const authFailures = new AuthFailureLimiter(
    failureStore,
    limits.authFailLimitMax,
    limits.authFailWindowS,
    log,
  );
  return {
    perKey,
    authFailures,
    counters:
      options.store === 'redis'
        ? {
            authFailures: (address) => `${prefix}authfail:${address}`,
            perKey: (keyId) => `${prefix}key:${keyId}`,
          }
        : undefined,
    close: () => {
      keyStore.shutdown?.();
      authFailures.close();
    },
  };
}
