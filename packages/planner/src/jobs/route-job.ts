import type { JobProgress, RoutingProblem, RoutingSolution, TravelSettings } from '@paketbygd/model';
import { solveRoutingProblem } from '@paketbygd/routing';
import { withTravelMatrix } from './route-matrix';

export interface RouteJobOptions {
  /** Travel for a request that gives locations and no matrices. */
  travel: TravelSettings;
  /** The time limit, or with `untilConverged` the cap. */
  timeLimitS: number;
  /** Stop when the search converges (a request without a limit of its own). */
  untilConverged?: boolean;
  seed?: number;
  onProgress?: (progress: JobProgress) => void;
}

/** A VROOM routing request → its solution: the travel matrix when the request has none, then the solver. */
export async function solveRouteJob(
  problem: RoutingProblem,
  { travel, timeLimitS, untilConverged, seed, onProgress }: RouteJobOptions,
): Promise<RoutingSolution> {
  onProgress?.({ percent: 0, message: problem.matrices ? 'solving' : `travel matrix (${travel.backend})` });
  const routed = await withTravelMatrix(problem, travel);
  const solution = solveRoutingProblem(routed.problem, {
    timeLimitS,
    ...(untilConverged ? { untilConverged } : {}),
    ...(seed !== undefined ? { seed } : {}),
    ...(onProgress
      ? {
          onProgress: (p) =>
            onProgress({
              percent: Math.min(99, (100 * p.elapsedS) / timeLimitS),
              message: `${p.iterations} iterations, ${p.vehicles} vehicles${p.unassigned ? `, ${p.unassigned} unassigned` : ''}`,
              bestCost: p.cost,
            }),
        }
      : {}),
  });
  return routed.travel ? { ...solution, travel: routed.travel } : solution;
}
