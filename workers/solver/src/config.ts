import { availableParallelism } from 'node:os';
import { z } from 'zod';
import { maxThreads } from '@paketbygd/routing';
import {
  AllowedHostsList,
  issuesToProblems,
  problemToString,
  type TravelSettings,
  type WebhookTargetPolicy,
} from '@paketbygd/model';

const positiveInt = z.coerce.number().int().positive();

/** Every environment variable the worker reads, validated once at start. */
export const WorkerEnv = z.object({
  REDIS_URL: z.string().default('redis://127.0.0.1:6379'),
  WORKER_CONCURRENCY: positiveInt.optional(),
  /** Solver threads kept loaded between jobs, so a job starts without the thread's start-up; default the concurrency. */
  WORKER_SPARE_THREADS: z.coerce.number().int().min(0).optional(),
  /**
   * Heap of one solver thread (V8 old generation): a job that needs more fails alone
   * (ERR_WORKER_OUT_OF_MEMORY) and the worker goes on. 1 GB holds the API's default size limits
   * (2,000 locations) with room to spare; matrices the solver keeps in typed arrays are outside it.
   */
  WORKER_THREAD_MAX_HEAP_MB: positiveInt.default(1024),
  /**
   * Searches one route job runs at once, sharing their best solutions (`@paketbygd/routing`'s
   * `threads`: one in the job's thread, the others in threads of their own): 1 to twice the cores.
   * Each job then uses that many cores; keep ROUTING_THREADS × WORKER_CONCURRENCY near the cores.
   */
  ROUTING_THREADS: z.coerce.number().int().min(1).max(maxThreads()).default(1),
  /** Jobs one solver thread runs before it is replaced by a fresh one. */
  WORKER_THREAD_MAX_JOBS: positiveInt.default(50),
  /**
   * How long a job's lock lives without renewal (renewed every half of it). A killed worker's job
   * runs again at most about lock + stalled interval later (measured in tests/fault: ≤ 15 s). The
   * worker's event loop must never block this long, or a running job is taken for stalled.
   */
  WORKER_LOCK_DURATION_MS: positiveInt.default(8_000),
  /** How often a worker looks for jobs whose lock expired and puts them back to wait. */
  WORKER_STALLED_INTERVAL_MS: positiveInt.default(4_000),
  WORKER_MAX_STALLED_COUNT: z.coerce.number().int().min(1).default(2),
  /**
   * Longest wait for running jobs on SIGTERM before they are handed back to the queue. Keep it
   * below the supervisor's grace period (compose: stop_grace_period, 10 min) so the hand-back happens.
   */
  WORKER_SHUTDOWN_TIMEOUT_S: z.coerce.number().positive().default(540),
  /** A solve that overruns its time limit by more than this is killed. */
  WORKER_HARD_LIMIT_MARGIN_S: z.coerce.number().positive().default(15),
  /** Defaults for completed and failed jobs the producer did not give `removeOnComplete`/`removeOnFail`. */
  // The same defaults as the API's, which sets them on each job; these apply to jobs that carry none.
  RESULT_TTL_S: positiveInt.default(7 * 86_400),
  FAILED_TTL_S: positiveInt.default(30 * 86_400),
  WEBHOOK_SECRET: z.string().min(16, 'use at least 16 characters').optional(),
  WEBHOOK_TIMEOUT_MS: positiveInt.default(10_000),
  WEBHOOK_ATTEMPTS: positiveInt.default(5),
  WEBHOOK_BACKOFF_MS: positiveInt.default(1_000),
  /** Webhook deliveries at once per worker process (jobs of WEBHOOK_QUEUE_NAME). */
  WEBHOOK_CONCURRENCY: positiveInt.default(8),
  /**
   * `true`: webhooks may go to any address, localhost and private ranges too (development and
   * tests only). Default: public addresses only; the API applies the same rule at submission.
   */
  WEBHOOK_ALLOW_PRIVATE: z.enum(['true', 'false']).default('false'),
  /** Host names and CIDR ranges allowed although internal, comma-separated (a municipality's own receiver). */
  WEBHOOK_ALLOWED_HOSTS: AllowedHostsList.default({ names: [], ranges: [] }),
  OSRM_URL: z.url().optional(),
  OSM_FILE: z.string().min(1).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});
export type WorkerEnv = z.infer<typeof WorkerEnv>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Empty strings count as unset, as `FOO=` in a compose file means "no value". */
export function readEnv(env: NodeJS.ProcessEnv = process.env): WorkerEnv {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = WorkerEnv.safeParse(present);
  if (!parsed.success) {
    const problems = issuesToProblems(parsed.error.issues).map(problemToString);
    throw new ConfigError(`environment is not valid:\n  ${problems.join('\n  ')}`);
  }
  return parsed.data;
}

/**
 * ROUTING_THREADS alone, for a job's thread (which inherits the environment the worker validated
 * at start): a job does not depend on the rest of the environment.
 */
export function routingThreadsFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  return WorkerEnv.shape.ROUTING_THREADS.parse(env.ROUTING_THREADS || undefined);
}

export function defaultConcurrency(): number {
  return availableParallelism();
}

/** Where webhooks may go, from WEBHOOK_ALLOW_PRIVATE and WEBHOOK_ALLOWED_HOSTS. */
export function webhookTargetsFromEnv(
  env: Pick<WorkerEnv, 'WEBHOOK_ALLOW_PRIVATE' | 'WEBHOOK_ALLOWED_HOSTS'>,
): WebhookTargetPolicy {
  return { allowPrivate: env.WEBHOOK_ALLOW_PRIVATE === 'true', allowedHosts: env.WEBHOOK_ALLOWED_HOSTS };
}

/** Travel for routing requests that give locations and no matrices: OSRM, else the road graph, else straight line. */
export function travelFromEnv(env: Pick<WorkerEnv, 'OSRM_URL' | 'OSM_FILE'>): TravelSettings {
  if (env.OSRM_URL) return { backend: 'osrm', osrmUrl: env.OSRM_URL };
  if (env.OSM_FILE) return { backend: 'roadgraph', osmFile: env.OSM_FILE };
  return { backend: 'straightline' };
}
