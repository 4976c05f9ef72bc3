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

/** Edge e's shape points as [lon, lat], from its start, or from its end when `reversed`. */
function edgePoints(g: RoadGraph, e: number, reversed: boolean): [number, number][] {
  const points: [number, number][] = [];
  for (let q = g.geomStart[e]!; q < g.geomStart[e + 1]!; q++) {
    const p = g.geomPoint[q]!;
    points.push([g.pointLon[p]!, g.pointLat[p]!]);
  }
  return reversed ? points.reverse() : points;
}

/**
 * The chosen edges joined into as few polylines as the road network allows: a line runs on
 * through every junction where exactly two chosen edges meet, and stops where roads fork or end.
 * Most of a short edge's points are its two ends, so joining halves what a plan stores.
 */
function chains(g: RoadGraph, chosen: readonly number[]): [number, number][][] {
  const incident = new Map<number, number[]>();
  const touch = (j: number, e: number) => incident.set(j, [...(incident.get(j) ?? []), e]);
  for (const e of chosen) {
    touch(g.edgeFrom[e]!, e);
    touch(g.edgeTo[e]!, e);
  }
  const passThrough = (j: number) => incident.get(j)!.length === 2;
  const used = new Set<number>();
  const lines: [number, number][][] = [];
  const walk = (firstEdge: number, fromJunction: number) => {
    const line: [number, number][] = [];
    let e = firstEdge;
    let j = fromJunction;
    while (!used.has(e)) {
      used.add(e);
      const reversed = g.edgeFrom[e] !== j;
      const points = edgePoints(g, e, reversed);
      line.push(...(line.length > 0 ? points.slice(1) : points));
      j = reversed ? g.edgeFrom[e]! : g.edgeTo[e]!;
      if (!passThrough(j)) break;
      const [a, b] = incident.get(j)!;
      e = a === e ? b! : a!;
    }
    lines.push(line);
  };
  // Lines start where roads fork or end; what is left are rings, started anywhere.
  for (const e of chosen) {
    if (used.has(e)) continue;
    if (!passThrough(g.edgeFrom[e]!)) walk(e, g.edgeFrom[e]!);
    else if (!passThrough(g.edgeTo[e]!)) walk(e, g.edgeTo[e]!);
  }
  for (const e of chosen) if (!used.has(e)) walk(e, g.edgeFrom[e]!);
  return lines;
}

/**
 * The graph's main roads as polylines for a base map: edges at or above `minSpeedKmh` (speed as
 * a stand-in for road class, which the graph does not keep), joined where a road runs on, clipped
 * to the box and simplified. Coordinates rounded to about 1 m.
 */
export function mainRoads(g: RoadGraph, options: MainRoadOptions): LonLat[][] {
  const minSpeedKmh = options.minSpeedKmh ?? MAIN_ROAD_MIN_SPEED_KMH;
  const toleranceM = options.toleranceM ?? DEFAULT_TOLERANCE_M;
  const plane = localMetres(g.meta.lonScale);
  const chosen: number[] = [];
  for (let e = 0; e < g.edgeFrom.length; e++) if (edgeSpeedKmh(g, e) >= minSpeedKmh) chosen.push(e);
  const lines: LonLat[][] = [];
  for (const line of chains(g, chosen)) {
    for (const part of clipPolyline(line, options.bbox)) {
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
