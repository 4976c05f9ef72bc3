import { solveCapacity } from './model/capacity';
import { coverageInstance } from './model/coverage-instance';
import { SITE_FIXED_OPEN, SITE_FREE, type MedianInstance } from './model/median-instance';
import { solveMedian, type MedianSolveResult } from './median-solver';
import { loadHighsThreadSolver } from './mip/highs-thread-client';
import type { MipSolver } from './mip/mip';
import type { PlacementInstance, PlacementOptions, PlacementResult } from './types';
import { validatePlacement } from './validate';

export const DEFAULT_TIME_LIMIT_S = 60;
/** Proven optimality by default; a caller may trade it for time. */
export const DEFAULT_MIP_REL_GAP = 0;

/** Share of a demand point's people who use a box at distance d. */
export function decayShare(decay: NonNullable<PlacementOptions['decay']>, distanceM: number): number {
  if (decay.kind === 'linear') return Math.max(0, 1 - distanceM / decay.scaleM);
  return Math.exp(-distanceM / decay.scaleM);
}

function medianInstance(inst: PlacementInstance, costOf: (i: number, d: number) => number): MedianInstance {
  const n = inst.demandIds.length;
  const m = inst.siteIds.length;
  const cost = new Float64Array(n * m);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < m; j++) cost[i * m + j] = costOf(i, inst.distanceM[i * m + j]!);
  const siteState = new Int8Array(m);
  for (let j = 0; j < m; j++) siteState[j] = inst.fixedOpen[j] ? SITE_FIXED_OPEN : SITE_FREE;
  return { nDemand: n, nSites: m, cost, siteState };
}

/**
 * Solves one placement model in this thread with a loaded MIP solver. HiGHS is synchronous: the
 * solver worker runs this in a thread of its own (workers/solver), and big models go to a HiGHS
 * thread with a hard deadline (mip/highs-thread-client.ts).
 */
export function solvePlacementSync(
  inst: PlacementInstance,
  options: PlacementOptions,
  mip: MipSolver,
): PlacementResult {
  validatePlacement(inst, options);
  const started = performance.now();
  const timeLimitS = options.timeLimitS ?? DEFAULT_TIME_LIMIT_S;
  const common = {
    p: options.p,
    budget:
      options.budgetPerYear !== undefined
        ? { costPerSite: inst.siteCostPerYear, limit: options.budgetPerYear }
        : undefined,
    mipRelGap: options.mipRelGap ?? DEFAULT_MIP_REL_GAP,
    seed: options.seed ?? 1,
    method: options.method ?? 'auto',
  };
  const w = inst.weights;
  const totalWeight = w.reduce((s, x) => s + x, 0);
  const notes: string[] = [];
  const radius = options.radiusM ?? Infinity;

  if (options.model === 'capacity') {
    return solveCapacity(inst, { ...options, timeLimitS, mipRelGap: common.mipRelGap }, mip, started);
  }

  let r: MedianSolveResult;
  let objective: (cost: number) => number = (c) => c;
  let sense: 'min' | 'max' = 'min';
  let method = '';
  switch (options.model) {
    case 'pmedian': {
      r = solveMedian(
        medianInstance(inst, (i, d) => w[i]! * d),
        mip,
        { ...common, timeLimitS },
      );
      break;
    }
    case 'coverage': {
      r = solveMedian(coverageInstance(inst, radius), mip, {
        ...common,
        timeLimitS,
        preferMip: coverageMipFirst(inst, radius, options.p),
      });
      objective = (c) => totalWeight - c;
      sense = 'max';
      break;
    }
    case 'decay': {
      const decay = options.decay!;
      r = solveMedian(
        medianInstance(inst, (i, d) => w[i]! * (1 - decayShare(decay, d))),
        mip,
        { ...common, timeLimitS },
      );
      objective = (c) => totalWeight - c;
      sense = 'max';
      break;
    }
    case 'lexicographic': {
      const cover = solveMedian(coverageInstance(inst, radius), mip, {
        ...common,
        preferMip: coverageMipFirst(inst, radius, options.p),
        timeLimitS: timeLimitS / 2,
      });
      if (cover.status !== 'optimal') {
        notes.push(
          `the coverage stage was not proven optimal (gap ${pct(cover.cost - cover.bound, totalWeight - cover.cost)} %); distance was minimised at its coverage`,
        );
      }
      const elapsedS = (performance.now() - started) / 1000;
      const medianInst = medianInstance(inst, (i, d) => w[i]! * d);
      const threshold = new Float64Array(inst.demandIds.length);
      for (let i = 0; i < threshold.length; i++) threshold[i] = w[i]! * radius;
      r = solveMedian(medianInst, mip, {
        ...common,
        timeLimitS: Math.max(0.1, timeLimitS - elapsedS),
        // The least uncovered weight, with room for rounding in the solver's row activity.
        outside: { threshold, weight: w, maxWeight: cover.cost + 1e-9 * Math.max(1, totalWeight) },
        initial: cover.open,
      });
      method = `coverage: ${cover.method}; then distance at that coverage: `;
      if (r.status === 'optimal' && cover.status !== 'optimal') r = { ...r, status: 'feasible' };
      break;
    }
  }
  return assemble(inst, options, r, {
    objective: Number.isNaN(r.cost) ? NaN : objective(r.cost),
    bound: objective(r.bound),
    sense,
    method: method + r.method,
    notes: [...notes, ...r.notes],
    started,
  });
}

