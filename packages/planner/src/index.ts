export * from './scoring';
export { plan, type PlanOptions, type PlanProgress, type PlanStep } from './plan';
export { indexPlaces, type PlaceIndex } from './places';
export { deliveryDays } from './delivery-days';
export { compare, type CompareInput, type CompareOptions, type ScenarioVariantInput } from './compare';
export { scenarioForBid } from './bid-scenario';
export { planToGeoJSON, type PlanFeatureCollection, type PlanFeature } from './geojson';
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
