import { PICKUP, type Instance } from './instance/index';
import type { Route } from './route';
import { serviceStart } from './route';
import { feasibleWithBreaks } from './insertion-rebuild';
import type { Rng } from '@paketbygd/random';

/** The best insertion found so far; reused to avoid allocation in the search loop. */
export interface Best {
  cost: number;
  route: number;
  /** The task goes after position p (0 = the start). */
  p: number;
  /** For a shipment: the delivery goes after original position q (q >= p; q === p means right after the pickup). */
  q: number;
}

export function newBest(): Best {
  return { cost: Infinity, route: -1, p: -1, q: -1 };
}

/** Fixed cost of opening the route (as searched) when it is empty. */
function openCost(inst: Instance, r: Route): number {
  return r.len === 0 ? inst.fixedSearch[r.v]! : 0;
}

/**
 * Tries every position of route `r` for single task `task` and records the cheapest feasible one in
 * `best` when it beats `best.cost`. With probability `blink` a better position is skipped (SISR).
 */
export function bestJobInRoute(
  inst: Instance,
  r: Route,
  task: number,
  best: Best,
  rng: Rng,
  blink: number,
): void {
  const v = r.v;
  if (inst.compat[v * inst.nTasks + task] === 0) return;
  if (r.len + 1 > inst.maxTasks[v]!) return;
  // The checks below ignore breaks; a position that passes them is confirmed with its breaks.
  const withBreaks = inst.breaks.offset[v + 1]! > inst.breaks.offset[v]!;
  const dims = inst.dims;
  const n = r.len;
  const load = r.load;
  const loadPrefixMax = r.loadPrefixMax;
  const loadSuffixMax = r.loadSuffixMax;
  const capacityOffset = v * dims;
  const taskOffset = task * dims;
  const stride = inst.stride;
  const matrixSet = inst.vehMatrixSet[v]!;
  const cost = inst.cost[matrixSet]!;
  const durationS = inst.durationS[matrixSet]!;
  const distanceM = inst.distanceM[matrixSet]!;
  const taskLoc = inst.loc[task]!;
  const serviceS = inst.serviceS[task]!;
  const open = openCost(inst, r);
  const travelLeftS = inst.maxTravelTimeS[v]! - r.travelTimeS[n + 1]!;
  const distanceLeftM = inst.maxDistanceM[v]! - r.distanceM[n + 1]!;
  const singleWindow = inst.windowOffset[task + 1]! - inst.windowOffset[task]! === 1;
  const windowOpenS = inst.windowStartS[inst.windowOffset[task]!]!;
  const windowCloseS = inst.windowEndS[inst.windowOffset[task]!]!;
  const locAt = r.locAt;
  const departureS = r.departureS;
  const latestArrivalS = r.latestArrivalS;
  // Loads: the start load rises at every position, so it must fit; if even the route's peak plus
  // the task fits, no position needs its own load check.
  let checkLoads = false;
  for (let d = 0; d < dims; d++) {
    const capacity = inst.capacity[capacityOffset + d]!;
    const deliveryAmount = inst.startLoad[taskOffset + d]!;
    const pickupAmount = deliveryAmount + inst.loadChange[taskOffset + d]!;
    if (load[d]! + deliveryAmount > capacity) return;
    const peak = loadPrefixMax[(n + 1) * dims + d]!;
    if (peak + (deliveryAmount > pickupAmount ? deliveryAmount : pickupAmount) > capacity) checkLoads = true;
  }
  for (let p = 0; p <= n; p++) {
    const prevLoc = locAt[p]!;
    const nextLoc = locAt[p + 1]!;
    const arcIn = prevLoc * stride + taskLoc;
    const arcOut = taskLoc * stride + nextLoc;
    const arcSkip = prevLoc * stride + nextLoc;
    const delta = cost[arcIn]! + cost[arcOut]! - cost[arcSkip]! + open;
    if (delta >= best.cost) continue;
    const arrivalS = departureS[p]! + durationS[arcIn]!;
    let startS: number;
    if (singleWindow) {
      if (arrivalS > windowCloseS) continue;
      startS = arrivalS > windowOpenS ? arrivalS : windowOpenS;
    } else {
      startS = serviceStart(inst, task, arrivalS);
      if (startS === Infinity) continue;
    }
    if (startS + serviceS + durationS[arcOut]! > latestArrivalS[p + 1]!) continue;
    if (durationS[arcIn]! + durationS[arcOut]! - durationS[arcSkip]! > travelLeftS) continue;
    if (distanceM[arcIn]! + distanceM[arcOut]! - distanceM[arcSkip]! > distanceLeftM) continue;
    let ok = true;
    for (let d = 0; checkLoads && d < dims; d++) {
      const capacity = inst.capacity[capacityOffset + d]!;
      const deliveryAmount = inst.startLoad[taskOffset + d]!;
      const pickupAmount = deliveryAmount + inst.loadChange[taskOffset + d]!;
      if (
        loadPrefixMax[p * dims + d]! + deliveryAmount > capacity ||
        load[p * dims + d]! + pickupAmount > capacity ||
        loadSuffixMax[(p + 1) * dims + d]! + pickupAmount > capacity
      ) {
        ok = false;
        break;
      }
    }
    if (!ok) continue;
    if (withBreaks && !feasibleWithBreaks(inst, r, task, p, -1, -1)) continue;
    if (blink > 0 && rng.next() < blink) continue;
    best.cost = delta;
    best.route = r.v;
    best.p = p;
    best.q = -1;
  }
}

