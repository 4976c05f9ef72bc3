import type { CarrierRoute, PlanMessage, Scenario } from '@paketbygd/model';
import { buildCarrierRoutes } from '../carrier-routes';
import {
  assignCarriers,
  departsBeforeParcels,
  type BoxDemand,
  type CarrierAssignment,
  type VanCostModel,
} from '../carriers';
import type { SquareMatrix } from '../matrix';
import type { PlaceIndex } from '../places';

export interface CarrierStage {
  /** The opened boxes with the parcels households bring to them. */
  boxes: BoxDemand[];
  /** Which transport fills each box (undefined: the vans), after boxes whose detours together were too long went to the vans. */
  assignment: CarrierAssignment;
  routes: CarrierRoute[];
  warnings: PlanMessage[];
}

/** Which existing transports fill the boxes, and their routes with the boxes inserted. */
export function fillByCarriers(
  scenario: Scenario,
  places: PlaceIndex,
  m: SquareMatrix,
  openedSites: readonly number[],
  boxLoad: readonly number[],
): CarrierStage {
  const boxes: BoxDemand[] = openedSites.map((j, b) => ({
    siteId: scenario.candidateSites[j]!.id,
    ...(scenario.candidateSites[j]!.name ? { name: scenario.candidateSites[j]!.name } : {}),
    point: places.sites[j]!,
    parcelsPerWeek: boxLoad[b]!,
  }));
  const assignment = assignCarriers(scenario, places, m, boxes, vanCostModel(scenario, places.byId));
  const built = buildCarrierRoutes(scenario, places, m, boxes, assignment.choice);
  const warnings = [...built.warnings];
  for (const moved of built.movedToVans) assignment.choice[moved] = undefined;
  for (const r of new Set(assignment.choice.flatMap((c) => (c ? [c.route] : [])))) {
    const late = departsBeforeParcels(scenario, r);
    if (late) warnings.push(late);
  }
  return { boxes, assignment, routes: built.routes, warnings };
}

/** The van type that is cheapest per kilometre at rural speeds, for estimating van costs in the carrier choice. */
export function vanCostModel(
  scenario: Scenario,
  byId: ReadonlyMap<string, number>,
): VanCostModel | undefined {
  if (scenario.vehicles.length === 0) return undefined;
  const perKm = (v: Scenario['vehicles'][number]) => v.costPerKm + v.costPerHour / 60;
  const cheapest = [...scenario.vehicles].sort((a, b) => perKm(a) - perKm(b))[0]!;
  return {
    depot: byId.get(cheapest.startHubId)!,
    deliveriesPerWeek: scenario.policy.deliveriesPerWeek,
    fixedCostPerDay: cheapest.fixedCostPerDay,
    costPerKm: cheapest.costPerKm,
    costPerHour: cheapest.costPerHour,
  };
}
