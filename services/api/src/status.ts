import { JobKind, JobProgress, type JobOptions } from '@paketbygd/model';
import type { Queue } from 'bullmq';
import type { Cluster, Redis } from 'ioredis';
import { metaKeyOf } from './enqueue';

/** A job as a status read sees it: no input, no result. */
export interface JobStatus {
  id: string;
  kind: JobKind;
  tenant: string;
  state: JobStatusState;
  progress: JobProgress | null;
  createdMs: number;
  startedMs: number | undefined;
  finishedMs: number | undefined;
  attemptsMade: number;
  maxAttempts: number;
  failedReason: string | undefined;
  options: JobOptions;
  callbackUrl: string | undefined;
}

export type JobStatusState = 'waiting' | 'prioritized' | 'delayed' | 'active' | 'completed' | 'failed';

/**
 * `jobStatus(jobKey, metaKey, completed, failed, delayed, prioritized, active, id)`, a Lua function:
 * the job hash's small fields (never `data` or `returnvalue`), the meta hash written at submission,
 * and the state, in time independent of the job's size. The state is BullMQ's own rule (getState)
 * except that a job in no sorted set and not in the active list is `waiting` without scanning the
 * wait list, which would cost time in the queue's length. false when the job hash is gone.
 * Shared by the status script below and the fast status read (fast-reads.ts).
 */
export const JOB_STATUS_LUA = `
local function jobStatus(jobKey, metaKey, completed, failed, delayed, prioritized, active, id)
  local job = redis.call('HMGET', jobKey, 'timestamp', 'processedOn', 'finishedOn', 'progress', 'atm', 'attemptsMade', 'failedReason', 'name')
  if not job[1] then return false end
  local meta = redis.call('HMGET', metaKey, 'tenant', 'kind', 'options', 'callbackUrl', 'maxAttempts')
  local state = 'waiting'
  if redis.call('ZSCORE', completed, id) then state = 'completed'
  elseif redis.call('ZSCORE', failed, id) then state = 'failed'
  elseif redis.call('ZSCORE', delayed, id) then state = 'delayed'
  elseif redis.call('ZSCORE', prioritized, id) then state = 'prioritized'
  elseif redis.call('LPOS', active, id) then state = 'active' end
  return {state, job[1], job[2], job[3], job[4], job[5] or job[6], job[7], job[8], meta[1], meta[2], meta[3], meta[4], meta[5]}
end
`;

/** One round trip, atomic (a job cannot finish between the reads); nil when the job hash is gone. */
const STATUS_SCRIPT = `${JOB_STATUS_LUA}
return jobStatus(KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5], KEYS[6], KEYS[7], ARGV[1])
`;

/** What `jobStatus` answers: its table, or null for a job that does not exist. */
export type StatusReply = (string | null)[] | null;

/** The keys `jobStatus` reads, in its order, for the job `id`. */
export function statusKeys(queue: Pick<Queue, 'toKey'>, id: string): string[] {
  return [
    queue.toKey(id),
    metaKeyOf(queue, id),
    queue.toKey('completed'),
    queue.toKey('failed'),
    queue.toKey('delayed'),
    queue.toKey('prioritized'),
    queue.toKey('active'),
  ];
}

type StatusClient = (Redis | Cluster) & {
  paketbygdJobStatus(...args: string[]): Promise<StatusReply>;
};

/** Adds the script to the client (EVALSHA, loaded on first use). */
export function defineStatusCommand(client: Redis | Cluster): void {
  client.defineCommand('paketbygdJobStatus', { numberOfKeys: 7, lua: STATUS_SCRIPT });
}

const number = (text: string | null | undefined) => (text ? Number(text) : undefined);

function progressOf(text: string | null | undefined): JobProgress | null {
  if (!text) return null;
  const raw: unknown = JSON.parse(text);
  if (typeof raw === 'number') return raw > 0 ? { percent: raw } : null;
  const parsed = JobProgress.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

/**
 * The job's status, or undefined when it does not exist. `meta: false` means the job has no meta
 * hash (queued before meta hashes existed, or by another producer): the caller reads it the old way.
 */
export async function readStatus(
  client: Redis | Cluster,
  queue: Pick<Queue, 'toKey'>,
  id: string,
): Promise<JobStatus | 'no-meta' | undefined> {
  const reply = await (client as StatusClient).paketbygdJobStatus(...statusKeys(queue, id), id);
  return statusOfReply(reply, id);
}

/** A `jobStatus` reply read: the status, 'no-meta' (read the job the old way), or undefined (no job). */
export function statusOfReply(reply: StatusReply, id: string): JobStatus | 'no-meta' | undefined {
  if (!reply) return undefined;
  const [state, created, started, finished, progress, attempts, failedReason, name] = reply;
  const [tenant, kind, options, callbackUrl, maxAttempts] = reply.slice(8);
  if (!tenant) return 'no-meta';
  return {
    id,
    kind: JobKind.parse(kind ?? name),
    tenant,
    state: state as JobStatusState,
    progress: progressOf(progress),
    createdMs: Number(created),
    startedMs: number(started),
    finishedMs: number(finished),
    attemptsMade: number(attempts) ?? 0,
    maxAttempts: number(maxAttempts) ?? 1,
    failedReason: failedReason || undefined,
    // Written by the API itself at submission, from checked options.
    options: JSON.parse(options ?? '{}') as JobOptions,
    callbackUrl: callbackUrl || undefined,
  };
}
