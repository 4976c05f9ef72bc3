import type { UnassignedReason } from '@paketbygd/model';
import { DELIVERY, PICKUP, type Instance } from './instance/index';
import { bestJobInRoute, bestShipmentInRoute, newBest } from './insertion';
import { Rng } from './prng';
import { aloneReason } from './reasons';
import { Solution } from './solution';
import { LocalSearch } from './search/local-search';
import { RouteEliminator } from './eliminate';

export interface Progress {
  elapsedS: number;
  iterations: number;
  /** Best cost so far: travel + fixed costs + penalties of unserved optional tasks. */
  cost: number;
  vehicles: number;
  unassigned: number;
}

export interface SolveOptions {
  /** Wall-clock limit in seconds (default 5 when no iteration limit is given). */
  timeLimitS?: number;
  maxIterations?: number;
  seed?: number;
  signal?: AbortSignal;
  onProgress?: (p: Progress) => void;
  /** Warm start: task indices per vehicle index. Infeasible routes are dropped task by task. */
  initialRoutes?: { vehicle: number; tasks: number[] }[];
  /** Search parameters; the defaults follow Christiaens & Vanden Berghe (2020). */
  params?: Partial<SearchParams>;
}

export interface SearchParams {
  /** Average number of removed tasks per ruin. */
  avgRemoved: number;
  /** Longest removed string. */
  maxString: number;
  splitRate: number;
  splitDepth: number;
  blinkRate: number;
  /** Start and end temperatures, as fractions of the mean arc cost of the initial solution. */
  t0: number;
  tf: number;
  /** Run the local search on a new best solution. */
  polish: boolean;
  /** Insertions try the routes of this many nearest neighbours (at most 40)… */
  insertNeighbours: number;
  /** …or every route. */
  allRoutes: boolean;
  /** In the "vehicles" objective, run the route elimination phase first. */
  eliminate: boolean;
  /** Its share of the time limit (it stops earlier on a stall or at the load lower bound). */
  eliminateShare: number;
  /** Consecutive failed route removals that end the phase. */
  eliminateFails: number;
  /** A share of the time limit without a removed route that ends the phase. */
  eliminateStallShare: number;
}

const DEFAULTS: SearchParams = {
  avgRemoved: 10,
  maxString: 10,
  splitRate: 0.5,
  splitDepth: 0.01,
  blinkRate: 0.01,
  t0: 1,
  tf: 0.01,
  polish: true,
  insertNeighbours: 40,
  allRoutes: false,
  eliminate: true,
  eliminateShare: 0.5,
  eliminateFails: 50,
  eliminateStallShare: 0.2,
};

export interface SolvedRoute {
  vehicle: number;
  tasks: number[];
}

export interface SolveResult {
  routes: SolvedRoute[];
  unassigned: { task: number; reason: UnassignedReason }[];
  /** Travel + fixed costs + penalties of unserved optional tasks. */
  cost: number;
  travelCost: number;
  vehicles: number;
  iterations: number;
  /** Routes removed by the route elimination phase ("vehicles" objective). */
  eliminated: number;
  /** Seconds spent in that phase. */
  eliminationS: number;
  elapsedS: number;
  /** True when the search stopped on the AbortSignal. */
  aborted: boolean;
}

/** The objective without the internal vehicle weight and without mandatory-task penalties. */
function realCost(inst: Instance, sol: Solution): { cost: number; travel: number; vehicles: number } {
  let travel = 0;
  let cost = 0;
  let vehicles = 0;
  for (const r of sol.routes) {
    if (r.len === 0) continue;
    vehicles++;
    travel += r.travelCost;
    cost += r.travelCost + inst.fixed[r.v]!;
  }
  for (let t = 0; t < inst.nTasks; t++) if (sol.unassigned[t] && !inst.mandatory[t]) cost += inst.penalty[t]!;
  return { cost, travel, vehicles };
}

/**
 * Slack induction by string removals (Christiaens & Vanden Berghe 2020): ruin a few strings of
 * neighbouring tasks, recreate by greedy insertion with blinks, accept by simulated annealing.
 * New best solutions are polished by a granular local search.
 */
