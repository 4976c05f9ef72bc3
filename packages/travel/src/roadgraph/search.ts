import { EDGE_BACKWARD, EDGE_FORWARD, type RoadGraph } from './graph';
import type { Snap } from './snap';

/** Costs from a snapped point to each end of its edge, and along it to another snapped point. */
export function at(values: Float64Array, s: Snap): number {
  const v0 = values[s.geom]!;
  return v0 + s.fraction * (values[s.geom + 1]! - v0);
}

export interface Reached {
  weight: number;
  durationS: number;
  distanceM: number;
  /** How the best path ends: through the edge's start (forward), its end (backward) or along one edge. */
  via: 'start' | 'end' | 'direct' | 'none';
}

/**
 * One-to-many Dijkstra over junctions on routability weight, carrying duration and distance of
 * the chosen path. Reused across sources: its arrays are allocated once per graph.
 */
export class Search {
  readonly weight: Float64Array;
  readonly durationS: Float64Array;
  readonly distanceM: Float64Array;
  readonly parentArc: Int32Array;
  private readonly target: Uint32Array;
  private stamp = 0;

  constructor(private readonly g: RoadGraph) {
    const J = g.junctionPoint.length;
    this.weight = new Float64Array(J);
    this.durationS = new Float64Array(J);
    this.distanceM = new Float64Array(J);
    this.parentArc = new Int32Array(J);
    this.target = new Uint32Array(J);
    this.heapNode = new Int32Array(J);
    this.heapKey = new Float64Array(J);
    this.heapPos = new Int32Array(J).fill(-1);
  }

  /** Junction-level search from a snapped source; stops once every junction in `targets` is settled. */
  run(source: Snap, targets?: Iterable<number>): void {
    const g = this.g;
    this.weight.fill(Infinity);
    this.parentArc.fill(-1);
    const stamp = ++this.stamp;
    let remaining = Infinity;
    if (targets) {
      remaining = 0;
      for (const t of targets) {
        if (this.target[t] !== stamp) {
          this.target[t] = stamp;
          remaining++;
        }
      }
    }
    this.heapSize = 0;
    this.heapPos.fill(-1);
    const e = source.edge;
    const last = g.geomStart[e + 1]! - 1;
    const flags = g.edgeFlags[e]!;
    if (flags & EDGE_FORWARD) {
      const w = g.cumWeightForward[last]! - at(g.cumWeightForward, source);
      this.seed(
        g.edgeTo[e]!,
        w,
        g.cumDurForwardS[last]! - at(g.cumDurForwardS, source),
        g.cumDistM[last]! - at(g.cumDistM, source),
      );
    }
    if (flags & EDGE_BACKWARD) {
      this.seed(
        g.edgeFrom[e]!,
        at(g.cumWeightBackward, source),
        at(g.cumDurBackwardS, source),
        at(g.cumDistM, source),
      );
    }
    const weight = this.weight;
    const dur = this.durationS;
    const dist = this.distanceM;
    const target = this.target;
    const firstArc = g.firstArc;
    const arcHead = g.arcHead;
    const arcWeight = g.arcWeight;
    const arcDur = g.arcDurS;
    const arcDist = g.arcDistM;
    const parent = this.parentArc;
    while (this.heapSize > 0) {
      const u = this.popMin();
      if (target[u] === stamp && --remaining === 0) break;
      const wu = weight[u]!;
      for (let k = firstArc[u]!, end = firstArc[u + 1]!; k < end; k++) {
        const v = arcHead[k]!;
        const w = wu + arcWeight[k]!;
        if (w < weight[v]!) {
          weight[v] = w;
          dur[v] = dur[u]! + arcDur[k]!;
          dist[v] = dist[u]! + arcDist[k]!;
          parent[v] = k;
          this.pushOrDecrease(v, w);
        }
      }
    }
  }

