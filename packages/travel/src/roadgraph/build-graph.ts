import Flatbush from 'flatbush';
import { haversineM } from '@paketbygd/model';
import {
  NODE_BLOCKED,
  NODE_SIGNALS,
  PROFILE_VERSION,
  RESTRICTED_PENALTY,
  SIGNAL_PENALTY_S,
  carNodeFlags,
  carWay,
} from './car-profile';
import { EDGE_BACKWARD, EDGE_FORWARD, EDGE_MAIN_COMPONENT, EDGE_RESTRICTED, type RoadGraph } from './graph';
import { stronglyConnected } from './components';
import { Grow } from './grow';
import type { OsmSink } from './osm-sink';

/**
 * Strongly connected components with fewer junctions than this are islands (a car park mapped
 * alone, a one-way trap) that points snap past. OSRM's limit is 1000 edge-based nodes; its
 * Liechtenstein graph has about 2.4 of those per junction of ours, hence 500.
 */
const MAIN_COMPONENT_MIN_JUNCTIONS = 500;

/** Collects what the car graph needs while an OSM reader streams the file. */
export class CarGraphCollector implements OsmSink {
  readonly nodeIds = new Grow(Float64Array, 1 << 16);
  readonly nodeLon = new Grow(Float64Array, 1 << 16);
  readonly nodeLat = new Grow(Float64Array, 1 << 16);
  readonly nodeFlags = new Grow(Uint8Array, 1 << 16);
  readonly wayRefs = new Grow(Float64Array, 1 << 16);
  readonly wayStart = new Grow(Int32Array);
  readonly forwardKmh = new Grow(Float32Array);
  readonly backwardKmh = new Grow(Float32Array);
  readonly forwardPenalty = new Grow(Float32Array);
  readonly backwardPenalty = new Grow(Float32Array);
  readonly restricted = new Grow(Uint8Array);
  nodesSorted = true;
  osmWays = 0;
  ferries = 0;
  private lastId = -Infinity;

  node(id: number, lon: number, lat: number, tags: Record<string, string> | undefined): void {
    if (id < this.lastId) this.nodesSorted = false;
    this.lastId = id;
    this.nodeIds.push(id);
    this.nodeLon.push(lon);
    this.nodeLat.push(lat);
    this.nodeFlags.push(tags ? carNodeFlags(tags) : 0);
  }

  way(_id: number, refs: number[], tags: Record<string, string>): void {
    this.osmWays++;
    if (refs.length < 2) return;
    const verdict = carWay(tags);
    if (verdict === 'ferry') this.ferries++;
    if (verdict === null || verdict === 'ferry') return;
    this.wayStart.push(this.wayRefs.length);
    for (const r of refs) this.wayRefs.push(r);
    this.forwardKmh.push(verdict.forwardKmh);
    this.backwardKmh.push(verdict.backwardKmh);
    this.forwardPenalty.push(verdict.forwardPenalty);
    this.backwardPenalty.push(verdict.backwardPenalty);
    this.restricted.push(verdict.restricted ? 1 : 0);
  }
}

function lowerBound(ids: Float64Array, id: number): number {
  let lo = 0;
  let hi = ids.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ids[mid]! < id) lo = mid + 1;
    else hi = mid;
  }
  return lo < ids.length && ids[lo] === id ? lo : -1;
}

