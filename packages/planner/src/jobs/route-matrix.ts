import type { LonLat, RoutingProblem, TravelSettings } from '@paketbygd/model';
import { createTravelCosts, matrixRows, type TravelCosts } from '@paketbygd/travel';

export interface RoutedTravel {
  problem: RoutingProblem;
  /** What `solution.travel` should say, when the matrix came from us. */
  travel?: { backend: string; note: string };
}

/** True when the request places its tasks by coordinates and leaves the matrix to us. */
export function needsMatrix(problem: RoutingProblem): boolean {
  return problem.matrices === undefined;
}

/**
 * A request with `location`s and no `matrices` gets a matrix from the configured travel backend
 * (the routing package takes matrices only), with `location_index` set on
 * every place so that the solver reads our matrix.
 */
export async function withTravelMatrix(
  problem: RoutingProblem,
  settings: TravelSettings,
  /** The caller's travel (the caller closes it); without it one is made and closed here. */
  given?: TravelCosts,
): Promise<RoutedTravel> {
  if (!needsMatrix(problem)) return { problem };
  const points: LonLat[] = [];
  const indexOf = new Map<string, number>();
  const index = (location: LonLat | undefined): number | undefined => {
    if (!location) return undefined;
    const key = `${location[0]},${location[1]}`;
    let i = indexOf.get(key);
    if (i === undefined) {
      i = points.length;
      points.push(location);
      indexOf.set(key, i);
    }
    return i;
  };
  const placed = <T extends { location?: LonLat }>(task: T): T => {
    const i = index(task.location);
    return i === undefined ? task : { ...task, location_index: i };
  };
  const jobs = problem.jobs.map(placed);
  const shipments = problem.shipments.map((s) => ({
    ...s,
    pickup: placed(s.pickup),
    delivery: placed(s.delivery),
  }));
  const vehicles = problem.vehicles.map((v) => {
    const start = index(v.start);
    const end = index(v.end);
    return {
      ...v,
      ...(start !== undefined ? { start_index: start } : {}),
      ...(end !== undefined ? { end_index: end } : {}),
    };
  });
  if (points.length === 0) return { problem };
  // A routing request says nothing about its area: coordinates far from Sweden are not swapped ones.
  const travel = given ?? createTravelCosts(settings, { matrixCache: false, swappedCheck: false });
  try {
    const m = await travel.matrix(points);
    // Unreachable pairs stay unreachable: the solver must not route over a made-up number.
    const rows = (values: Float64Array) =>
      matrixRows(m, values).map((row) => row.map((x) => (x === null ? Number.POSITIVE_INFINITY : x)));
    const durations = rows(m.durationsS);
    const distances = rows(m.distancesM);
    const matrices = Object.fromEntries(
      [...new Set(vehicles.map((v) => v.profile))].map((profile) => [profile, { durations, distances }]),
    );
    const notes = m.warnings.map((w) => `point ${w.pointIndex}: ${w.message}`);
    return {
      problem: { ...problem, jobs, shipments, vehicles, matrices },
      travel: {
        backend: settings.backend,
        note: [
          `no "matrices" given: ${points.length}×${points.length} matrix from ${travel.id}`,
          ...(travel.attribution ? [travel.attribution] : []),
          ...notes,
        ].join('; '),
      },
    };
  } finally {
    if (!given) await travel.close?.();
  }
}
