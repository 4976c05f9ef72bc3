import type { JobKind, JobOptions, JobPayload } from '@paketbygd/model';
import type { JobsOptions, Queue } from 'bullmq';
import type { Cluster, Redis } from 'ioredis';
import type { Retention } from './config';

/**
 * What a status read needs and the job data would otherwise be parsed for: written beside the job
 * at submission, in a small hash of its own (`<job key>:meta`), so that `GET /v1/jobs/:id` never
 * reads the (possibly 30 MB) input. State, progress and timestamps are the job hash's own small fields.
 */
export interface JobMeta {
  tenant: string;
  kind: JobKind;
  options: JobOptions;
  callbackUrl: string | undefined;
  maxAttempts: number;
}

export const metaKeyOf = (queue: Pick<Queue, 'toKey'>, id: string) => queue.toKey(`${id}:meta`);

/**
 * How long the meta hash lives: as long as the job can (kept RESULT_TTL_S when completed,
 * FAILED_TTL_S when failed; BullMQ removes them by age only when later jobs finish), plus a day
 * for the time it waits and runs. A status read of a job whose hash is gone answers 404 first.
 */
export const metaTtlS = (retention: Retention) =>
  Math.max(retention.resultTtlS, retention.failedTtlS) + 86_400;

export function jobOptionsOf(id: string, retention: Retention): JobsOptions {
  return {
    jobId: id,
    attempts: retention.attempts,
    backoff: { type: 'exponential', delay: retention.backoffMs },
    removeOnComplete: { age: retention.resultTtlS },
    removeOnFail: { age: retention.failedTtlS },
  };
}

/** The meta hash, then the job: a job is never visible without its meta. */
export async function enqueue(
  queue: Queue<JobPayload, unknown, JobKind>,
  client: Redis | Cluster,
  id: string,
  data: JobPayload,
  meta: JobMeta,
  retention: Retention,
): Promise<void> {
  const key = metaKeyOf(queue, id);
  const fields: Record<string, string> = {
    tenant: meta.tenant,
    kind: meta.kind,
    options: JSON.stringify(meta.options),
    maxAttempts: String(meta.maxAttempts),
    ...(meta.callbackUrl ? { callbackUrl: meta.callbackUrl } : {}),
  };
  const results = await client.multi().hset(key, fields).expire(key, metaTtlS(retention)).exec();
  const failed = results?.find(([error]) => error);
  if (failed) throw failed[0]!;
  await queue.add(meta.kind, data, jobOptionsOf(id, retention));
}