/** Turns collected OSM data into the compressed, directed car graph. */
export function buildCarGraph(c: CarGraphCollector, source: string): RoadGraph {
  let ids = c.nodeIds.done();
  let lon = c.nodeLon.done();
  let lat = c.nodeLat.done();
  let nodeFlags = c.nodeFlags.done();
  if (!c.nodesSorted) {
    const order = Array.from(ids.keys()).sort((a, b) => ids[a]! - ids[b]!);
    const pick = <T extends Float64Array | Uint8Array>(a: T) => {
      const out = new (a.constructor as { new (n: number): T })(a.length);
      order.forEach((from, to) => (out[to] = a[from]!));
      return out;
    };
    [ids, lon, lat, nodeFlags] = [pick(ids), pick(lon), pick(lat), pick(nodeFlags)];
  }

  // Segments between consecutive way nodes, costed per direction (Infinity = not allowed).
  const wayStart = c.wayStart.done();
  const refs = c.wayRefs.done();
  const segA = new Grow(Int32Array, 1 << 16);
  const segB = new Grow(Int32Array, 1 << 16);
  const segDist = new Grow(Float64Array, 1 << 16);
  const segWay = new Grow(Int32Array, 1 << 16);
  let missingNodeRefs = 0;
  let blockedBarriers = 0;
  const wayCount = wayStart.length;
  for (let w = 0; w < wayCount; w++) {
    const end = w + 1 < wayCount ? wayStart[w + 1]! : refs.length;
    let prev = -1;
    for (let k = wayStart[w]!; k < end; k++) {
      const node = lowerBound(ids, refs[k]!);
      if (node < 0) missingNodeRefs++;
      else if (nodeFlags[node]! & NODE_BLOCKED) blockedBarriers++;
      const usable = node >= 0 && !(nodeFlags[node]! & NODE_BLOCKED);
      if (usable && prev >= 0 && prev !== node) {
        segA.push(prev);
        segB.push(node);
        segDist.push(haversineM([lon[prev]!, lat[prev]!], [lon[node]!, lat[node]!]));
        segWay.push(w);
      }
      prev = usable ? node : -1;
    }
  }
  const S = segA.length;
  const fKmh = c.forwardKmh.done();
  const bKmh = c.backwardKmh.done();
  const fPen = c.forwardPenalty.done();
  const bPen = c.backwardPenalty.done();
  const wayRestricted = c.restricted.done();

  // Compact numbering of the OSM nodes that carry car roads.
  const pointOf = new Int32Array(ids.length).fill(-1);
  const pLon = new Grow(Float64Array, 1 << 14);
  const pLat = new Grow(Float64Array, 1 << 14);
  const pFlags = new Grow(Uint8Array, 1 << 14);
  const a = segA.data;
  const b = segB.data;
  for (let s = 0; s < S; s++) {
    for (const n of [a[s]!, b[s]!]) {
      if (pointOf[n] === -1) {
        pointOf[n] = pLon.length;
        pLon.push(lon[n]!);
        pLat.push(lat[n]!);
        pFlags.push(nodeFlags[n]!);
      }
    }
    a[s] = pointOf[a[s]!]!;
    b[s] = pointOf[b[s]!]!;
  }
  const P = pLon.length;
  const pointFlags = pFlags.done();

  // Segment incidence per point.
  const degree = new Int32Array(P + 1);
  for (let s = 0; s < S; s++) {
    degree[a[s]!]!++;
    degree[b[s]!]!++;
  }
  const incStart = new Int32Array(P + 1);
  for (let p = 0; p < P; p++) incStart[p + 1] = incStart[p]! + degree[p]!;
  const incSeg = new Int32Array(2 * S);
  const fill = incStart.slice(0, P);
  for (let s = 0; s < S; s++) {
    incSeg[fill[a[s]!]!++] = s;
    incSeg[fill[b[s]!]!++] = s;
  }

  const allowed = (s: number, from: number): boolean => {
    const w = segWay.data[s]!;
    return (a[s] === from ? fKmh[w]! : bKmh[w]!) > 0;
  };
  const other = (s: number, p: number): number => (a[s] === p ? b[s]! : a[s]!);

  const isJunction = new Uint8Array(P);
  for (let p = 0; p < P; p++) {
    if (incStart[p + 1]! - incStart[p]! !== 2) {
      isJunction[p] = 1;
      continue;
    }
    const s1 = incSeg[incStart[p]!]!;
    const s2 = incSeg[incStart[p]! + 1]!;
    const u = other(s1, p);
    const w = other(s2, p);
    const same =
      allowed(s1, u) === allowed(s2, p) &&
      allowed(s1, p) === allowed(s2, w) &&
      wayRestricted[segWay.data[s1]!] === wayRestricted[segWay.data[s2]!];
    if (!same) isJunction[p] = 1;
  }

  // Walk chains of segments from junction to junction.
  const junctionOf = new Int32Array(P).fill(-1);
  const junctionPoint = new Grow(Int32Array, 1 << 12);
  const junction = (p: number) => {
    if (junctionOf[p] === -1) {
      junctionOf[p] = junctionPoint.length;
      junctionPoint.push(p);
    }
    return junctionOf[p]!;
  };
  const edgeFrom = new Grow(Int32Array, 1 << 12);
  const edgeTo = new Grow(Int32Array, 1 << 12);
  const edgeFlags = new Grow(Uint8Array, 1 << 12);
  const geomStart = new Grow(Int32Array, 1 << 12);
  const geomPoint = new Grow(Int32Array, 1 << 14);
  const cumDist = new Grow(Float64Array, 1 << 14);
  const cumDurF = new Grow(Float64Array, 1 << 14);
  const cumDurB = new Grow(Float64Array, 1 << 14);
  const cumWF = new Grow(Float64Array, 1 << 14);
  const cumWB = new Grow(Float64Array, 1 << 14);
  const used = new Uint8Array(S);

  const walk = (start: number, first: number) => {
    const from = junction(start);
    geomStart.push(geomPoint.length);
    geomPoint.push(start);
    let dist = 0;
    let durF = 0;
    let durB = 0;
    let wF = 0;
    let wB = 0;
    cumDist.push(0);
    cumDurF.push(0);
    cumDurB.push(0);
    cumWF.push(0);
    cumWB.push(0);
    const forwardOk = allowed(first, start);
    const backwardOk = allowed(first, other(first, start));
    const restricted = wayRestricted[segWay.data[first]!] === 1;
    let cur = start;
    let seg = first;
    for (;;) {
      used[seg] = 1;
      const next = other(seg, cur);
      const way = segWay.data[seg]!;
      const along = a[seg] === cur;
      const kmhF = along ? fKmh[way]! : bKmh[way]!;
      const kmhB = along ? bKmh[way]! : fKmh[way]!;
      const penF = along ? fPen[way]! : bPen[way]!;
      const penB = along ? bPen[way]! : fPen[way]!;
      const d = segDist.data[seg]!;
      const signal = cur !== start && pointFlags[cur]! & NODE_SIGNALS ? SIGNAL_PENALTY_S : 0;
      dist += d;
      // Durations are kept even for a forbidden direction (the chain's flags forbid it as a whole).
      durF += kmhF > 0 ? d / (kmhF / 3.6) + signal : 0;
      durB += kmhB > 0 ? d / (kmhB / 3.6) + signal : 0;
      wF += kmhF > 0 ? d / ((kmhF * penF) / 3.6) + signal : 0;
      wB += kmhB > 0 ? d / ((kmhB * penB) / 3.6) + signal : 0;
      geomPoint.push(next);
      cumDist.push(dist);
      cumDurF.push(durF);
      cumDurB.push(durB);
      cumWF.push(wF);
      cumWB.push(wB);
      if (isJunction[next]) {
        edgeFrom.push(from);
        edgeTo.push(junction(next));
        edgeFlags.push(
          (forwardOk ? EDGE_FORWARD : 0) |
            (backwardOk ? EDGE_BACKWARD : 0) |
            (restricted ? EDGE_RESTRICTED : 0),
        );
        return;
      }
      const i0 = incSeg[incStart[next]!]!;
      seg = i0 === seg ? incSeg[incStart[next]! + 1]! : i0;
      cur = next;
    }
  };
  for (let p = 0; p < P; p++) {
    if (!isJunction[p]) continue;
    for (let i = incStart[p]!; i < incStart[p + 1]!; i++) if (!used[incSeg[i]!]) walk(p, incSeg[i]!);
  }
  for (let s = 0; s < S; s++) {
    // A ring with no junction on it (a closed service road): cut it at its first point.
    if (!used[s]) {
      isJunction[a[s]!] = 1;
      walk(a[s]!, s);
    }
  }
  geomStart.push(geomPoint.length);

  const E = edgeFrom.length;
  const J = junctionPoint.length;
  const from = edgeFrom.done();
  const to = edgeTo.done();
  const flags = edgeFlags.done();
  const gStart = geomStart.done();
  const wF = cumWF.done();
  const wB = cumWB.done();
  const dF = cumDurF.done();
  const dB = cumDurB.done();
  const dist = cumDist.done();

  // Directed arcs in CSR order.
  const outDegree = new Int32Array(J + 1);
  for (let e = 0; e < E; e++) {
    if (from[e] === to[e]) continue;
    if (flags[e]! & EDGE_FORWARD) outDegree[from[e]!]!++;
    if (flags[e]! & EDGE_BACKWARD) outDegree[to[e]!]!++;
  }
  const firstArc = new Int32Array(J + 1);
  for (let j = 0; j < J; j++) firstArc[j + 1] = firstArc[j]! + outDegree[j]!;
  const A = firstArc[J]!;
  const arcHead = new Int32Array(A);
  const arcEdge = new Int32Array(A);
  const arcWeight = new Float64Array(A);
  const arcDurS = new Float64Array(A);
  const arcDistM = new Float64Array(A);
  const next = firstArc.slice(0, J);
  const jPoint = junctionPoint.done();
  const addArc = (tail: number, head: number, e: number, backwards: boolean) => {
    const last = gStart[e + 1]! - 1;
    const k = next[tail]!++;
    const signal = pointFlags[jPoint[head]!]! & NODE_SIGNALS ? SIGNAL_PENALTY_S : 0;
    arcHead[k] = head;
    arcEdge[k] = e * 2 + (backwards ? 1 : 0);
    arcWeight[k] =
      (backwards ? wB[last]! : wF[last]!) + signal + (flags[e]! & EDGE_RESTRICTED ? RESTRICTED_PENALTY : 0);
    arcDurS[k] = (backwards ? dB[last]! : dF[last]!) + signal;
    arcDistM[k] = dist[last]!;
  };
  for (let e = 0; e < E; e++) {
    if (from[e] === to[e]) continue;
    if (flags[e]! & EDGE_FORWARD) addArc(from[e]!, to[e]!, e, false);
    if (flags[e]! & EDGE_BACKWARD) addArc(to[e]!, from[e]!, e, true);
  }

  // Main network: edges inside a strongly connected component of at least MAIN_COMPONENT_MIN_JUNCTIONS
  // junctions (or the largest, on a small map).
  const scc = stronglyConnected(firstArc, arcHead);
  let largest = 0;
  for (const size of scc.size) largest = Math.max(largest, size);
  const mainMin = Math.min(MAIN_COMPONENT_MIN_JUNCTIONS, largest);
  let mainComponentEdges = 0;
  for (let e = 0; e < E; e++) {
    const c = scc.component[from[e]!]!;
    if (c === scc.component[to[e]!] && scc.size[c]! >= mainMin) {
      flags[e]! |= EDGE_MAIN_COMPONENT;
      mainComponentEdges++;
    }
  }

  // Spatial index over geometry segments.
  const pointLon = pLon.done();
  const pointLat = pLat.done();
  let minLon = Infinity;
  let minLat = Infinity;
  let maxLon = -Infinity;
  let maxLat = -Infinity;
  for (let p = 0; p < P; p++) {
    minLon = Math.min(minLon, pointLon[p]!);
    maxLon = Math.max(maxLon, pointLon[p]!);
    minLat = Math.min(minLat, pointLat[p]!);
    maxLat = Math.max(maxLat, pointLat[p]!);
  }
  const lonScale = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  const gPoint = geomPoint.done();
  const segCount = gPoint.length - E;
  const segGeom = new Int32Array(segCount);
  const segEdge = new Int32Array(segCount);
  const index = new Flatbush(Math.max(1, segCount));
  let k = 0;
  for (let e = 0; e < E; e++) {
    for (let g = gStart[e]!; g < gStart[e + 1]! - 1; g++) {
      const p = gPoint[g]!;
      const q = gPoint[g + 1]!;
      const x0 = pointLon[p]! * lonScale;
      const x1 = pointLon[q]! * lonScale;
      index.add(
        Math.min(x0, x1),
        Math.min(pointLat[p]!, pointLat[q]!),
        Math.max(x0, x1),
        Math.max(pointLat[p]!, pointLat[q]!),
      );
      segGeom[k] = g;
      segEdge[k] = e;
      k++;
    }
  }
  if (segCount === 0) index.add(0, 0, 0, 0);
  index.finish();

  return {
    pointLon,
    pointLat,
    junctionPoint: jPoint,
    edgeFrom: from,
    edgeTo: to,
    edgeFlags: flags,
    geomStart: gStart,
    geomPoint: gPoint,
    cumDistM: dist,
    cumDurForwardS: dF,
    cumDurBackwardS: dB,
    cumWeightForward: wF,
    cumWeightBackward: wB,
    firstArc,
    arcHead,
    arcEdge,
    arcWeight,
    arcDurS,
    arcDistM,
    spatialIndex: index.data as ArrayBuffer,
    segGeom,
    segEdge,
    meta: {
      profile: PROFILE_VERSION,
      source,
      lonScale,
      bbox: [minLon, minLat, maxLon, maxLat],
      stats: {
        osmNodes: ids.length,
        osmWays: c.osmWays,
        carWays: wayCount,
        ferriesLeftOut: c.ferries,
        blockedBarriers,
        missingNodeRefs,
        points: P,
        junctions: J,
        edges: E,
        arcs: A,
        mainComponentEdges,
      },
    },
  };
}
