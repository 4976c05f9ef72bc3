import * as codec from '@googlemaps/polyline-codec';
import type { LonLat, RoutingSolution } from '@paketbygd/model';
import type { TravelCosts } from '@paketbygd/travel';

// Node loads the package's UMD build (a default export only); Vite and bundlers its ES module.
const { encode } = (codec as { default?: typeof codec }).default ?? codec;

/** Precision of VROOM's and OSRM's encoded polylines (Google's format, 5 decimals). */
export const POLYLINE_PRECISION = 5;

/** [lon, lat] points as an encoded polyline (the format is [lat, lon]). */
export function encodeLonLat(coordinates: readonly LonLat[]): string {
  return encode(
    coordinates.map(([lon, lat]) => [lat, lon]),
    POLYLINE_PRECISION,
  );
}

/**
 * Each route's `geometry` as VROOM gives it with `-g`: the road path through its steps as an
 * encoded polyline, from the travel backend's own route (OSRM's route with OSRM, the embedded road
 * graph's path with `roadgraph`, straight lines with `straightline`). A route with a step that has
 * no `location` (a request with matrices and indices only) has no geometry: there is nothing to draw.
 */
export async function withRouteGeometry(
  solution: RoutingSolution,
  travel: TravelCosts,
): Promise<RoutingSolution> {
  const routes = [];
  for (const route of solution.routes) {
    const points = route.steps.map((s) => s.location);
    if (points.length < 2 || points.some((p) => p === undefined)) {
      routes.push(route);
      continue;
    }
    const road = await travel.route(points as LonLat[]);
    routes.push({ ...route, geometry: encodeLonLat(road.geometry.coordinates) });
  }
  return { ...solution, routes };
}
