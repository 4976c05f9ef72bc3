import { scheduleBreaks } from './breaks';
import type { Instance } from './instance/index';
import { latestArrival, serviceStart } from './instance/windows';

// Defined in instance/windows.ts so that breaks.ts can use them without importing the Route.
export { latestArrival, serviceStart };

/**
 * One vehicle's route with the cached prefix and suffix data that make an insertion's
 * feasibility and cost an O(dims) question: departure times forward, latest arrivals backward,
 * loads with prefix and suffix maxima, cumulative travel time and distance.
 * Position 0 is the start, positions 1..len the tasks, len + 1 the end.
 */
export class Route {
  tasks: Int32Array;
  len = 0;
  locAt: Int32Array;
  departureS: Float64Array;
  latestArrivalS: Float64Array;
  /** Travel time and distance from the start to each position. */
  travelTimeS: Float64Array;
  distanceM: Float64Array;
  /** Load after each position, per dimension, and its maxima up to and from each position. */
  load: Float64Array;
  loadPrefixMax: Float64Array;
  loadSuffixMax: Float64Array;
  /** Deliveries (amounts on board from the start) of the tasks up to each position, per dimension. */
  deliveredBy: Float64Array;
  /** Travel cost of the route plus its fixed cost (as searched) when it serves anything. */
  cost = 0;
  /** Travel cost only. */
  travelCost = 0;
  feasible = true;

  constructor(
    readonly inst: Instance,
    readonly v: number,
  ) {
    const capacity = 8;
    this.tasks = new Int32Array(capacity);
    this.locAt = new Int32Array(capacity + 2);
    this.departureS = new Float64Array(capacity + 2);
    this.latestArrivalS = new Float64Array(capacity + 2);
    this.travelTimeS = new Float64Array(capacity + 2);
    this.distanceM = new Float64Array(capacity + 2);
    this.load = new Float64Array((capacity + 2) * inst.dims);
    this.loadPrefixMax = new Float64Array((capacity + 2) * inst.dims);
    this.loadSuffixMax = new Float64Array((capacity + 2) * inst.dims);
    this.deliveredBy = new Float64Array((capacity + 2) * inst.dims);
    this.update();
  }

  ensure(needed: number): void {
    if (needed <= this.tasks.length) return;
    let capacity = this.tasks.length;
    while (capacity < needed) capacity *= 2;
    const grow = <T extends Int32Array | Float64Array>(old: T, size: number): T => {
      const grown = new (old.constructor as new (size: number) => T)(size);
      grown.set(old.subarray(0, Math.min(old.length, size)));
      return grown;
    };
    const dims = this.inst.dims;
    this.tasks = grow(this.tasks, capacity);
    this.locAt = grow(this.locAt, capacity + 2);
    this.departureS = grow(this.departureS, capacity + 2);
    this.latestArrivalS = grow(this.latestArrivalS, capacity + 2);
    this.travelTimeS = grow(this.travelTimeS, capacity + 2);
    this.distanceM = grow(this.distanceM, capacity + 2);
    this.load = grow(this.load, (capacity + 2) * dims);
    this.loadPrefixMax = grow(this.loadPrefixMax, (capacity + 2) * dims);
    this.loadSuffixMax = grow(this.loadSuffixMax, (capacity + 2) * dims);
    this.deliveredBy = grow(this.deliveredBy, (capacity + 2) * dims);
  }

  setTasks(tasks: ArrayLike<number>, n = tasks.length): void {
    this.ensure(n);
    for (let i = 0; i < n; i++) this.tasks[i] = tasks[i]!;
    this.len = n;
    this.update();
  }

  /** Insert `t` so that it becomes task number `index` (0-based). */
  insertAt(index: number, t: number): void {
    this.ensure(this.len + 1);
    this.tasks.copyWithin(index + 1, index, this.len);
    this.tasks[index] = t;
    this.len++;
  }

  /** Recomputes every cache from `tasks`. */
  update(): void {
    const inst = this.inst;
    const v = this.v;
    const n = this.len;
    const locAt = this.locAt;
    locAt[0] = inst.vehStart[v]!;
    locAt[n + 1] = inst.vehEnd[v]!;
    for (let i = 0; i < n; i++) locAt[i + 1] = inst.loc[this.tasks[i]!]!;
    let feasible = this.forward();
    feasible = this.backward() && feasible;
    feasible = this.loads() && feasible;
    // Breaks need the whole route (the O(1) caches above do not see them): checked only for vehicles that have some.
    if (feasible && n > 0 && inst.breaks.offset[v + 1]! > inst.breaks.offset[v]!)
      feasible = scheduleBreaks(inst, this, inst.shiftStartS[v]!, null);
    if (
      n > inst.maxTasks[v]! ||
      this.travelTimeS[n + 1]! > inst.maxTravelTimeS[v]! ||
      this.distanceM[n + 1]! > inst.maxDistanceM[v]!
    )
      feasible = false;
    this.cost = n > 0 ? this.travelCost + inst.fixedSearch[v]! : 0;
    this.feasible = feasible;
  }

