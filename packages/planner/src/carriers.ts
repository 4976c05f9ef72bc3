import { clockTimeToS, type Scenario, type TransportRoute } from '@paketbygd/model';
import { distanceM, durationS, type SquareMatrix } from './matrix';
import type { PlaceIndex } from './places';
import { tourLength } from './tour';

/** A box closer than this to a stop is served at the stop: the carrier stops there anyway. */
export const SAME_STOP_M = 300;
/** Time a van spends at a box (parking, filling compartments), for the cost estimate. */
export const VAN_SERVICE_S_PER_BOX = 300;
/** The price of a box that no van can serve (the scenario has none), in the search only. */
export const NO_VAN_PENALTY_PER_BOX = 1e9;
/** Above this many combinations the assignment is improved greedily instead of enumerated. */
export const ENUMERATION_LIMIT = 200_000;

export interface BoxDemand {
  siteId: string;
  name?: string;
  point: number;
  parcelsPerWeek: number;
}

export interface CarrierOption {
  route: number;
  /** The box is inserted after this stop (k) and before the next; `atStop` when it stands at stop k. */
  afterStop: number;
  atStop: boolean;
  detourS: number;
  detourM: number;
  deliveriesPerWeek: number;
  parcelsPerTrip: number;
  costPerWeek: number;
}

export interface CarrierRejection {
  route: number;
  reason: string;
}

/** Where the route takes parcels on board: its stop at the loading hub, else its first stop. */
function loadingStop(route: TransportRoute): number {
  const k = route.loadingHubId === undefined ? -1 : route.stops.findIndex((s) => s.at === route.loadingHubId);
  return Math.max(0, k);
}

/** The cheapest way for one route to carry one box's parcels, or why it cannot. */
export function carrierOption(
  scenario: Scenario,
  places: PlaceIndex,
  m: SquareMatrix,
  routeIndex: number,
  box: BoxDemand,
): CarrierOption | CarrierRejection {
  const route = scenario.transportRoutes[routeIndex]!;
  const stops = places.routeStops[routeIndex]!;
  const from = loadingStop(route);
  const trips = route.days.length;
  const parcelsPerTrip = box.parcelsPerWeek / trips;
  if (parcelsPerTrip > route.spareCapacityParcels) {
    return {
      route: routeIndex,
      reason: `${parcelsPerTrip.toFixed(1)} parcels a trip exceed its ${route.spareCapacityParcels} spare places`,
    };
  }
  let best: { afterStop: number; atStop: boolean; detourS: number; detourM: number } | undefined;
  for (let k = from + 1; k < stops.length; k++) {
    if (distanceM(m, stops[k]!, box.point) <= SAME_STOP_M || stops[k] === box.point) {
      best = { afterStop: k, atStop: true, detourS: 0, detourM: 0 };
      break;
    }
  }
  if (!best) {
    for (let k = from; k + 1 < stops.length; k++) {
      const a = stops[k]!;
      const c = stops[k + 1]!;
      const detourS = durationS(m, a, box.point) + durationS(m, box.point, c) - durationS(m, a, c);
      const detourM = distanceM(m, a, box.point) + distanceM(m, box.point, c) - distanceM(m, a, c);
      if (!best || detourS < best.detourS) best = { afterStop: k, atStop: false, detourS, detourM };
    }
  }
  if (!best || !Number.isFinite(best.detourS)) {
    return { route: routeIndex, reason: 'no stop after the loading point from which the box can be reached' };
  }
  const limitS = route.maxDetourMin * 60;
  if (best.detourS > limitS + 1e-6) {
    return {
      route: routeIndex,
      reason: `the detour of ${(best.detourS / 60).toFixed(1)} min exceeds the ${route.maxDetourMin} min allowed`,
    };
  }
  const costPerWeek = route.pricePerParcel * box.parcelsPerWeek + route.pricePerStop * trips;
  return { route: routeIndex, ...best, deliveriesPerWeek: trips, parcelsPerTrip, costPerWeek };
}

/** Clock times at which each route picks parcels up, for a warning when it leaves before they arrive. */
export function departsBeforeParcels(scenario: Scenario, routeIndex: number): string | undefined {
  const route = scenario.transportRoutes[routeIndex]!;
  const hub = scenario.hubs.find((h) => h.id === route.loadingHubId);
  if (!hub) return undefined;
  const loadingTime = route.stops[loadingStop(route)]!.time;
  if (clockTimeToS(loadingTime) >= clockTimeToS(hub.parcelsArriveAt)) return undefined;
  return `route "${route.id}" loads at ${loadingTime}, before parcels reach ${hub.id} at ${hub.parcelsArriveAt}: its boxes get the previous day's parcels`;
}

export interface VanCostModel {
  depot: number;
  deliveriesPerWeek: number;
  fixedCostPerDay: number;
  costPerKm: number;
  costPerHour: number;
}

/** Weekly cost of serving a set of boxes by van: a shortest tour from the depot on each delivery day. */
export function vanCostPerWeek(
  model: VanCostModel | undefined,
  m: SquareMatrix,
  boxes: readonly number[],
): number {
  if (boxes.length === 0) return 0;
  // Without vans a box left to them stays unfilled; a large finite price makes the search fill as many as carriers can.
  if (!model) return NO_VAN_PENALTY_PER_BOX * boxes.length;
  const km = tourLength(model.depot, boxes, (a, b) => distanceM(m, a, b)) / 1000;
  const hours =
    (tourLength(model.depot, boxes, (a, b) => durationS(m, a, b)) + boxes.length * VAN_SERVICE_S_PER_BOX) /
    3600;
  return model.deliveriesPerWeek * (model.fixedCostPerDay + model.costPerKm * km + model.costPerHour * hours);
}

