import { haversineM, ROAD_DETOUR_FACTOR, type RoutingProblemInput } from '@paketbygd/model';

type Lonlat = number[];
interface Located {
  location?: Lonlat;
  [key: string]: unknown;
}
interface DocRequest {
  vehicles: { start?: Lonlat; end?: Lonlat; [key: string]: unknown }[];
  jobs?: Located[];
  shipments?: { pickup: Located; delivery: Located; [key: string]: unknown }[];
  [key: string]: unknown;
}
interface DocStep {
  type: string;
  location?: Lonlat;
  duration: number;
  distance?: number;
}
interface DocAnswer {
  routes: { steps: DocStep[] }[];
}

/**
 * VROOM's examples give locations and were answered with OSRM's travel times, which this test
 * cannot ask for. So the request gets `matrices` instead: the legs of the documented answer carry
 * OSRM's own durations and distances (read from its cumulated `duration` and `distance`), every
 * other pair a straight-line estimate (× the road detour factor, 60 km/h). Under this matrix the
 * documented routes cost exactly what VROOM reports, so "the same routes or a better cost" is a
 * fair comparison.
 */
export function withDocumentedMatrix(request: DocRequest, answer: DocAnswer): RoutingProblemInput {
  const places: Lonlat[] = [];
  const indexOf = (p: Lonlat) => {
    let i = places.findIndex((q) => q[0] === p[0] && q[1] === p[1]);
    if (i < 0) i = places.push(p) - 1;
    return i;
  };
  const located = (t: Located) => ({ ...t, location_index: indexOf(t.location!) });
  const vehicles = request.vehicles.map((v) => ({
    ...v,
    ...(v.start ? { start_index: indexOf(v.start) } : {}),
    ...(v.end ? { end_index: indexOf(v.end) } : {}),
  }));
  const jobs = (request.jobs ?? []).map(located);
  const shipments = (request.shipments ?? []).map((s) => ({
    ...s,
    pickup: located(s.pickup),
    delivery: located(s.delivery),
  }));
  const n = places.length;
  const estimate = (a: number, b: number) =>
    haversineM(places[a] as [number, number], places[b] as [number, number]) * ROAD_DETOUR_FACTOR;
  const distances = places.map((_, a) => places.map((_, b) => Math.round(estimate(a, b))));
  const durations = distances.map((row) => row.map((m) => Math.round(m / (60 / 3.6))));
  for (const route of answer.routes) {
    const located = route.steps.filter((s) => s.location);
    for (let k = 1; k < located.length; k++) {
      const a = indexOf(located[k - 1]!.location!);
      const b = indexOf(located[k]!.location!);
      durations[a]![b] = located[k]!.duration - located[k - 1]!.duration;
      distances[a]![b] = (located[k]!.distance ?? 0) - (located[k - 1]!.distance ?? 0);
    }
  }
  if (places.length !== n) throw new Error('a documented step is at a place the request does not have');
  return {
    ...request,
    vehicles,
    jobs,
    shipments,
    matrices: { car: { durations, distances } },
  } as unknown as RoutingProblemInput;
}
