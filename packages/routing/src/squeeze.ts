import type { Instance } from './instance/index';
import type { Solution } from './solution';

/** Penalty-decreasing moves the repair may make before it gives up. */
const MAX_REPAIR_MOVES = 200;
/** Neighbours of a task the repair looks at (granular, as the local search). */
const REPAIR_NEIGHBOURS = 20;
/** Factor by which α moves after a failed squeeze, and its bounds. */
const ALPHA_STEP = 1.1;
const ALPHA_MIN = 1e-3;
const ALPHA_MAX = 1e3;

/**
 * The squeeze step of Nagata & Bräysy (2009) for route elimination: a task that fits nowhere goes
 * in where the penalty F = load excess + α · time warp is least, which leaves its route
 * overloaded or late, and a local search that accepts only moves lowering the total F (relocate,
 * swap and 2-opt* between a task of an infeasible route and one of its neighbours, wherever that
 * neighbour is) tries to bring F to zero. Time warp is the time a vehicle would have to travel
 * back to be in a window: arriving after a window's end counts as arriving at it, plus the
 * excess (Nagata, Bräysy & Dullaert 2010). When F reaches zero the repaired routes replace the
 * solution's; otherwise the solution is untouched. α adapts: a squeeze that fails late raises
 * it, one that fails overloaded lowers it, so the insertion learns which violation the repair
 * can fix on this instance.
 *
 * Jobs only (the route elimination phase's own restriction). The repair works on copies of the
 * routes' task lists; the routes it writes back are checked by the solution's own feasibility.
 */
export class Squeeze {
  /** Weight of time warp against load excess. */
  alpha = 1;
  /** Squeezes tried and those that ended feasible. */
  tried = 0;
  succeeded = 0;
  private readonly seqs: Int32Array[];
  private readonly lens: Int32Array;
  private readonly excess: Float64Array;
  private readonly warp: Float64Array;
  private readonly changed: Uint8Array;
  private readonly routeOf: Int32Array;
  private readonly posOf: Int32Array;
  private readonly bufA: Int32Array;
  private readonly bufB: Int32Array;
  /** The routes as they were, to restore if a written-back route is not feasible after all. */
  private readonly originals: Int32Array[];
  private readonly originalLens: Int32Array;
  /** Penalty parts of the last `evaluate`. */
  private lastExcess = 0;
  private lastWarp = 0;

  constructor(
    private readonly inst: Instance,
    private readonly sol: Solution,
  ) {
    const n = inst.nTasks;
    this.seqs = Array.from({ length: inst.nVeh }, () => new Int32Array(n + 1));
    this.lens = new Int32Array(inst.nVeh);
    this.excess = new Float64Array(inst.nVeh);
    this.warp = new Float64Array(inst.nVeh);
    this.changed = new Uint8Array(inst.nVeh);
    this.routeOf = new Int32Array(n);
    this.posOf = new Int32Array(n);
    this.bufA = new Int32Array(n + 1);
    this.bufB = new Int32Array(n + 1);
    this.originals = Array.from({ length: inst.nVeh }, () => new Int32Array(n + 1));
    this.originalLens = new Int32Array(inst.nVeh);
  }

  /** Puts job x (served by no route) into the solution; false, and nothing changed, when it cannot. */
  run(x: number): boolean {
    this.tried++;
    this.copyRoutes();
    if (!this.insertLeastPenalty(x)) return false;
    const repaired = this.repair();
    if (!repaired) {
      this.adaptAlpha();
      return false;
    }
    if (!this.writeBack(x)) return false;
    this.succeeded++;
    return true;
  }

  private copyRoutes(): void {
    const { inst, sol } = this;
    this.routeOf.fill(-1);
    for (let v = 0; v < inst.nVeh; v++) {
      const r = sol.routes[v]!;
      this.lens[v] = r.len;
      this.originalLens[v] = r.len;
      this.changed[v] = 0;
      for (let i = 0; i < r.len; i++) this.place(v, i, r.tasks[i]!);
      this.originals[v]!.set(r.tasks.subarray(0, r.len));
      this.excess[v] = 0;
      this.warp[v] = 0;
    }
  }

  private place(v: number, i: number, t: number): void {
    this.seqs[v]![i] = t;
    this.routeOf[t] = v;
    this.posOf[t] = i;
  }

  private penalty(v: number): number {
    return this.excess[v]! + this.alpha * this.warp[v]!;
  }