/**
 * Coverage goes to HiGHS first (after a quick interchange start) unless the boxes would compete
 * for the same people: when p boxes could reach more than SATURATED_COVERAGE_SHARE of all demand
 * (p × the mean weight in reach of a site), the LP is fractional and branch and bound slow, and
 * interchange, the Lagrangian bound and the reduced MIP do better. Measured on random 500 × 5000
 * models (`pnpm bench:placement coverage`): below that share HiGHS proved every model in 0.2–2.3 s
 * where the Lagrangian path took 2–5 s; above it (78–100 % covered) neither proves within 10 s and
 * the Lagrangian path ends 6–9 points of coverage higher with a gap of 0.1–1.7 % instead of 2–10 %.
 */
export const SATURATED_COVERAGE_SHARE = 0.6;

function coverageMipFirst(inst: PlacementInstance, radiusM: number, p: number | undefined): boolean {
  if (p === undefined) return true;
  const n = inst.demandIds.length;
  const m = inst.siteIds.length;
  let inReach = 0;
  let total = 0;
  let free = 0;
  for (let j = 0; j < m; j++) if (!inst.fixedOpen[j]) free++;
  for (let i = 0; i < n; i++) {
    const w = inst.weights[i]!;
    total += w;
    for (let j = 0; j < m; j++) if (!inst.fixedOpen[j] && inst.distanceM[i * m + j]! <= radiusM) inReach += w;
  }
  if (total <= 0 || free === 0) return true;
  return (p * inReach) / free <= SATURATED_COVERAGE_SHARE * total;
}

function pct(diff: number, base: number): string {
  return ((100 * Math.abs(diff)) / Math.max(1e-12, Math.abs(base))).toFixed(3);
}

function assemble(
  inst: PlacementInstance,
  options: PlacementOptions,
  r: MedianSolveResult,
  extra: {
    objective: number;
    bound: number;
    sense: 'min' | 'max';
    method: string;
    notes: string[];
    started: number;
  },
): PlacementResult {
  const n = inst.demandIds.length;
  const m = inst.siteIds.length;
  const openSites = [...r.open].sort((a, b) => a - b);
  const isOpen = new Uint8Array(m);
  for (const j of openSites) isOpen[j] = 1;
  for (let j = 0; j < m; j++) if (inst.fixedOpen[j]) isOpen[j] = 1;
  const assignedSite = new Int32Array(n).fill(-1);
  let totalWeight = 0;
  let covered = 0;
  let weightedDistance = 0;
  const radius = options.radiusM ?? Infinity;
  for (let i = 0; i < n; i++) {
    let best = Infinity;
    let site = -1;
    for (let j = 0; j < m; j++) {
      if (isOpen[j] && inst.distanceM[i * m + j]! < best) {
        best = inst.distanceM[i * m + j]!;
        site = j;
      }
    }
    assignedSite[i] = site;
    const wi = inst.weights[i]!;
    totalWeight += wi;
    if (site >= 0) {
      weightedDistance += wi * best;
      if (best <= radius) covered += wi;
    }
  }
  const { objective, bound, sense } = extra;
  const gap =
    Number.isFinite(objective) && Number.isFinite(bound)
      ? Math.max(0, sense === 'min' ? objective - bound : bound - objective)
      : NaN;
  return {
    model: options.model,
    status: r.status,
    objective,
    bound,
    gapPct: Number.isNaN(gap)
      ? NaN
      : objective === 0
        ? gap === 0
          ? 0
          : Infinity
        : (100 * gap) / Math.abs(objective),
    sense,
    openSites,
    open: openSites.map((j) => inst.siteIds[j]!),
    assignedSite,
    totalWeight,
    coveredWeight: options.radiusM !== undefined ? covered : undefined,
    meanDistanceM: totalWeight > 0 ? weightedDistance / totalWeight : 0,
    costPerYear: openSites.reduce((s, j) => s + inst.siteCostPerYear[j]!, 0),
    method: extra.method,
    timeS: (performance.now() - extra.started) / 1000,
    notes: extra.notes,
  };
}

/**
 * Solves in this thread, with HiGHS in a thread of its own that is stopped at the time limit
 * (CLI, planner, the service's solver threads: nothing else waits on this event loop).
 */
export async function solvePlacement(
  inst: PlacementInstance,
  options: PlacementOptions,
): Promise<PlacementResult> {
  return solvePlacementSync(inst, options, await loadHighsThreadSolver());
}
