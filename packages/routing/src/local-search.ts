import { JOB, type Instance } from './instance/index';
import type { Rng } from './prng';
import { Route } from './route';
import type { Solution } from './solution';

const LS_NEIGHBOURS = 20;
const EPS = 1e-9;

/**
 * Granular first-improvement local search (Toth & Vigo 2003 granularity; move set as in HGS):
 * relocate, swap, 2-opt* between routes and 2-opt within a route, over each task's nearest
 * neighbours. A move is priced first by its changed arcs in O(1); only a promising one is rebuilt
 * in a scratch route, which checks every constraint and gives the exact cost. Routes holding
 * shipments are left to ruin and recreate, which keeps pickup before delivery.
 */
export class LocalSearch {
  private readonly scratchA: Map<number, Route> = new Map();
  private readonly scratchB: Map<number, Route> = new Map();
  private bufA: Int32Array;
  private bufB: Int32Array;
  private readonly hasShipment: Uint8Array;
  private readonly queue: number[] = [];
  private readonly inQueue: Uint8Array;

  constructor(private readonly inst: Instance) {
    this.bufA = new Int32Array(inst.nTasks + 2);
    this.bufB = new Int32Array(inst.nTasks + 2);
    this.hasShipment = new Uint8Array(inst.nVeh);
    this.inQueue = new Uint8Array(inst.nVeh);
  }

  private scratch(map: Map<number, Route>, v: number): Route {
    let r = map.get(v);
    if (!r) {
      r = new Route(this.inst, v);
      map.set(v, r);
    }
    return r;
  }

  private compatible(v: number, tasks: Int32Array, n: number): boolean {
    const base = v * this.inst.nTasks;
    for (let i = 0; i < n; i++) if (this.inst.compat[base + tasks[i]!] === 0) return false;
    return true;
  }

  /** Rebuilds the candidate routes and applies them when feasible and cheaper. */
  private tryApply(sol: Solution, va: number, na: number, vb: number, nb: number, force = false): boolean {
    const a = this.scratch(this.scratchA, va);
    if (!this.compatible(va, this.bufA, na)) return false;
    a.setTasks(this.bufA, na);
    if (!a.feasible) return false;
    let newCost = a.cost;
    let oldCost = sol.routes[va]!.cost;
    if (vb >= 0) {
      if (!this.compatible(vb, this.bufB, nb)) return false;
      const b = this.scratch(this.scratchB, vb);
      b.setTasks(this.bufB, nb);
      if (!b.feasible) return false;
      newCost += b.cost;
      oldCost += sol.routes[vb]!.cost;
    }
    if (!force && newCost >= oldCost - EPS) return false;
    sol.setRoute(va, this.bufA, na);
    if (vb >= 0) sol.setRoute(vb, this.bufB, nb);
    return true;
  }

  /**
   * Improves the routes in `routes` (all routes when omitted) until no move between one of their
   * tasks and its neighbours helps; routes changed by a move are examined again.
   */
  run(sol: Solution, rng: Rng, routes?: readonly number[], maxMoves = 50 * this.inst.nTasks + 100): void {
    const inst = this.inst;
    const n = inst.nTasks;
    const stride = inst.stride;
    const K = Math.min(LS_NEIGHBOURS, inst.granularK);
    this.hasShipment.fill(0);
    for (let t = 0; t < n; t++)
      if (inst.kind[t] !== JOB && sol.routeOf[t]! >= 0) this.hasShipment[sol.routeOf[t]!] = 1;
    const queue = this.queue;
    const inQueue = this.inQueue;
    queue.length = 0;
    const push = (v: number) => {
      if (!inQueue[v] && !this.hasShipment[v] && sol.routes[v]!.len > 0) {
        inQueue[v] = 1;
        queue.push(v);
      }
    };
    if (routes) for (const v of routes) push(v);
    else for (let v = 0; v < inst.nVeh; v++) push(v);
    // Random order of the initial work, so that seeds explore differently.
    for (let i = queue.length - 1; i > 0; i--) {
      const j = rng.int(i + 1);
      const tmp = queue[i]!;
      queue[i] = queue[j]!;
      queue[j] = tmp;
    }
    let moves = 0;
    while (queue.length > 0 && moves < maxMoves) {
      const v = queue.pop()!;
      inQueue[v] = 0;
      const r = sol.routes[v]!;
      let changed = false;
      for (let i = 0; i < r.len && !changed; i++) {
        const u = r.tasks[i]!;
        for (let k = 0; k < K; k++) {
          const w = inst.granular[u * inst.granularK + k]!;
          const rw = sol.routeOf[w]!;
          if (rw < 0 || this.hasShipment[rw]) continue;
          if (this.moves(sol, u, w, stride)) {
            moves++;
            changed = true;
            push(v);
            push(rw);
            push(sol.routeOf[u]!);
            break;
          }
        }
      }
    }
    for (const v of queue) inQueue[v] = 0;
    queue.length = 0;
  }

