import type { JobPayload } from '@paketbygd/model';

/** Seconds a job solves for when neither the job options nor the request say. */
export const DEFAULT_TIME_LIMIT_S: Record<JobPayload['kind'], number> = {
  plan: 30,
  // For all of a comparison's plans together; each plan gets its share.
  compare: 60,
  route: 10,
  place: 10,
};

export function timeLimitOf(payload: JobPayload): number {
  if (payload.options.timeLimitS !== undefined) return payload.options.timeLimitS;
  if (payload.kind === 'route' && payload.input.options?.time_limit !== undefined)
    return payload.input.options.time_limit;
  return DEFAULT_TIME_LIMIT_S[payload.kind];
}

/** Plans a comparison runs: every entry, and each scored entry twice more for demand ±30 %. */
export function comparisonPlanCount(input: Extract<JobPayload, { kind: 'compare' }>['input']): number {
  const entries = 1 + input.variants.length + input.bids.length;
  if (!input.scoring) return entries;
  const scored = input.bids.length > 0 ? input.bids.length : entries;
  return entries + 2 * scored;
}

/**
 * Wall-clock seconds after which the thread is killed. A comparison gets a little more per plan,
 * as each plan has fixed work (placement gets at least a second) that its share may not cover.
 */
export function hardLimitS(payload: JobPayload, marginS: number): number {
  const extra = payload.kind === 'compare' ? 2 * comparisonPlanCount(payload.input) : 0;
  return timeLimitOf(payload) + marginS + extra;
}
