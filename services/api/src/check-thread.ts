import {
  parseJsonText,
  QUEUE_NAME,
  type JobKind,
  type JobOptions,
  type JobPayload,
  type Problem,
  type WebhookTargetPolicy,
} from '@paketbygd/model';
import { Queue } from 'bullmq';
import { Redis, type RedisOptions } from 'ioredis';
import { randomUUID } from 'node:crypto';
import { Piscina } from 'piscina';
import type { Retention } from './config';
import { enqueue } from './enqueue';
import { sizeProblems, type SizeLimits } from './size-limits';
import { checkSubmission } from './validation';

/** Where a checking thread queues the jobs it accepts: plain data, as it crosses to the thread. */
export interface ThreadRedis {
  url?: string;
  options?: RedisOptions;
}

/** What the API hands a checking thread: the body as bytes, never parsed on the event loop. */
export interface CheckTask {
  kind: JobKind;
  query: Record<string, unknown>;
  /** The body as it arrived, in chunks. */
  chunks: Uint8Array[];
  /** The declared charset when not UTF-8; the bytes are decoded with it. */
  charset?: string;
  tenant: string;
  targets: WebhookTargetPolicy;
  sizeLimits: SizeLimits;
  /** Queue the job from the thread (with these settings); without it the payload goes back as bytes. */
  enqueue?: { redis: ThreadRedis; retention: Retention };
}

interface Accepted {
  ok: true;
  options: JobOptions;
  callbackUrl: string | undefined;
  waitS: number;
}

/** Queued by the thread: the event loop has only the id to answer with. */
export interface QueuedSubmission extends Accepted {
  id: string;
}

/** Checked, not queued (no `enqueue` in the task): the payload as UTF-8 JSON, moved to the caller. */
export interface CheckedSubmission extends Accepted {
  payloadJson: Uint8Array;
}

/** 400: not valid; 413: valid but larger than the service's size limits. */
export type CheckOutcome =
  QueuedSubmission | CheckedSubmission | { ok: false; status: 400 | 413; problems: Problem[] };

interface ThreadQueue {
  client: Redis;
  queue: Queue<JobPayload, unknown, JobKind>;
}
const queues = new Map<string, ThreadQueue>();

/** One connection and queue per thread and Redis, kept for the thread's life. */
function queueFor(redis: ThreadRedis): ThreadQueue {
  const key = JSON.stringify(redis);
  let found = queues.get(key);
  if (!found) {
    const options: RedisOptions = { maxRetriesPerRequest: 1, connectTimeout: 5000, ...redis.options };
    const client = redis.url ? new Redis(redis.url, options) : new Redis(options);
    // Reported per request (503) by the rejected add; an unheard 'error' would end the thread.
    client.on('error', () => undefined);
    const queue = new Queue<JobPayload, unknown, JobKind>(QUEUE_NAME, { connection: client });
    queue.on('error', () => undefined);
    found = { client, queue };
    queues.set(key, found);
  }
  return found;
}

/**
 * Runs in a worker thread (see checker.ts): chunks → text → JSON → the model's schemas and checks →
 * the job, queued from here. Each step is linear in the body's size and the problems are capped, and
 * the event loop never joins, parses, serialises or writes a large document.
 */
export async function checkBody(task: CheckTask): Promise<CheckOutcome | ReturnType<typeof Piscina.move>> {
  const bytes = Buffer.concat(task.chunks);
  const text = task.charset ? new TextDecoder(task.charset).decode(bytes) : bytes.toString('utf8');
  const json = parseJsonText(text, bytes.byteLength);
  if (!('value' in json)) return { ok: false, status: 400, problems: [json] };
  const checked = checkSubmission(task.kind, task.query, json.value, task.targets);
  if (!checked.ok) return { ok: false, status: 400, problems: checked.problems };
  const { submission, waitS } = checked.value;
  const tooLarge = sizeProblems(task.kind, submission.input, task.sizeLimits);
  if (tooLarge.length > 0) return { ok: false, status: 413, problems: tooLarge };
  const payload = {
    kind: submission.kind,
    input: submission.input,
    tenant: task.tenant,
    options: submission.options,
    ...(submission.callbackUrl ? { callbackUrl: submission.callbackUrl } : {}),
  } as JobPayload;
  const accepted: Accepted = {
    ok: true,
    options: submission.options,
    callbackUrl: submission.callbackUrl,
    waitS,
  };
  if (task.enqueue) {
    const { redis, retention } = task.enqueue;
    const { client, queue } = queueFor(redis);
    const id = randomUUID();
    const meta = {
      tenant: task.tenant,
      kind: task.kind,
      options: submission.options,
      callbackUrl: submission.callbackUrl,
      maxAttempts: retention.attempts,
    };
    await enqueue(queue, client, id, payload, meta, retention);
    return { ...accepted, id } satisfies QueuedSubmission;
  }
  return moveBytes({ ...accepted, payloadJson: new Uint8Array(Buffer.from(JSON.stringify(payload))) });
}

/** The outcome goes back with its bytes moved, not copied: piscina's Transferable interface. */
function moveBytes(outcome: CheckedSubmission): ReturnType<typeof Piscina.move> {
  const movable = {
    get [Piscina.transferableSymbol]() {
      return outcome.payloadJson.buffer;
    },
    get [Piscina.valueSymbol]() {
      return outcome;
    },
  };
  return Piscina.move(movable as unknown as Parameters<typeof Piscina.move>[0]);
}

export default checkBody;
