import type { JobPayload, JobProgress, TravelSettings } from '@paketbygd/model';
import { runJob, type JobResult } from '@paketbygd/planner';
import { comparisonPlanCount, timeLimitOf } from './time-limits';

export type { JobResult };

export interface SolveContext {
  /** Travel for routing requests without matrices. */
  travel: TravelSettings;
  onProgress: (progress: JobProgress) => void;
}

/** Runs one validated job to its result, with the service's time limits. Synchronous solvers inside: call it off the main thread. */
export async function solveJob(payload: JobPayload, context: SolveContext): Promise<JobResult> {
  return await runJob(payload, {
    ...context,
    timeLimitS: timeLimitOf(payload),
    comparisonPlanCount: payload.kind === 'compare' ? comparisonPlanCount(payload.input) : 1,
  });
}
