import { buildMedianMip, type MedianMipSpec } from './model/formulation';
import { descendFrom, greedyBudget, iteratedInterchange } from './heuristics/interchange';
import { lagrangianBound } from './bound/lagrangian';
import { lagrangianBranch } from './bound/lagrangian-branch';
import {
  costsAreIntegral,
  evaluateOpen,
  SITE_EXCLUDED,
  SITE_FIXED_OPEN,
  SITE_FREE,
  transposeCost,
  type MedianInstance,
} from './model/median-instance';
import type { MipSolver } from './mip/mip';

export interface MedianSolveOptions {
  p?: number;
  budget?: MedianMipSpec['budget'];
  outside?: MedianMipSpec['outside'];
  timeLimitS: number;
  mipRelGap: number;
  seed: number;
  method: 'auto' | 'mip' | 'heuristic';
  /** A feasible set of open free sites to start from. */
  initial?: ArrayLike<number>;
  /**
   * Hand the full model to HiGHS first (after a quick incumbent): right when each point has only
   * a few distinct costs, as in coverage, where the model is small and its LP tight.
   */
  preferMip?: boolean;
  /** Share of the time left after the root bound that branch and bound gets before HiGHS (default 0.4; 0 skips it). */
  branchShare?: number;
  /** Models larger than this many nonzeros are not handed to HiGHS (heap and time). */
  maxMipNonzeros?: number;
}

export interface MedianSolveResult {
  open: number[];
  cost: number;
  bound: number;
  status: 'optimal' | 'feasible' | 'infeasible' | 'time_limit_no_solution';
  method: string;
  notes: string[];
}

const DEFAULT_MAX_NONZEROS = 6_000_000;

function closed(cost: number, bound: number, integral: boolean, relGap: number): boolean {
  if (integral) return Math.ceil(bound - 1e-6) >= cost - 1e-6 || cost - bound <= relGap * Math.abs(cost);
  return cost - bound <= Math.max(1e-6, Math.max(1e-9, relGap) * Math.abs(cost));
}

/**
 * Cheapest-open-site model with exactly p sites: interchange heuristic, Lagrangian bound and
 * site fixing, then HiGHS on the reduced model while the gap is open. Budget and side
 * constraints go to HiGHS directly (with the initial solution as its start).
 */
