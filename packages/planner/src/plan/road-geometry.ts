import type { CarrierRoute, LonLat, PlanMessage, VanRoute } from '@paketbygd/model';
import type { TravelCosts } from '@paketbygd/travel';
import { warn } from './messages';

export interface RoadGeometryStage {
  vanRoutes: VanRoute[];
  carrierRoutes: CarrierRoute[];
  warnings: PlanMessage[];
}

/**
 * Road geometry for drawing, where the travel backend has roads; the same route on every day is
 * fetched once. Without roads (or when the road service fails) the routes keep straight lines
 * between their stops.
 */
export async function withRoadGeometry(
  travel: TravelCosts | undefined,
  vanRoutes: readonly VanRoute[],
  carrierRoutes: readonly CarrierRoute[],
): Promise<RoadGeometryStage> {
  const warnings: PlanMessage[] = [];
  if (!travel) return { vanRoutes: [...vanRoutes], carrierRoutes: [...carrierRoutes], warnings };
  const geometries = new Map<string, LonLat[]>();
  const withRoads = async (coordinates: LonLat[]): Promise<LonLat[]> => {
    const key = JSON.stringify(coordinates);
    let line = geometries.get(key);
    if (!line) {
      try {
        line = (await travel.route(coordinates)).geometry.coordinates;
      } catch (error) {
        warnings.push(warn.routeGeometryFailed((error as Error).message));
        line = coordinates;
      }
      geometries.set(key, line);
    }
    return line;
  };
  const vans: VanRoute[] = [];
  for (const r of vanRoutes)
    vans.push({
      ...r,
      geometry: { type: 'LineString', coordinates: await withRoads(r.stops.map((x) => x.location)) },
    });
  const carriers: CarrierRoute[] = [];
  for (const r of carrierRoutes)
    carriers.push({
      ...r,
      geometry: { type: 'LineString', coordinates: await withRoads(r.stops.map((x) => x.location)) },
    });
  return { vanRoutes: vans, carrierRoutes: carriers, warnings };
}