  // An indexed binary heap with decrease-key: at most one entry per junction, so no stale pops.
  private heapSize = 0;
  private readonly heapNode: Int32Array;
  private readonly heapKey: Float64Array;
  /** Position of a junction in the heap; -1 when absent (never pushed this run, or settled). */
  private readonly heapPos: Int32Array;

  private pushOrDecrease(v: number, key: number): void {
    let i = this.heapPos[v]!;
    if (i < 0) {
      i = this.heapSize++;
    }
    const node = this.heapNode;
    const keys = this.heapKey;
    const pos = this.heapPos;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (keys[p]! <= key) break;
      node[i] = node[p]!;
      keys[i] = keys[p]!;
      pos[node[i]!] = i;
      i = p;
    }
    node[i] = v;
    keys[i] = key;
    pos[v] = i;
  }

  private popMin(): number {
    const node = this.heapNode;
    const keys = this.heapKey;
    const pos = this.heapPos;
    const top = node[0]!;
    pos[top] = -1;
    const n = --this.heapSize;
    if (n > 0) {
      const v = node[n]!;
      const key = keys[n]!;
      let i = 0;
      for (;;) {
        let c = 2 * i + 1;
        if (c >= n) break;
        if (c + 1 < n && keys[c + 1]! < keys[c]!) c++;
        if (keys[c]! >= key) break;
        node[i] = node[c]!;
        keys[i] = keys[c]!;
        pos[node[i]!] = i;
        i = c;
      }
      node[i] = v;
      keys[i] = key;
      pos[v] = i;
    }
    return top;
  }

  private seed(j: number, w: number, d: number, m: number): void {
    if (w < this.weight[j]!) {
      this.weight[j] = w;
      this.durationS[j] = d;
      this.distanceM[j] = m;
      this.parentArc[j] = -1;
      this.pushOrDecrease(j, w);
    }
  }

  /** Best way from the last `run` source to a snapped destination. */
  reach(source: Snap, dest: Snap): Reached {
    const g = this.g;
    const e = dest.edge;
    const flags = g.edgeFlags[e]!;
    let best: Reached = { weight: Infinity, durationS: Infinity, distanceM: Infinity, via: 'none' };
    if (flags & EDGE_FORWARD) {
      const j = g.edgeFrom[e]!;
      const w = this.weight[j]! + at(g.cumWeightForward, dest);
      if (w < best.weight) {
        best = {
          weight: w,
          durationS: this.durationS[j]! + at(g.cumDurForwardS, dest),
          distanceM: this.distanceM[j]! + at(g.cumDistM, dest),
          via: 'start',
        };
      }
    }
    if (flags & EDGE_BACKWARD) {
      const j = g.edgeTo[e]!;
      const last = g.geomStart[e + 1]! - 1;
      const w = this.weight[j]! + g.cumWeightBackward[last]! - at(g.cumWeightBackward, dest);
      if (w < best.weight) {
        best = {
          weight: w,
          durationS: this.durationS[j]! + g.cumDurBackwardS[last]! - at(g.cumDurBackwardS, dest),
          distanceM: this.distanceM[j]! + g.cumDistM[last]! - at(g.cumDistM, dest),
          via: 'end',
        };
      }
    }
    if (source.edge === e) {
      const sPos = source.geom + source.fraction;
      const dPos = dest.geom + dest.fraction;
      // The same spot is reached at no cost whichever way the edge may be driven (a oneway=-1
      // edge allows only backward moves, so equality must not count as forward there).
      const forward = dPos > sPos || (dPos === sPos && (flags & EDGE_FORWARD) !== 0);
      if ((forward && flags & EDGE_FORWARD) || (!forward && flags & EDGE_BACKWARD)) {
        const wArr = forward ? g.cumWeightForward : g.cumWeightBackward;
        const dArr = forward ? g.cumDurForwardS : g.cumDurBackwardS;
        const w = Math.abs(at(wArr, dest) - at(wArr, source));
        if (w <= best.weight) {
          best = {
            weight: w,
            durationS: Math.abs(at(dArr, dest) - at(dArr, source)),
            distanceM: Math.abs(at(g.cumDistM, dest) - at(g.cumDistM, source)),
            via: 'direct',
          };
        }
      }
    }
    return best;
  }

  /**
   * Fills one matrix row from the last `run`. The per-destination costs from each end of its edge
   * are precomputed in `targets`, so that a 1000-wide row allocates nothing.
   */
  fillRow(
    source: Snap,
    targets: TargetTable,
    durRow: Float64Array,
    distRow: Float64Array,
    rowOffset: number,
  ): number {
    const weight = this.weight;
    const dur = this.durationS;
    const dist = this.distanceM;
    let unreachable = 0;
    for (let j = 0; j < targets.count; j++) {
      let bestW = Infinity;
      let bestD = Infinity;
      let bestM = Infinity;
      const a = targets.startJunction[j]!;
      if (a >= 0) {
        const w = weight[a]! + targets.startWeight[j]!;
        if (w < bestW) {
          bestW = w;
          bestD = dur[a]! + targets.startDurS[j]!;
          bestM = dist[a]! + targets.startDistM[j]!;
        }
      }
      const b = targets.endJunction[j]!;
      if (b >= 0) {
        const w = weight[b]! + targets.endWeight[j]!;
        if (w < bestW) {
          bestW = w;
          bestD = dur[b]! + targets.endDurS[j]!;
          bestM = dist[b]! + targets.endDistM[j]!;
        }
      }
      if (targets.edge[j] === source.edge) {
        const r = this.reach(source, targets.snaps[j]!);
        if (r.weight <= bestW) {
          bestW = r.weight;
          bestD = r.durationS;
          bestM = r.distanceM;
        }
      }
      if (bestW === Infinity) unreachable++;
      durRow[rowOffset + j] = bestD;
      distRow[rowOffset + j] = bestM;
    }
    return unreachable;
  }
}

