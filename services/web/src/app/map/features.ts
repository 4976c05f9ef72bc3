/** One feature as `planToGeoJSON` (packages/planner) writes it: `properties.kind` says which layer. */
export interface PlanFeature {
  type: 'Feature';
  geometry: { type: string; coordinates: unknown };
  properties: Record<string, unknown> & { kind: string };
}
export interface PlanFeatureCollection {
  type: 'FeatureCollection';
  features: PlanFeature[];
}
