import type { LonLat } from '@paketbygd/model';

/**
 * Durations and distances between points, row-major: entry (i, j) is at `i * destinationCount + j`.
 * A pair with no road connection is `Infinity` (JSON turns it into null), never a made-up number.
 */
export interface TravelMatrix {
  sourceCount: number;
  destinationCount: number;
  durationsS: Float64Array;
  distancesM: Float64Array;
  /**
   * Metres from each input point to where the backend put it on the network: sources first,
   * then destinations when they were given separately. 0 for straight line.
   */
  snapDistancesM: Float64Array;
  /** Points that were accepted but look doubtful (snapped far, unreachable from most others). */
  warnings: PointWarning[];
}

export interface PointWarning {
  /** Index into the points as given: sources first, then destinations. */
  pointIndex: number;
  message: string;
}

export interface RouteLeg {
  durationS: number;
  distanceM: number;
}

/** A route through the points in order, as a GeoJSON Feature. */
export interface TravelRoute {
  type: 'Feature';
  geometry: { type: 'LineString'; coordinates: LonLat[] };
  properties: {
    durationS: number;
    distanceM: number;
    legs: RouteLeg[];
    snapDistancesM: number[];
    attribution?: string;
  };
}

/** What a backend that holds the roads themselves can draw: a base map and road isochrones. */
export interface RoadLayers {
  /**
   * Main roads (driven at 50 km/h or more) inside `bbox` = [minLon, minLat, maxLon, maxLat], as
   * simplified [lon, lat] polylines.
   */
  mainRoads(bbox: [number, number, number, number]): LonLat[][];
  /**
   * The area from which a point is reached by road within a distance or a driving time (the
   * direction access counts: people drive to the pickup point), as one closed [lon, lat] outline
   * (empty when almost no road leads there). Refuses a point too far from a road.
   */
  reachableArea(target: LonLat, limit: { distanceM: number } | { durationS: number }): LonLat[];
}

export interface TravelCosts {
  /** A short, stable name of the backend and its data, used as part of cache keys. */
  readonly id: string;
  /** Attribution owed for the data behind the numbers, if any. */
  readonly attribution?: string;
  matrix(sources: readonly LonLat[], destinations?: readonly LonLat[]): Promise<TravelMatrix>;
  route(points: readonly LonLat[]): Promise<TravelRoute>;
  close?(): Promise<void>;
  /** Present when the backend holds the road data (roadgraph); OSRM and straight line have none. */
  readonly layers?: RoadLayers;
}

export const OSM_ATTRIBUTION = '© OpenStreetMap contributors (ODbL 1.0)';

export function matrixGet(
  m: Pick<TravelMatrix, 'destinationCount'>,
  values: Float64Array,
  i: number,
  j: number,
): number {
  return values[i * m.destinationCount + j]!;
}

/** Rows of plain numbers, for JSON output; `Infinity` becomes `null` so that nothing invents a value. */
export function matrixRows(m: TravelMatrix, values: Float64Array): (number | null)[][] {
  const rows: (number | null)[][] = [];
  for (let i = 0; i < m.sourceCount; i++) {
    const row: (number | null)[] = [];
    for (let j = 0; j < m.destinationCount; j++) {
      const v = values[i * m.destinationCount + j]!;
      row.push(Number.isFinite(v) ? v : null);
    }
    rows.push(row);
  }
  return rows;
}
