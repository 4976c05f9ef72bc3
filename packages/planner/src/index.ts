export * from './scoring';
export { plan, type PlanOptions, type PlanProgress, type PlanStep } from './plan';
export { indexPlaces, type PlaceIndex } from './places';
export { deliveryDays } from './delivery-days';
export { compare, type CompareInput, type CompareOptions, type ScenarioVariantInput } from './compare';
export { scenarioForBid } from './bid-scenario';
export { planToGeoJSON, type PlanFeatureCollection, type PlanFeature } from './geojson';
export { abnormallyLowBids, checkRequirements, LOU_ABNORMALLY_LOW, type PricedBid } from './bid-checks';
export { travelModelOf } from './travel-model';
