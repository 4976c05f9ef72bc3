import { Job, Queue, QueueEvents, UnrecoverableError, WaitingError, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import {
  answerTextWithNumericIds,
  JobKind,
  parseJson,
  QUEUE_NAME,
  stringifyJson,
  WEBHOOK_QUEUE_NAME,
} from '@paketbygd/model';
import type { Logger } from 'pino';
import { closeWorkerWithin } from '../close-worker';
import { tenantWebhookKey, tryDelivery, type DeliverySettings, type WebhookEvent } from './delivery';

/** How a solve job ended, for good. */
export type FinalState = 'completed' | 'failed';

/** A webhook job: which solve job ended how, and whom to tell. */
export interface WebhookJobData {
  /** The solve job the webhook is about. */
  jobId: string;
  kind: JobKind;
  state: FinalState;
  tenant: string;
  callbackUrl: string;
  /**
   * A copy of the result or error, only when the producer asked BullMQ to drop the solve job as it
   * ended (`removeOnComplete`/`removeOnFail` true or a count). Otherwise the delivery reads them from
   * the solve job: a large result is stored once, not once more per webhook.
   */
  outcome?: Pick<WebhookEvent, 'result' | 'error'>;
}

/**
 * The webhook job's id: one webhook per solve job and final state, so the same end reported twice
 * (two events, two workers) queues one delivery. Not `<id>:<state>`: BullMQ refuses a custom id
 * with a single ':'.
 */
export function webhookJobId(solveJobId: string, state: FinalState): string {
  return `${solveJobId}.${state}`;
}

/** `true`, a number or `{ count }`: the job may be gone before its webhook is sent. */
function removedAtOnce(keep: unknown): boolean {
  if (keep === true || typeof keep === 'number') return true;
  return typeof keep === 'object' && keep !== null && (keep as { count?: unknown }).count !== undefined;
}

export interface WebhookOutboxOptions {
  /** Shared with the solve worker; not closed here. */
  connection: Redis;
  /** WEBHOOK_SECRET is set. Without it nothing is queued: an unsigned webhook could be forged. */
  enabled: boolean;
  /** WEBHOOK_ATTEMPTS and WEBHOOK_BACKOFF_MS, set on each webhook job (BullMQ's exponential backoff). */
  attempts: number;
  backoffMs: number;
  /** How long finished webhook jobs, and so their ids, are kept: delivered, and given up or refused. */
  keepDeliveredS: number;
  keepFailedS: number;
  logger: Logger;
}

/** Queues webhooks of solve jobs that ended, as jobs on WEBHOOK_QUEUE_NAME. */
export class WebhookOutbox {
  readonly queue: Queue<WebhookJobData>;
  private readonly pending = new Set<Promise<unknown>>();

  constructor(private readonly options: WebhookOutboxOptions) {
    this.queue = new Queue<WebhookJobData>(WEBHOOK_QUEUE_NAME, { connection: options.connection });
  }

  /** Queues the webhook of a solve job that ended for good, in the background. */
  enqueue(job: Job, state: FinalState): void {
    const added = this.add(job, state).catch((error: unknown) =>
      this.options.logger.error({ err: error, jobId: job.id, state }, 'webhook not queued'),
    );
    this.pending.add(added);
    void added.finally(() => this.pending.delete(added));
  }

  /** Queues the webhook (a no-op when it is queued already); undefined when the job has none. */
  async add(job: Job, state: FinalState): Promise<Job<WebhookJobData> | undefined> {
    const data = job.data as { callbackUrl?: unknown; tenant?: unknown; kind?: unknown };
    const kind = JobKind.safeParse(data.kind);
    if (typeof data.callbackUrl !== 'string' || typeof data.tenant !== 'string' || !kind.success || !job.id)
      return undefined;
    const log = this.options.logger.child({ jobId: job.id, url: data.callbackUrl });
    if (!this.options.enabled) {
      log.warn('callbackUrl set but WEBHOOK_SECRET is not: webhook not sent');
      await job
        .log('webhook not sent: WEBHOOK_SECRET is not set')
        .catch((error: unknown) => log.warn({ err: error }, 'webhook outcome not recorded on the job'));
      return undefined;
    }
    const keep = state === 'completed' ? job.opts.removeOnComplete : job.opts.removeOnFail;
    const outcome = removedAtOnce(keep)
      ? state === 'completed'
        ? { result: job.returnvalue as unknown }
        : { error: { message: job.failedReason } }
      : undefined;
    const webhook = await this.queue.add(
      state,
      {
        jobId: job.id,
        kind: kind.data,
        state,
        tenant: data.tenant,
        callbackUrl: data.callbackUrl,
        ...(outcome ? { outcome } : {}),
      },
      {
        jobId: webhookJobId(job.id, state),
        attempts: this.options.attempts,
        backoff: { type: 'exponential', delay: this.options.backoffMs },
        removeOnComplete: { age: this.options.keepDeliveredS },
        removeOnFail: { age: this.options.keepFailedS },
      },
    );
    log.debug({ webhookJobId: webhook.id, state }, 'webhook queued');
    return webhook;
  }

  /** Waits for enqueues under way (shutdown: after the last job ended, before connections close). */
  async settle(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }

  async close(): Promise<void> {
    await this.settle();
    await this.queue.close();
  }
}

/**
 * Hears every final failure on the solve queue (BullMQ's QueueEvents), also those no worker's
 * processor saw end: a job failed by another process or tool (`moveToFailed`), or by a worker that
 * died before it queued the webhook. After `graceMs` (time for the worker that failed the job to
 * queue the webhook itself), a failure without a webhook job gets one. Every worker process
 * listens; the webhook's job id keeps it to one.
 */
export class FinalFailureWatcher {
  private events: QueueEvents | undefined;
  private readonly solveQueue: Queue;
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly checks = new Set<Promise<void>>();
  private closed = false;

  constructor(
    private readonly outbox: WebhookOutbox,
    private readonly connection: Redis,
    /** A connection of its own: QueueEvents blocks on it (XREAD) and closes it. */
    private readonly eventsConnection: Redis,
    private readonly graceMs: number,
    private readonly logger: Logger,
  ) {
    this.solveQueue = new Queue(QUEUE_NAME, { connection });
  }

  /** Starts listening; every final failure after this resolves is heard. */
  async start(): Promise<void> {
    // From the stream's last event, not '$' at the first XREAD: nothing in between is missed.
    const [last] = await this.connection.xrevrange(this.solveQueue.toKey('events'), '+', '-', 'COUNT', 1);
    this.events = new QueueEvents(QUEUE_NAME, {
      connection: this.eventsConnection,
      autorun: false,
      lastEventId: last?.[0] ?? '0-0',
    });
    this.events.on('failed', ({ jobId }) => this.schedule(jobId));
    this.events.on('error', (error) =>
      this.logger.warn({ err: error.message }, 'queue events error (final failures)'),
    );
    await this.events.waitUntilReady();
    void this.events.run().catch((error: unknown) => {
      if (!this.closed) this.logger.error({ err: error }, 'queue events stopped (final failures)');
    });
  }

  private schedule(jobId: string): void {
    if (this.closed || this.timers.has(jobId)) return;
    const timer = setTimeout(() => {
      this.timers.delete(jobId);
      this.run(jobId);
    }, this.graceMs);
    timer.unref();
    this.timers.set(jobId, timer);
  }

  private run(jobId: string): void {
    const check = this.check(jobId).catch((error: unknown) =>
      this.logger.warn({ err: error, jobId }, 'failed job not checked for its webhook'),
    );
    this.checks.add(check);
    void check.finally(() => this.checks.delete(check));
  }

  private async check(jobId: string): Promise<void> {
    // Queued already (the usual case: by the worker that failed it): nothing to read.
    if (await this.connection.exists(this.outbox.queue.toKey(webhookJobId(jobId, 'failed')))) return;
    const job = await Job.fromId(this.solveQueue, jobId);
    // Gone, or retried since (an operator's retry): not failed now.
    if (!job || job.finishedOn === undefined || (await job.getState()) !== 'failed') return;
    const queued = await this.outbox.add(job, 'failed');
    if (queued)
      this.logger.info(
        { jobId, reason: job.failedReason },
        'job failed outside this worker process: webhook queued',
      );
  }

  /** Stops listening; failures heard and not yet checked are checked now. */
  async close(): Promise<void> {
    this.closed = true;
    for (const [jobId, timer] of this.timers) {
      clearTimeout(timer);
      this.run(jobId);
    }
    this.timers.clear();
    await Promise.all([...this.checks]);
    await this.events?.close().catch(() => undefined);
    this.eventsConnection.disconnect();
    await this.solveQueue.close();
  }
}

export interface WebhookWorkerOptions extends DeliverySettings {
  /** Shared with the solve worker; not closed here (BullMQ opens its own blocking connection). */
  connection: Redis;
  /** WEBHOOK_SECRET: each tenant's key is derived from it. */
  secret: string;
  /** WEBHOOK_CONCURRENCY: deliveries at once. */
  concurrency: number;
  logger: Logger;
  lockDuration: number;
  stalledInterval: number;
  maxStalledCount: number;
  name?: string;
}

export interface WebhookWorkerHandle {
  worker: Worker<WebhookJobData>;
  /** Stops taking webhook jobs; deliveries still under way after `timeoutMs` go back to the queue. */
  close(timeoutMs: number): Promise<void>;
}

/**
 * Takes webhook jobs from WEBHOOK_QUEUE_NAME and delivers them: one try per BullMQ attempt, retried
 * by BullMQ with its exponential backoff; a refused target or request fails the job for good
 * (UnrecoverableError). How a delivery ended is written on the solve job's log and the webhook job's.
 */
export async function startWebhookWorker(options: WebhookWorkerOptions): Promise<WebhookWorkerHandle> {
  const { connection, logger } = options;
  const solveQueue = new Queue(QUEUE_NAME, { connection });
  const settings: DeliverySettings = {
    timeoutMs: options.timeoutMs,
    targets: options.targets,
    ...(options.resolveAll ? { resolveAll: options.resolveAll } : {}),
  };

  /** The body as it has always been: `{ jobId, kind, state, result | error: { message } }`. */
  async function eventOf(data: WebhookJobData): Promise<WebhookEvent | undefined> {
    const { jobId, kind, state } = data;
    if (data.outcome) return { jobId, kind, state, ...data.outcome };
    const [finishedOn, returnvalue, failedReason] = await connection.hmget(
      solveQueue.toKey(jobId),
      'finishedOn',
      'returnvalue',
      'failedReason',
    );
    if (!finishedOn) return undefined;
    if (state === 'completed')
      return {
        jobId,
        kind,
        state,
        // A route answer's ids above 2^53 − 1 are stored as strings and sent as JSON numbers.
        ...(returnvalue == null
          ? {}
          : {
              result:
                kind === 'route' ? parseJson(answerTextWithNumericIds(returnvalue)) : JSON.parse(returnvalue),
            }),
      };
    return { jobId, kind, state, error: { message: failedReason ?? '' } };
  }

  async function deliver(
    job: Job<WebhookJobData>,
    token: string | undefined,
    signal: AbortSignal | undefined,
  ): Promise<{ status: number; attempt: number }> {
    const { jobId, tenant, callbackUrl } = job.data;
    const attempt = job.attemptsMade + 1;
    const attempts = job.opts.attempts ?? 1;
    const log = logger.child({ jobId, url: callbackUrl, webhookJobId: job.id });
    /** How the delivery ended, on the webhook job's log and the solve job's (as Bull Board shows them). */
    const record = async (line: string, onSolveJob = true) => {
      await job.log(line).catch((error: unknown) => log.warn({ err: error }, 'webhook outcome not logged'));
      if (!onSolveJob) return;
      await solveQueue.addJobLog(jobId, line).catch((error: unknown) =>
        // A solve job removed since (its webhook carries a copy of the outcome) has no log to write on.
        /Missing key/.test(String(error))
          ? log.debug('solve job gone: webhook outcome not recorded on it')
          : log.warn({ err: error }, 'webhook outcome not recorded on the job'),
      );
    };
    const event = await eventOf(job.data);
    if (!event) {
      const line = `webhook not sent: job ${jobId} is no longer stored (removed before its webhook was sent)`;
      log.error(line);
      await record(line, false);
      throw new UnrecoverableError(line);
    }
    const outcome = await tryDelivery(
      callbackUrl,
      tenantWebhookKey(options.secret, tenant),
      stringifyJson(event),
      settings,
      signal,
    );
    switch (outcome.kind) {
      case 'delivered': {
        log.info({ attempt, status: outcome.status }, 'webhook delivered');
        await record(`webhook delivered: HTTP ${outcome.status} (try ${attempt})`);
        return { status: outcome.status, attempt };
      }
      case 'refused': {
        let line: string;
        if (outcome.reason === 'target') {
          log.error(
            { attempt, reason: outcome.message },
            'webhook not sent: callbackUrl is not allowed (not retried)',
          );
          line = `webhook not sent: ${outcome.message} (not retried)`;
        } else {
          log.warn({ attempt, status: outcome.status }, 'webhook refused by the receiver: not retried');
          line = `webhook refused by the receiver: ${outcome.message} (not retried)`;
        }
        await record(line);
        throw new UnrecoverableError(line);
      }
      case 'failed': {
        if (signal?.aborted) {
          // Shutdown: back to the queue without using an attempt, for another worker (or this one, restarted).
          log.warn('worker shutting down: webhook handed back to the queue');
          await job.moveToWait(token);
          throw new WaitingError();
        }
        if (attempt >= attempts) {
          log.error({ attempt, outcome: outcome.message }, 'webhook not delivered: giving up');
          await record(`webhook not delivered after ${attempt} tries: ${outcome.message}`);
        } else {
          const backoff = job.opts.backoff;
          const delay = typeof backoff === 'number' ? backoff : (backoff?.delay ?? 0);
          log.warn(
            { attempt, outcome: outcome.message, retryInMs: delay * 2 ** (attempt - 1) },
            'webhook delivery failed: retrying',
          );
        }
        throw new Error(outcome.message);
      }
    }
  }

  const worker = new Worker<WebhookJobData>(WEBHOOK_QUEUE_NAME, deliver, {
    connection,
    concurrency: options.concurrency,
    lockDuration: options.lockDuration,
    stalledInterval: options.stalledInterval,
    maxStalledCount: options.maxStalledCount,
    ...(options.name ? { name: options.name } : {}),
    autorun: false,
  });
  worker.on('error', (error) => logger.error({ err: error }, 'webhook worker error'));
  worker.on('stalled', (id) => logger.warn({ webhookJobId: id }, 'webhook job stalled: back to wait'));
  try {
    await worker.waitUntilReady();
  } catch (error) {
    await worker.close(true).catch(() => undefined);
    await solveQueue.close().catch(() => undefined);
    throw error;
  }
  void worker.run().catch((error: unknown) => logger.error({ err: error }, 'webhook worker stopped running'));

  const close = async (timeoutMs: number) => {
    await closeWorkerWithin(
      worker,
      timeoutMs,
      logger,
      'webhook deliveries under way at shutdown: handing them back to the queue',
    );
    await solveQueue.close();
  };
  return { worker, close };
}
