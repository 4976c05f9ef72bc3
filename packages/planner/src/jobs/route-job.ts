import type { JobProgress, RoutingProblem, RoutingSolution, TravelSettings } from '@paketbygd/model';
import { solveRoutingProblem } from '@paketbygd/routing';
import { createTravelCosts, type TravelCosts } from '@paketbygd/travel';
import { withRouteGeometry } from './route-geometry';
import { needsMatrix, withTravelMatrix } from './route-matrix';

export interface RouteJobOptions {
  /** Travel for a request that gives locations and no matrices, and for route geometry. */
  travel: TravelSettings;
  /** The time limit, or with `untilConverged` the cap. */
  timeLimitS: number;
  /** Stop when the search converges (a request without a limit of its own). */
  untilConverged?: boolean;
  seed?: number;
  /** Searches at once, sharing their best solutions (the routing package's `threads`); default 1. */
  threads?: number;
  onProgress?: (progress: JobProgress) => void;
}

/**
 * A VROOM routing request → its solution: the travel matrix when the request has none, then the
 * solver, then the routes' geometry when the request asks for it (`options.g`).
 */
export async function solveRouteJob(
  problem: RoutingProblem,
  { travel: settings, timeLimitS, untilConverged, seed, threads, onProgress }: RouteJobOptions,
): Promise<RoutingSolution> {
  const wantsGeometry = problem.options?.g === true;
  // A routing request says nothing about its area: coordinates far from Sweden are not swapped ones.
  const travel: TravelCosts | undefined =
    needsMatrix(problem) || wantsGeometry
      ? createTravelCosts(settings, { matrixCache: false, swappedCheck: false })
      : undefined;
  try {
    onProgress?.({
      percent: 0,
      message: problem.matrices ? 'solving' : `travel matrix (${settings.backend})`,
    });
    const routed = await withTravelMatrix(problem, settings, travel);
    const solution = solveRoutingProblem(routed.problem, {
      timeLimitS,
      ...(untilConverged ? { untilConverged } : {}),
      ...(seed !== undefined ? { seed } : {}),
      ...(threads !== undefined ? { threads } : {}),
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
    const drawn = wantsGeometry && travel ? await withRouteGeometry(solution, travel) : solution;
    return routed.travel ? { ...drawn, travel: routed.travel } : drawn;
  } finally {
    await travel?.close?.();
  }
}
