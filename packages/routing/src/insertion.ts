import { PICKUP, type Instance } from './instance/index';
import type { Route } from './route';
import { serviceStart } from './route';
import type { Rng } from './prng';

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
 * Tries every position of route `r` for single task `x` and records the cheapest feasible one in
 * `best` when it beats `best.cost`. With probability `blink` a better position is skipped (SISR).
 */
export function bestJobInRoute(
  inst: Instance,
  r: Route,
  x: number,
  best: Best,
  rng: Rng,
  blink: number,
): void {
  const v = r.v;
  if (inst.compat[v * inst.nTasks + x] === 0) return;
  if (r.len + 1 > inst.maxTasks[v]!) return;
  const dims = inst.dims;
  const n = r.len;
  const load = r.load;
  const loadPrefixMax = r.loadPrefixMax;
  const loadSuffixMax = r.loadSuffixMax;
  const capOff = v * dims;
  const tOff = x * dims;
  const stride = inst.stride;
  const m = inst.vehMatrixSet[v]!;
  const cost = inst.cost[m]!;
  const durationS = inst.durationS[m]!;
  const distanceM = inst.distanceM[m]!;
  const lx = inst.loc[x]!;
  const serviceS = inst.serviceS[x]!;
  const open = openCost(inst, r);
  const travelLeft = inst.maxTravelTimeS[v]! - r.travelTimeS[n + 1]!;
  const distLeft = inst.maxDistanceM[v]! - r.distanceM[n + 1]!;
  const singleWindow = inst.windowOffset[x + 1]! - inst.windowOffset[x]! === 1;
  const windowOpenS = inst.windowStartS[inst.windowOffset[x]!]!;
  const windowCloseS = inst.windowEndS[inst.windowOffset[x]!]!;
  const locAt = r.locAt;
  const departureS = r.departureS;
  const latestArrivalS = r.latestArrivalS;
  // Loads: the start load rises at every position, so it must fit; if even the route's peak plus
  // the task fits, no position needs its own load check.
  let checkLoads = false;
  for (let d = 0; d < dims; d++) {
    const cap = inst.capacity[capOff + d]!;
    const sl = inst.startLoad[tOff + d]!;
    const after = sl + inst.loadChange[tOff + d]!;
    if (load[d]! + sl > cap) return;
    const peak = loadPrefixMax[(n + 1) * dims + d]!;
    if (peak + (sl > after ? sl : after) > cap) checkLoads = true;
  }
  for (let p = 0; p <= n; p++) {
    const u = locAt[p]!;
    const w = locAt[p + 1]!;
    const ux = u * stride + lx;
    const xw = lx * stride + w;
    const uw = u * stride + w;
    const delta = cost[ux]! + cost[xw]! - cost[uw]! + open;
    if (delta >= best.cost) continue;
    const arrival = departureS[p]! + durationS[ux]!;
    let s: number;
    if (singleWindow) {
      if (arrival > windowCloseS) continue;
      s = arrival > windowOpenS ? arrival : windowOpenS;
    } else {
      s = serviceStart(inst, x, arrival);
      if (s === Infinity) continue;
    }
    if (s + serviceS + durationS[xw]! > latestArrivalS[p + 1]!) continue;
    if (durationS[ux]! + durationS[xw]! - durationS[uw]! > travelLeft) continue;
    if (distanceM[ux]! + distanceM[xw]! - distanceM[uw]! > distLeft) continue;
    let ok = true;
    for (let d = 0; checkLoads && d < dims; d++) {
      const cap = inst.capacity[capOff + d]!;
      const sl = inst.startLoad[tOff + d]!;
      const after = sl + inst.loadChange[tOff + d]!;
      if (
        loadPrefixMax[p * dims + d]! + sl > cap ||
        load[p * dims + d]! + after > cap ||
        loadSuffixMax[(p + 1) * dims + d]! + after > cap
      ) {
        ok = false;
        break;
      }
    }
    if (!ok) continue;
    if (blink > 0 && rng.next() < blink) continue;
    best.cost = delta;
    best.route = r.v;
    best.p = p;
    best.q = -1;
  }
}

/**
 * Tries every (pickup, delivery) position pair of route `r` for shipment pickup `x` and its delivery.
 * O(len²) per route, with an incremental walk of the shifted times for each pickup position.
 */
