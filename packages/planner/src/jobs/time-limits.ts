import type { JobPayload, RoutingProblem } from '@paketbygd/model';

/** Seconds a job solves for when neither the job options nor the request say. */
export const DEFAULT_TIME_LIMIT_S: Record<JobPayload['kind'], number> = {
  plan: 30,
  // For all of a comparison's plans together; each plan gets its share.
  compare: 60,
  route: 10,
  place: 10,
};

/** A job's solving time: its options, else (routing) the request's own `time_limit` (or VROOM's `l`), else the default. */
export function timeLimitOf(payload: JobPayload): number {
  if (payload.options.timeLimitS !== undefined) return payload.options.timeLimitS;
  if (payload.kind === 'route') return routeTimeLimitS(payload.input);
  return DEFAULT_TIME_LIMIT_S[payload.kind];
}

export function routeTimeLimitS(problem: RoutingProblem): number {
  return problem.options?.time_limit ?? problem.options?.l ?? DEFAULT_TIME_LIMIT_S.route;
}

/** Plans a comparison runs: every entry, and each scored entry twice more for demand ±30 %. */
export function comparisonPlanCount(input: Extract<JobPayload, { kind: 'compare' }>['input']): number {
  const entries = 1 + input.variants.length + input.bids.length;
  if (!input.scoring) return entries;
  const scored = input.bids.length > 0 ? input.bids.length : entries;
  return entries + 2 * scored;
}
