import type { AccessAnalysis, DemandAccess, Kpis, OpenedBox, Plan, Scenario } from '@paketbygd/model';
import type { Access } from '../access';
import { mainPart, type DemandPart } from '../assign-demand';
import type { PlaceIndex } from '../places';
import { idOfPoint } from './point-ids';
import type { People } from './today';

export interface AssemblyInput {
  places: PlaceIndex;
  people: readonly People[];
  before: readonly Access[];
  nearestAfter: readonly Access[];
  homeDelivered: readonly boolean[];
  parts: readonly (readonly DemandPart[])[];
  placement: Plan['placement'];
  boxes: OpenedBox[];
  carrierRoutes: Plan['carrierRoutes'];
  vanRoutes: Plan['vanRoutes'];
  kpis: { before: Kpis; after: Kpis };
  unserved: Plan['unserved'];
  accessAnalysis: { before: AccessAnalysis; after: AccessAnalysis };
  assumptions: string[];
  warnings: string[];
  attribution: string | undefined;
  createdAt: Date;
  timingsS: Record<string, number>;
}

/** The plan document from the stages' results, in the order clients read it. */
export function assemblePlan(scenario: Scenario, input: AssemblyInput): Plan {
  return {
    kind: 'plan',
    scenarioName: scenario.name,
    createdAt: input.createdAt.toISOString(),
    currency: scenario.currency,
    travel: {
      backend: scenario.travel.backend,
      ...(scenario.travel.backend === 'straightline'
        ? {
            note: 'straight-line distances × a detour factor, at speeds by distance band: not road distances',
          }
        : {}),
      ...(input.attribution ? { attribution: input.attribution } : {}),
    },
    placement: input.placement,
    access: demandAccess(scenario, input),
    boxes: input.boxes,
    carrierRoutes: input.carrierRoutes,
    vanRoutes: input.vanRoutes,
    kpis: input.kpis,
    unserved: input.unserved,
    accessAnalysis: input.accessAnalysis,
    assumptions: input.assumptions,
    warnings: input.warnings,
    timingsS: input.timingsS,
  };
}

function demandAccess(scenario: Scenario, input: AssemblyInput): DemandAccess[] {
  const { byId } = input.places;
  return scenario.demand.map((d, i) => ({
    demandId: d.id,
    population: input.people[i]!.population,
    households: input.people[i]!.households,
    parcelsPerWeek: d.parcelsPerWeek,
    before: accessRecord(byId, input.before[i]!),
    after: accessRecord(
      byId,
      input.homeDelivered[i] ? input.nearestAfter[i]! : (mainPart(input.parts[i]!) ?? input.nearestAfter[i]!),
    ),
    homeDelivery: input.homeDelivered[i]!,
    fetchedAt: input.parts[i]!.map((p) => ({
      pickupId: idOfPoint(byId, p.pickup),
      parcelsPerWeek: p.parcelsPerWeek,
      distanceM: p.distanceM,
      box: p.box >= 0,
      covered: p.covered,
    })),
  }));
}

function accessRecord(byId: ReadonlyMap<string, number>, a: Access) {
  return {
    pickupId: a.pickup >= 0 ? idOfPoint(byId, a.pickup) : null,
    distanceM: Number.isFinite(a.distanceM) ? a.distanceM : -1,
    durationS: Number.isFinite(a.durationS) ? a.durationS : -1,
    covered: a.covered,
  };
}

/** What the plan takes for granted, stated in the plan. */
export function planAssumptions(
  scenario: Scenario,
  carrierMethod: 'enumeration' | 'greedy',
  homeDelivered: readonly boolean[],
  days: readonly string[],
): string[] {
  const { policy, assumptions: a } = scenario;
  return [
    `a box with c compartments takes c × 7 / ${policy.dwellTimeDays} parcels a week (a parcel waits ${policy.dwellTimeDays} days on average)`,
    `investment is spread over ${policy.boxLifetimeYears} years without interest; weekly figures are yearly / 52`,
    `households fetch ${a.parcelsPerPickupTrip} parcels a trip, ${(a.pickupTripsByCarShare * 100).toFixed(0)} % of trips by car at ${a.carCo2GPerKm} g CO2/km, there and back`,
    `each delivery day has the same parcels (weekly / ${days.length}), so the van routes are the same on ${days.join(', ')}`,
    `a van spends 300 s at a box and 90 s per parcel at a door`,
    `carriers are assigned by ${carrierMethod === 'enumeration' ? 'exact enumeration' : 'greedy improvement'} against van costs estimated from shortest tours; their detours are cheapest insertions between consecutive stops after loading`,
    'cost per parcel is the weekly cost over the parcels delivered to boxes and homes',
    ...(homeDelivered.some(Boolean)
      ? ['home-delivered households count as covered, at access distance 0']
      : []),
  ];
}