  /**
   * Up to `tries` random feasible moves whatever their cost (relocate, swap, 2-opt* between a
   * random task and one of its neighbours in another route): the perturbation of the route
   * elimination phase. Tasks outside every route (its ejection pool) are left alone.
   */
  perturb(sol: Solution, rng: Rng, tries: number): void {
    const inst = this.inst;
    const n = inst.nTasks;
    const K = Math.min(LS_NEIGHBOURS, inst.granularK);
    if (K === 0) return;
    for (let t = 0; t < tries; t++) {
      const u = rng.int(n);
      const w = inst.granular[u * inst.granularK + rng.int(K)]!;
      const ru = sol.routeOf[u]!;
      const rw = sol.routeOf[w]!;
      const kind = rng.int(3);
      if (ru < 0 || rw < 0 || ru === rw) continue;
      const A = sol.routes[ru]!;
      const B = sol.routes[rw]!;
      const iu = sol.posOf[u]!;
      const iw = sol.posOf[w]!;
      if (kind === 0) {
        // Relocate u after w (may empty u's route: one route fewer).
        const na = this.copyWithout(A, iu, this.bufA);
        const nb = this.copyWith(B, iw + 1, u, this.bufB);
        if (na === 0) {
          if (this.compatible(rw, this.bufB, nb)) {
            const b = this.scratch(this.scratchB, rw);
            b.setTasks(this.bufB, nb);
            if (b.feasible) {
              sol.setRoute(rw, this.bufB, nb);
              sol.setRoute(ru, this.bufA, 0);
            }
          }
        } else this.tryApply(sol, ru, na, rw, nb, true);
      } else if (kind === 1) {
        const na = A.len;
        const nb = B.len;
        this.bufA.set(A.tasks.subarray(0, na));
        this.bufB.set(B.tasks.subarray(0, nb));
        this.bufA[iu] = w;
        this.bufB[iw] = u;
        this.tryApply(sol, ru, na, rw, nb, true);
      } else {
        // 2-opt*: head(A..u) + tail(B after w), head(B..w) + tail(A after u).
        let na = 0;
        for (let i = 0; i <= iu; i++) this.bufA[na++] = A.tasks[i]!;
        for (let i = iw + 1; i < B.len; i++) this.bufA[na++] = B.tasks[i]!;
        let nb = 0;
        for (let i = 0; i <= iw; i++) this.bufB[nb++] = B.tasks[i]!;
        for (let i = iu + 1; i < A.len; i++) this.bufB[nb++] = A.tasks[i]!;
        if (na > 0 && nb > 0) this.tryApply(sol, ru, na, rw, nb, true);
      }
    }
  }