export function solveInstance(inst: Instance, options: SolveOptions = {}): SolveResult {
  const t0Ms = performance.now();
  const params = { ...DEFAULTS, ...options.params };
  const maxIter = options.maxIterations ?? Infinity;
  const timeLimitMs = (options.timeLimitS ?? (options.maxIterations === undefined ? 5 : Infinity)) * 1000;
  const rng = new Rng(options.seed ?? 1);
  const sol = new Solution(inst);
  const n = inst.nTasks;

  // Tasks no vehicle can serve even alone stay out of the search.
  const hopeless = new Uint8Array(n);
  const reasons = new Map<number, UnassignedReason>();
  for (let t = 0; t < n; t++) {
    if (inst.kind[t] === DELIVERY) continue;
    const why = aloneReason(inst, t);
    if (why) {
      hopeless[t] = 1;
      reasons.set(t, why);
      if (inst.partner[t]! >= 0) hopeless[inst.partner[t]!] = 1;
    }
  }

  const best = newBest();
  const pending: number[] = [];
  const removedFlag = new Uint8Array(n);
  const ruinedRoute = new Uint8Array(inst.nVeh);
  const classMembers: number[][] = Array.from({ length: inst.nClasses }, () => []);
  for (let v = 0; v < inst.nVeh; v++) classMembers[inst.vehClass[v]!]!.push(v);
  const candidateFlag = new Uint8Array(inst.nVeh);
  const candidates: number[] = [];
  const order = new Int32Array(n);
  const sortKey = new Float64Array(n);
  const ls = params.polish ? new LocalSearch(inst) : null;
  const ruinTouched: number[] = [];
  const byKey = (a: number, b: number) => sortKey[a]! - sortKey[b]! || a - b;

  const tryRoute = (v: number, x: number, blink: number) => {
    const r = sol.routes[v]!;
    if (inst.kind[x] === PICKUP) bestShipmentInRoute(inst, r, x, best, rng, blink);
    else bestJobInRoute(inst, r, x, best, rng, blink);
  };

  /** Inserts x at its cheapest place, or leaves it unassigned when that costs more than its penalty. */
  const insert = (x: number, blink: number) => {
    best.cost = inst.penalty[x]!;
    best.route = -1;
    candidates.length = 0;
    // Granular: routes that hold one of x's nearest neighbours, then one empty vehicle per class.
    const gk = inst.granularK;
    const kMax = params.allRoutes ? 0 : Math.min(gk, params.insertNeighbours);
    if (params.allRoutes) {
      for (const r of sol.routes) {
        if (r.len > 0) {
          candidateFlag[r.v] = 1;
          candidates.push(r.v);
        }
      }
    }
    for (let k = 0; k < kMax; k++) {
      const v = sol.routeOf[inst.granular[x * gk + k]!]!;
      if (v >= 0 && !candidateFlag[v]) {
        candidateFlag[v] = 1;
        candidates.push(v);
      }
    }
    for (const v of candidates) tryRoute(v, x, blink);
    for (const members of classMembers) {
      for (const v of members) {
        if (sol.routes[v]!.len === 0) {
          tryRoute(v, x, blink);
          break;
        }
      }
    }
    if (best.route < 0) {
      for (const r of sol.routes) if (r.len > 0 && !candidateFlag[r.v]) tryRoute(r.v, x, 0);
    }
    for (const v of candidates) candidateFlag[v] = 0;
    if (best.route < 0) {
      sol.markUnassigned(x);
      if (inst.partner[x]! >= 0) sol.markUnassigned(inst.partner[x]!);
    } else if (inst.kind[x] === PICKUP) sol.insertShipment(best.route, x, best.p, best.q);
    else sol.insertJob(best.route, x, best.p);
  };

  const recreate = (blink: number) => {
    const m = pending.length;
    const mode = rng.next() * 11;
    for (let i = 0; i < m; i++) order[i] = pending[i]!;
    if (mode < 4) {
      for (let i = m - 1; i > 0; i--) {
        const j = rng.int(i + 1);
        const tmp = order[i]!;
        order[i] = order[j]!;
        order[j] = tmp;
      }
    } else {
      const cost = inst.cost[0]!;
      const depot = inst.depotLoc * inst.stride;
      for (let i = 0; i < m; i++) {
        const t = order[i]!;
        sortKey[t] =
          mode < 8
            ? -inst.totalAmount[t]!
            : mode < 10
              ? -cost[depot + inst.loc[t]!]!
              : cost[depot + inst.loc[t]!]!;
      }
      order.subarray(0, m).sort(byKey);
    }
    for (let i = 0; i < m; i++) insert(order[i]!, blink);
    pending.length = 0;
  };

  const removeTask = (t: number) => {
    if (removedFlag[t]) return;
    removedFlag[t] = 1;
    const p = inst.partner[t]!;
    if (p >= 0) removedFlag[p] = 1;
    pending.push(inst.kind[t] === DELIVERY ? p : t);
  };

  const ruin = () => {
    let assigned = 0;
    let used = 0;
    for (const r of sol.routes) {
      if (r.len > 0) {
        used++;
        assigned += r.len;
      }
    }
    if (assigned === 0) return;
    const lsMax = Math.min(params.maxString, assigned / used);
    const ksMax = (4 * params.avgRemoved) / (1 + lsMax) - 1;
    const ks = Math.floor(rng.next() * ksMax) + 1;
    let seed = rng.int(n);
    for (let tries = 0; sol.routeOf[seed]! < 0 && tries < 4 * n; tries++) seed = rng.int(n);
    if (sol.routeOf[seed]! < 0) return;
    const touchedRoutes = ruinTouched;
    touchedRoutes.length = 0;
    const adjK = inst.nearK;
    for (let k = -1; k < adjK && touchedRoutes.length < ks; k++) {
      const c = k < 0 ? seed : inst.near[seed * adjK + k]!;
      const v = sol.routeOf[c]!;
      if (v < 0 || removedFlag[c] || ruinedRoute[v]) continue;
      const r = sol.routes[v]!;
      const len = r.len;
      const lMax = Math.min(len, lsMax);
      const l = Math.floor(rng.next() * lMax) + 1;
      const pos = sol.posOf[c]!;
      if (l === len || rng.next() < 1 - params.splitRate) {
        const lo = Math.max(0, pos - l + 1);
        const hi = Math.min(pos, len - l);
        const start = lo + rng.int(hi - lo + 1);
        for (let i = start; i < start + l; i++) removeTask(r.tasks[i]!);
      } else {
        let mKeep = 1;
        while (l + mKeep < len && rng.next() > params.splitDepth) mKeep++;
        const total = l + mKeep;
        const lo = Math.max(0, pos - total + 1);
        const hi = Math.min(pos, len - total);
        const start = lo + rng.int(hi - lo + 1);
        const keepAt = start + rng.int(l + 1);
        for (let i = start; i < start + total; i++)
          if (i < keepAt || i >= keepAt + mKeep) removeTask(r.tasks[i]!);
      }
      ruinedRoute[v] = 1;
      touchedRoutes.push(v);
    }
    // Partners of removed shipment tasks may sit in the same route only; remove in one pass per route.
    for (const v of touchedRoutes) {
      sol.removeFlagged(v, removedFlag);
      ruinedRoute[v] = 0;
    }
    for (const t of pending) {
      removedFlag[t] = 0;
      if (inst.partner[t]! >= 0) removedFlag[inst.partner[t]!] = 0;
    }
  };

  let nHopeless = 0;
  for (let t = 0; t < n; t++) nHopeless += hopeless[t]!;
  const bringBackUnassigned = () => {
    if (sol.nUnassigned <= nHopeless) return;
    for (let t = 0; t < n; t++) {
      if (sol.unassigned[t] && !hopeless[t] && inst.kind[t] !== DELIVERY) {
        sol.takeUnassigned(t);
        if (inst.partner[t]! >= 0) sol.takeUnassigned(inst.partner[t]!);
        pending.push(t);
      }
    }
  };

  // Initial solution: the warm start's feasible part, then greedy insertion of the rest.
  sol.begin();
  if (options.initialRoutes) warmStart(inst, sol, options.initialRoutes, hopeless);
  for (let t = 0; t < n; t++) {
    if (inst.kind[t] === DELIVERY || sol.routeOf[t]! >= 0) continue;
    if (hopeless[t]) {
      sol.markUnassigned(t);
      if (inst.partner[t]! >= 0) sol.markUnassigned(inst.partner[t]!);
    } else pending.push(t);
  }
  recreate(0);
  sol.commit();
  if (ls) {
    ls.run(sol, rng);
    sol.commit();
  }

  // Fewest vehicles: take routes out first (the count then stays fixed: the vehicle weight in
  // the fixed cost keeps the annealing from opening a route unless a task fits nowhere else).
  let phaseMs = 0;
  let eliminated = 0;
  if (
    inst.objective === 'vehicles' &&
    params.eliminate &&
    sol.nUnassigned === nHopeless &&
    RouteEliminator.applicable(inst)
  ) {
    const eliminator = new RouteEliminator(inst, sol, ls ?? new LocalSearch(inst), rng);
    eliminator.run({
      deadlineMs: t0Ms + timeLimitMs * params.eliminateShare,
      maxSteps: maxIter,
      maxFails: params.eliminateFails,
      stallMs: timeLimitMs * params.eliminateStallShare,
      signal: options.signal,
    });
    eliminated = eliminator.removed;
    phaseMs = performance.now() - t0Ms;
  }

  let bestRoutes = sol.snapshot();
  let bestTotal = sol.total();
  let iterations = 0;
  let aborted = false;
  const elapsedS = () => (performance.now() - t0Ms) / 1000;
  const report = () => {
    if (!options.onProgress) return;
    const rc = realCost(inst, sol);
    let un = 0;
    for (let t = 0; t < n; t++) un += sol.unassigned[t]!;
    options.onProgress({
      elapsedS: elapsedS(),
      iterations,
      cost: rc.cost,
      vehicles: rc.vehicles,
      unassigned: un,
    });
  };
  report();

  // Temperatures scale with the mean arc cost, so one setting fits any unit of distance.
  let arcs = 0;
  let travel = 0;
  for (const r of sol.routes) {
    if (r.len > 0) {
      arcs += r.len + 1;
      travel += r.travelCost;
    }
  }
  const meanArc = arcs > 0 ? travel / arcs : 1;
  const T0 = Math.max(1e-9, params.t0 * meanArc);
  const Tf = Math.max(1e-12, params.tf * meanArc);
  let frac = 0;
  let current = sol.total();
  const touchedCopy: number[] = [];

  // Nothing to move: every task is out of reach (or there are none).
  const searchable = n > nHopeless;
  while (searchable && iterations < maxIter) {
    if ((iterations & 15) === 0) {
      if (options.signal?.aborted) {
        aborted = true;
        break;
      }
      const el = performance.now() - t0Ms;
      if (el >= timeLimitMs) break;
      frac = Math.max(
        phaseMs > 0 ? (el - phaseMs) / (timeLimitMs - phaseMs) : el / timeLimitMs,
        iterations / maxIter,
      );
    } else if (maxIter !== Infinity && timeLimitMs === Infinity) frac = iterations / maxIter;
    const T = T0 * Math.pow(Tf / T0, frac);
    iterations++;
    sol.begin();
    ruin();
    bringBackUnassigned();
    recreate(params.blinkRate);
    const candidate = sol.total();
    if (candidate < current - T * Math.log(rng.next())) {
      if (candidate < bestTotal - 1e-9 && ls) {
        // Polish only what this step changed; the rest was polished when it was last changed.
        touchedCopy.length = 0;
        for (const v of sol.touchedRoutes()) touchedCopy.push(v);
        ls.run(sol, rng, touchedCopy);
      }
      sol.commit();
      current = sol.total();
      if (current < bestTotal - 1e-9) {
        bestTotal = current;
        bestRoutes = sol.snapshot();
        report();
      }
    } else sol.rollback();
  }

  sol.load(bestRoutes);
  const rc = realCost(inst, sol);
  /** Why a task that fits alone on some vehicle was left out of this solution. */
  const crowdedReason = (x: number): UnassignedReason => {
    best.cost = Infinity;
    best.route = -1;
    for (const r of sol.routes) tryRoute(r.v, x, 0);
    if (best.route >= 0) return 'not_profitable';
    const dims = inst.dims;
    const y = inst.partner[x]!;
    let tasksFull = false;
    for (const r of sol.routes) {
      if (!inst.compat[r.v * n + x]) continue;
      let room = true;
      for (let d = 0; d < dims; d++) {
        const need = inst.startLoad[x * dims + d]! + Math.max(0, inst.loadChange[x * dims + d]!);
        if (r.loadPrefixMax[(r.len + 1) * dims + d]! + need > inst.capacity[r.v * dims + d]!) room = false;
      }
      if (!room) continue;
      if (r.len + (y >= 0 ? 2 : 1) <= inst.maxTasks[r.v]!) return 'time_window';
      tasksFull = true;
    }
    return tasksFull ? 'max_tasks' : 'capacity';
  };
  const unassigned: { task: number; reason: UnassignedReason }[] = [];
  for (let t = 0; t < n; t++) {
    if (!sol.unassigned[t]) continue;
    const head = inst.kind[t] === DELIVERY ? inst.partner[t]! : t;
    unassigned.push({
      task: t,
      reason: reasons.get(head) ?? crowdedReason(head),
    });
  }
  return {
    routes: sol.routes
      .filter((r) => r.len > 0)
      .map((r) => ({ vehicle: r.v, tasks: Array.from(r.tasks.subarray(0, r.len)) })),
    unassigned,
    cost: rc.cost,
    travelCost: rc.travel,
    vehicles: rc.vehicles,
    iterations,
    eliminated,
    eliminationS: phaseMs / 1000,
    elapsedS: elapsedS(),
    aborted,
  };
}

