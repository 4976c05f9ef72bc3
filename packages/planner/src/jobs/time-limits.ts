import type { JobPayload, RoutingProblem } from '@paketbygd/model';

/** Seconds a job solves for when neither the job options nor the request say. */
export const DEFAULT_TIME_LIMIT_S: Record<JobPayload['kind'], number> = {
  plan: 30,
  // For all of a comparison's plans together; each plan gets its share.
  compare: 60,
  route: 10,
  place: 10,
};

/**
 * A job's solving time: its options, else (routing) the request's own `time_limit` (or VROOM's `l`), else the
 * default. A route job with neither stops earlier, at convergence (`untilConvergedOf`); this is
 * then its cap.
 */
export function timeLimitOf(payload: JobPayload): number {
  if (payload.options.timeLimitS !== undefined) return payload.options.timeLimitS;
  if (payload.kind === 'route') return routeTimeLimitS(payload.input);
  return DEFAULT_TIME_LIMIT_S[payload.kind];
}

export function routeTimeLimitS(problem: RoutingProblem): number {
  return problem.options?.time_limit ?? problem.options?.l ?? DEFAULT_TIME_LIMIT_S.route;
}

/**
 * True for a route job that gives no limit (neither the job options nor the request's
 * `time_limit`): it runs until the search converges, so a small request answers in milliseconds
 * rather than the full default (issue 17).
 */
export function untilConvergedOf(payload: JobPayload): boolean {
  return (
    payload.kind === 'route' && payload.options.timeLimitS === undefined && routeUntilConverged(payload.input)
  );
}

/** True when a routing request gives no `time_limit` of its own. */
export function routeUntilConverged(problem: RoutingProblem): boolean {
  return problem.options?.time_limit === undefined && problem.options?.l === undefined;
}

/** Plans a comparison runs: every entry, and each scored entry twice more for demand ±30 %. */
export function comparisonPlanCount(input: Extract<JobPayload, { kind: 'compare' }>['input']): number {
  const entries = 1 + input.variants.length + input.bids.length;
  if (!input.scoring) return entries;
  const scored = input.bids.length > 0 ? input.bids.length : entries;
  return entries + 2 * scored;
}
