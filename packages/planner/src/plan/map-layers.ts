import type { AccessArea, BaseRoad, LonLat, Scenario } from '@paketbygd/model';
import type { RoadLayers, TravelCosts } from '@paketbygd/travel';

export interface MapLayersStage {
  baseRoads?: BaseRoad[];
  accessAreas?: AccessArea[];
}

/** [minLon, minLat, maxLon, maxLat] of the scenario's area (the kommun's boundary). */
function areaBbox(scenario: Scenario): [number, number, number, number] {
  const area = scenario.area;
  const rings = area.type === 'Polygon' ? area.coordinates : area.coordinates.flat();
  const points = rings.flat();
  return [
    Math.min(...points.map((p) => p[0])),
    Math.min(...points.map((p) => p[1])),
    Math.max(...points.map((p) => p[0])),
    Math.max(...points.map((p) => p[1])),
  ];
}

/** The access limit as the road search counts it: metres, or the minutes as seconds. */
function accessLimit(scenario: Scenario): { distanceM: number } | { durationS: number } {
  const { maxAccessDistanceM, maxAccessDurationMin } = scenario.policy;
  return maxAccessDistanceM !== undefined
    ? { distanceM: maxAccessDistanceM }
    : { durationS: (maxAccessDurationMin ?? 0) * 60 };
}

/** One point's road isochrone; none when the backend cannot place it (the matrix has warned already). */
function areaOf(
  layers: RoadLayers,
  point: { id: string; location: LonLat },
  kind: AccessArea['kind'],
  limit: ReturnType<typeof accessLimit>,
): AccessArea[] {
  let outline: LonLat[];
  try {
    outline = layers.reachableArea(point.location, limit);
  } catch {
    return [];
  }
  if (outline.length < 4) return [];
  const limitField = 'distanceM' in limit ? { limitM: limit.distanceM } : { limitS: limit.durationS };
  return [{ pointId: point.id, kind, ...limitField, outline }];
}

/**
 * What a map of the plan draws from the road data itself, when the travel backend holds it (the
 * road graph): the main roads in the area's bounding box, and the area reachable within the
 * access limit by road around each of today's pickup points and each new box. Backends without
 * road data (OSRM, straight line) give neither; the report then draws rings.
 */
export function mapLayers(
  scenario: Scenario,
  travel: TravelCosts,
  boxSites: readonly { id: string; location: LonLat }[],
): MapLayersStage {
  const layers = travel.layers;
  if (!layers) return {};
  const limit = accessLimit(scenario);
  return {
    baseRoads: layers.mainRoads(areaBbox(scenario)).map((coordinates) => ({ coordinates })),
    accessAreas: [
      ...scenario.pickupPoints.flatMap((p) => areaOf(layers, p, 'pickup', limit)),
      ...boxSites.flatMap((s) => areaOf(layers, s, 'box', limit)),
    ],
  };
}
