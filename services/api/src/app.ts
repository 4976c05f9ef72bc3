import { STRICT_WEBHOOK_TARGETS, type WebhookTargetPolicy } from '@paketbygd/model';
import express, { type Express, type Request, type Router } from 'express';
import helmet from 'helmet';
import { Redis, type Cluster, type RedisOptions } from 'ioredis';
import type { IncomingMessage, RequestListener } from 'node:http';
import type { Logger } from 'pino';
import { ADMIN_PATH, queueDashboard } from './admin';
import { requireAdmin, requireKey } from './auth';
import {
  DEFAULT_LIMITS,
  DEFAULT_RETENTION,
  DEFAULT_VROOM_COMPAT,
  type VroomCompatConfig,
  type Limits,
  type RateLimitStore,
  type Retention,
  type TrustProxy,
} from './config';
import type { ThreadRedis } from './check-thread';
import { BodyChecker } from './checker';
import { errorHandler, notFound } from './errors';
import { fastReads, recordHeaders, type FastPath, type FastReadsOptions } from './fast-reads';
import { JobStore, type RedisClient } from './jobs';
import type { KeyStore } from './keys';
import { ApiMetrics } from './metrics';
import { createRateLimiters, type RateLimiters } from './rate-limit';
import { Renderer } from './renderer';
import { requestLog } from './request-log';
import { gtfsRoutes } from './routes/gtfs';
import { jobRoutes } from './routes/jobs';
import { serviceRoutes } from './routes/service';
import { submitRoutes, type SubmitContext } from './routes/submit';
import { vroomRoutes } from './routes/vroom';
import { webhookKeyRoutes } from './routes/webhook-key';

export interface ApiOptions {
  /** Where Redis is: a URL, or ioredis options / a Redis or Cluster client to copy settings from. */
  redisUrl?: string;
  connection?: RedisOptions | Redis | Cluster;
  logger: Logger;
  keys: KeyStore;
  adminApiKey?: string | undefined;
  webhookSecret?: string | undefined;
  /**
   * Where a `callbackUrl` may point (WEBHOOK_ALLOW_PRIVATE, WEBHOOK_ALLOWED_HOSTS); default public
   * addresses only. Keep it the same as the workers'.
   */
  webhookTargets?: WebhookTargetPolicy;
  limits?: Partial<Limits>;
  /**
   * Where rate-limit counts live (RATE_LIMIT_STORE): 'redis' (default), shared by every API
   * process on this Redis, or 'memory', this process only. Never chosen for the caller: with
   * 'redis' and Redis away, limited requests answer 503; memory is used only when asked for.
   */
  rateLimitStore?: RateLimitStore;
  /** Prefix of the counters' keys in Redis (default `paketbygd:rl:`); apps with their own counts on one Redis. */
  rateLimitPrefix?: string;
  /** express's `trust proxy` (TRUST_PROXY): which proxies may tell the client's address. Default false. */
  trustProxy?: TrustProxy;
  retention?: Partial<Retention>;
  /** Observe job durations from the queue's events (one API replica is enough to do this). */
  jobMetrics?: boolean;
  /** The web page (`webRouter()` of @paketbygd/web), mounted at `/` after the API's routes. */
  page?: Router;
  /** Threads that parse and check request bodies (VALIDATION_THREADS); default cores - 1, 1 to 2. */
  validationThreads?: number;
  /** The VROOM drop-in's extra path, longest wait and key-less tenant; default /vroom and /optimization only, 300 s, keys needed. */
  vroomCompat?: Partial<VroomCompatConfig>;
}