  /** x at its least-penalty place in a used route; false when no used route may take it. */
  private insertLeastPenalty(x: number): boolean {
    const inst = this.inst;
    let bestF = Infinity;
    let bestV = -1;
    let bestPos = -1;
    let bestExcess = 0;
    let bestWarp = 0;
    for (let v = 0; v < inst.nVeh; v++) {
      const len = this.lens[v]!;
      if (len === 0 || inst.compat[v * inst.nTasks + x] === 0) continue;
      const seq = this.seqs[v]!;
      for (let p = 0; p <= len; p++) {
        let m = 0;
        for (let i = 0; i < p; i++) this.bufA[m++] = seq[i]!;
        this.bufA[m++] = x;
        for (let i = p; i < len; i++) this.bufA[m++] = seq[i]!;
        const f = this.evaluate(v, this.bufA, m);
        if (f < bestF) {
          bestF = f;
          bestV = v;
          bestPos = p;
          bestExcess = this.lastExcess;
          bestWarp = this.lastWarp;
        }
      }
    }
    if (bestV < 0 || bestF === Infinity) return false;
    const seq = this.seqs[bestV]!;
    const len = this.lens[bestV]!;
    for (let i = len; i > bestPos; i--) this.place(bestV, i, seq[i - 1]!);
    this.place(bestV, bestPos, x);
    this.lens[bestV] = len + 1;
    this.excess[bestV] = bestExcess;
    this.warp[bestV] = bestWarp;
    this.changed[bestV] = 1;
    return true;
  }

  /** Penalty-decreasing moves until no route is infeasible (true) or none is left (false). */
  private repair(): boolean {
    const inst = this.inst;
    const k = Math.min(REPAIR_NEIGHBOURS, inst.granularK);
    for (let moves = 0; moves < MAX_REPAIR_MOVES; moves++) {
      let improved = false;
      for (let v = 0; v < inst.nVeh && !improved; v++) {
        if (this.penalty(v) === 0) continue;
        for (let i = 0; i < this.lens[v]! && !improved; i++) {
          const u = this.seqs[v]![i]!;
          for (let j = 0; j < k && !improved; j++) {
            const w = inst.granular[u * inst.granularK + j]!;
            const rw = this.routeOf[w]!;
            if (rw < 0 || rw === v) continue;
            improved = this.tryMoves(u, w);
          }
        }
      }
      if (!improved) return false;
      let total = 0;
      for (let v = 0; v < inst.nVeh; v++) total += this.penalty(v);
      if (total === 0) return true;
    }
    return false;
  }

  /** The first of relocate u after w, swap u and w, 2-opt* after u and w that lowers F; applied. */
  private tryMoves(u: number, w: number): boolean {
    const ru = this.routeOf[u]!;
    const rw = this.routeOf[w]!;
    const pu = this.posOf[u]!;
    const pw = this.posOf[w]!;
    const a = this.seqs[ru]!;
    const b = this.seqs[rw]!;
    const lenA = this.lens[ru]!;
    const lenB = this.lens[rw]!;
    const before = this.penalty(ru) + this.penalty(rw);
    const nT = this.inst.nTasks;
    const compat = this.inst.compat;
    // Relocate u after w.
    if (lenA > 1 && compat[rw * nT + u]) {
      let m = 0;
      for (let i = 0; i < lenA; i++) if (i !== pu) this.bufA[m++] = a[i]!;
      let q = 0;
      for (let i = 0; i <= pw; i++) this.bufB[q++] = b[i]!;
      this.bufB[q++] = u;
      for (let i = pw + 1; i < lenB; i++) this.bufB[q++] = b[i]!;
      if (this.applyIfBetter(ru, m, rw, q, before)) return true;
    }
    // Swap u and w.
    if (compat[rw * nT + u] && compat[ru * nT + w]) {
      for (let i = 0; i < lenA; i++) this.bufA[i] = i === pu ? w : a[i]!;
      for (let i = 0; i < lenB; i++) this.bufB[i] = i === pw ? u : b[i]!;
      if (this.applyIfBetter(ru, lenA, rw, lenB, before)) return true;
    }
    // 2-opt*: a's head to u with b's tail after w, and b's head to w with a's tail after u.
    let m = 0;
    for (let i = 0; i <= pu; i++) this.bufA[m++] = a[i]!;
    for (let i = pw + 1; i < lenB; i++) this.bufA[m++] = b[i]!;
    let q = 0;
    for (let i = 0; i <= pw; i++) this.bufB[q++] = b[i]!;
    for (let i = pu + 1; i < lenA; i++) this.bufB[q++] = a[i]!;
    if (m > 0 && q > 0 && this.compatible(ru, this.bufA, m) && this.compatible(rw, this.bufB, q))
      return this.applyIfBetter(ru, m, rw, q, before);
    return false;
  }

  private compatible(v: number, seq: Int32Array, n: number): boolean {
    const nT = this.inst.nTasks;
    for (let i = 0; i < n; i++) if (this.inst.compat[v * nT + seq[i]!] === 0) return false;
    return true;
  }

