import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lagrangianBound } from '../src/bound/lagrangian';
import { lagrangianBranch } from '../src/bound/lagrangian-branch';
import { evaluateOpen, SITE_FIXED_OPEN, SITE_FREE, type MedianInstance } from '../src/model/median-instance';
import { gridPoint } from './helpers';

/** Points and sites on a grid with integral costs (weight × Manhattan distance), some sites fixed open. */
const caseArb = fc
  .record({
    points: fc.array(gridPoint(30, { w: fc.integer({ min: 1, max: 9 }) }), { minLength: 8, maxLength: 30 }),
    sites: fc.array(gridPoint(30, {}), { minLength: 6, maxLength: 13 }),
    fixed: fc.integer({ min: 0, max: 1 }),
    pShare: fc.double({ min: 0, max: 1, noNaN: true }),
    coverageRadius: fc.option(fc.integer({ min: 3, max: 15 }), { nil: undefined }),
    start: fc.array(fc.nat(), { minLength: 13, maxLength: 13 }),
  })
  .map(({ points, sites, fixed, pShare, coverageRadius, start }) => {
    const n = points.length;
    const m = sites.length;
    const cost = new Float64Array(n * m);
    points.forEach((pt, i) =>
      sites.forEach((s, j) => {
        const d = Math.abs(pt.x - s.x) + Math.abs(pt.y - s.y);
        cost[i * m + j] = coverageRadius === undefined ? pt.w * d : d > coverageRadius ? pt.w : 0;
      }),
    );
    const siteState = new Int8Array(m).fill(SITE_FREE);
    if (fixed) siteState[m - 1] = SITE_FIXED_OPEN;
    const nFree = m - fixed;
    const p = 1 + Math.min(nFree - 2, Math.floor(pShare * (nFree - 1)));
    // A poor start: the first p free sites in a shuffled order.
    const free = Array.from({ length: nFree }, (_, j) => j).sort((x, y) => start[x]! - start[y]! || x - y);
    const inst: MedianInstance = { nDemand: n, nSites: m, cost, siteState };
    return { inst, p, startOpen: free.slice(0, p).sort((x, y) => x - y) };
  });

function bruteForce(inst: MedianInstance, p: number): number {
  const free: number[] = [];
  for (let j = 0; j < inst.nSites; j++) if (inst.siteState[j] === SITE_FREE) free.push(j);
  let best = Infinity;
  for (let mask = 0; mask < 1 << free.length; mask++) {
    const open = free.filter((_, k) => mask & (1 << k));
    if (open.length === p) best = Math.min(best, evaluateOpen(inst, open));
  }
  return best;
}

const cutoffFor = (ub: number) => ub - 1 + 1e-6;

/**
 * The root's Lagrangian bound (`rootIterations` steps) from a start solution, then the branch and
 * bound for `branchMs` (negative: its deadline has passed before it starts).
 */
function branchFrom(
  inst: MedianInstance,
  p: number,
  startOpen: number[],
  run: { rootIterations: number; branchMs: number; reuseRows: boolean; iterationsPerNode?: number },
) {
  const startCost = evaluateOpen(inst, startOpen);
  const root = lagrangianBound(inst, {
    p,
    upperBound: startCost,
    cutoff: cutoffFor(startCost),
    deadline: performance.now() + 1000,
    maxIterations: run.rootIterations,
  });
  return lagrangianBranch(inst, {
    p,
    deadline: performance.now() + run.branchMs,
    open: startOpen,
    cost: startCost,
    lambda: root.lambda,
    ...(run.reuseRows ? { rows: root.rows } : {}),
    cutoffFor,
    ...(run.iterationsPerNode !== undefined ? { iterationsPerNode: run.iterationsPerNode } : {}),
  });
}

describe('Lagrangian branch and bound', () => {
  it('finds and proves the brute-force optimum from a poor start (p-median and coverage costs)', () => {
    fc.assert(
      fc.property(caseArb, ({ inst, p, startOpen }) => {
        // Few root steps, so the tree has work to do.
        const r = branchFrom(inst, p, startOpen, {
          rootIterations: 5,
          branchMs: 20_000,
          reuseRows: true,
          iterationsPerNode: 8,
        });
        const optimum = bruteForce(inst, p);
        expect(r.complete).toBe(true);
        expect(r.cost).toBe(optimum);
        expect(r.bound).toBe(optimum);
        expect(r.open).toHaveLength(p);
        expect(new Set(r.open).size).toBe(p);
        expect(r.open.every((j) => inst.siteState[j] === SITE_FREE)).toBe(true);
        expect(evaluateOpen(inst, r.open)).toBe(r.cost);
      }),
      { numRuns: 150, seed: 5 },
    );
  });

  it('stopped early, its bound is still a lower bound on the optimum', () => {
    fc.assert(
      fc.property(caseArb, ({ inst, p, startOpen }) => {
        const startCost = evaluateOpen(inst, startOpen);
        const r = branchFrom(inst, p, startOpen, { rootIterations: 3, branchMs: -1, reuseRows: false });
        const optimum = bruteForce(inst, p);
        expect(r.complete).toBe(false);
        expect(r.bound).toBeLessThanOrEqual(optimum);
        expect(r.cost).toBe(startCost);
      }),
      { numRuns: 50, seed: 6 },
    );
  });
});
