import {
  CANCEL_CHANNEL,
  QUEUE_NAME,
  WEBHOOK_QUEUE_NAME,
  type JobKind,
  type JobPayload,
  type JobProgress,
} from '@paketbygd/model';
import { Job, Queue, QueueEvents, type JobState } from 'bullmq';
import type { Cluster, Redis } from 'ioredis';
import { randomUUID } from 'node:crypto';
import type { CheckedSubmission, ThreadRedis } from './check-thread';
import type { Retention } from './config';
import { enqueue, metaKeyOf } from './enqueue';
import type { JobLinks, JobView } from './schemas';
import { SerializedData, SerializedDataQueue } from './serialized-queue';
import { defineStatusCommand, readStatus, type JobStatus, type JobStatusState } from './status';

export type SolveJob = Job<JobPayload, unknown, JobKind>;
export type RedisClient = Redis | Cluster;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function linksOf(id: string, kind: JobKind): JobLinks {
  const self = `/v1/jobs/${id}`;
  return {
    self,
    result: `${self}/result`,
    ...(kind === 'plan' || kind === 'compare' ? { report: `${self}/report` } : {}),
  };
}

const iso = (ms: number | undefined) => (ms ? new Date(ms).toISOString() : null);

export function viewOf(status: JobStatus): JobView {
  return {
    id: status.id,
    kind: status.kind,
    state: status.state,
    progress: status.progress,
    createdAt: new Date(status.createdMs).toISOString(),
    startedAt: iso(status.startedMs),
    finishedAt: iso(status.finishedMs),
    attempts: { made: status.attemptsMade, max: status.maxAttempts },
    error: status.failedReason ?? null,
    options: status.options,
    callbackUrl: status.callbackUrl ?? null,
    links: linksOf(status.id, status.kind),
  };
}

/** The status of a job read in full: for jobs without a meta hash (queued by older versions). */
function statusOfJob(job: SolveJob, state: JobState | 'unknown'): JobStatus {
  const raw = job.progress as unknown;
  const progress =
    typeof raw === 'number'
      ? raw > 0
        ? { percent: raw }
        : null
      : raw && typeof raw === 'object' && 'percent' in raw
        ? (raw as JobProgress)
        : null;
  return {
    id: job.id!,
    kind: job.data.kind,
    tenant: job.data.tenant,
    state: state === 'unknown' || state === 'waiting-children' ? 'waiting' : state,
    progress,
    createdMs: job.timestamp,
    startedMs: job.processedOn,
    finishedMs: job.finishedOn,
    attemptsMade: job.attemptsMade,
    maxAttempts: job.opts.attempts ?? 1,
    failedReason: job.failedReason || undefined,
    options: job.data.options,
    callbackUrl: job.data.callbackUrl,
  };
}

export type CancelOutcome = { outcome: 'removed'; previous: JobStatusState } | { outcome: 'cancelling' };

/**
 * The API's side of the queue: adds jobs, reads them back for their tenant only, cancels them,
 * and waits for them. Owns no Redis connection; the caller passes them in and closes them.
 */
export class JobStore {
  readonly queue: Queue<JobPayload, unknown, JobKind>;
  readonly events: QueueEvents;
  /** The workers' outbound webhooks (WEBHOOK_QUEUE_NAME): read here only for the dashboard. */
  readonly webhooks: Queue;

  constructor(
    private readonly client: RedisClient,
    eventsClient: RedisClient,
    readonly retention: Retention,
    /** Where checking threads queue jobs themselves; undefined (a Cluster) → they are queued here. */
    readonly threadRedis: ThreadRedis | undefined,
  ) {
    defineStatusCommand(client);
    this.queue = new SerializedDataQueue<JobPayload, unknown, JobKind>(QUEUE_NAME, { connection: client });
    this.events = new QueueEvents(QUEUE_NAME, { connection: eventsClient, autorun: true });
    this.webhooks = new Queue(WEBHOOK_QUEUE_NAME, { connection: client });
    // Every `?wait` adds a 'closing' listener to the queue while it waits; hundreds at once are normal.
    this.queue.setMaxListeners(0);
    this.events.setMaxListeners(0);
  }

