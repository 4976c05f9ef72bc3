export * from './types';
export {
  solvePlacement,
  solvePlacementSync,
  decayShare,
  DEFAULT_TIME_LIMIT_S,
  DEFAULT_MIP_REL_GAP,
} from './solve';
export { solvePlacementInWorker } from './worker-client';
export { HighsThreadSolver, loadHighsThreadSolver, type HighsThreadOptions } from './highs-thread-client';
export { validatePlacement } from './validate';
export {
  loadHighsSolver,
  highsHeapBytes,
  type MipSolver,
  type MipModel,
  type MipOptions,
  type MipResult,
} from './mip';
export { parseOrLibraryPMedian, orLibraryToMedian, type OrLibraryPMedian } from './orlib';
export {
  scenarioToPlacement,
  straightLineDistances,
  DEFAULT_DETOUR_FACTOR,
  type DistanceSource,
  type ScenarioPlacement,
} from './scenario';