export interface ApiApp {
  /** express alone: every route, every middleware. */
  app: Express;
  /**
   * What a server should listen with: status reads and /healthz answered before express when
   * they can be (fast-reads.ts), everything else by `app`.
   */
  handler: RequestListener;
  /** The part of `handler` before express: answers what it can, hands the rest to `slow`. */
  fast: FastPath;
  jobs: JobStore;
  metrics: ApiMetrics;
  /** Resolves when the threads that check bodies are loaded: the first submission need not wait. */
  ready(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The command connection sends the commands issued in one turn of the event loop as one write:
 * every /v1 request makes two to three small calls (failed-authentication count, rate limit, the
 * job's status), and under load many requests are in one turn. Never on the blocking connection.
 */
const AUTO_PIPELINING = { enableAutoPipelining: true } as const;

/**
 * Two connections: one for commands, one for QueueEvents' blocking reads. Commands give up after
 * one retry so that a request answers 503 instead of hanging while Redis is away; the blocking
 * one must never give up (BullMQ requires maxRetriesPerRequest: null there).
 */
function connect(options: ApiOptions): {
  client: RedisClient;
  events: RedisClient;
  threadRedis: ThreadRedis | undefined;
} {
  const { connection, redisUrl } = options;
  if (connection instanceof Redis) {
    const { host, port, path, db, username, password, tls, family } = connection.options;
    return {
      client: connection.duplicate(AUTO_PIPELINING),
      events: connection.duplicate(),
      threadRedis: { options: { host, port, path, db, username, password, tls, family } },
    };
  }
  // A Cluster client cannot be described to a thread: its jobs are queued on the event loop.
  if (connection && 'nodes' in connection && typeof connection.nodes === 'function') {
    const base = connection as Cluster;
    return {
      client: base.duplicate(undefined, AUTO_PIPELINING),
      events: base.duplicate(),
      threadRedis: undefined,
    };
  }
  const commandOptions: RedisOptions = {
    maxRetriesPerRequest: 1,
    connectTimeout: 5000,
    ...(connection as RedisOptions),
    ...AUTO_PIPELINING,
  };
  const eventOptions: RedisOptions = { ...(connection as RedisOptions), maxRetriesPerRequest: null };
  const make = (o: RedisOptions) => (redisUrl ? new Redis(redisUrl, o) : new Redis(o));
  const plain = connection as RedisOptions | undefined;
  const threadRedis: ThreadRedis = {
    ...(redisUrl ? { url: redisUrl } : {}),
    ...(plain ? { options: { ...plain, retryStrategy: undefined } } : {}),
  };
  return { client: make(commandOptions), events: make(eventOptions), threadRedis };
}

/** The express app of the API, without listening: the caller (tests, startApi) owns the server. */
export function createApp(options: ApiOptions): ApiApp {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const retention = { ...DEFAULT_RETENTION, ...options.retention };
  const { logger } = options;
  const { client, events, threadRedis } = connect(options);
  const jobs = new JobStore(client, events, retention, threadRedis);
  jobs.queue.on('error', (error) => logger.debug({ err: error.message }, 'queue error'));
  jobs.events.on('error', (error) => logger.debug({ err: error.message }, 'queue events error'));
  const metrics = new ApiMetrics(jobs, logger);
  const checker = new BodyChecker({
    ...(options.validationThreads ? { threads: options.validationThreads } : {}),
  });
  const renderer = new Renderer();
  if (options.jobMetrics ?? true) metrics.watchJobs(jobs, logger);

  const app = express();
  app.disable('x-powered-by');
  // Decides req.ip, which the failed-authentication limit counts by: only proxies named here may
  // set it through X-Forwarded-For, else any client could pick a new address per request.
  app.set('trust proxy', options.trustProxy ?? false);
  const limiters = createRateLimiters({
    store: options.rateLimitStore ?? 'redis',
    client,
    prefix: options.rateLimitPrefix,
    limits,
    logger,
  });
  const reads = statusReadConnection(client, limiters);
  const connections = reads ? [client, events, reads] : [client, events];
  // An unreachable Redis is reported by /readyz and answered 503 per request; an unhandled
  // 'error' event would crash the process instead.
  let lastRedisError = '';
  for (const c of connections) {
    c.on('error', (error: Error) => {
      if (error.message !== lastRedisError) logger.warn({ err: error.message }, 'redis connection error');
      lastRedisError = error.message;
    });
    c.on('ready', () => {
      lastRedisError = '';
    });
  }
  app.use(requestLog(logger));
  app.use(metrics.middleware());

  // Bull Board's UI loads its own scripts and styles; it gets its own, looser helmet.
  if (options.adminApiKey) {
    app.use(
      ADMIN_PATH,
      requireAdmin(options.adminApiKey, limiters.authFailures),
      helmet({ contentSecurityPolicy: false }),
      queueDashboard(jobs),
    );
  }

  const security = helmet();
  app.use(security);
  app.use(serviceRoutes(jobs, metrics));

  // Every /v1 route needs a key and counts against its rate limit; wrong and missing keys count
  // against the client address's failure limit. The routers spell out their full paths, so that
  // the route pattern (a metrics label) is whole.
  const v1 = express.Router();
  v1.use(requireKey(options.keys, limiters.authFailures));
  v1.use(limiters.perKey);
  app.use('/v1', v1);
  // First: status reads are the most frequent call (clients poll), and no other route shares a path.
  app.use(jobRoutes(jobs, renderer));
  const targets = options.webhookTargets ?? STRICT_WEBHOOK_TARGETS;
  app.use(submitRoutes(jobs, checker, limits, targets, renderer));
  // The VROOM drop-in: the same keys (or the key-less tenant), limits, queue and workers as /v1/routes.
  const vroomCompat = { ...DEFAULT_VROOM_COMPAT, ...options.vroomCompat };
  const submitContext: SubmitContext = { jobs, checker, targets, sizeLimits: limits, renderer };
  app.use(
    vroomRoutes(
      submitContext,
      limits,
      {
        paths: ['/vroom', '/optimization', ...(vroomCompat.path ? [vroomCompat.path] : [])],
        maxWaitMs: vroomCompat.maxWaitS * 1000,
      },
      [requireKey(options.keys, limiters.authFailures, vroomCompat.keylessTenant), limiters.perKey],
      logger,
    ),
  );
  app.use(gtfsRoutes());
  app.use(webhookKeyRoutes(options.webhookSecret));
  // After the API's routes, so that no file of the page can shadow one; before the JSON 404.
  if (options.page) app.use(options.page);

  app.use(notFound);
  app.use(errorHandler(logger));

  const fast = fastPath(app, reads, {
    jobs,
    keys: options.keys,
    limits,
    limiters,
    metrics,
    logger,
    securityHeaders: recordHeaders(security),
    trustProxy: options.trustProxy ?? false,
  });

  return {
    app,
    handler: (req, res) => fast(req, res, app),
    fast,
    jobs,
    metrics,
    ready: () => checker.warm(),
    close: async () => {
      limiters.close();
      await checker.close();
      await renderer.close();
      // With Redis away, a graceful close waits for a reconnect that may never come: cut it short.
      if (client.status !== 'ready') for (const c of connections) c.disconnect();
      const graceful = (async () => {
        await jobs.close();
        await Promise.allSettled(connections.map((c) => c.quit()));
      })();
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([graceful, new Promise((resolve) => (timer = setTimeout(resolve, 3000)))]);
      clearTimeout(timer);
      for (const c of connections) c.disconnect();
    },
  };
}

/**
 * The fast status reads' own connection, when they can be answered (a single Redis, counts kept
 * there). Not the command connection: each auto-pipelined batch builds an ioredis Pipeline, which
 * copies every script defined on its connection, and BullMQ defines its forty-odd scripts on that
 * one (a twentieth of a status read's CPU, `node --cpu-prof` under bench:api). Without
 * auto-pipelining: the reads are batched into one script call per turn (gated-status.ts).
 */
function statusReadConnection(client: RedisClient, limiters: RateLimiters): Redis | undefined {
  return client instanceof Redis && limiters.counters
    ? client.duplicate({ enableAutoPipelining: false })
    : undefined;
}

/**
 * The fast status reads and /healthz, in front of express. Without them (a Redis Cluster, whose keys of
 * one script must share a slot; counts kept in this process) only /healthz is answered first.
 */
function fastPath(
  app: Express,
  reads: Redis | undefined,
  parts: Omit<FastReadsOptions, 'client' | 'counters' | 'authFailures' | 'addressOf' | 'etagOf'> & {
    limiters: RateLimiters;
    trustProxy: TrustProxy;
  },
): FastPath {
  const { limiters, trustProxy, ...rest } = parts;
  // req.ip as express gives it: the socket's address unless proxies are trusted to tell another.
  const addressOf = (req: IncomingMessage) => {
    if (trustProxy === false) return req.socket.remoteAddress;
    Object.setPrototypeOf(req, app.request);
    return (req as Request).ip;
  };
  return fastReads({
    ...rest,
    client: reads,
    counters: limiters.counters,
    authFailures: limiters.authFailures,
    addressOf,
    // express's own generator (weak ETags by default), so both paths give the same ETag.
    etagOf: app.get('etag fn') as (body: string | Buffer) => string,
  });
}