  /**
   * Queues a submission a checking thread did not queue itself: its payload is stored as the
   * thread serialised it. Answers the job's id.
   */
  async add(tenant: string, kind: JobKind, checked: CheckedSubmission): Promise<string> {
    const { payloadJson } = checked;
    const bytes = Buffer.from(payloadJson.buffer, payloadJson.byteOffset, payloadJson.byteLength);
    const id = randomUUID();
    const meta = {
      tenant,
      kind,
      options: checked.options,
      callbackUrl: checked.callbackUrl,
      maxAttempts: this.retention.attempts,
    };
    await enqueue(
      this.queue,
      this.client,
      id,
      new SerializedData(bytes) as unknown as JobPayload,
      meta,
      this.retention,
    );
    return id;
  }

  /**
   * The job's status when it exists and belongs to `tenant` (another tenant's job is as absent as
   * a missing one): one script over small fields, whatever the size of the job's input or result.
   */
  async status(tenant: string, id: string): Promise<JobStatus | undefined> {
    if (!UUID.test(id)) return undefined;
    const status = await readStatus(this.client, this.queue, id);
    if (status === 'no-meta') {
      const job = (await Job.fromId(this.queue, id)) as SolveJob | undefined;
      if (!job || job.data?.tenant !== tenant) return undefined;
      return statusOfJob(job, await job.getState());
    }
    return status?.tenant === tenant ? status : undefined;
  }

  /** The stored result (JSON text), read alone. */
  async resultText(id: string): Promise<string | undefined> {
    return (await this.client.hget(this.queue.toKey(id), 'returnvalue')) ?? undefined;
  }

  /** The job's stored input and result as bytes, parsed nowhere here: for GeoJSON and reports. */
  async storedBytes(id: string): Promise<{ data: Buffer; returnvalue: Buffer } | undefined> {
    const [data, returnvalue] = await this.client.hmgetBuffer(this.queue.toKey(id), 'data', 'returnvalue');
    return data && returnvalue ? { data, returnvalue } : undefined;
  }

  /** Removes a job that is not running; asks the worker running it to stop otherwise. */
  async cancel(status: JobStatus): Promise<CancelOutcome> {
    const previous = status.state;
    if (previous !== 'active') {
      // 0: the job is locked, i.e. a worker took it between the status read and now: it runs.
      if ((await this.queue.remove(status.id)) === 1) {
        await this.client.del(metaKeyOf(this.queue, status.id));
        return { outcome: 'removed', previous };
      }
    }
    await this.client.publish(CANCEL_CHANNEL, status.id);
    return { outcome: 'cancelling' };
  }

  /** Resolves when the job has finished or `ms` have passed, whichever comes first. */
  async waitFor(id: string, kind: JobKind, ms: number): Promise<void> {
    if (ms <= 0) return;
    // A handle on the job by its id alone: waiting reads nothing of its data.
    const job = new Job(this.queue, kind, {}, {}, id);
    try {
      await job.waitUntilFinished(this.events, ms);
    } catch {
      // Failure and timeout both end the wait; the caller reads the job's state afresh.
    }
  }

  async counts(): Promise<Record<string, number>> {
    return this.queue.getJobCounts('waiting', 'prioritized', 'delayed', 'active', 'completed', 'failed');
  }

  /** Start and end of a finished job without reading its (possibly large) data. */
  async timing(id: string): Promise<{ kind: string; processedOn: number; finishedOn: number } | undefined> {
    const [name, processedOn, finishedOn] = await this.client.hmget(
      this.queue.toKey(id),
      'name',
      'processedOn',
      'finishedOn',
    );
    if (!name || !processedOn || !finishedOn) return undefined;
    return { kind: name, processedOn: Number(processedOn), finishedOn: Number(finishedOn) };
  }

  async ping(timeoutMs: number): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), timeoutMs);
    });
    try {
      const pong = this.client.ping().then(
        (answer) => answer === 'PONG',
        () => false,
      );
      return await Promise.race([pong, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  async close(): Promise<void> {
    await Promise.allSettled([this.events.close(), this.queue.close(), this.webhooks.close()]);
  }
}
