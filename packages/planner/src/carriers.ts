import {
  clockTimeToS,
  WEEKDAYS,
  type PlanMessage,
  type Scenario,
  type TransportRoute,
  type Weekday,
} from '@paketbygd/model';
import type { BoxDemand, CarrierOption, CarrierRejection, RoutePosition } from './carrier-types';
import { deliveryDays } from './delivery-days';
import { distanceM, durationS, type SquareMatrix } from './matrix';
import type { PlaceIndex } from './places';
import { roomLedger } from './departure-room';
import { loadingsOf, loadingStop, TRANSFER_STOP_M } from './loading';
import { warn } from './plan/messages';
import { timetabledOption } from './timetable';
import { tourLength } from './tour';
import { SERVICE_S } from './vans';

/** A box closer than this to a stop is served at the stop: the carrier stops there anyway. */
export const SAME_STOP_M = 300;
/** The price of a box that no van can serve (the scenario has none), in the search only. */
export const NO_VAN_PENALTY_PER_BOX = 1e9;
/** Above this many combinations the assignment is improved greedily instead of enumerated. */
export const ENUMERATION_LIMIT = 200_000;

// The types live in carrier-types.ts (timetable.ts and departure-room.ts need them too, without a loop).
export type { BoxDemand, CarrierOption, CarrierRejection, RoutePosition } from './carrier-types';

/** Where on the route the box is reached with the least detour, after the loading stop, or why not. */
function positionOnRoute(
  places: PlaceIndex,
  m: SquareMatrix,
  routeIndex: number,
  route: TransportRoute,
  box: BoxDemand,
  from: number,
): RoutePosition | CarrierRejection {
  const stops = places.routeStops[routeIndex]!;
  let best: RoutePosition | undefined;
  for (let k = from + 1; k < stops.length; k++) {
    if (distanceM(m, stops[k]!, box.point) <= SAME_STOP_M || stops[k] === box.point) {
      best = { afterStop: k, atStop: true, detourS: 0, detourM: 0 };
      break;
    }
  }
  if (!best && route.maxDetourMin > 0) {
    for (let k = from; k + 1 < stops.length; k++) {
      const a = stops[k]!;
      const c = stops[k + 1]!;
      const detourS = durationS(m, a, box.point) + durationS(m, box.point, c) - durationS(m, a, c);
      const detourM = distanceM(m, a, box.point) + distanceM(m, box.point, c) - distanceM(m, a, c);
      if (!best || detourS < best.detourS) best = { afterStop: k, atStop: false, detourS, detourM };
    }
  }
  if (!best && route.maxDetourMin === 0) {
    return {
      route: routeIndex,
      code: 'no_stop_near_box',
      reason: `none of its stops after loading is within ${SAME_STOP_M} m of the box, and it does not leave its line`,
    };
  }
  if (!best || !Number.isFinite(best.detourS)) {
    return {
      route: routeIndex,
      code: 'no_stop_near_box',
      reason: 'no stop after the loading point from which the box can be reached',
    };
  }
  const limitS = route.maxDetourMin * 60;
  if (best.detourS > limitS + 1e-6) {
    return {
      route: routeIndex,
      code: 'detour_too_long',
      reason: `the detour of ${(best.detourS / 60).toFixed(1)} min exceeds the ${route.maxDetourMin} min allowed`,
    };
  }
  return best;
}

/** A timetabled route: loaded at its hub, or at transfer stops when it passes none. */
function timetabledCarrierOption(
  scenario: Scenario,
  places: PlaceIndex,
  m: SquareMatrix,
  routeIndex: number,
  box: BoxDemand,
  policyDays: readonly Weekday[],
): CarrierOption | CarrierRejection {
  const route = scenario.transportRoutes[routeIndex]!;
  const reject = (reason: string): CarrierRejection => ({
    route: routeIndex,
    code: 'no_loading_hub',
    reason,
  });
  const loadings = loadingsOf(scenario, places, routeIndex);
  if (loadings.length === 0)
    return reject(
      `it passes no hub where parcels could be loaded, and no line loaded at a hub reaches one of its stops (transfer within ${TRANSFER_STOP_M} m)`,
    );
  const site = scenario.candidateSites.find((c) => c.id === box.siteId)!;
  const from = Math.min(...loadings.map((l) => l.stop));
  const position = positionOnRoute(places, m, routeIndex, route, box, from);
  if ('reason' in position) return position;
  // Parcels go on board before the box: at an earlier stop, or at the stop the detour leaves from.
  const before = loadings.filter((l) =>
    position.atStop ? l.stop < position.afterStop : l.stop <= position.afterStop,
  );
  if (before.length === 0)
    return reject(
      'it passes no hub, and the lines from the hub meet it only at or after the box (no transfer point before it)',
    );
  return timetabledOption(scenario, places, m, routeIndex, box, site, position, before, policyDays);
}

