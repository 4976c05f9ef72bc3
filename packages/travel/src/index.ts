export * from './types';
export { TravelError, type TravelErrorCode } from './errors';
export { checkPoints, checkMatrixInput, looksSwappedForSweden } from './points';
export {
  StraightLineTravel,
  ACCESS_SPEED_KMH,
  DEFAULT_DETOUR_FACTOR,
  DEFAULT_SPEED_BANDS,
  type SpeedBand,
  type StraightLineOptions,
} from './straightline';
export { OsrmTravel, type OsrmOptions } from './osrm/osrm';
export { CachedTravelCosts, type MatrixCacheOptions } from './cache';
export { RoadGraphTravel, ROADGRAPH_DEFAULT_MAX_SNAP_M, type RoadGraphOptions } from './roadgraph/roadgraph';
export {
  loadRoadGraph,
  defaultGraphCacheDir,
  type LoadGraphOptions,
  type LoadedGraph,
} from './roadgraph/load-graph';
export type { RoadGraph, GraphMeta } from './roadgraph/graph';
export { EDGE_MAIN_COMPONENT } from './roadgraph/graph';
export { carWay, parseMaxspeedKmh } from './roadgraph/car-profile';
export { createTravelCosts, type CreateTravelOptions } from './create';
export {
  mainRoads,
  edgeSpeedKmh,
  MAIN_ROAD_MIN_SPEED_KMH,
  type MainRoadOptions,
} from './roadgraph/main-roads';
