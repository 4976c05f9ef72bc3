import { RowSorter } from './row-order';
import { SITE_EXCLUDED, SITE_FIXED_OPEN, SITE_FREE, type MedianInstance } from '../model/median-instance';

export interface LagrangianOptions {
  p: number;
  /** Cost of the best known solution; subgradient steps aim at it. */
  upperBound: number;
  /** Solutions that cost this much or more are of no interest (fixing tests use it). */
  cutoff: number;
  deadline: number;
  maxIterations?: number;
  /** Starting multipliers (each point's cost in the best known solution is a good start). */
  initial?: Float64Array;
  /**
   * Lagrangian heuristic: called now and then with the free sites the relaxation opens; returns
   * the cost of the solution it made from them, so a better one tightens the steps and the cutoff.
   */
  improve?: (chosen: number[]) => number;
  /** The cutoff for a new upper bound. */
  cutoffFor?: (upperBound: number) => number;
}

export interface LagrangianResult {
  bound: number;
  /** The multipliers that gave the bound. */
  lambda: Float64Array;
  iterations: number;
  /** Free sites that cannot be open in any solution cheaper than the cutoff. */
  fixedClosed: Uint8Array;
  /** Free sites that are open in every solution cheaper than the cutoff. */
  fixedOpen: Uint8Array;
  /** The per-point site order it walked, for the branch and bound. */
  rows: SortedRows;
}

/** Each point's sites (all but the excluded ones) sorted by cost: n rows of `sites` entries. */
export interface SortedRows {
  order: Int32Array;
  sortedCost: Float64Array;
  sites: number;
}

/** Sites sorted by cost per point, so that an iteration walks only the sites cheaper than λ_i. */
export function sortedRows(inst: MedianInstance): SortedRows {
  const { nDemand: n, nSites: m, cost, siteState } = inst;
  const allowed: number[] = [];
  for (let j = 0; j < m; j++) if (siteState[j] !== SITE_EXCLUDED) allowed.push(j);
  const a = allowed.length;
  const order = new Int32Array(n * a);
  const sortedCost = new Float64Array(n * a);
  const sorter = new RowSorter(Int32Array.from(allowed));
  const rowOrder = new Int32Array(a);
  for (let i = 0; i < n; i++) {
    const row = i * m;
    sorter.sort(cost, row, rowOrder);
    for (let k = 0; k < a; k++) {
      order[i * a + k] = rowOrder[k]!;
      sortedCost[i * a + k] = cost[row + rowOrder[k]!]!;
    }
  }
  return { order, sortedCost, sites: a };
}

/**
 * ρ_j = Σ_i min(0, c_ij − λ_i) for every site, walking each row only up to λ_i; returns Σ_i λ_i.
 * A site whose `state` is `skipState` gets no share (the branch and bound's excluded sites).
 */
export function priceSites(
  rows: SortedRows,
  lambda: Float64Array,
  rho: Float64Array,
  state: Int8Array | null = null,
  skipState = 0,
): number {
  const { order, sortedCost, sites } = rows;
  rho.fill(0);
  let lambdaSum = 0;
  for (let i = 0; i < lambda.length; i++) {
    const l = lambda[i]!;
    lambdaSum += l;
    const base = i * sites;
    for (let k = 0; k < sites; k++) {
      const c = sortedCost[base + k]!;
      if (c >= l) break;
      const j = order[base + k]!;
      if (state === null || state[j] !== skipState) rho[j]! += c - l;
    }
  }
  return lambdaSum;
}

/**
 * Lagrangian relaxation of the assignment rows Σ_j x_ij = 1 with multipliers λ_i:
 *   L(λ) = Σ_i λ_i + Σ_{fixed j} ρ_j + (p smallest ρ_j over free j),  ρ_j = Σ_i min(0, c_ij − λ_i),
 * maximised by subgradient steps (Beasley 1985). For the p-median L(λ*) equals the LP bound.
 * Each λ also prices opening or closing a site: L + ρ_j − ρ_(p) is a bound on every solution
 * with j open, which fixes sites for the MIP that follows.
 */