/**
 * Tries every (pickup, delivery) position pair of route `r` for the shipment of `pickup`.
 * O(len²) per route, with an incremental walk of the shifted times for each pickup position.
 */
export function bestShipmentInRoute(
  inst: Instance,
  r: Route,
  pickup: number,
  best: Best,
  rng: Rng,
  blink: number,
): void {
  const v = r.v;
  const delivery = inst.partner[pickup]!;
  const nTasks = inst.nTasks;
  if (inst.compat[v * nTasks + pickup] === 0 || inst.compat[v * nTasks + delivery] === 0) return;
  if (r.len + 2 > inst.maxTasks[v]!) return;
  const withBreaks = inst.breaks.offset[v + 1]! > inst.breaks.offset[v]!;
  const dims = inst.dims;
  const n = r.len;
  const stride = inst.stride;
  const matrixSet = inst.vehMatrixSet[v]!;
  const cost = inst.cost[matrixSet]!;
  const durationS = inst.durationS[matrixSet]!;
  const distanceM = inst.distanceM[matrixSet]!;
  const pickupLoc = inst.loc[pickup]!;
  const deliveryLoc = inst.loc[delivery]!;
  const open = openCost(inst, r);
  const travelLeftS = inst.maxTravelTimeS[v]! - r.travelTimeS[n + 1]!;
  const distanceLeftM = inst.maxDistanceM[v]! - r.distanceM[n + 1]!;
  const locAt = r.locAt;
  const capacityOffset = v * dims;
  const amountOk = (position: number) => {
    for (let d = 0; d < dims; d++) {
      if (
        r.load[position * dims + d]! + inst.loadChange[pickup * dims + d]! >
        inst.capacity[capacityOffset + d]!
      )
        return false;
    }
    return true;
  };
  for (let p = 0; p <= n; p++) {
    if (!amountOk(p)) continue;
    const prevLoc = locAt[p]!;
    const pickupArrivalS = r.departureS[p]! + durationS[prevLoc * stride + pickupLoc]!;
    const pickupStartS = serviceStart(inst, pickup, pickupArrivalS);
    if (pickupStartS === Infinity) continue;
    const pickupDepartureS = pickupStartS + inst.serviceS[pickup]!;
    const pickCost = cost[prevLoc * stride + pickupLoc]!;
    const pickDur = durationS[prevLoc * stride + pickupLoc]!;
    const pickDist = distanceM[prevLoc * stride + pickupLoc]!;
    // Delivery right after the pickup.
    {
      const nextLoc = locAt[p + 1]!;
      const delta =
        pickCost +
        cost[pickupLoc * stride + deliveryLoc]! +
        cost[deliveryLoc * stride + nextLoc]! -
        cost[prevLoc * stride + nextLoc]! +
        open;
      if (delta < best.cost) {
        const deliveryStartS = serviceStart(
          inst,
          delivery,
          pickupDepartureS + durationS[pickupLoc * stride + deliveryLoc]!,
        );
        if (
          deliveryStartS !== Infinity &&
          deliveryStartS + inst.serviceS[delivery]! + durationS[deliveryLoc * stride + nextLoc]! <=
            r.latestArrivalS[p + 1]! &&
          pickDur +
            durationS[pickupLoc * stride + deliveryLoc]! +
            durationS[deliveryLoc * stride + nextLoc]! -
            durationS[prevLoc * stride + nextLoc]! <=
            travelLeftS &&
          pickDist +
            distanceM[pickupLoc * stride + deliveryLoc]! +
            distanceM[deliveryLoc * stride + nextLoc]! -
            distanceM[prevLoc * stride + nextLoc]! <=
            distanceLeftM &&
          !(withBreaks && !feasibleWithBreaks(inst, r, pickup, p, delivery, p)) &&
          !(blink > 0 && rng.next() < blink)
        ) {
          best.cost = delta;
          best.route = v;
          best.p = p;
          best.q = p;
        }
      }
    }
    // Delivery after a later original position q: walk the shifted schedule forward.
    const arcOut = pickupLoc * stride + locAt[p + 1]!;
    const arcSkip = prevLoc * stride + locAt[p + 1]!;
    const pickDelta = pickCost + cost[arcOut]! - cost[arcSkip]!;
    const pickDeltaDur = pickDur + durationS[arcOut]! - durationS[arcSkip]!;
    const pickDeltaDist = pickDist + distanceM[arcOut]! - distanceM[arcSkip]!;
    let timeS = pickupDepartureS;
    let prev = pickupLoc;
    for (let q = p + 1; q <= n; q++) {
      if (!amountOk(q)) break;
      const arrivalS = timeS + durationS[prev * stride + locAt[q]!]!;
      if (arrivalS > r.latestArrivalS[q]!) break;
      const startS = serviceStart(inst, r.tasks[q - 1]!, arrivalS);
      if (startS === Infinity) break;
      timeS = startS + inst.serviceS[r.tasks[q - 1]!]!;
      prev = locAt[q]!;
      const fromLoc = locAt[q]!;
      const toLoc = locAt[q + 1]!;
      const delta =
        pickDelta +
        cost[fromLoc * stride + deliveryLoc]! +
        cost[deliveryLoc * stride + toLoc]! -
        cost[fromLoc * stride + toLoc]! +
        open;
      if (delta >= best.cost) continue;
      const deliveryStartS = serviceStart(inst, delivery, timeS + durationS[fromLoc * stride + deliveryLoc]!);
      if (deliveryStartS === Infinity) continue;
      if (
        deliveryStartS + inst.serviceS[delivery]! + durationS[deliveryLoc * stride + toLoc]! >
        r.latestArrivalS[q + 1]!
      )
        continue;
      if (
        pickDeltaDur +
          durationS[fromLoc * stride + deliveryLoc]! +
          durationS[deliveryLoc * stride + toLoc]! -
          durationS[fromLoc * stride + toLoc]! >
        travelLeftS
      )
        continue;
      if (
        pickDeltaDist +
          distanceM[fromLoc * stride + deliveryLoc]! +
          distanceM[deliveryLoc * stride + toLoc]! -
          distanceM[fromLoc * stride + toLoc]! >
        distanceLeftM
      )
        continue;
      if (withBreaks && !feasibleWithBreaks(inst, r, pickup, p, delivery, q)) continue;
      if (blink > 0 && rng.next() < blink) continue;
      best.cost = delta;
      best.route = v;
      best.p = p;
      best.q = q;
    }
  }
}

/** The cheapest feasible insertion of task x (a job, or a shipment by its pickup) into route `r`. */
export function bestInsertionInRoute(
  inst: Instance,
  r: Route,
  x: number,
  best: Best,
  rng: Rng,
  blink: number,
): void {
  if (inst.kind[x] === PICKUP) bestShipmentInRoute(inst, r, x, best, rng, blink);
  else bestJobInRoute(inst, r, x, best, rng, blink);
}
