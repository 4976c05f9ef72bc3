/**
 * The road graph as compact typed arrays, so that it can be cached on disk as raw bytes.
 *
 * Points are OSM nodes used by car roads. Junctions are the points where roads meet, end or change
 * direction rules; an edge is the chain of road segments between two junctions, with cumulative
 * distance, duration and routability weight at each of its points (both directions, from the edge's
 * start), so that a point snapped anywhere on it costs an interpolation. Arcs are the directed
 * junction-to-junction moves Dijkstra relaxes, in CSR order.
 */
export interface RoadGraph {
  pointLon: Float64Array;
  pointLat: Float64Array;
  junctionPoint: Int32Array;
  edgeFrom: Int32Array;
  edgeTo: Int32Array;
  /** EDGE_FORWARD | EDGE_BACKWARD | EDGE_RESTRICTED | EDGE_MAIN_COMPONENT */
  edgeFlags: Uint8Array;
  /** Edge e's geometry entries are geomStart[e] .. geomStart[e+1]-1. */
  geomStart: Int32Array;
  geomPoint: Int32Array;
  cumDistM: Float64Array;
  cumDurForwardS: Float64Array;
  cumDurBackwardS: Float64Array;
  cumWeightForward: Float64Array;
  cumWeightBackward: Float64Array;
  firstArc: Int32Array;
  arcHead: Int32Array;
  /** edge * 2, plus 1 when the arc runs the edge backwards. */
  arcEdge: Int32Array;
  arcWeight: Float64Array;
  arcDurS: Float64Array;
  arcDistM: Float64Array;
  /** Flatbush over geometry segments, item k = segment starting at geometry entry segGeom[k]. */
  spatialIndex: ArrayBuffer;
  segGeom: Int32Array;
  segEdge: Int32Array;
  meta: GraphMeta;
}

export interface GraphMeta {
  profile: string;
  source: string;
  /** Longitudes are scaled by cos(lat0) in the spatial index, so that its distances are nearly isotropic. */
  lonScale: number;
  bbox: [number, number, number, number];
  stats: {
    osmNodes: number;
    osmWays: number;
    carWays: number;
    ferriesLeftOut: number;
    blockedBarriers: number;
    missingNodeRefs: number;
    points: number;
    junctions: number;
    edges: number;
    arcs: number;
    mainComponentEdges: number;
  };
}

export const EDGE_FORWARD = 1;
export const EDGE_BACKWARD = 2;
export const EDGE_RESTRICTED = 4;
export const EDGE_MAIN_COMPONENT = 8;

/** Names of the typed-array fields, in the order they are written to the cache file. */
export const GRAPH_ARRAYS = [
  'pointLon',
  'pointLat',
  'junctionPoint',
  'edgeFrom',
  'edgeTo',
  'edgeFlags',
  'geomStart',
  'geomPoint',
  'cumDistM',
  'cumDurForwardS',
  'cumDurBackwardS',
  'cumWeightForward',
  'cumWeightBackward',
  'firstArc',
  'arcHead',
  'arcEdge',
  'arcWeight',
  'arcDurS',
  'arcDistM',
  'segGeom',
  'segEdge',
] as const;
