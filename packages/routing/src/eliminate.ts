import { JOB, type Instance } from './instance/index';
import { bestJobInRoute, newBest } from './insertion';
import type { LocalSearch } from './search/local-search';
import { Perturbation } from './search/perturb';
import type { Rng } from '@paketbygd/random';
import { Route } from './route';
import type { Solution } from './solution';
import { Squeeze } from './squeeze';

/** Random feasible moves after each ejection (the perturbation of Nagata & Bräysy 2009). */
const PERTURB_TRIES = 60;

export interface EliminationBudget {
  /** `performance.now()` value at which the phase stops. */
  deadlineMs: number;
  /** Most insertion/ejection steps in total (the deterministic budget under an iteration limit). */
  maxSteps: number;
  /** Consecutive failed route removals after which the phase gives up (a stall). */
  maxFails: number;
  /** Milliseconds without a removed route after which the phase gives up (a stall in time). */
  stallMs: number;
  signal?: AbortSignal;
}

/**
 * Route elimination for the "vehicles" objective, after the route-minimisation heuristic of
 * Y. Nagata & O. Bräysy, "A powerful route minimization heuristic for the vehicle routing problem
 * with time windows", Operations Research Letters 37 (2009), without its squeeze step:
 * take one route out, put its tasks in an ejection pool, and reinsert them one by one (last in,
 * first out) at their cheapest feasible place in the remaining routes. A task that fits nowhere
 * goes in after ejecting one or two tasks of one route, chosen to minimise the sum of their
 * ejection counters p (how often each task blocked an insertion, so that the search stops
 * fighting over the same few); the ejected tasks join the pool, and a few random feasible moves
 * perturb the routes. The removal succeeds when the pool is empty; otherwise everything since the
 * removal is undone. The solution stays feasible throughout: only the pool is "unserved".
 *
 * Jobs only (no shipments): the phase is skipped when the instance has any.
 */
export class RouteEliminator {
  private readonly pool: Int32Array;
  private poolLen = 0;
  private readonly p: Int32Array;
  private readonly flags: Uint8Array;
  private readonly buf: Int32Array;
  private readonly scratch: (Route | undefined)[];
  private readonly best = newBest();
  private readonly trial = newBest();
  /** Insertion/ejection steps so far. */
  steps = 0;
  /** Routes removed so far. */
  removed = 0;
  /** The phase's deadline, moved earlier by the time stall. */
  private stopMs = Infinity;
  private readonly perturbation: Perturbation;
  /** The squeeze step (`squeeze.ts`), tried before ejections when enabled. */
  readonly squeeze: Squeeze | null;

  constructor(
    private readonly inst: Instance,
    private readonly sol: Solution,
    private readonly ls: LocalSearch,
    private readonly rng: Rng,
    useSqueeze = false,
  ) {
    const n = inst.nTasks;
    this.pool = new Int32Array(n);
    this.p = new Int32Array(n);
    this.flags = new Uint8Array(n);
    this.buf = new Int32Array(n + 2);
    this.scratch = new Array<Route | undefined>(inst.nVeh).fill(undefined);
    this.perturbation = new Perturbation(inst, ls.operators);
    this.squeeze = useSqueeze ? new Squeeze(inst, sol) : null;
  }

  /** True when the phase can run: jobs only, at least two vehicles. */
  static applicable(inst: Instance): boolean {
    if (inst.nVeh < 2 || inst.nTasks === 0) return false;
    for (let t = 0; t < inst.nTasks; t++) if (inst.kind[t] !== JOB) return false;
    return true;
  }

  usedRoutes(): number {
    let k = 0;
    for (const r of this.sol.routes) if (r.len > 0) k++;
    return k;
  }

  /** A lower bound on the routes: the served amounts over the largest capacity, per dimension. */
  lowerBound(): number {
    const inst = this.inst;
    const dims = inst.dims;
    let lb = 1;
    for (let d = 0; d < dims; d++) {
      let cap = 0;
      for (let v = 0; v < inst.nVeh; v++) cap = Math.max(cap, inst.capacity[v * dims + d]!);
      let del = 0;
      let pick = 0;
      for (let t = 0; t < inst.nTasks; t++) {
        if (this.sol.routeOf[t]! < 0) continue;
        const sl = inst.startLoad[t * dims + d]!;
        del += sl;
        pick += sl + inst.loadChange[t * dims + d]!;
      }
      if (cap > 0 && Number.isFinite(cap)) {
        lb = Math.max(lb, Math.ceil(del / cap - 1e-9), Math.ceil(pick / cap - 1e-9));
      }
    }
    return lb;
  }

  /**
   * Removes routes until the budget ends, the lower bound is reached or removals stall. The
   * solution must be complete and committed; it is left at the best (fewest routes) found,
   * committed.
   */
  run(budget: EliminationBudget): void {
    const lb = this.lowerBound();
    let fails = 0;
    this.stopMs = Math.min(budget.deadlineMs, performance.now() + budget.stallMs);
    while (fails < budget.maxFails && this.usedRoutes() > lb && !this.outOfBudget(budget)) {
      const v = this.pickRoute();
      if (v < 0) break;
      if (this.removeRoute(v, budget)) {
        this.stopMs = Math.min(budget.deadlineMs, performance.now() + budget.stallMs);
        fails = 0;
        this.removed++;
        this.ls.run(this.sol, this.rng);
        this.sol.commit();
      } else fails++;
    }
  }

  private outOfBudget(b: EliminationBudget): boolean {
    if (this.steps >= b.maxSteps) return true;
    if ((this.steps & 7) === 0 && (b.signal?.aborted || performance.now() >= this.stopMs)) return true;
    return false;
  }

