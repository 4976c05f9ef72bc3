import { Worker } from 'bullmq';
import { Redis, type RedisOptions } from 'ioredis';
import { QUEUE_NAME, WEBHOOK_QUEUE_NAME, type TravelSettings } from '@paketbygd/model';
import { pino, type Logger } from 'pino';
import { closeWorkerWithin } from './close-worker';
import { listenForCancels } from './cancel-listener';
import { defaultConcurrency, readEnv, travelFromEnv, webhookTargetsFromEnv, type WorkerEnv } from './config';
import { createProcessor } from './processor';
import { ThreadPool } from './threads/pool';
import {
  FinalFailureWatcher,
  startWebhookWorker,
  WebhookOutbox,
  type WebhookWorkerHandle,
} from './webhook/queue';
import type { ResolveAll } from './webhook/target';

export interface SolverWorkerOptions {
  /** Redis to use; default `env.REDIS_URL`. */
  redisUrl?: string;
  /** ioredis options instead of a URL (host, port, password, tls, …). */
  connection?: RedisOptions;
  /** Jobs solved at once, each in its own thread; default WORKER_CONCURRENCY, else the number of cores. */
  concurrency?: number;
  logger?: Logger;
  /** Settings read from the environment; fields given here win over `process.env`. */
  env?: Partial<WorkerEnv>;
  /** Travel for routing requests without matrices; default from OSRM_URL / OSM_FILE. */
  travel?: TravelSettings;
  /** Least time between two progress updates of one job. */
  progressIntervalMs?: number;
  /** A name stored on every job this worker runs (BullMQ `worker.name`). */
  name?: string;
  /** How webhook host names are resolved before they are checked; default dns.lookup (all addresses). */
  resolveWebhookHost?: ResolveAll;
  /**
   * How long after a final failure heard on the queue's events (not from this process's own
   * processor) the webhook's existence is checked; default 1000 ms.
   */
  failureWebhookGraceMs?: number;
}

export interface SolverWorkerHandle {
  worker: Worker;
  /** The worker delivering webhooks (WEBHOOK_QUEUE_NAME); absent without WEBHOOK_SECRET. */
  webhookWorker: Worker | undefined;
  concurrency: number;
  /**
   * Stops taking jobs and waits for running ones up to `timeoutMs` (default
   * WORKER_SHUTDOWN_TIMEOUT_S); jobs still running then go back to the queue. Closes connections.
   */
  close(timeoutMs?: number): Promise<void>;
}

/**
 * Starts a worker on QUEUE_NAME and, with WEBHOOK_SECRET, one delivering webhooks from
 * WEBHOOK_QUEUE_NAME; resolves once both are connected and cancels are heard.
 */
