import type { LonLat } from '@paketbygd/model';
import concaveman from 'concaveman';
import simplify from 'simplify-js';
import { EDGE_BACKWARD, EDGE_FORWARD, type RoadGraph } from './graph';
import { localMetres, roundLonLat } from './local-metres';
import { at, type Search } from './search';
import type { Snap } from './snap';

/** concaveman's relative concavity: 1 hugs the roads closely, larger values round the area off. */
const CONCAVITY = 2;
/** Hull edges shorter than this are not refined further (keeps the outline from tracing every bend). */
const HULL_LENGTH_THRESHOLD_M = 150;
const OUTLINE_TOLERANCE_M = 25;

/** An access limit by road: a distance or a driving time (the scenario gives one of them). */
export type ReachLimit = { distanceM: number } | { durationS: number };

/** The cumulative costs along edges (forward and backward walks) and at junctions that the limit counts. */
function costsOf(g: RoadGraph, search: Search, limit: ReachLimit) {
  return 'distanceM' in limit
    ? { forward: g.cumDistM, backward: g.cumDistM, junction: search.distanceM, max: limit.distanceM }
    : {
        forward: g.cumDurForwardS,
        backward: g.cumDurBackwardS,
        junction: search.durationS,
        max: limit.durationS,
      };
}

/**
 * Road positions within the limit from the source along the roads: shape points of every edge
 * walked from each end reached in time, and the point where the limit runs out on that edge.
 * Costs are those of the search's chosen (quickest) paths, as in the matrix.
 */
function reachedPoints(g: RoadGraph, search: Search, source: Snap, limit: ReachLimit): LonLat[] {
  const cost = costsOf(g, search, limit);
  const points: LonLat[] = [source.location];
  const lonLat = (q: number): LonLat => {
    const p = g.geomPoint[q]!;
    return [g.pointLon[p]!, g.pointLat[p]!];
  };
  const between = (q0: number, q1: number, share: number): LonLat => {
    const a = lonLat(q0);
    const b = lonLat(q1);
    return [a[0] + share * (b[0] - a[0]), a[1] + share * (b[1] - a[1])];
  };
  // Walks from geometry entry `start` towards `end` with `startCost` already used.
  const walk = (start: number, end: number, step: 1 | -1, startCost: number) => {
    if (startCost > cost.max) return;
    const along = step === 1 ? cost.forward : cost.backward;
    let used = startCost;
    for (let q = start; ; q += step) {
      points.push(lonLat(q));
      if (q === end) break;
      const segment = Math.abs(along[q + step]! - along[q]!);
      if (used + segment > cost.max) {
        if (segment > 0) points.push(between(q, q + step, (cost.max - used) / segment));
        break;
      }
      used += segment;
    }
  };
  const reached = (j: number) => (search.weight[j]! < Infinity ? cost.junction[j]! : Infinity);
  const edgeCount = g.edgeFrom.length;
  for (let e = 0; e < edgeCount; e++) {
    const first = g.geomStart[e]!;
    const last = g.geomStart[e + 1]! - 1;
    const flags = g.edgeFlags[e]!;
    if (flags & EDGE_FORWARD) walk(first, last, 1, reached(g.edgeFrom[e]!));
    if (flags & EDGE_BACKWARD) walk(last, first, -1, reached(g.edgeTo[e]!));
  }
  // The source's own edge, from the snapped point towards each end it may drive to.
  const flags = g.edgeFlags[source.edge]!;
  const next = source.geom + 1;
  if (flags & EDGE_FORWARD)
    walk(next, g.geomStart[source.edge + 1]! - 1, 1, cost.forward[next]! - at(cost.forward, source));
  if (flags & EDGE_BACKWARD)
    walk(
      source.geom,
      g.geomStart[source.edge]!,
      -1,
      Math.abs(at(cost.backward, source) - cost.backward[source.geom]!),
    );
  return points;
}

/**
 * The area reachable by road within the limit from a snapped point (on the reversed graph: the
 * area from which the point is reached), as one closed outline
 * [lon, lat][]: a concave hull (concaveman) of the road positions reached, simplified. Empty when
 * fewer than three distinct positions are reached. Places between reached roads lie inside it,
 * as an isochrone drawn on a map shows them.
 */
export function reachableArea(g: RoadGraph, search: Search, source: Snap, limit: ReachLimit): LonLat[] {
  search.run(source);
  const plane = localMetres(g.meta.lonScale);
  const xy = reachedPoints(g, search, source, limit).map((p) => plane.toXY(p));
  const distinct = new Set(xy.map(([x, y]) => `${Math.round(x)},${Math.round(y)}`));
  if (distinct.size < 3) return [];
  const hull = concaveman(xy, CONCAVITY, HULL_LENGTH_THRESHOLD_M);
  const outline = simplify(
    hull.map(([x, y]) => ({ x: x!, y: y! })),
    OUTLINE_TOLERANCE_M,
    true,
  );
  return outline.map((p) => roundLonLat(plane.toLonLat([p.x, p.y])));
}
