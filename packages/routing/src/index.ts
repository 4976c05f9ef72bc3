export type { ModelSpec, VehicleSpec, JobSpec, ShipmentSpec, StopSpec, MatrixSet } from './spec';
export { defaultVehicle } from './spec';
export { buildInstance, type Instance } from './instance/index';
export {
  solveInstance,
  type SolveOptions,
  type SolveResult,
  type Progress,
  type SearchParams,
  type SearchControl,
} from './solver';
export { checkSolution } from './check';
export { maxThreads } from './parallel/thread-count';
export { parseVrplib, parseSolomon, parseVrplibSolution, type ParsedInstance } from './parsers';
export { solveRoutingProblem, toModelSpec, toRoutingSolution, type RoutingOptions } from './vroom';