/** Per destination: the junction at each end of its edge (-1 if that way in is one-way against us) and the cost from there. */
export interface TargetTable {
  count: number;
  snaps: readonly Snap[];
  edge: Int32Array;
  startJunction: Int32Array;
  startWeight: Float64Array;
  startDurS: Float64Array;
  startDistM: Float64Array;
  endJunction: Int32Array;
  endWeight: Float64Array;
  endDurS: Float64Array;
  endDistM: Float64Array;
}

export function targetTable(g: RoadGraph, snaps: readonly Snap[]): TargetTable {
  const n = snaps.length;
  const t: TargetTable = {
    count: n,
    snaps,
    edge: new Int32Array(n),
    startJunction: new Int32Array(n).fill(-1),
    startWeight: new Float64Array(n),
    startDurS: new Float64Array(n),
    startDistM: new Float64Array(n),
    endJunction: new Int32Array(n).fill(-1),
    endWeight: new Float64Array(n),
    endDurS: new Float64Array(n),
    endDistM: new Float64Array(n),
  };
  snaps.forEach((s, j) => {
    const e = s.edge;
    const flags = g.edgeFlags[e]!;
    const last = g.geomStart[e + 1]! - 1;
    t.edge[j] = e;
    if (flags & EDGE_FORWARD) {
      t.startJunction[j] = g.edgeFrom[e]!;
      t.startWeight[j] = at(g.cumWeightForward, s);
      t.startDurS[j] = at(g.cumDurForwardS, s);
      t.startDistM[j] = at(g.cumDistM, s);
    }
    if (flags & EDGE_BACKWARD) {
      t.endJunction[j] = g.edgeTo[e]!;
      t.endWeight[j] = g.cumWeightBackward[last]! - at(g.cumWeightBackward, s);
      t.endDurS[j] = g.cumDurBackwardS[last]! - at(g.cumDurBackwardS, s);
      t.endDistM[j] = g.cumDistM[last]! - at(g.cumDistM, s);
    }
  });
  return t;
}