export function bestShipmentInRoute(
  inst: Instance,
  r: Route,
  x: number,
  best: Best,
  rng: Rng,
  blink: number,
): void {
  const v = r.v;
  const y = inst.partner[x]!;
  const nT = inst.nTasks;
  if (inst.compat[v * nT + x] === 0 || inst.compat[v * nT + y] === 0) return;
  if (r.len + 2 > inst.maxTasks[v]!) return;
  const dims = inst.dims;
  const n = r.len;
  const stride = inst.stride;
  const m = inst.vehMatrixSet[v]!;
  const cost = inst.cost[m]!;
  const durationS = inst.durationS[m]!;
  const distanceM = inst.distanceM[m]!;
  const lx = inst.loc[x]!;
  const ly = inst.loc[y]!;
  const open = openCost(inst, r);
  const travelLeft = inst.maxTravelTimeS[v]! - r.travelTimeS[n + 1]!;
  const distLeft = inst.maxDistanceM[v]! - r.distanceM[n + 1]!;
  const locAt = r.locAt;
  const capOff = v * dims;
  const amountOk = (k: number) => {
    for (let d = 0; d < dims; d++) {
      if (r.load[k * dims + d]! + inst.loadChange[x * dims + d]! > inst.capacity[capOff + d]!) return false;
    }
    return true;
  };
  for (let p = 0; p <= n; p++) {
    if (!amountOk(p)) continue;
    const u = locAt[p]!;
    const arrX = r.departureS[p]! + durationS[u * stride + lx]!;
    const sX = serviceStart(inst, x, arrX);
    if (sX === Infinity) continue;
    const depX = sX + inst.serviceS[x]!;
    const pickCost = cost[u * stride + lx]!;
    const pickDur = durationS[u * stride + lx]!;
    const pickDist = distanceM[u * stride + lx]!;
    // Delivery right after the pickup.
    {
      const w = locAt[p + 1]!;
      const delta =
        pickCost + cost[lx * stride + ly]! + cost[ly * stride + w]! - cost[u * stride + w]! + open;
      if (delta < best.cost) {
        const sY = serviceStart(inst, y, depX + durationS[lx * stride + ly]!);
        if (
          sY !== Infinity &&
          sY + inst.serviceS[y]! + durationS[ly * stride + w]! <= r.latestArrivalS[p + 1]! &&
          pickDur + durationS[lx * stride + ly]! + durationS[ly * stride + w]! - durationS[u * stride + w]! <=
            travelLeft &&
          pickDist +
            distanceM[lx * stride + ly]! +
            distanceM[ly * stride + w]! -
            distanceM[u * stride + w]! <=
            distLeft &&
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
    const xw = lx * stride + locAt[p + 1]!;
    const uw = u * stride + locAt[p + 1]!;
    const pickDelta = pickCost + cost[xw]! - cost[uw]!;
    const pickDeltaDur = pickDur + durationS[xw]! - durationS[uw]!;
    const pickDeltaDist = pickDist + distanceM[xw]! - distanceM[uw]!;
    let t = depX;
    let prev = lx;
    for (let q = p + 1; q <= n; q++) {
      if (!amountOk(q)) break;
      const arr = t + durationS[prev * stride + locAt[q]!]!;
      if (arr > r.latestArrivalS[q]!) break;
      const s = serviceStart(inst, r.tasks[q - 1]!, arr);
      if (s === Infinity) break;
      t = s + inst.serviceS[r.tasks[q - 1]!]!;
      prev = locAt[q]!;
      const a = locAt[q]!;
      const b = locAt[q + 1]!;
      const delta =
        pickDelta + cost[a * stride + ly]! + cost[ly * stride + b]! - cost[a * stride + b]! + open;
      if (delta >= best.cost) continue;
      const sY = serviceStart(inst, y, t + durationS[a * stride + ly]!);
      if (sY === Infinity) continue;
      if (sY + inst.serviceS[y]! + durationS[ly * stride + b]! > r.latestArrivalS[q + 1]!) continue;
      if (
        pickDeltaDur +
          durationS[a * stride + ly]! +
          durationS[ly * stride + b]! -
          durationS[a * stride + b]! >
        travelLeft
      )
        continue;
      if (
        pickDeltaDist +
          distanceM[a * stride + ly]! +
          distanceM[ly * stride + b]! -
          distanceM[a * stride + b]! >
        distLeft
      )
        continue;
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
