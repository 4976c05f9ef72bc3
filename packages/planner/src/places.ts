import type { LonLat, Scenario } from '@paketbygd/model';

/**
 * Every position the planner needs, once, so that a single travel matrix serves all steps:
 * demand, existing pickup points, candidate sites, hubs, then route stops given by position.
 * Route stops given by `at` reuse the index of the place they name.
 */
export interface PlaceIndex {
  points: LonLat[];
  demand: number[];
  pickupPoints: number[];
  sites: number[];
  hubs: number[];
  /** For each transport route, the point index of each of its stops. */
  routeStops: number[][];
  byId: Map<string, number>;
}

export function indexPlaces(scenario: Scenario): PlaceIndex {
  const points: LonLat[] = [];
  const byId = new Map<string, number>();
  const add = (id: string | undefined, location: LonLat): number => {
    points.push(location);
    if (id !== undefined) byId.set(id, points.length - 1);
    return points.length - 1;
  };
  const demand = scenario.demand.map((d) => add(d.id, d.location));
  const pickupPoints = scenario.pickupPoints.map((p) => add(p.id, p.location));
  const sites = scenario.candidateSites.map((s) => add(s.id, s.location));
  const hubs = scenario.hubs.map((h) => add(h.id, h.location));
  const routeStops = scenario.transportRoutes.map((route) =>
    route.stops.map((stop) => {
      if (stop.at !== undefined) {
        const index = byId.get(stop.at);
        if (index === undefined) throw new Error(`route "${route.id}" stops at unknown place "${stop.at}"`);
        return index;
      }
      return add(undefined, stop.location!);
    }),
  );
  return { points, demand, pickupPoints, sites, hubs, routeStops, byId };
}
