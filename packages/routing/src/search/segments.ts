import { JOB, type Instance } from '../instance/index';
import { serviceStart } from '../route';
import type { Route } from '../route';

/**
 * O(1) feasibility of a route made of a prefix of one route, at most one task, and a suffix of
 * another (or the same) route: the concatenation of their duration and load segments, in the
 * spirit of PyVRP's `DurationSegment`/`LoadSegment`, read from the caches every `Route` keeps.
 * A prefix's duration segment is its earliest departure (`departureS`), a suffix's is its latest
 * arrival (`latestArrivalS`); a prefix's load segment is its peak load and its deliveries and
 * pickups, from `loadPrefixMax`, `deliveredBy` and `load`, and likewise for a suffix.
 *
 * A suffix's latest arrivals hold for its own vehicle only, so this applies when every vehicle
 * is alike (same matrices, shift, limits, capacity and skills) and there are no shipments (a
 * pair split by a move is not visible in the segments): `applies`. Otherwise moves are checked
 * by rebuilding the candidate routes.
 */
export class SegmentCheck {
  readonly applies: boolean;

  constructor(private readonly inst: Instance) {
    this.applies = SegmentCheck.uniform(inst);
  }

  private static uniform(inst: Instance): boolean {
    // Breaks are placed by a whole-route schedule (`breaks.ts`) that the segments do not model.
    if (inst.breaks.count > 0) return false;
    for (let t = 0; t < inst.nTasks; t++) if (inst.kind[t] !== JOB) return false;
    const dims = inst.dims;
    for (let v = 1; v < inst.nVeh; v++) {
      if (
        inst.vehMatrixSet[v] !== inst.vehMatrixSet[0] ||
        inst.vehStart[v] !== inst.vehStart[0] ||
        inst.vehEnd[v] !== inst.vehEnd[0] ||
        inst.shiftStartS[v] !== inst.shiftStartS[0] ||
        inst.deadlineS[v] !== inst.deadlineS[0] ||
        inst.fixedSearch[v] !== inst.fixedSearch[0] ||
        inst.maxTasks[v] !== inst.maxTasks[0] ||
        inst.maxTravelTimeS[v] !== inst.maxTravelTimeS[0] ||
        inst.maxDistanceM[v] !== inst.maxDistanceM[0]
      )
        return false;
      for (let d = 0; d < dims; d++) if (inst.capacity[v * dims + d] !== inst.capacity[d]) return false;
      for (let t = 0; t < inst.nTasks; t++)
        if (inst.compat[v * inst.nTasks + t] !== inst.compat[t]) return false;
    }
    for (let t = 0; t < inst.nTasks; t++) if (inst.compat[t] === 0) return false;
    return true;
  }

  /**
   * Whether prefix `head` (positions 0..k), then task `middle` (-1: none), then suffix `tail`
   * (positions m..len + 1) make a feasible route. Vehicles are alike, so whose it is does not matter.
   */
  feasible(head: Route, k: number, middle: number, tail: Route, m: number): boolean {
    const inst = this.inst;
    const stride = inst.stride;
    const v = head.v;
    const matrixSet = inst.vehMatrixSet[v]!;
    const durationS = inst.durationS[matrixSet]!;
    const distanceM = inst.distanceM[matrixSet]!;
    const headLoc = head.locAt[k]!;
    const tailLoc = tail.locAt[m]!;
    const tailTasks = tail.len + 1 - m;
    let tasks = k + tailTasks;
    let travelS = head.travelTimeS[k]! + tail.travelTimeS[tail.len + 1]! - tail.travelTimeS[m]!;
    let distance = head.distanceM[k]! + tail.distanceM[tail.len + 1]! - tail.distanceM[m]!;
    let arrivalS: number;
    if (middle < 0) {
      const arc = headLoc * stride + tailLoc;
      arrivalS = head.departureS[k]! + durationS[arc]!;
      travelS += durationS[arc]!;
      distance += distanceM[arc]!;
    } else {
      tasks++;
      const loc = inst.loc[middle]!;
      const into = headLoc * stride + loc;
      const out = loc * stride + tailLoc;
      const startS = serviceStart(inst, middle, head.departureS[k]! + durationS[into]!);
      if (startS === Infinity) return false;
      arrivalS = startS + inst.serviceS[middle]! + durationS[out]!;
      travelS += durationS[into]! + durationS[out]!;
      distance += distanceM[into]! + distanceM[out]!;
    }
    if (arrivalS > tail.latestArrivalS[m]!) return false;
    if (tasks > inst.maxTasks[v]! || travelS > inst.maxTravelTimeS[v]! || distance > inst.maxDistanceM[v]!)
      return false;
    return this.loadsFit(head, k, middle, tail, m);
  }

  /**
   * Loads of the concatenation. The load at a stop is the pickups so far plus the deliveries
   * still on board, so the head's loads shift by the change of deliveries after it, and the
   * tail's by the change of pickups before it.
   */
  private loadsFit(head: Route, k: number, middle: number, tail: Route, m: number): boolean {
    const inst = this.inst;
    const dims = inst.dims;
    const capacityOffset = head.v * dims;
    for (let d = 0; d < dims; d++) {
      const capacity = inst.capacity[capacityOffset + d]!;
      const middleDelivery = middle < 0 ? 0 : inst.startLoad[middle * dims + d]!;
      const middlePickup = middle < 0 ? 0 : middleDelivery + inst.loadChange[middle * dims + d]!;
      const headDeliveredAfter = head.load[d]! - head.deliveredBy[k * dims + d]!;
      const tailDelivered = tail.load[d]! - tail.deliveredBy[(m - 1) * dims + d]!;
      const headPicked = head.load[k * dims + d]! - head.load[d]! + head.deliveredBy[k * dims + d]!;
      const tailPickedBefore =
        tail.load[(m - 1) * dims + d]! - tail.load[d]! + tail.deliveredBy[(m - 1) * dims + d]!;
      const deliveriesAfterHead = middleDelivery + tailDelivered;
      if (head.loadPrefixMax[k * dims + d]! - headDeliveredAfter + deliveriesAfterHead > capacity)
        return false;
      if (headPicked + middlePickup + tailDelivered > capacity) return false;
      if (tail.loadSuffixMax[m * dims + d]! - tailPickedBefore + headPicked + middlePickup > capacity)
        return false;
    }
    return true;
  }
}
