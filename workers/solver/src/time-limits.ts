import type { JobPayload } from '@paketbygd/model';
import { comparisonPlanCount, timeLimitOf } from '@paketbygd/planner';

/**
 * Wall-clock seconds after which the thread is killed. A comparison gets a little more per plan,
 * as each plan has fixed work (placement gets at least a second) that its share may not cover.
 */
export function hardLimitS(payload: JobPayload, marginS: number): number {
  const extra = payload.kind === 'compare' ? 2 * comparisonPlanCount(payload.input) : 0;
  return timeLimitOf(payload) + marginS + extra;
}
