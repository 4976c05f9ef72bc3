import type { LonLat, Plan, Scenario } from '@paketbygd/model';

type Geometry =
  { type: 'Point'; coordinates: LonLat } | { type: 'LineString'; coordinates: LonLat[] } | Scenario['area'];

export interface PlanFeature {
  type: 'Feature';
  geometry: Geometry;
  properties: Record<string, unknown> & { kind: string };
}

export interface PlanFeatureCollection {
  type: 'FeatureCollection';
  features: PlanFeature[];
}

/**
 * A plan as an RFC 7946 FeatureCollection for GIS tools: the area, demand points with their access
 * before and after, today's pickup points, candidate sites, the boxes, hubs, van and carrier routes.
 * Every feature has `kind`; routes are drawn through their stops (straight between stops unless a
 * road geometry was computed).
 */
export function planToGeoJSON(scenario: Scenario, plan: Plan): PlanFeatureCollection {
  const features: PlanFeature[] = [];
  const point = (coordinates: LonLat, properties: PlanFeature['properties']) =>
    features.push({ type: 'Feature', geometry: { type: 'Point', coordinates }, properties });
  features.push({
    type: 'Feature',
    geometry: scenario.area,
    properties: { kind: 'area', name: scenario.name },
  });
  const accessOf = new Map(plan.access.map((a) => [a.demandId, a]));
  for (const d of scenario.demand) {
    const a = accessOf.get(d.id);
    point(d.location, {
      ...named('demand', d),
      population: a?.population ?? d.population,
      households: a?.households ?? d.households,
      parcelsPerWeek: d.parcelsPerWeek,
      coveredBefore: a?.before.covered ?? false,
      coveredAfter: a?.after.covered ?? false,
      accessBeforeM: a?.before.distanceM,
      accessAfterM: a?.after.distanceM,
      pickupAfter: a?.after.pickupId,
      homeDelivery: a?.homeDelivery ?? false,
    });
  }
  // "If this point closes", from today's access analysis, for a GIS layer of losses.
  const closure = new Map(plan.accessAnalysis?.before.closures.map((c) => [c.pickupId, c]) ?? []);
  for (const p of scenario.pickupPoints) {
    const c = closure.get(p.id);
    point(p.location, {
      ...named('pickup-point', p),
      ...(c
        ? {
            peopleLosingAccessIfClosed: c.peopleLosingAccess,
            extraHouseholdKmPerWeekIfClosed: c.extraHouseholdKmPerWeek,
          }
        : {}),
    });
  }
  const opened = new Map(plan.boxes.map((b) => [b.siteId, b]));
  for (const c of scenario.candidateSites) {
    const box = opened.get(c.id);
    point(
      c.location,
      box
        ? {
            ...named('box', c),
            host: c.host,
            parcelsPerWeek: box.parcelsPerWeek,
            capacityParcelsPerWeek: box.capacityParcelsPerWeek,
            utilisation: box.utilisation,
            filledBy: box.filledBy.kind,
            ...(box.filledBy.kind === 'carrier' ? { routeId: box.filledBy.routeId } : {}),
            ...(box.filledBy.kind === 'van' ? { vehicleId: box.filledBy.vehicleId } : {}),
          }
        : { ...named('candidate-site', c), host: c.host },
    );
  }
  for (const box of plan.boxes) {
    if (!scenario.candidateSites.some((c) => c.id === box.siteId)) {
      point(box.location, {
        kind: 'box',
        id: box.siteId,
        name: box.name ?? box.siteId,
        filledBy: box.filledBy.kind,
      });
    }
  }
  for (const h of scenario.hubs) point(h.location, named('hub', h));
  for (const r of plan.vanRoutes) {
    features.push({
      type: 'Feature',
      geometry: r.geometry ?? { type: 'LineString', coordinates: r.stops.map((s) => s.location) },
      properties: {
        kind: 'van-route',
        vehicleId: r.vehicleId,
        day: r.day,
        stops: r.stops.map((s) => s.at),
        distanceM: r.distanceM,
        durationS: r.durationS,
        cost: r.cost,
      },
    });
  }
  for (const r of plan.carrierRoutes) {
    features.push({
      type: 'Feature',
      geometry: r.geometry ?? { type: 'LineString', coordinates: r.stops.map((s) => s.location) },
      properties: {
        kind: 'carrier-route',
        routeId: r.routeId,
        boxes: r.boxSiteIds,
        days: r.days,
        detourSPerTrip: r.detourSPerTrip,
        costPerWeek: r.costPerWeek,
      },
    });
  }
  return { type: 'FeatureCollection', features };
}

/** A feature's kind, id and name (the id where the scenario gives no name). */
function named<K extends string>(
  kind: K,
  place: { id: string; name?: string },
): { kind: K; id: string; name: string } {
  return { kind, id: place.id, name: place.name ?? place.id };
}