  /** Departure times, cumulative travel and the travel cost; false when a window is missed. */
  private forward(): boolean {
    const inst = this.inst;
    const v = this.v;
    const stride = inst.stride;
    const matrixSet = inst.vehMatrixSet[v]!;
    const durationS = inst.durationS[matrixSet]!;
    const distanceM = inst.distanceM[matrixSet]!;
    const cost = inst.cost[matrixSet]!;
    const n = this.len;
    const { locAt, departureS, tasks } = this;
    const { windowOffset, windowStartS, windowEndS } = inst;
    departureS[0] = inst.shiftStartS[v]!;
    this.travelTimeS[0] = 0;
    this.distanceM[0] = 0;
    let travel = 0;
    let feasible = true;
    for (let k = 1; k <= n + 1; k++) {
      const arc = locAt[k - 1]! * stride + locAt[k]!;
      travel += cost[arc]!;
      this.travelTimeS[k] = this.travelTimeS[k - 1]! + durationS[arc]!;
      this.distanceM[k] = this.distanceM[k - 1]! + distanceM[arc]!;
      const arrivalS = departureS[k - 1]! + durationS[arc]!;
      if (k > n) {
        departureS[k] = arrivalS;
        continue;
      }
      const t = tasks[k - 1]!;
      const window = windowOffset[t]!;
      let startS: number;
      if (windowOffset[t + 1]! - window === 1) {
        // One window, the common case, inline.
        if (arrivalS > windowEndS[window]!) feasible = false;
        startS = arrivalS > windowStartS[window]! ? arrivalS : windowStartS[window]!;
      } else {
        startS = serviceStart(inst, t, arrivalS);
        if (startS === Infinity) feasible = false;
      }
      departureS[k] = startS + inst.serviceS[t]!;
    }
    this.travelCost = travel;
    return feasible;
  }

  /** Latest arrival at each position that keeps the rest of the route feasible; false when the end is late. */
  private backward(): boolean {
    const inst = this.inst;
    const v = this.v;
    const stride = inst.stride;
    const durationS = inst.durationS[inst.vehMatrixSet[v]!]!;
    const n = this.len;
    const { locAt, latestArrivalS, tasks } = this;
    const { windowOffset, windowStartS, windowEndS } = inst;
    latestArrivalS[n + 1] = inst.deadlineS[v]!;
    const feasible = this.departureS[n + 1]! <= latestArrivalS[n + 1]!;
    for (let k = n; k >= 1; k--) {
      const t = tasks[k - 1]!;
      const leaveByS = latestArrivalS[k + 1]! - durationS[locAt[k]! * stride + locAt[k + 1]!]!;
      const window = windowOffset[t]!;
      if (windowOffset[t + 1]! - window === 1) {
        const boundS = leaveByS - inst.serviceS[t]!;
        latestArrivalS[k] =
          boundS < windowStartS[window]!
            ? -Infinity
            : boundS < windowEndS[window]!
              ? boundS
              : windowEndS[window]!;
      } else latestArrivalS[k] = latestArrival(inst, t, leaveByS);
    }
    latestArrivalS[0] = latestArrivalS[1]!;
    return feasible;
  }

  /** Loads after each position with prefix and suffix maxima; false when a capacity is exceeded. */
  private loads(): boolean {
    const inst = this.inst;
    const dims = inst.dims;
    const n = this.len;
    const { load, loadPrefixMax, loadSuffixMax, deliveredBy, tasks } = this;
    for (let d = 0; d < dims; d++) deliveredBy[d] = 0;
    for (let k = 1; k <= n + 1; k++) {
      const t = k <= n ? tasks[k - 1]! : -1;
      for (let d = 0; d < dims; d++)
        deliveredBy[k * dims + d] =
          deliveredBy[(k - 1) * dims + d]! + (t >= 0 ? inst.startLoad[t * dims + d]! : 0);
    }
    for (let d = 0; d < dims; d++) load[d] = 0;
    for (let i = 0; i < n; i++) {
      const t = tasks[i]!;
      for (let d = 0; d < dims; d++) load[d] = load[d]! + inst.startLoad[t * dims + d]!;
    }
    for (let k = 1; k <= n + 1; k++) {
      const t = k <= n ? tasks[k - 1]! : -1;
      for (let d = 0; d < dims; d++)
        load[k * dims + d] = load[(k - 1) * dims + d]! + (t >= 0 ? inst.loadChange[t * dims + d]! : 0);
    }
    for (let d = 0; d < dims; d++) {
      loadPrefixMax[d] = load[d]!;
      loadSuffixMax[(n + 1) * dims + d] = load[(n + 1) * dims + d]!;
    }
    for (let k = 1; k <= n + 1; k++) {
      for (let d = 0; d < dims; d++) {
        const here = load[k * dims + d]!;
        const before = loadPrefixMax[(k - 1) * dims + d]!;
        loadPrefixMax[k * dims + d] = here > before ? here : before;
      }
    }
    for (let k = n; k >= 0; k--) {
      for (let d = 0; d < dims; d++) {
        const here = load[k * dims + d]!;
        const after = loadSuffixMax[(k + 1) * dims + d]!;
        loadSuffixMax[k * dims + d] = here > after ? here : after;
      }
    }
    let feasible = true;
    for (let d = 0; d < dims; d++)
      if (loadPrefixMax[(n + 1) * dims + d]! > inst.capacity[this.v * dims + d]!) feasible = false;
    return feasible;
  }
}