/** Keeps the given sequences, dropping each task whose addition would make its route infeasible. */
function warmStart(
  inst: Instance,
  sol: Solution,
  routes: { vehicle: number; tasks: number[] }[],
  hopeless: Uint8Array,
): void {
  const n = inst.nTasks;
  const seen = new Uint8Array(n);
  for (const { vehicle, tasks } of routes) {
    if (vehicle < 0 || vehicle >= inst.nVeh || sol.routes[vehicle]!.len > 0) continue;
    const position = new Map<number, number>();
    tasks.forEach((t, i) => position.set(t, i));
    const kept: number[] = [];
    for (const t of tasks) {
      if (!Number.isInteger(t) || t < 0 || t >= n || seen[t] || hopeless[t]) continue;
      const partner = inst.partner[t]!;
      if (inst.kind[t] === PICKUP && !((position.get(partner) ?? -1) > (position.get(t) ?? 0))) continue;
      if (inst.kind[t] === DELIVERY && !kept.includes(partner)) continue;
      kept.push(t);
      sol.setRoute(vehicle, kept, kept.length);
      if (!sol.routes[vehicle]!.feasible && inst.kind[t] !== PICKUP) {
        kept.pop();
        if (inst.kind[t] === DELIVERY) kept.splice(kept.indexOf(partner), 1);
        sol.setRoute(vehicle, kept, kept.length);
      } else seen[t] = 1;
    }
    // A pickup whose delivery never made it in stays out.
    const final = kept.filter((t) => inst.kind[t] !== PICKUP || kept.includes(inst.partner[t]!));
    sol.setRoute(vehicle, final, final.length);
    if (!sol.routes[vehicle]!.feasible) sol.setRoute(vehicle, [], 0);
    for (const t of tasks) if (t >= 0 && t < n) seen[t] = sol.routeOf[t]! >= 0 ? 1 : 0;
  }
}
