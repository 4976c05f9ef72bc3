import type { CarrierRoute, OpenedBox, PlanMessage, Scenario } from '@paketbygd/model';
import type { DemandPart } from '../assign-demand';
import type { CarrierAssignment } from '../carriers';
import { timetableFilling, transportsNotUsed } from '../timetable-plan';
import type { VanPlan } from '../vans';
import { warn } from './messages';
import type { People } from './today';

export interface OpenedBoxesInput {
  people: readonly People[];
  openedSites: readonly number[];
  /** Where each demand point's parcels are fetched, after what no van could take went back. */
  parts: readonly (readonly DemandPart[])[];
  boxLoad: readonly number[];
  boxCapacityPerWeek: readonly number[];
  carriers: CarrierAssignment;
  carrierRoutes: readonly CarrierRoute[];
  vans: VanPlan;
  deliveryDayCount: number;
}

/** Each opened box as the plan shows it: whom it serves, how full, what fills it; a warning where a transport comes too seldom. */
export function openedBoxes(
  scenario: Scenario,
  input: OpenedBoxesInput,
): { boxes: OpenedBox[]; warnings: PlanMessage[] } {
  const boxes = input.openedSites.map((j, b) => openedBox(scenario, input, j, b));
  const warnings: PlanMessage[] = [];
  const perWeek = scenario.policy.deliveriesPerWeek;
  for (const box of boxes) {
    const f = box.filledBy;
    if (f.kind === 'carrier' && f.deliveriesPerWeek + (f.vanDays?.length ?? 0) < perWeek) {
      warnings.push(warn.fewerDeliveries(box.siteId, f.routeId, f.deliveriesPerWeek, perWeek));
    }
  }
  return { boxes, warnings };
}

function openedBox(scenario: Scenario, input: OpenedBoxesInput, j: number, b: number): OpenedBox {
  const site = scenario.candidateSites[j]!;
  const servedParts = input.parts.flatMap((parts, i) =>
    parts.filter((p) => p.box === b).map((p) => ({ i, parcels: p.parcelsPerWeek })),
  );
  const servedShare = (of: (p: People) => number) =>
    servedParts.reduce(
      (s, { i, parcels }) => s + of(input.people[i]!) * shareOf(parcels, scenario.demand[i]!.parcelsPerWeek),
      0,
    );
  const load = input.boxLoad[b]!;
  const capacity = input.boxCapacityPerWeek[b]!;
  const notUsed = transportsNotUsed(scenario, input.carriers, b);
  return {
    siteId: site.id,
    ...(site.name ? { name: site.name } : {}),
    location: site.location,
    population: servedShare((p) => p.population),
    households: servedShare((p) => p.households),
    parcelsPerWeek: load,
    capacityParcelsPerWeek: capacity,
    utilisation: capacity > 0 ? load / capacity : 0,
    filledBy: fillingOf(scenario, input, site.id, b),
    ...(notUsed.length > 0 ? { transportsNotUsed: notUsed } : {}),
  };
}

function fillingOf(
  scenario: Scenario,
  input: OpenedBoxesInput,
  siteId: string,
  b: number,
): OpenedBox['filledBy'] {
  const carrier = input.carriers.choice[b];
  const route = carrier ? scenario.transportRoutes[carrier.route]! : undefined;
  const builtRoute = route ? input.carrierRoutes.find((r) => r.routeId === route.id) : undefined;
  const vanType = input.vans.servedBy.get(siteId);
  if (carrier && route && builtRoute) {
    return {
      kind: 'carrier',
      routeId: route.id,
      deliveriesPerWeek: carrier.deliveriesPerWeek,
      detourSPerTrip: carrier.detourS,
      detourMPerTrip: carrier.detourM,
      costPerWeek: carrier.costPerWeek,
      ...(route.departures ? timetableFilling(route, carrier, vanType) : {}),
    };
  }
  if (vanType) return { kind: 'van', vehicleId: vanType, deliveriesPerWeek: input.deliveryDayCount };
  return {
    kind: 'unfilled',
    reason:
      input.boxLoad[b]! <= 0
        ? 'no households use this box'
        : (input.vans.unserved.find((u) => u.id === siteId)?.reason ?? 'no_vehicle'),
  };
}

function shareOf(part: number, whole: number): number {
  return whole > 0 ? part / whole : 0;
}
