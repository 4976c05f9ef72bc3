import type { Instance } from './instance';

/** Earliest service start at task `t` when arriving at `arrival`, or Infinity when every window has closed. */
export function serviceStart(inst: Instance, t: number, arrival: number): number {
  const end = inst.twOff[t + 1]!;
  for (let w = inst.twOff[t]!; w < end; w++) {
    if (arrival <= inst.twEnd[w]!) return arrival > inst.twStart[w]! ? arrival : inst.twStart[w]!;
  }
  return Infinity;
}

/** Latest arrival at task `t` from which service can start and still leave by `leaveBy`, or -Infinity. */
export function latestArrival(inst: Instance, t: number, leaveBy: number): number {
  const bound = leaveBy - inst.service[t]!;
  for (let w = inst.twOff[t + 1]! - 1; w >= inst.twOff[t]!; w--) {
    if (inst.twStart[w]! <= bound) return bound < inst.twEnd[w]! ? bound : inst.twEnd[w]!;
  }
  return -Infinity;
}

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
  dep: Float64Array;
  lat: Float64Array;
  cumDur: Float64Array;
  cumDist: Float64Array;
  load: Float64Array;
  pre: Float64Array;
  suf: Float64Array;
  /** Travel cost of the route plus its fixed cost (as searched) when it serves anything. */
  cost = 0;
  /** Travel cost only. */
  travelCost = 0;
  feasible = true;

  constructor(
    readonly inst: Instance,
    readonly v: number,
  ) {
    const cap = 8;
    this.tasks = new Int32Array(cap);
    this.locAt = new Int32Array(cap + 2);
    this.dep = new Float64Array(cap + 2);
    this.lat = new Float64Array(cap + 2);
    this.cumDur = new Float64Array(cap + 2);
    this.cumDist = new Float64Array(cap + 2);
    this.load = new Float64Array((cap + 2) * inst.dims);
    this.pre = new Float64Array((cap + 2) * inst.dims);
    this.suf = new Float64Array((cap + 2) * inst.dims);
    this.update();
  }

  ensure(cap: number): void {
    if (cap <= this.tasks.length) return;
    let c = this.tasks.length;
    while (c < cap) c *= 2;
    const grow = <T extends Int32Array | Float64Array>(a: T, n: number): T => {
      const b = new (a.constructor as new (n: number) => T)(n);
      b.set(a.subarray(0, Math.min(a.length, n)));
      return b;
    };
    const d = this.inst.dims;
    this.tasks = grow(this.tasks, c);
    this.locAt = grow(this.locAt, c + 2);
    this.dep = grow(this.dep, c + 2);
    this.lat = grow(this.lat, c + 2);
    this.cumDur = grow(this.cumDur, c + 2);
    this.cumDist = grow(this.cumDist, c + 2);
    this.load = grow(this.load, (c + 2) * d);
    this.pre = grow(this.pre, (c + 2) * d);
    this.suf = grow(this.suf, (c + 2) * d);
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
    const dims = inst.dims;
    const stride = inst.stride;
    const m = inst.vehMat[v]!;
    const D = inst.dur[m]!;
    const L = inst.dist[m]!;
    const C = inst.cost[m]!;
    const n = this.len;
    const { locAt, dep, lat, cumDur, cumDist, load, pre, suf, tasks } = this;
    const twOff = inst.twOff;
    const twStart = inst.twStart;
    const twEnd = inst.twEnd;
    locAt[0] = inst.vehStart[v]!;
    locAt[n + 1] = inst.vehEnd[v]!;
    for (let i = 0; i < n; i++) locAt[i + 1] = inst.loc[tasks[i]!]!;
    dep[0] = inst.shiftStart[v]!;
    cumDur[0] = 0;
    cumDist[0] = 0;
    for (let d = 0; d < dims; d++) load[d] = 0;
    for (let i = 0; i < n; i++) {
      const t = tasks[i]!;
      for (let d = 0; d < dims; d++) load[d] = load[d]! + inst.startLoad[t * dims + d]!;
    }
    let travel = 0;
    let feasible = true;
    for (let k = 1; k <= n + 1; k++) {
      const a = locAt[k - 1]! * stride + locAt[k]!;
      travel += C[a]!;
      cumDur[k] = cumDur[k - 1]! + D[a]!;
      cumDist[k] = cumDist[k - 1]! + L[a]!;
      const arrival = dep[k - 1]! + D[a]!;
      if (k <= n) {
        const t = tasks[k - 1]!;
        const w0 = twOff[t]!;
        let s: number;
        if (twOff[t + 1]! - w0 === 1) {
          // One window, the common case, inline.
          if (arrival > twEnd[w0]!) feasible = false;
          s = arrival > twStart[w0]! ? arrival : twStart[w0]!;
        } else {
          s = serviceStart(inst, t, arrival);
          if (s === Infinity) feasible = false;
        }
        dep[k] = s + inst.service[t]!;
        for (let d = 0; d < dims; d++)
          load[k * dims + d] = load[(k - 1) * dims + d]! + inst.delta[t * dims + d]!;
      } else {
        dep[k] = arrival;
        for (let d = 0; d < dims; d++) load[k * dims + d] = load[(k - 1) * dims + d]!;
      }
    }
    lat[n + 1] = inst.deadline[v]!;
    if (dep[n + 1]! > lat[n + 1]!) feasible = false;
    for (let k = n; k >= 1; k--) {
      const t = tasks[k - 1]!;
      const leaveBy = lat[k + 1]! - D[locAt[k]! * stride + locAt[k + 1]!]!;
      const w0 = twOff[t]!;
      if (twOff[t + 1]! - w0 === 1) {
        const bound = leaveBy - inst.service[t]!;
        lat[k] = bound < twStart[w0]! ? -Infinity : bound < twEnd[w0]! ? bound : twEnd[w0]!;
      } else lat[k] = latestArrival(inst, t, leaveBy);
    }
    lat[0] = lat[1]!;
    for (let d = 0; d < dims; d++) {
      pre[d] = load[d]!;
      suf[(n + 1) * dims + d] = load[(n + 1) * dims + d]!;
    }
    for (let k = 1; k <= n + 1; k++) {
      for (let d = 0; d < dims; d++) {
        const x = load[k * dims + d]!;
        const p = pre[(k - 1) * dims + d]!;
        pre[k * dims + d] = x > p ? x : p;
      }
    }
    for (let k = n; k >= 0; k--) {
      for (let d = 0; d < dims; d++) {
        const x = load[k * dims + d]!;
        const s = suf[(k + 1) * dims + d]!;
        suf[k * dims + d] = x > s ? x : s;
      }
    }
    for (let d = 0; d < dims; d++)
      if (pre[(n + 1) * dims + d]! > inst.capacity[v * dims + d]!) feasible = false;
    if (n > inst.maxTasks[v]! || cumDur[n + 1]! > inst.maxTravel[v]! || cumDist[n + 1]! > inst.maxDist[v]!)
      feasible = false;
    this.travelCost = travel;
    this.cost = n > 0 ? travel + inst.fixedSearch[v]! : 0;
    this.feasible = feasible;
  }
}