export function solveMedian(
  inst: MedianInstance,
  mip: MipSolver | null,
  options: MedianSolveOptions,
): MedianSolveResult {
  const started = performance.now();
  const deadline = started + options.timeLimitS * 1000;
  const notes: string[] = [];
  const integral = costsAreIntegral(inst);
  const relGap = options.mipRelGap;
  const nFree = inst.siteState.reduce((s, v) => s + (v === SITE_FREE ? 1 : 0), 0);
  /** A proven bound as the answer's bound: never above the incumbent, rounded up when costs are integral. */
  const asBound = (proven: number, cost: number) =>
    Math.min(cost, integral && Number.isFinite(proven) ? Math.ceil(proven - 1e-6) : proven);
  const finish = (open: number[], cost: number, bound: number, method: string): MedianSolveResult => ({
    open,
    cost,
    bound,
    status: closed(cost, bound, integral, relGap) ? 'optimal' : 'feasible',
    method,
    notes,
  });

  if (options.p === undefined || options.budget || options.outside) {
    if (!mip) throw new Error('a budget or coverage constraint needs the MIP solver');
    const built = buildMedianMip(inst, { p: options.p, budget: options.budget, outside: options.outside });
    let initial = options.initial;
    if (!initial && options.budget && !options.outside) {
      initial = greedyBudget(
        inst,
        transposeCost(inst),
        options.budget.costPerSite,
        options.budget.limit,
        options.p,
      );
    }
    const start = initial ? built.startFrom(initial) : undefined;
    const r = mip.solve(built.model, {
      timeLimitS: Math.max(0.05, (deadline - performance.now()) / 1000),
      mipRelGap: relGap,
      initialSolution: start,
    });
    if (r.status === 'infeasible')
      return { open: [], cost: NaN, bound: NaN, status: 'infeasible', method: 'mip', notes };
    if (!r.x)
      return { open: [], cost: NaN, bound: r.bound, status: 'time_limit_no_solution', method: 'mip', notes };
    const open = built.openFrom(r.x);
    const cost = evaluateOpen(inst, open);
    return {
      open,
      cost,
      bound: Math.min(r.bound, cost),
      status: r.status === 'optimal' ? 'optimal' : 'feasible',
      method: 'mip',
      notes,
    };
  }

  const p = options.p;
  const mipFirst = options.method === 'mip' || (options.method === 'auto' && options.preferMip && mip);
  if (mipFirst) {
    if (!mip) throw new Error('method "mip" needs the MIP solver');
    let start: number[] | undefined;
    let method = 'mip';
    if (options.method === 'auto') {
      // A quick incumbent, so that a time limit still returns a good solution.
      const found = iteratedInterchange(inst, transposeCost(inst), {
        p,
        deadline: started + options.timeLimitS * 150,
        seed: options.seed,
        maxStall: 0,
      });
      start = found.open;
      method = 'greedy + interchange start, then HiGHS on the full model';
    }
    const built = buildMedianMip(inst, { p });
    const r = mip.solve(built.model, {
      timeLimitS: Math.max(0.05, (deadline - performance.now()) / 1000),
      mipRelGap: relGap,
      initialSolution: start ? built.startFrom(start) : undefined,
    });
    let open = r.x ? built.openFrom(r.x) : (start ?? []);
    let cost = r.x || start ? evaluateOpen(inst, open) : NaN;
    if (start && r.x) {
      const startCost = evaluateOpen(inst, start);
      if (startCost < cost) {
        open = start;
        cost = startCost;
      }
    }
    if (Number.isNaN(cost))
      return { open: [], cost, bound: r.bound, status: 'time_limit_no_solution', method, notes };
    return finish(open, cost, asBound(r.bound, cost), method);
  }

  const costT = transposeCost(inst);
  // A quarter of the time for the heuristic: the bound and the MIP need the rest.
  const heuristicDeadline = started + options.timeLimitS * 250;
  const ls = iteratedInterchange(inst, costT, {
    p,
    deadline: heuristicDeadline,
    seed: options.seed,
    initial: options.initial,
    maxStall: Math.max(20, Math.min(200, Math.round(20000 / Math.max(1, inst.nDemand) + p))),
  });
  let open = ls.open;
  let cost = ls.cost;
  let method = `interchange (${ls.rounds} perturbations)`;
  if (p >= nFree) {
    return { open, cost, bound: cost, status: 'optimal', method: 'all free sites open', notes };
  }
  const cutoffFor = (ub: number) =>
    integral ? ub - 1 + 1e-6 : ub - Math.max(1e-9, relGap) * Math.max(1, Math.abs(ub));
  // λ_i starts at each point's cost in the heuristic solution.
  const initial = new Float64Array(inst.nDemand);
  {
    const { nDemand: n, nSites: m, cost: c } = inst;
    const isOpen = new Uint8Array(m);
    for (const j of open) isOpen[j] = 1;
    for (let j = 0; j < m; j++) if (inst.siteState[j] === SITE_FIXED_OPEN) isOpen[j] = 1;
    for (let i = 0; i < n; i++) {
      let best = Infinity;
      for (let j = 0; j < m; j++) if (isOpen[j] && c[i * m + j]! < best) best = c[i * m + j]!;
      initial[i] = best;
    }
  }
  const lrDeadline = Math.max(performance.now() + 200, started + options.timeLimitS * 500);
  let lrImproved = 0;
  const lr = lagrangianBound(inst, {
    p,
    upperBound: cost,
    cutoff: cutoffFor(cost),
    cutoffFor,
    initial,
    improve: (chosen) => {
      const found = descendFrom(inst, costT, chosen, lrDeadline);
      if (found.cost < cost - 1e-9 * Math.abs(cost)) {
        cost = found.cost;
        open = found.open;
        lrImproved++;
      }
      return cost;
    },
    deadline: lrDeadline,
  });
  if (lrImproved > 0) notes.push(`the Lagrangian heuristic improved the solution ${lrImproved} time(s)`);
  let bound = asBound(lr.bound, cost);
  method += ` + Lagrangian bound (${lr.iterations} iterations)`;
  const branchShare = mip ? (options.branchShare ?? 0.4) : 1;
  if (!closed(cost, bound, integral, relGap) && options.method !== 'heuristic' && branchShare > 0) {
    // Branch and bound on the Lagrangian bound first: on OR-Library it proves the small-p
    // instances (pmed6, 16, 26, 35) in 1.5–16 s where HiGHS took 10–21 s or more than 45 s; it
    // gets 40 % of what is left (all of it without HiGHS), HiGHS the rest.
    const remainingMs = deadline - performance.now();
    const bb = lagrangianBranch(inst, {
      p,
      deadline: performance.now() + branchShare * remainingMs,
      open,
      cost,
      lambda: lr.lambda,
      rows: lr.rows,
      cutoffFor,
      improve: (chosen) => descendFrom(inst, costT, chosen, deadline),
    });
    if (bb.cost < cost) {
      cost = bb.cost;
      open = bb.open;
    }
    bound = Math.max(bound, asBound(bb.bound, cost));
    method += ` + Lagrangian branch and bound (${bb.nodes} nodes${bb.complete ? '' : ', stopped at its time share'})`;
    if (bb.improved > 0) notes.push(`branch and bound improved the solution ${bb.improved} time(s)`);
  }
  if (closed(cost, bound, integral, relGap) || options.method === 'heuristic' || !mip)
    return finish(open, cost, bound, method);

  // Reduced MIP: sites the Lagrangian closed are dropped, sites it opened are forced.
  const reduced: MedianInstance = { ...inst, siteState: Int8Array.from(inst.siteState) };
  let nClosed = 0;
  let nForced = 0;
  for (let j = 0; j < inst.nSites; j++) {
    if (inst.siteState[j] !== SITE_FREE) continue;
    if (lr.fixedClosed[j]) {
      reduced.siteState[j] = SITE_EXCLUDED;
      nClosed++;
    } else if (lr.fixedOpen[j]) nForced++;
  }
  // A point that pays c costs every solution at least L + c − λ_i: costs that reach the cutoff are cut off.
  const cut = cutoffFor(cost);
  const maxCost = new Float64Array(inst.nDemand);
  for (let i = 0; i < inst.nDemand; i++)
    maxCost[i] = cut - lr.bound + lr.lambda[i]! + 1e-9 * Math.max(1, Math.abs(cost));
  const built = buildMedianMip(reduced, { p, forcedOpen: lr.fixedOpen, maxCost });
  const size = built.model.rowIndices.length;
  notes.push(
    `Lagrangian fixing closed ${nClosed} and opened ${nForced} of ${nFree} free sites; reduced MIP has ${built.model.colCost.length} columns, ${size} nonzeros`,
  );
  if (size > (options.maxMipNonzeros ?? DEFAULT_MAX_NONZEROS)) {
    notes.push('reduced MIP too large for the WebAssembly solver; gap from the Lagrangian bound');
    return { open, cost, bound, status: 'feasible', method, notes };
  }
  const remainingS = (deadline - performance.now()) / 1000;
  if (remainingS < 0.05) return { open, cost, bound, status: 'feasible', method, notes };
  const startOk = open.every((j) => reduced.siteState[j] === SITE_FREE);
  const r = mip.solve(built.model, {
    timeLimitS: remainingS,
    mipRelGap: relGap,
    initialSolution: startOk ? built.startFrom(open) : undefined,
  });
  method += ' + HiGHS on the reduced model';
  if (r.x) {
    const mipOpen = built.openFrom(r.x);
    const mipCost = evaluateOpen(inst, mipOpen);
    if (mipCost < cost) {
      cost = mipCost;
      open = mipOpen.sort((x, y) => x - y);
    }
  }
  // Every solution cheaper than the cutoff lies in the reduced model, so its bound holds globally up to the incumbent.
  if (r.status === 'infeasible') bound = cost;
  else if (Number.isFinite(r.bound)) bound = Math.max(bound, asBound(r.bound, cost));
  return finish(open, cost, bound, method);
}