export async function startSolverWorker(options: SolverWorkerOptions = {}): Promise<SolverWorkerHandle> {
  const env: WorkerEnv = { ...readEnv(), ...options.env };
  const logger = options.logger ?? pino({ level: env.LOG_LEVEL, base: { service: 'solver-worker' } });
  const concurrency = options.concurrency ?? env.WORKER_CONCURRENCY ?? defaultConcurrency();
  const travel = options.travel ?? travelFromEnv(env);
  const redisUrl = options.redisUrl ?? env.REDIS_URL;
  // BullMQ's blocking commands must wait for Redis to come back, never give up.
  const redisOptions: RedisOptions = { ...options.connection, maxRetriesPerRequest: null };
  const connect = (extra: RedisOptions = {}) => {
    const client = options.connection
      ? new Redis({ ...redisOptions, ...extra })
      : new Redis(redisUrl, { ...redisOptions, ...extra });
    // ioredis reconnects by itself; an unheard 'error' would only be printed to stderr.
    client.on('error', (error: Error) => logger.warn({ err: error.message }, 'redis connection error'));
    return client;
  };

  if (env.WEBHOOK_ALLOW_PRIVATE === 'true')
    logger.warn('WEBHOOK_ALLOW_PRIVATE=true: webhooks may go to localhost and internal addresses');
  const threads = new ThreadPool(env.WORKER_SPARE_THREADS ?? concurrency, env.WORKER_THREAD_MAX_JOBS, {
    maxOldGenerationSizeMb: env.WORKER_THREAD_MAX_HEAP_MB,
  });
  const connection = connect();
  const worker = new Worker(
    QUEUE_NAME,
    createProcessor({
      travel,
      hardLimitMarginS: env.WORKER_HARD_LIMIT_MARGIN_S,
      logger,
      threads,
      ...(options.progressIntervalMs !== undefined ? { progressIntervalMs: options.progressIntervalMs } : {}),
    }),
    {
      connection,
      concurrency,
      lockDuration: env.WORKER_LOCK_DURATION_MS,
      stalledInterval: env.WORKER_STALLED_INTERVAL_MS,
      maxStalledCount: env.WORKER_MAX_STALLED_COUNT,
      // Defaults only: a producer's own removeOnComplete/removeOnFail on the job wins.
      removeOnComplete: { age: env.RESULT_TTL_S },
      removeOnFail: { age: env.FAILED_TTL_S },
      ...(options.name ? { name: options.name } : {}),
      autorun: false,
    },
  );
  worker.on('error', (error) => logger.error({ err: error }, 'worker error'));
  worker.on('stalled', (jobId) =>
    logger.warn({ jobId }, 'job stalled (its worker stopped renewing the lock): back to wait'),
  );
  // Webhooks are jobs of their own (WEBHOOK_QUEUE_NAME), queued when a job ends for good.
  const webhookLogger = logger.child({ part: 'webhook' });
  const outbox = new WebhookOutbox({
    connection,
    enabled: env.WEBHOOK_SECRET !== undefined,
    attempts: env.WEBHOOK_ATTEMPTS,
    backoffMs: env.WEBHOOK_BACKOFF_MS,
    keepDeliveredS: env.RESULT_TTL_S,
    keepFailedS: env.FAILED_TTL_S,
    logger: webhookLogger,
  });
  worker.on('completed', (job) => outbox.enqueue(job, 'completed'));
  worker.on('failed', (job, error) => {
    if (!job) return;
    logger.info(
      { jobId: job.id, reason: error.message, attemptsMade: job.attemptsMade },
      'job attempt failed',
    );
    // A job that will be retried has not finished; its webhook waits for the last attempt.
    const final = job.finishedOn !== undefined || error.name === 'UnrecoverableError';
    if (final) outbox.enqueue(job, 'failed');
  });

  // A subscribed connection may send nothing but (UN)SUBSCRIBE and PING: no INFO ready check on it.
  const subscriber = connect({ enableReadyCheck: false });
  // Final failures that no processor of this process saw (another process, a tool, a dead worker).
  // Without WEBHOOK_SECRET there is nothing to queue for them.
  const failures = env.WEBHOOK_SECRET
    ? new FinalFailureWatcher(
        outbox,
        connection,
        connect(),
        options.failureWebhookGraceMs ?? 1_000,
        webhookLogger,
      )
    : undefined;
  let stopListening: () => Promise<void>;
  let webhookWorker: WebhookWorkerHandle | undefined;
  try {
    await worker.waitUntilReady();
    stopListening = await listenForCancels(subscriber, (id, reason) => worker.cancelJob(id, reason), logger);
    await failures?.start();
    if (env.WEBHOOK_SECRET) {
      webhookWorker = await startWebhookWorker({
        connection,
        secret: env.WEBHOOK_SECRET,
        concurrency: env.WEBHOOK_CONCURRENCY,
        timeoutMs: env.WEBHOOK_TIMEOUT_MS,
        targets: webhookTargetsFromEnv(env),
        ...(options.resolveWebhookHost ? { resolveAll: options.resolveWebhookHost } : {}),
        logger: webhookLogger,
        lockDuration: env.WORKER_LOCK_DURATION_MS,
        stalledInterval: env.WORKER_STALLED_INTERVAL_MS,
        maxStalledCount: env.WORKER_MAX_STALLED_COUNT,
        ...(options.name ? { name: options.name } : {}),
      });
    } else {
      logger.warn('WEBHOOK_SECRET is not set: no webhooks are sent, and this process delivers none');
    }
  } catch (error) {
    subscriber.disconnect();
    await failures?.close().catch(() => undefined);
    await webhookWorker?.close(0).catch(() => undefined);
    await worker.close(true).catch(() => undefined);
    await outbox.close().catch(() => undefined);
    connection.disconnect();
    await threads.close();
    throw error;
  }
  void worker.run().catch((error: unknown) => logger.error({ err: error }, 'worker stopped running'));
  logger.info(
    {
      queue: QUEUE_NAME,
      concurrency,
      travel: travel.backend,
      ...(webhookWorker
        ? { webhookQueue: WEBHOOK_QUEUE_NAME, webhookConcurrency: env.WEBHOOK_CONCURRENCY }
        : {}),
    },
    'solver worker started',
  );

  let closing: Promise<void> | undefined;
  const close = (timeoutMs = env.WORKER_SHUTDOWN_TIMEOUT_S * 1000) =>
    (closing ??= (async () => {
      logger.info({ timeoutMs }, 'closing: no new jobs; waiting for running ones');
      await closeWorkerWithin(
        worker,
        timeoutMs,
        logger,
        'running jobs did not finish in time: handing them back to the queue',
      );
      await threads.close();
      await stopListening();
      // Webhooks of the jobs that just ended are queued before the connection closes; the ones
      // not delivered by now stay queued for the next worker.
      await failures?.close();
      await outbox.close();
      await webhookWorker?.close(Math.min(timeoutMs, env.WEBHOOK_TIMEOUT_MS));
      await connection.quit().catch(() => connection.disconnect());
      logger.info('closed');
    })());
  return { worker, webhookWorker: webhookWorker?.worker, concurrency, close };
}