/** The cheapest way for one route to carry one box's parcels, or why it cannot. */
export function carrierOption(
  scenario: Scenario,
  places: PlaceIndex,
  m: SquareMatrix,
  routeIndex: number,
  box: BoxDemand,
  policyDays: readonly Weekday[] = deliveryDays(scenario.policy.deliveriesPerWeek),
): CarrierOption | CarrierRejection {
  const route = scenario.transportRoutes[routeIndex]!;
  if (route.departures) return timetabledCarrierOption(scenario, places, m, routeIndex, box, policyDays);
  const from = loadingStop(route);
  const trips = route.days.length;
  const parcelsPerTrip = box.parcelsPerWeek / trips;
  if (parcelsPerTrip > route.spareCapacityParcels) {
    return {
      route: routeIndex,
      code: 'too_little_room',
      reason: `${parcelsPerTrip.toFixed(1)} parcels a trip exceed its ${route.spareCapacityParcels} spare places`,
    };
  }
  const position = positionOnRoute(places, m, routeIndex, route, box, from);
  if ('reason' in position) return position;
  const costPerWeek = route.pricePerParcel * box.parcelsPerWeek + route.pricePerStop * trips;
  return {
    route: routeIndex,
    ...position,
    deliveriesPerWeek: trips,
    parcelsPerTrip,
    costPerWeek,
    days: route.days,
    vanDays: [],
  };
}

/** Clock times at which each route picks parcels up, for a warning when it leaves before they arrive. */
export function departsBeforeParcels(scenario: Scenario, routeIndex: number): PlanMessage | undefined {
  const route = scenario.transportRoutes[routeIndex]!;
  const hub = scenario.hubs.find((h) => h.id === route.loadingHubId);
  // A timetabled route's departures were each checked against the parcels' arrival.
  if (!hub || route.departures) return undefined;
  const loadingTime = route.stops[loadingStop(route)]!.time;
  if (clockTimeToS(loadingTime) >= clockTimeToS(hub.parcelsArriveAt)) return undefined;
  return warn.loadsBeforeParcels(route.id, loadingTime, hub.id, hub.parcelsArriveAt);
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
    (tourLength(model.depot, boxes, (a, b) => durationS(m, a, b)) + boxes.length * SERVICE_S.box) / 3600;
  return model.deliveriesPerWeek * (model.fixedCostPerDay + model.costPerKm * km + model.costPerHour * hours);
}

/** The cost of one day's van tour over some boxes (without vans: the search's penalty, spread over the policy's days). */
export function vanDayCost(
  model: VanCostModel | undefined,
  m: SquareMatrix,
  boxes: readonly number[],
  policyDayCount: number,
): number {
  if (boxes.length === 0) return 0;
  if (!model) return (NO_VAN_PENALTY_PER_BOX * boxes.length) / policyDayCount;
  return vanCostPerWeek(model, m, boxes) / model.deliveriesPerWeek;
}

export interface CarrierAssignment {
  /** For each box, its carrier option, or undefined for the vans. */
  choice: (CarrierOption | undefined)[];
  carrierCostPerWeek: number;
  vanCostEstimatePerWeek: number;
  method: 'enumeration' | 'greedy';
  /** For each box, the transports that could fill it, and those that cannot with why. */
  options: CarrierOption[][];
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
  const policyDays = deliveryDays(scenario.policy.deliveriesPerWeek);
  const options: CarrierOption[][] = [];
  const rejections: CarrierRejection[][] = [];
  for (const box of boxes) {
    const feasible: CarrierOption[] = [];
    const rejected: CarrierRejection[] = [];
    if (scenario.policy.useExistingTransports) {
      scenario.transportRoutes.forEach((_, r) => {
        const option = carrierOption(scenario, places, m, r, box, policyDays);
        if ('reason' in option) rejected.push(option);
        else feasible.push(option);
      });
    }
    options.push(feasible);
    rejections.push(rejected);
  }

  const room = roomLedger(scenario);
  const detourLeftS = scenario.transportRoutes.map((r) => r.maxDetourMin * 60);
  const vanCache = new Map<string, number>();
  const dayCost = (vanBoxes: number[]) => {
    const key = vanBoxes.join(',');
    let cost = vanCache.get(key);
    if (cost === undefined) {
      cost = vanDayCost(
        van,
        m,
        vanBoxes.map((b) => boxes[b]!.point),
        policyDays.length,
      );
      vanCache.set(key, cost);
    }
    return cost;
  };
  // Vans drive each day to the boxes no transport fills that day: all of the policy's days for a
  // box left to them, the van days of a box a transport fills only partly.
  const vanCost = (choice: readonly (CarrierOption | undefined)[]) => {
    let total = 0;
    for (const day of WEEKDAYS) {
      const onDay = choice.flatMap((c, b) => ((c ? c.vanDays : policyDays).includes(day) ? [b] : []));
      total += dayCost(onDay);
    }
    return total;
  };
  const evaluate = (choice: (CarrierOption | undefined)[]) => {
    const carrierCost = choice.reduce((s, c) => s + (c?.costPerWeek ?? 0), 0);
    return { carrierCost, vanCostValue: vanCost(choice) };
  };
  const fits = (option: CarrierOption) =>
    room.fits(option) && option.detourS <= detourLeftS[option.route]! + 1e-6;
  const take = (option: CarrierOption, sign: 1 | -1) => {
    room.take(option, sign);
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
        const total = carrierCost + vanCost(choice);
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
    options,
    rejections,
  };
}
