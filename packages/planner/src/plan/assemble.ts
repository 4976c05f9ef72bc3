import type {
  AccessAnalysis,
  DemandAccess,
  Kpis,
  OpenedBox,
  Plan,
  PlanMessage,
  Scenario,
} from '@paketbygd/model';
import type { Access } from '../access';
import { mainPart, type DemandPart } from '../assign-demand';
import type { PlaceIndex } from '../places';
import { SERVICE_S } from '../vans';
import { assume } from './messages';
import { idOfPoint } from './point-ids';
import type { MapLayersStage } from './map-layers';
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
  assumptions: PlanMessage[];
  warnings: PlanMessage[];
  attribution: string | undefined;
  /** Base roads and road isochrones, when the backend has roads (map-layers.ts). */
  layers: MapLayersStage;
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
    assumptions: input.assumptions.map((a) => a.text),
    warnings: input.warnings.map((w) => w.text),
    messages: { warnings: input.warnings, assumptions: input.assumptions },
    timingsS: input.timingsS,
    ...(input.layers.baseRoads ? { baseRoads: input.layers.baseRoads } : {}),
    ...(input.layers.accessAreas ? { accessAreas: input.layers.accessAreas } : {}),
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
): PlanMessage[] {
  const { policy, assumptions: a } = scenario;
  return [
    assume.boxCapacity(policy.dwellTimeDays),
    assume.investmentSpread(policy.boxLifetimeYears),
    assume.householdTrips(a.parcelsPerPickupTrip, a.pickupTripsByCarShare, a.carCo2GPerKm),
    assume.sameParcelsEachDay(days),
    assume.vanServiceTimes(SERVICE_S.box, SERVICE_S.homePerParcel),
    assume.carrierAssignment(carrierMethod),
    assume.costPerParcel(),
    ...(homeDelivered.some(Boolean) ? [assume.homeDeliveryCovered()] : []),
  ];
}
