import type {
  ComparisonResult,
  JobPayload,
  JobProgress,
  PlacementAnswer,
  Plan,
  RoutingSolution,
  TravelSettings,
} from '@paketbygd/model';
import { compare } from '../compare';
import { plan } from '../plan';
import { placementAnswer, placeScenario } from './place-job';
import { solveRouteJob } from './route-job';
import { comparisonPlanCount, timeLimitOf, untilConvergedOf } from './time-limits';

export type JobResult = Plan | ComparisonResult | RoutingSolution | PlacementAnswer;

export interface RunJobContext {
  /** Travel for routing requests without matrices. */
  travel: TravelSettings;
  onProgress: (progress: JobProgress) => void;
  /** Searches at once for a route job (the worker's ROUTING_THREADS); default 1. */
  routingThreads?: number;
}

/**
 * Runs one validated job to its result within its time limit (`timeLimitOf`; a route job without
 * a limit stops at convergence, `untilConvergedOf`): the one path for
 * each kind, for the worker and the CLI.
 */
export async function runJob(payload: JobPayload, context: RunJobContext): Promise<JobResult> {
  const { onProgress } = context;
  const timeLimitS = timeLimitOf(payload);
  const seed = payload.options.seed;
  const seeded = seed !== undefined ? { seed } : {};
  switch (payload.kind) {
    case 'plan':
      return await plan(payload.input, {
        timeLimitS,
        ...seeded,
        onProgress: (p) => onProgress({ percent: p.percent, message: p.message }),
      });
    case 'compare':
      return await compare(payload.input, {
        timeLimitS: timeLimitS / comparisonPlanCount(payload.input),
        ...seeded,
        onProgress: (message, percent) => onProgress({ percent, message }),
      });
    case 'route':
      return await solveRouteJob(payload.input, {
        travel: context.travel,
        timeLimitS,
        untilConverged: untilConvergedOf(payload),
        ...seeded,
        ...(context.routingThreads !== undefined ? { threads: context.routingThreads } : {}),
        onProgress,
      });
    case 'place':
      return await place(payload.input, timeLimitS, seed, onProgress);
  }
}

async function place(
  input: Extract<JobPayload, { kind: 'place' }>['input'],
  timeLimitS: number,
  seed: number | undefined,
  onProgress: RunJobContext['onProgress'],
): Promise<PlacementAnswer> {
  const { result } = await placeScenario(
    input.scenario,
    {
      model: input.model,
      timeLimitS,
      ...(seed !== undefined ? { seed } : {}),
      ...(input.p !== undefined ? { p: input.p } : {}),
      ...(input.radiusM !== undefined ? { radiusM: input.radiusM } : {}),
    },
    { onProgress },
  );
  if (!Number.isFinite(result.objective)) {
    throw new Error(
      result.status === 'infeasible'
        ? 'no placement satisfies the constraints (check input.p, input.radiusM and the policy)'
        : `no placement found within ${timeLimitS} s; give the job a longer options.timeLimitS`,
    );
  }
  return placementAnswer(result);
}