export function lagrangianBound(inst: MedianInstance, options: LagrangianOptions): LagrangianResult {
  const { nDemand: n, nSites: m, siteState } = inst;
  const { p } = options;
  const rows = sortedRows(inst);
  const { order, sortedCost, sites: a } = rows;
  const free: number[] = [];
  for (let j = 0; j < m; j++) if (siteState[j] === SITE_FREE) free.push(j);
  const freeSorted = Int32Array.from(free);
  const chosen = new Uint8Array(m);
  const rho = new Float64Array(m);
  const lambda = new Float64Array(n);
  if (options.initial) lambda.set(options.initial);
  else for (let i = 0; i < n; i++) lambda[i] = sortedCost[i * a + Math.min(a - 1, 1)]!;
  const g = new Float64Array(n);
  const bestLambda = Float64Array.from(lambda);
  const fixedClosed = new Uint8Array(m);
  const fixedOpen = new Uint8Array(m);
  let best = -Infinity;
  let theta = 2;
  let stall = 0;
  let iterations = 0;
  const maxIterations = options.maxIterations ?? 5000;
  const sortByRho = (x: number, y: number) => rho[x]! - rho[y]!;
  let upperBound = options.upperBound;
  let cutoff = options.cutoff;
  const tried = new Set<string>();
  const lrStarted = performance.now();
  let improveMs = 0;
  while (iterations < maxIterations && theta > 1e-5) {
    if ((iterations & 7) === 0 && performance.now() > options.deadline) break;
    iterations++;
    let value = priceSites(rows, lambda, rho);
    for (let j = 0; j < m; j++) if (siteState[j] === SITE_FIXED_OPEN) value += rho[j]!;
    freeSorted.sort(sortByRho);
    chosen.fill(0);
    for (let k = 0; k < p; k++) {
      value += rho[freeSorted[k]!]!;
      chosen[freeSorted[k]!] = 1;
    }
    for (let j = 0; j < m; j++) if (siteState[j] === SITE_FIXED_OPEN) chosen[j] = 1;
    const rhoP = p > 0 ? rho[freeSorted[p - 1]!]! : 0;
    const rhoNext = p < freeSorted.length ? rho[freeSorted[p]!]! : Infinity;
    for (let k = 0; k < freeSorted.length; k++) {
      const j = freeSorted[k]!;
      if (k >= p) {
        if (value + rho[j]! - rhoP >= cutoff) fixedClosed[j] = 1;
      } else if (value - rho[j]! + rhoNext >= cutoff) fixedOpen[j] = 1;
    }
    if (best === -Infinity || value > best + 1e-9 * Math.abs(best)) {
      best = value;
      bestLambda.set(lambda);
      stall = 0;
    } else if (++stall >= 30) {
      theta /= 2;
      stall = 0;
    }
    if (best >= cutoff) break;
    // The heuristic gets at most a third of the time, so that the bound keeps converging.
    if (
      options.improve &&
      iterations % 20 === 0 &&
      improveMs < 0.5 * (performance.now() - lrStarted - improveMs)
    ) {
      const picked = Array.from(freeSorted.subarray(0, p)).sort((x, y) => x - y);
      const key = picked.join(',');
      if (!tried.has(key)) {
        tried.add(key);
        const t0 = performance.now();
        const found = options.improve(picked);
        improveMs += performance.now() - t0;
        if (found < upperBound) {
          upperBound = found;
          cutoff = options.cutoffFor ? options.cutoffFor(found) : found;
        }
      }
    }
    if (!subgradientStep({ lambda, sortedCost, order, sites: a, open: chosen, g }, theta, upperBound, value))
      break;
  }
  return { bound: best, lambda: bestLambda, iterations, fixedClosed, fixedOpen, rows };
}

/** Per-point rows of sites sorted by cost (`order`, `sortedCost`: n × sites), and scratch. */
export interface SubgradientState {
  lambda: Float64Array;
  sortedCost: Float64Array;
  order: Int32Array;
  sites: number;
  /** 1 for each site the relaxation opens. */
  open: Uint8Array;
  /** Scratch for the subgradient, one per point. */
  g: Float64Array;
}

/**
 * One subgradient step of the relaxation of Σ_j x_ij = 1: g_i = 1 − (open sites cheaper than
 * λ_i), step θ(UB − L)/‖g‖² (Polyak, as in Beasley 1985). Returns false when g = 0: the
 * relaxation's solution is then feasible, and L is optimal for it.
 */
export function subgradientStep(
  s: SubgradientState,
  theta: number,
  upperBound: number,
  value: number,
): boolean {
  const { lambda, sortedCost, order, sites: a, open, g } = s;
  const n = lambda.length;
  let norm = 0;
  for (let i = 0; i < n; i++) {
    const l = lambda[i]!;
    let served = 0;
    const base = i * a;
    for (let k = 0; k < a; k++) {
      if (sortedCost[base + k]! >= l) break;
      if (open[order[base + k]!]) served++;
    }
    g[i] = 1 - served;
    norm += g[i]! * g[i]!;
  }
  if (norm === 0) return false;
  const step = (theta * Math.max(upperBound - value, 1e-9 * Math.abs(upperBound))) / norm;
  // Above a point's largest cost a multiplier only lowers L (every open site pays it back), so it is capped there.
  for (let i = 0; i < n; i++)
    lambda[i] = Math.min(sortedCost[i * a + a - 1]!, Math.max(0, lambda[i]! + step * g[i]!));
  return true;
}