  /** The smaller of two random used routes (a tournament that favours short routes). */
  private pickRoute(): number {
    const used = this.usedRoutes();
    if (used < 2) return -1;
    const nth = (k: number) => {
      for (const r of this.sol.routes) if (r.len > 0 && k-- === 0) return r.v;
      return -1;
    };
    const a = nth(this.rng.int(used));
    const b = nth(this.rng.int(used));
    return this.sol.routes[b]!.len < this.sol.routes[a]!.len ? b : a;
  }

  private removeRoute(v: number, budget: EliminationBudget): boolean {
    const sol = this.sol;
    const rng = this.rng;
    sol.begin();
    const r = sol.routes[v]!;
    this.poolLen = 0;
    for (let i = 0; i < r.len; i++) {
      const t = r.tasks[i]!;
      this.pool[this.poolLen++] = t;
      this.flags[t] = 1;
    }
    for (let i = this.poolLen - 1; i > 0; i--) {
      const j = rng.int(i + 1);
      const tmp = this.pool[i]!;
      this.pool[i] = this.pool[j]!;
      this.pool[j] = tmp;
    }
    sol.removeFlagged(v, this.flags);
    for (let i = 0; i < this.poolLen; i++) this.flags[this.pool[i]!] = 0;
    this.p.fill(1);
    while (this.poolLen > 0) {
      if ((this.steps & 7) === 0 && this.outOfBudget(budget)) break;
      if (this.steps >= budget.maxSteps) break;
      this.steps++;
      const x = this.pool[--this.poolLen]!;
      if (this.insertAnywhere(x)) continue;
      if (this.squeeze?.run(x)) continue;
      this.p[x]!++;
      if (!this.ejectAndInsert(x)) {
        this.pool[this.poolLen++] = x;
        break;
      }
      this.perturbation.run(sol, rng, PERTURB_TRIES);
    }
    if (this.poolLen === 0) {
      sol.commit();
      return true;
    }
    sol.rollback();
    return false;
  }

  /** Cheapest feasible insertion of x into a used route; false when there is none. */
  private insertAnywhere(x: number): boolean {
    const best = this.best;
    best.cost = Infinity;
    best.route = -1;
    for (const r of this.sol.routes) if (r.len > 0) bestJobInRoute(this.inst, r, x, best, this.rng, 0);
    if (best.route < 0) return false;
    this.sol.insertJob(best.route, x, best.p);
    return true;
  }

  private scratchOf(v: number): Route {
    let s = this.scratch[v];
    if (!s) {
      s = new Route(this.inst, v);
      this.scratch[v] = s;
    }
    return s;
  }

  /**
   * Inserts x into a used route after ejecting one or two of its tasks, minimising the sum of
   * the ejected tasks' counters p, then the change of travel cost. The ejected tasks go to the
   * pool. False when no such combination exists.
   */
  private ejectAndInsert(x: number): boolean {
    const inst = this.inst;
    const sol = this.sol;
    const p = this.p;
    const buf = this.buf;
    const trial = this.trial;
    const nT = inst.nTasks;
    let bestP = Infinity;
    let bestCost = Infinity;
    let bestV = -1;
    let bestI = -1;
    let bestJ = -1;
    let bestPos = -1;
    /** Route r without its tasks i and j (j = -1: only i), with x inserted at its best place. */
    const consider = (r: Route, s: Route, i: number, j: number, pSum: number) => {
      let m = 0;
      for (let k = 0; k < r.len; k++) if (k !== i && k !== j) buf[m++] = r.tasks[k]!;
      s.setTasks(buf, m);
      if (!s.feasible) return;
      trial.cost = Infinity;
      trial.route = -1;
      bestJobInRoute(inst, s, x, trial, this.rng, 0);
      if (trial.route < 0) return;
      const c = trial.cost + s.cost - r.cost;
      if (pSum < bestP || c < bestCost) {
        bestP = pSum;
        bestCost = c;
        bestV = r.v;
        bestI = i;
        bestJ = j;
        bestPos = trial.p;
      }
    };
    for (const r of sol.routes) {
      const len = r.len;
      if (len === 0 || inst.compat[r.v * nT + x] === 0) continue;
      const s = this.scratchOf(r.v);
      // One task out.
      for (let i = 0; i < len; i++) {
        const pi = p[r.tasks[i]!]!;
        if (pi <= bestP) consider(r, s, i, -1, pi);
      }
    }
    // Two tasks out, only where that can beat the best single ejection.
    for (const r of sol.routes) {
      const len = r.len;
      if (len < 2 || inst.compat[r.v * nT + x] === 0) continue;
      const s = this.scratchOf(r.v);
      for (let i = 0; i < len; i++) {
        const pi = p[r.tasks[i]!]!;
        if (pi + 1 > bestP) continue;
        for (let j = i + 1; j < len; j++) {
          const pij = pi + p[r.tasks[j]!]!;
          if (pij <= bestP) consider(r, s, i, j, pij);
        }
      }
    }
    if (bestV < 0) return false;
    const r = sol.routes[bestV]!;
    const a = r.tasks[bestI]!;
    const b = bestJ >= 0 ? r.tasks[bestJ]! : -1;
    let m = 0;
    for (let k = 0; k < r.len; k++) if (k !== bestI && k !== bestJ) buf[m++] = r.tasks[k]!;
    sol.setRoute(bestV, buf, m);
    sol.insertJob(bestV, x, bestPos);
    // setRoute leaves the ejected tasks' indices pointing at the old route: clear them.
    sol.routeOf[a] = -1;
    sol.posOf[a] = -1;
    this.pool[this.poolLen++] = a;
    if (b >= 0) {
      sol.routeOf[b] = -1;
      sol.posOf[b] = -1;
      this.pool[this.poolLen++] = b;
    }
    return true;
  }
}
