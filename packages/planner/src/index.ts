export * from './scoring';
export { plan, type PlanOptions, type PlanProgress, type PlanStep } from './plan';
export { indexPlaces, type PlaceIndex } from './places';
export { deliveryDays } from './delivery-days';
export {
  compare,
  type CompareInput,
  type CompareOptions,
  type CompareStep,
  type ScenarioVariantInput,
} from './compare';
export { scenarioForBid } from './bid-scenario';
export { planToGeoJSON, type PlanFeatureCollection, type PlanFeature } from './geojson';
export { runJob, type JobResult, type RunJobContext } from './jobs/run-job';
export { solveRouteJob, type RouteJobOptions } from './jobs/route-job';
export { withTravelMatrix, needsMatrix, type RoutedTravel } from './jobs/route-matrix';
export {
  placeScenario,
  scenarioPlacement,
  placementAnswer,
  type PlaceScenarioRequest,
  type PlaceScenarioOptions,
  type PlacedScenario,
} from './jobs/place-job';
export {
  DEFAULT_TIME_LIMIT_S,
  timeLimitOf,
  routeTimeLimitS,
  untilConvergedOf,
  routeUntilConverged,
  comparisonPlanCount,
} from './jobs/time-limits';
export {
  analyseAccess,
  carriersOf,
  type AccessDemand,
  type AccessInput,
  type AccessPoint,
} from './access-analysis';
export {
  analyseScenarioAccess,
  todaysAccessPoints,
  accessDemand,
  type ScenarioAccess,
} from './access-scenario';
export { abnormallyLowBids, checkRequirements, LOU_ABNORMALLY_LOW, type PricedBid } from './bid-checks';
export { travelModelOf } from './travel-model';