export interface CarrierAssignment {
  /** For each box, its carrier option, or undefined for the vans. */
  choice: (CarrierOption | undefined)[];
  carrierCostPerWeek: number;
  vanCostEstimatePerWeek: number;
  method: 'enumeration' | 'greedy';
  rejections: CarrierRejection[][];
}

/**
 * Assigns boxes to existing routes or to the vans at least cost, within each route's spare
 * capacity and allowed detour (detours of boxes on one route add up). Exact enumeration when
 * the combinations are few; otherwise greedy moves from an all-van start until none helps.
 */
export function assignCarriers(
  scenario: Scenario,
  places: PlaceIndex,
  m: SquareMatrix,
  boxes: readonly BoxDemand[],
  van: VanCostModel | undefined,
): CarrierAssignment {
  const options: CarrierOption[][] = [];
  const rejections: CarrierRejection[][] = [];
  for (const box of boxes) {
    const feasible: CarrierOption[] = [];
    const rejected: CarrierRejection[] = [];
    if (scenario.policy.useExistingTransports) {
      scenario.transportRoutes.forEach((_, r) => {
        const option = carrierOption(scenario, places, m, r, box);
        if ('reason' in option) rejected.push(option);
        else feasible.push(option);
      });
    }
    options.push(feasible);
    rejections.push(rejected);
  }

  const spare = scenario.transportRoutes.map((r) => r.spareCapacityParcels);
  const detourLeftS = scenario.transportRoutes.map((r) => r.maxDetourMin * 60);
  const vanCache = new Map<string, number>();
  const vanCost = (vanBoxes: number[]) => {
    const key = vanBoxes.join(',');
    let cost = vanCache.get(key);
    if (cost === undefined) {
      cost = vanCostPerWeek(
        van,
        m,
        vanBoxes.map((b) => boxes[b]!.point),
      );
      vanCache.set(key, cost);
    }
    return cost;
  };
  const evaluate = (choice: (CarrierOption | undefined)[]) => {
    const carrierCost = choice.reduce((s, c) => s + (c?.costPerWeek ?? 0), 0);
    const vanBoxes = choice.flatMap((c, b) => (c ? [] : [b]));
    return { carrierCost, vanCostValue: vanCost(vanBoxes) };
  };
  const fits = (option: CarrierOption) =>
    option.parcelsPerTrip <= spare[option.route]! + 1e-9 &&
    option.detourS <= detourLeftS[option.route]! + 1e-6;
  const take = (option: CarrierOption, sign: 1 | -1) => {
    spare[option.route] = spare[option.route]! - sign * option.parcelsPerTrip;
    detourLeftS[option.route] = detourLeftS[option.route]! - sign * option.detourS;
  };

  const combinations = options.reduce((n, o) => n * (o.length + 1), 1);
  let best: (CarrierOption | undefined)[] = boxes.map(() => undefined);
  let bestTotal = Infinity;
  let method: CarrierAssignment['method'] = 'enumeration';
  const choice: (CarrierOption | undefined)[] = boxes.map(() => undefined);

  if (combinations <= ENUMERATION_LIMIT) {
    const visit = (b: number, carrierCost: number) => {
      if (carrierCost >= bestTotal) return;
      if (b === boxes.length) {
        const total = carrierCost + vanCost(choice.flatMap((c, i) => (c ? [] : [i])));
        if (total < bestTotal - 1e-9) {
          bestTotal = total;
          best = [...choice];
        }
        return;
      }
      for (const option of options[b]!) {
        if (!fits(option)) continue;
        take(option, 1);
        choice[b] = option;
        visit(b + 1, carrierCost + option.costPerWeek);
        take(option, -1);
      }
      choice[b] = undefined;
      visit(b + 1, carrierCost);
    };
    visit(0, 0);
  } else {
    method = 'greedy';
    const current: (CarrierOption | undefined)[] = boxes.map(() => undefined);
    let { carrierCost, vanCostValue } = evaluate(current);
    let currentTotal = carrierCost + vanCostValue;
    for (let improved = true; improved;) {
      improved = false;
      for (let b = 0; b < boxes.length; b++) {
        const was = current[b];
        if (was) take(was, -1);
        for (const option of [undefined, ...options[b]!]) {
          if (option === was || (option && !fits(option))) continue;
          current[b] = option;
          ({ carrierCost, vanCostValue } = evaluate(current));
          if (carrierCost + vanCostValue < currentTotal - 1e-9) {
            currentTotal = carrierCost + vanCostValue;
            improved = true;
            break;
          }
          current[b] = was;
        }
        if (current[b]) take(current[b]!, 1);
      }
    }
    best = current;
    bestTotal = currentTotal;
  }
  const { carrierCost, vanCostValue } = evaluate(best);
  return {
    choice: best,
    carrierCostPerWeek: carrierCost,
    vanCostEstimatePerWeek: vanCostValue,
    method,
    rejections,
  };
}