  /** Routes ra := bufA[0..m), rb := bufB[0..q) when that lowers their total F below `before`. */
  private applyIfBetter(ra: number, m: number, rb: number, q: number, before: number): boolean {
    const fa = this.evaluate(ra, this.bufA, m);
    const excessA = this.lastExcess;
    const warpA = this.lastWarp;
    if (fa >= before) return false;
    const fb = this.evaluate(rb, this.bufB, q);
    if (fa + fb >= before - 1e-9) return false;
    for (let i = 0; i < m; i++) this.place(ra, i, this.bufA[i]!);
    for (let i = 0; i < q; i++) this.place(rb, i, this.bufB[i]!);
    this.lens[ra] = m;
    this.lens[rb] = q;
    this.excess[ra] = excessA;
    this.warp[ra] = warpA;
    this.excess[rb] = this.lastExcess;
    this.warp[rb] = this.lastWarp;
    this.changed[ra] = 1;
    this.changed[rb] = 1;
    return true;
  }

  /**
   * F of vehicle v serving `seq[0..n)`: load excess over capacity (summed over dimensions) plus
   * α · time warp; Infinity when a hard limit the squeeze does not relax (tasks, travel time,
   * distance) is broken. Sets `lastExcess` and `lastWarp`.
   */
  private evaluate(v: number, seq: Int32Array, n: number): number {
    const inst = this.inst;
    if (n > inst.maxTasks[v]!) return Infinity;
    const matrixSet = inst.vehMatrixSet[v]!;
    const durationS = inst.durationS[matrixSet]!;
    const distanceM = inst.distanceM[matrixSet]!;
    const stride = inst.stride;
    let timeS = inst.shiftStartS[v]!;
    let loc = inst.vehStart[v]!;
    let warp = 0;
    let travelS = 0;
    let distance = 0;
    for (let i = 0; i <= n; i++) {
      const next = i < n ? inst.loc[seq[i]!]! : inst.vehEnd[v]!;
      const arc = loc * stride + next;
      travelS += durationS[arc]!;
      distance += distanceM[arc]!;
      const arrivalS = timeS + durationS[arc]!;
      loc = next;
      if (i === n) {
        if (arrivalS > inst.deadlineS[v]!) warp += arrivalS - inst.deadlineS[v]!;
        break;
      }
      const t = seq[i]!;
      const startS = this.warpedStart(t, arrivalS);
      if (startS < arrivalS) warp += arrivalS - startS;
      timeS = startS + inst.serviceS[t]!;
    }
    if (travelS > inst.maxTravelTimeS[v]! || distance > inst.maxDistanceM[v]!) return Infinity;
    this.lastWarp = warp;
    this.lastExcess = this.loadExcess(v, seq, n);
    return this.lastExcess + this.alpha * warp;
  }

  /** Service start at t when arriving at `arrivalS`: in the first window still open, else the last window's end (time warp). */
  private warpedStart(t: number, arrivalS: number): number {
    const inst = this.inst;
    const end = inst.windowOffset[t + 1]!;
    for (let w = inst.windowOffset[t]!; w < end; w++) {
      if (arrivalS <= inst.windowEndS[w]!)
        return arrivalS > inst.windowStartS[w]! ? arrivalS : inst.windowStartS[w]!;
    }
    return inst.windowEndS[end - 1]!;
  }

  /** Sum over dimensions of the peak load's excess over v's capacity. */
  private loadExcess(v: number, seq: Int32Array, n: number): number {
    const inst = this.inst;
    const dims = inst.dims;
    let excess = 0;
    for (let d = 0; d < dims; d++) {
      let load = 0;
      for (let i = 0; i < n; i++) load += inst.startLoad[seq[i]! * dims + d]!;
      let max = load;
      for (let i = 0; i < n; i++) {
        load += inst.loadChange[seq[i]! * dims + d]!;
        if (load > max) max = load;
      }
      const cap = inst.capacity[v * dims + d]!;
      if (max > cap) excess += max - cap;
    }
    return excess;
  }

  /** A failed squeeze: weigh the violation left more heavily the next time. */
  private adaptAlpha(): void {
    let excess = 0;
    let warp = 0;
    for (let v = 0; v < this.inst.nVeh; v++) {
      excess += this.excess[v]!;
      warp += this.warp[v]!;
    }
    if (warp > 0 && excess === 0) this.alpha = Math.min(ALPHA_MAX, this.alpha * ALPHA_STEP);
    else if (excess > 0 && warp === 0) this.alpha = Math.max(ALPHA_MIN, this.alpha / ALPHA_STEP);
  }

  /** The repaired routes into the solution; false (and the solution restored) if one is not feasible. */
  private writeBack(x: number): boolean {
    const { inst, sol } = this;
    for (let v = 0; v < inst.nVeh; v++) {
      if (this.changed[v]) sol.setRoute(v, this.seqs[v]!, this.lens[v]!);
    }
    for (let v = 0; v < inst.nVeh; v++) {
      if (!this.changed[v] || sol.routes[v]!.feasible) continue;
      for (let r = 0; r < inst.nVeh; r++)
        if (this.changed[r]) sol.setRoute(r, this.originals[r]!, this.originalLens[r]!);
      // setRoute sets the indices of the tasks in the route only: x is back outside every route.
      sol.routeOf[x] = -1;
      sol.posOf[x] = -1;
      return false;
    }
    return true;
  }
}