  /** Tries the moves between u and its neighbour w; applies the first improving one. */
  private moves(sol: Solution, u: number, w: number, stride: number): boolean {
    const inst = this.inst;
    const ru = sol.routeOf[u]!;
    const rw = sol.routeOf[w]!;
    const A = sol.routes[ru]!;
    const B = sol.routes[rw]!;
    const pu = sol.posOf[u]! + 1; // position in locAt terms
    const pw = sol.posOf[w]! + 1;
    const costA = inst.cost[inst.vehMatrixSet[ru]!]!;
    const costB = inst.cost[inst.vehMatrixSet[rw]!]!;
    const la = A.locAt;
    const lb = B.locAt;
    const uPrev = la[pu - 1]!;
    const uLoc = la[pu]!;
    const uNext = la[pu + 1]!;
    const wLoc = lb[pw]!;
    const wNext = lb[pw + 1]!;
    const wPrev = lb[pw - 1]!;
    const removeGain =
      costA[uPrev * stride + uLoc]! + costA[uLoc * stride + uNext]! - costA[uPrev * stride + uNext]!;
    const emptied = ru !== rw && A.len === 1 ? inst.fixedSearch[ru]! : 0;

    // Relocate u after w.
    if (!(ru === rw && pw + 1 === pu)) {
      const add =
        costB[wLoc * stride + uLoc]! + costB[uLoc * stride + wNext]! - costB[wLoc * stride + wNext]!;
      if (add - removeGain - emptied < -EPS) {
        if (ru === rw) {
          const na = this.relocateSame(A, pu - 1, pw - 1, true);
          if (this.tryApply(sol, ru, na, -1, 0)) return true;
        } else {
          const na = this.copyWithout(A, pu - 1, this.bufA);
          const nb = this.copyWith(B, pw, u, this.bufB);
          if (this.tryApply(sol, ru, na, rw, nb)) return true;
        }
      }
    }
    // Relocate u before w.
    if (!(ru === rw && pw - 1 === pu)) {
      const add =
        costB[wPrev * stride + uLoc]! + costB[uLoc * stride + wLoc]! - costB[wPrev * stride + wLoc]!;
      if (add - removeGain - emptied < -EPS) {
        if (ru === rw) {
          const na = this.relocateSame(A, pu - 1, pw - 1, false);
          if (this.tryApply(sol, ru, na, -1, 0)) return true;
        } else {
          const na = this.copyWithout(A, pu - 1, this.bufA);
          const nb = this.copyWith(B, pw - 1, u, this.bufB);
          if (this.tryApply(sol, ru, na, rw, nb)) return true;
        }
      }
    }
    if (ru !== rw) {
      // Swap u and w.
      const d =
        costA[uPrev * stride + wLoc]! +
        costA[wLoc * stride + uNext]! -
        costA[uPrev * stride + uLoc]! -
        costA[uLoc * stride + uNext]! +
        costB[wPrev * stride + uLoc]! +
        costB[uLoc * stride + wNext]! -
        costB[wPrev * stride + wLoc]! -
        costB[wLoc * stride + wNext]!;
      if (d < -EPS) {
        const na = A.len;
        const nb = B.len;
        this.bufA.set(A.tasks.subarray(0, na));
        this.bufB.set(B.tasks.subarray(0, nb));
        this.bufA[pu - 1] = w;
        this.bufB[pw - 1] = u;
        if (this.tryApply(sol, ru, na, rw, nb)) return true;
      }
      // 2-opt*: A = head(A..u) + tail(B after w), B = head(B..w) + tail(A after u).
      {
        const d2 =
          costA[uLoc * stride + wNext]! +
          costB[wLoc * stride + uNext]! -
          costA[uLoc * stride + uNext]! -
          costB[wLoc * stride + wNext]!;
        if (d2 < -EPS) {
          let na = 0;
          for (let i = 0; i < pu; i++) this.bufA[na++] = A.tasks[i]!;
          for (let i = pw; i < B.len; i++) this.bufA[na++] = B.tasks[i]!;
          let nb = 0;
          for (let i = 0; i < pw; i++) this.bufB[nb++] = B.tasks[i]!;
          for (let i = pu; i < A.len; i++) this.bufB[nb++] = A.tasks[i]!;
          if (this.tryApply(sol, ru, na, rw, nb)) return true;
        }
      }
      // 2-opt* on the other side: cut before u and before w, so that w follows u's predecessor.
      {
        const d3 =
          costA[uPrev * stride + wLoc]! +
          costB[wPrev * stride + uLoc]! -
          costA[uPrev * stride + uLoc]! -
          costB[wPrev * stride + wLoc]!;
        if (d3 < -EPS) {
          let na = 0;
          for (let i = 0; i < pu - 1; i++) this.bufA[na++] = A.tasks[i]!;
          for (let i = pw - 1; i < B.len; i++) this.bufA[na++] = B.tasks[i]!;
          let nb = 0;
          for (let i = 0; i < pw - 1; i++) this.bufB[nb++] = B.tasks[i]!;
          for (let i = pu - 1; i < A.len; i++) this.bufB[nb++] = A.tasks[i]!;
          if (this.tryApply(sol, ru, na, rw, nb)) return true;
        }
      }
    } else if (pu < pw) {
      // 2-opt: reverse u+1..w so that u is followed by w.
      const d =
        costA[uLoc * stride + wLoc]! +
        costA[uNext * stride + wNext]! -
        costA[uLoc * stride + uNext]! -
        costA[wLoc * stride + wNext]!;
      if (d < -EPS) {
        const na = A.len;
        this.bufA.set(A.tasks.subarray(0, na));
        for (let i = pu, j = pw - 1; i < j; i++, j--) {
          const tmp = this.bufA[i]!;
          this.bufA[i] = this.bufA[j]!;
          this.bufA[j] = tmp;
        }
        if (this.tryApply(sol, ru, na, -1, 0)) return true;
      }
    }
    return false;
  }

  private copyWithout(r: Route, index: number, out: Int32Array): number {
    let k = 0;
    for (let i = 0; i < r.len; i++) if (i !== index) out[k++] = r.tasks[i]!;
    return k;
  }

  /** Copies r's tasks with t inserted after position p (p = 0: first). */
  private copyWith(r: Route, p: number, t: number, out: Int32Array): number {
    let k = 0;
    for (let i = 0; i < p; i++) out[k++] = r.tasks[i]!;
    out[k++] = t;
    for (let i = p; i < r.len; i++) out[k++] = r.tasks[i]!;
    return k;
  }

  /** Moves task index i next to task index j (after it when `after`) within one route, into bufA. */
  private relocateSame(r: Route, i: number, j: number, after: boolean): number {
    const t = r.tasks[i]!;
    let k = 0;
    for (let x = 0; x < r.len; x++) {
      if (x === i) continue;
      if (x === j && !after) this.bufA[k++] = t;
      this.bufA[k++] = r.tasks[x]!;
      if (x === j && after) this.bufA[k++] = t;
    }
    return k;
  }
}
