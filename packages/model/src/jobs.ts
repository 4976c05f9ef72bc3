import { z } from 'zod';
import { ComparisonRequest } from './comparison';
import { RoutingProblem } from './routing-problem';
import { Scenario } from './scenario';

/**
 * The contract between the API and the workers: one BullMQ queue, job payloads validated on both
 * sides, progress and results. The `{…}` hash tag keeps every key of the queue in one Redis
 * Cluster slot, as BullMQ requires there.
 */
export const QUEUE_NAME = '{paketbygd}solve';
/**
 * The workers' queue of outbound webhooks: one durable job per solve job that ended (completed, or
 * failed for good) and has a `callbackUrl`, retried with backoff until delivered. Same hash tag as
 * QUEUE_NAME, so both queues live in one Redis Cluster slot.
 */
export const WEBHOOK_QUEUE_NAME = '{paketbygd}webhook';
/** Redis pub/sub channel on which the API asks whichever worker runs a job to cancel it: message = job id. */
export const CANCEL_CHANNEL = '{paketbygd}cancel';
/** Header of a signed webhook: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`. */
export const WEBHOOK_SIGNATURE_HEADER = 'paketbygd-signature';
/**
 * How a failed job's reason begins, by cause: the workers write them, the API's VROOM drop-in reads
 * them to answer VROOM's error code (input error 2, routing error 3, anything else 1).
 */
export const FAILURE_REASON = {
  invalidPayload: 'job payload is not valid',
  unsolvable: 'input cannot be solved',
  routing: 'routing error',
} as const;
/** Longest solve one job may ask for. */
export const MAX_JOB_TIME_LIMIT_S = 600;

export const JobKind = z.enum(['plan', 'compare', 'route', 'place']);
export type JobKind = z.infer<typeof JobKind>;

export const JobOptions = z
  .object({
    timeLimitS: z
      .number()
      .positive()
      .max(MAX_JOB_TIME_LIMIT_S, `at most ${MAX_JOB_TIME_LIMIT_S} s`)
      .optional(),
    seed: z.number().int().nonnegative().optional(),
  })
  .strict();
export type JobOptions = z.infer<typeof JobOptions>;

const Common = {
  /** Set by the API from the caller's key; never taken from the request body. */
  tenant: z.string().min(1),
  options: JobOptions.default({}),
  /** Where to POST the result when the job ends (signed, see WEBHOOK_SIGNATURE_HEADER). */
  callbackUrl: z.url({ protocol: /^https?$/, error: 'callbackUrl is an http(s) URL' }).optional(),
};

/** What `POST /v1/placements` takes: a scenario and the model to solve on it. */
export const PlacementRequest = z
  .object({
    scenario: Scenario,
    model: z.enum(['pmedian', 'coverage', 'lexicographic', 'capacity']).default('capacity'),
    p: z.number().int().positive().optional(),
    radiusM: z.number().positive().optional(),
  })
  .strict();
export type PlacementRequest = z.infer<typeof PlacementRequest>;

/** What a placement job answers (the same fields as `paketbygd place --json`). */
export const PlacementAnswer = z.object({
  model: z.string(),
  status: z.string(),
  objective: z.number(),
  open: z.array(z.string()),
  bound: z.number().nullable(),
  gapPct: z.number().nullable(),
  timeS: z.number(),
});
export type PlacementAnswer = z.infer<typeof PlacementAnswer>;

export const JobPayload = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('plan'), input: Scenario, ...Common }),
  z.object({ kind: z.literal('compare'), input: ComparisonRequest, ...Common }),
  z.object({ kind: z.literal('route'), input: RoutingProblem, ...Common }),
  z.object({ kind: z.literal('place'), input: PlacementRequest, ...Common }),
]);
export type JobPayload = z.infer<typeof JobPayload>;

/** What a worker publishes with `job.updateProgress`. */
export const JobProgress = z.object({
  percent: z.number().min(0).max(100),
  message: z.string().optional(),
  /** Best objective so far, for anytime solvers. */
  bestCost: z.number().optional(),
});
export type JobProgress = z.infer<typeof JobProgress>;
