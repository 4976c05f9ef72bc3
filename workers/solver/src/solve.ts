import {
  PlacementAnswer,
  type ComparisonResult,
  type JobPayload,
  type JobProgress,
  type Plan,
  type RoutingSolution,
  type TravelSettings,
} from '@paketbygd/model';
import { scenarioToPlacement, solvePlacement, type DistanceSource } from '@paketbygd/placement';
import { compare, plan } from '@paketbygd/planner';
import { solveRoutingProblem } from '@paketbygd/routing';
import { createTravelCosts } from '@paketbygd/travel';
import { withTravelMatrix } from './route-matrix';
import { comparisonPlanCount, timeLimitOf } from './time-limits';

export type JobResult = Plan | ComparisonResult | RoutingSolution | PlacementAnswer;

export interface SolveContext {
  /** Travel for routing requests without matrices. */
  travel: TravelSettings;
  onProgress: (progress: JobProgress) => void;
}

/** Runs one validated job to its result. Synchronous solvers inside: call it off the main thread. */
export async function solveJob(payload: JobPayload, context: SolveContext): Promise<JobResult> {
  const timeLimitS = timeLimitOf(payload);
  const seed = payload.options.seed;
  const { onProgress } = context;
  switch (payload.kind) {
    case 'plan':
      return await plan(payload.input, {
        timeLimitS,
        ...(seed !== undefined ? { seed } : {}),
        onProgress: (p) => onProgress({ percent: p.percent, message: p.message }),
      });
    case 'compare':
      return await compare(payload.input, {
        timeLimitS: timeLimitS / comparisonPlanCount(payload.input),
        ...(seed !== undefined ? { seed } : {}),
        onProgress: (message, percent) => onProgress({ percent, message }),
      });
    case 'route':
      return await route(payload.input, timeLimitS, seed, context);
    case 'place':
      return await place(payload.input, timeLimitS, seed, onProgress);
  }
}

async function route(
  input: Extract<JobPayload, { kind: 'route' }>['input'],
  timeLimitS: number,
  seed: number | undefined,
  { travel, onProgress }: SolveContext,
): Promise<RoutingSolution> {
  onProgress({ percent: 0, message: input.matrices ? 'solving' : `travel matrix (${travel.backend})` });
  const routed = await withTravelMatrix(input, travel);
  const solution = solveRoutingProblem(routed.problem, {
    timeLimitS,
    ...(seed !== undefined ? { seed } : {}),
    onProgress: (p) =>
      onProgress({
        percent: Math.min(99, (100 * p.elapsedS) / timeLimitS),
        message: `${p.iterations} iterations, ${p.vehicles} vehicles${p.unassigned ? `, ${p.unassigned} unassigned` : ''}`,
        bestCost: p.cost,
      }),
  });
  return routed.travel ? { ...solution, travel: routed.travel } : solution;
}

async function place(
  input: Extract<JobPayload, { kind: 'place' }>['input'],
  timeLimitS: number,
  seed: number | undefined,
  onProgress: SolveContext['onProgress'],
): Promise<PlacementAnswer> {
  const { scenario } = input;
  onProgress({ percent: 0, message: `access distances (${scenario.travel.backend})` });
  // Straight lines are the placement package's own fallback, which says so in its notes.
  let distances: DistanceSource | undefined;
  if (scenario.travel.backend !== 'straightline') {
    const travel = createTravelCosts(scenario.travel);
    distances = async (from, to) => (await travel.matrix(from, to)).distancesM;
  }
  const prepared = await scenarioToPlacement(scenario, distances);
  onProgress({ percent: 10, message: `solving ${input.model}` });
  const usePolicyLimits = input.p === undefined;
  const result = await solvePlacement(prepared.instance, {
    model: input.model,
    timeLimitS,
    ...(seed !== undefined ? { seed } : {}),
    ...(usePolicyLimits
      ? {
          ...(prepared.p !== undefined ? { p: prepared.p } : {}),
          ...(prepared.budgetPerYear !== undefined ? { budgetPerYear: prepared.budgetPerYear } : {}),
        }
      : { p: input.p }),
    radiusM: input.radiusM ?? prepared.radiusM,
  });
  if (!Number.isFinite(result.objective)) {
    throw new Error(
      result.status === 'infeasible'
        ? 'no placement satisfies the constraints (check input.p, input.radiusM and the policy)'
        : `no placement found within ${timeLimitS} s; give the job a longer options.timeLimitS`,
    );
  }
  const finite = (x: number) => (Number.isFinite(x) ? x : null);
  return PlacementAnswer.parse({
    model: result.model,
    status: result.status,
    objective: result.objective,
    open: result.open,
    bound: finite(result.bound),
    gapPct: finite(result.gapPct),
    timeS: result.timeS,
  });
}
