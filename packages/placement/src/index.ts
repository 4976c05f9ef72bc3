export * from './types';
export {
  solvePlacement,
  solvePlacementSync,
  decayShare,
  DEFAULT_TIME_LIMIT_S,
  DEFAULT_MIP_REL_GAP,
} from './solve';
export { HighsThreadSolver, loadHighsThreadSolver, type HighsThreadOptions } from './mip/highs-thread-client';
export { validatePlacement } from './validate';
export {
  loadHighsSolver,
  highsHeapBytes,
  type MipSolver,
  type MipModel,
  type MipOptions,
  type MipResult,
} from './mip/mip';
export {
  parseOrLibraryPMedian,
  orLibraryToMedian,
  orLibraryToPlacement,
  type OrLibraryPMedian,
} from './model/orlib';
export { buildMedianMip, type MedianMip, type MedianMipSpec } from './model/formulation';
export {
  scenarioToPlacement,
  type DistanceSource,
  type PlacementAccess,
  type ScenarioPlacement,
} from './model/scenario';
