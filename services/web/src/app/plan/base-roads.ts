/** A main road as a polyline of `[lon, lat]` points. */
export type RoadLine = [number, number][];

const isLonLat = (p: unknown): p is [number, number] =>
  Array.isArray(p) && p.length >= 2 && Number.isFinite(p[0]) && Number.isFinite(p[1]);

/**
 * The main roads a plan may carry (`plan.baseRoads`, when the planner read an OSM extract):
 * optional, so a plan without them, or with anything else under that name, draws no roads.
 */
export function baseRoadsOf(plan: unknown): RoadLine[] {
  const roads = (plan as { baseRoads?: unknown } | undefined)?.baseRoads;
  if (!Array.isArray(roads)) return [];
  return roads
    .map((r) => (r as { coordinates?: unknown } | undefined)?.coordinates)
    .filter((c): c is unknown[] => Array.isArray(c))
    .map((c) => c.filter(isLonLat))
    .filter((c) => c.length >= 2);
}
