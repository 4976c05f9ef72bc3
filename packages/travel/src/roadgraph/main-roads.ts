import type { LonLat } from '@paketbygd/model';
import { clipPolyline } from 'lineclip';
import simplify from 'simplify-js';
import { EDGE_BACKWARD, EDGE_FORWARD, type RoadGraph } from './graph';
import { localMetres, roundLonLat } from './local-metres';

export interface MainRoadOptions {
  /** [minLon, minLat, maxLon, maxLat]: the roads are clipped to it (a kommun's bounding box). */
  bbox: [number, number, number, number];
  /** Roads driven at least this fast count as main roads (the car profile's speed, both ways' best). */
  minSpeedKmh?: number;
  /** Douglas–Peucker tolerance: a drawn line strays at most this far from the road. */
  toleranceM?: number;
}

export const MAIN_ROAD_MIN_SPEED_KMH = 50;
const DEFAULT_TOLERANCE_M = 25;

/** The faster direction's average speed along edge e, in km/h (0 when neither direction is open); the cumulative arrays run from the edge's start in both directions. */
export function edgeSpeedKmh(g: RoadGraph, e: number): number {
  const first = g.geomStart[e]!;
  const last = g.geomStart[e + 1]! - 1;
  const distanceM = g.cumDistM[last]! - g.cumDistM[first]!;
  const flags = g.edgeFlags[e]!;
  const durations: number[] = [];
  if (flags & EDGE_FORWARD) durations.push(g.cumDurForwardS[last]! - g.cumDurForwardS[first]!);
  if (flags & EDGE_BACKWARD) durations.push(g.cumDurBackwardS[last]! - g.cumDurBackwardS[first]!);
  const durationS = Math.min(...durations);
  return durations.length > 0 && durationS > 0 ? (distanceM / durationS) * 3.6 : 0;
}

/**
 * The graph's main roads as polylines for a base map: edges at or above `minSpeedKmh` (speed as
 * a stand-in for road class, which the graph does not keep), clipped to the box and simplified.
 * One polyline per piece of an edge inside the box; coordinates rounded to about 1 m.
 */
export function mainRoads(g: RoadGraph, options: MainRoadOptions): LonLat[][] {
  const minSpeedKmh = options.minSpeedKmh ?? MAIN_ROAD_MIN_SPEED_KMH;
  const toleranceM = options.toleranceM ?? DEFAULT_TOLERANCE_M;
  const plane = localMetres(g.meta.lonScale);
  const lines: LonLat[][] = [];
  const edgeCount = g.edgeFrom.length;
  for (let e = 0; e < edgeCount; e++) {
    if (edgeSpeedKmh(g, e) < minSpeedKmh) continue;
    const points: [number, number][] = [];
    for (let q = g.geomStart[e]!; q < g.geomStart[e + 1]!; q++) {
      const p = g.geomPoint[q]!;
      points.push([g.pointLon[p]!, g.pointLat[p]!]);
    }
    for (const part of clipPolyline(points, options.bbox)) {
      const simplified = simplify(
        part.map((p) => {
          const [x, y] = plane.toXY(p);
          return { x, y };
        }),
        toleranceM,
        true,
      );
      if (simplified.length >= 2) lines.push(simplified.map((p) => roundLonLat(plane.toLonLat([p.x, p.y]))));
    }
  }
  return lines;
}
