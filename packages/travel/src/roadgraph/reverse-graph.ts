import { EDGE_BACKWARD, EDGE_FORWARD, type RoadGraph } from './graph';

/**
 * The graph with every road driven the other way: arcs reversed (same weights, durations and
 * distances), each edge's direction flags and forward/backward costs swapped. A search on it from
 * a point gives, at each junction, the cost of driving from that junction *to* the point: what
 * access to a pickup point counts. Edges, geometry and the spatial index are shared, not copied.
 */
export function reverseGraph(g: RoadGraph): RoadGraph {
  const junctionCount = g.junctionPoint.length;
  const arcCount = g.arcHead.length;
  const tail = new Int32Array(arcCount);
  for (let u = 0; u < junctionCount; u++) {
    for (let k = g.firstArc[u]!; k < g.firstArc[u + 1]!; k++) tail[k] = u;
  }
  const firstArc = new Int32Array(junctionCount + 1);
  for (let k = 0; k < arcCount; k++) firstArc[g.arcHead[k]! + 1]!++;
  for (let j = 0; j < junctionCount; j++) firstArc[j + 1]! += firstArc[j]!;
  const next = firstArc.slice(0, junctionCount);
  const arcHead = new Int32Array(arcCount);
  const arcEdge = new Int32Array(arcCount);
  const arcWeight = new Float64Array(arcCount);
  const arcDurS = new Float64Array(arcCount);
  const arcDistM = new Float64Array(arcCount);
  for (let k = 0; k < arcCount; k++) {
    const r = next[g.arcHead[k]!]!++;
    arcHead[r] = tail[k]!;
    arcEdge[r] = g.arcEdge[k]! ^ 1;
    arcWeight[r] = g.arcWeight[k]!;
    arcDurS[r] = g.arcDurS[k]!;
    arcDistM[r] = g.arcDistM[k]!;
  }
  const edgeFlags = g.edgeFlags.map((f) => {
    const forward = f & EDGE_FORWARD ? EDGE_BACKWARD : 0;
    const backward = f & EDGE_BACKWARD ? EDGE_FORWARD : 0;
    return (f & ~(EDGE_FORWARD | EDGE_BACKWARD)) | forward | backward;
  });
  return {
    ...g,
    edgeFlags,
    cumDurForwardS: g.cumDurBackwardS,
    cumDurBackwardS: g.cumDurForwardS,
    cumWeightForward: g.cumWeightBackward,
    cumWeightBackward: g.cumWeightForward,
    firstArc,
    arcHead,
    arcEdge,
    arcWeight,
    arcDurS,
    arcDistM,
  };
}
