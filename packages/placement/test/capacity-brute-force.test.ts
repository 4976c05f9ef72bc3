import fc from 'fast-check';
import solver from 'javascript-lp-solver';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadHighsSolver, solvePlacementSync, type MipSolver, type PlacementInstance } from '../src/index';
import { smallCase, subsets } from './helpers';

let mip: MipSolver;
beforeAll(async () => {
  mip = await loadHighsSolver();
});

/** The capacity model's objective is served weight × (1 − 1e−7 · d / r): it may give up this much weight for distance. */
const TIE_BREAK = 1e-7;

/**
 * The most weight the open sites can serve, by an LP solved independently with
 * javascript-lp-solver: shares x_ij ≥ 0 only for d_ij ≤ r, Σ_j x_ij ≤ 1, Σ_i load_i x_ij ≤ cap_j.
 */
function servedBy(inst: PlacementInstance, open: number[], radiusM: number): number {
  const m = inst.siteIds.length;
  const variables: Record<string, Record<string, number>> = {};
  const constraints: Record<string, { max: number }> = {};
  for (let i = 0; i < inst.demandIds.length; i++) {
    constraints[`d${i}`] = { max: 1 };
    for (const j of open) {
      if (inst.distanceM[i * m + j]! > radiusM) continue;
      variables[`x${i}_${j}`] = { served: inst.weights[i]!, [`d${i}`]: 1, [`c${j}`]: inst.demandLoad![i]! };
    }
  }
  for (const j of open)
    if (inst.siteCapacity![j] !== Infinity) constraints[`c${j}`] = { max: inst.siteCapacity![j]! };
  if (Object.keys(variables).length === 0) return 0;
  const r = solver.Solve({ optimize: 'served', opType: 'max', constraints, variables }) as {
    feasible: boolean;
    result: number;
  };
  expect(r.feasible).toBe(true);
  return r.result;
}

const withCapacity = fc
  .record({
    base: smallCase(8, 4),
    loads: fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 8, maxLength: 8 }),
    caps: fc.array(fc.integer({ min: 1, max: 12 }), { minLength: 6, maxLength: 6 }),
    fixedUnknown: fc.boolean(),
    radiusM: fc.integer({ min: 2, max: 12 }),
  })
  .map(({ base, loads, caps, fixedUnknown, radiusM }) => {
    const { instance } = base;
    const m = instance.siteIds.length;
    const inst: PlacementInstance = {
      ...instance,
      demandLoad: Float64Array.from(instance.demandIds, (_, i) => loads[i]!),
      // Existing pickup points have their own capacity; the last may be of unknown (unlimited) capacity.
      siteCapacity: Float64Array.from({ length: m }, (_, j) =>
        instance.fixedOpen[j] && j === m - 1 && fixedUnknown ? Infinity : caps[j]!,
      ),
    };
    return { inst, p: base.p, radiusM };
  });

const fixedSites = (inst: PlacementInstance) => [...inst.fixedOpen.keys()].filter((j) => inst.fixedOpen[j]);

/** Every check that does not depend on which subset was best. */
function checkResult(
  inst: PlacementInstance,
  r: ReturnType<typeof solvePlacementSync>,
  radiusM: number,
  best: number,
) {
  const m = inst.siteIds.length;
  const n = inst.demandIds.length;
  const total = inst.weights.reduce((s, w) => s + w, 0);
  expect(r.status).toBe('optimal');
  // The same served weight as the best subset, up to what the distance tie-break may trade.
  expect(r.objective).toBeLessThanOrEqual(best + 1e-6);
  expect(r.objective).toBeGreaterThanOrEqual(best - TIE_BREAK * total - 1e-6);
  expect(r.bound).toBeGreaterThanOrEqual(r.objective - 1e-6);
  // Existing pickup points never appear among the opened boxes.
  for (const j of r.openSites) expect(inst.fixedOpen[j]).toBe(0);
  const open = new Set([...r.openSites, ...fixedSites(inst)]);
  // Loads recomputed from the shares: no capacity exceeded, no share to a closed or unreachable site.
  const used = new Float64Array(m);
  const share = new Float64Array(n);
  let served = 0;
  for (const s of r.shares!) {
    expect(open.has(s.site)).toBe(true);
    expect(inst.distanceM[s.demand * m + s.site]!).toBeLessThanOrEqual(radiusM);
    expect(s.share).toBeGreaterThan(0);
    used[s.site]! += inst.demandLoad![s.demand]! * s.share;
    share[s.demand]! += s.share;
    served += inst.weights[s.demand]! * s.share;
  }
  for (let j = 0; j < m; j++) expect(used[j]!).toBeLessThanOrEqual(inst.siteCapacity![j]! + 1e-6);
  for (let i = 0; i < n; i++) expect(share[i]!).toBeLessThanOrEqual(1 + 1e-6);
  expect(served).toBeCloseTo(r.objective, 6);
  // The reported open set really reaches that weight.
  expect(servedBy(inst, r.openSites.concat(fixedSites(inst)), radiusM)).toBeGreaterThanOrEqual(
    r.objective - 1e-6,
  );
  const unserved = r.unservedWeight!.reduce((s, w) => s + w, 0);
  expect(unserved + r.objective).toBeCloseTo(total, 6);
}

describe('capacity model against brute force over every open set', () => {
  it('at most p boxes: the best served weight over all subsets of ≤ p free sites, capacities kept', () => {
    fc.assert(
      fc.property(withCapacity, ({ inst, p, radiusM }) => {
        const fixed = fixedSites(inst);
        let best = -Infinity;
        for (const s of subsets(inst)) {
          if (s.length > p) continue;
          best = Math.max(best, servedBy(inst, [...s, ...fixed], radiusM));
        }
        const r = solvePlacementSync(inst, { model: 'capacity', p, radiusM }, mip);
        expect(r.open.length).toBeLessThanOrEqual(p);
        checkResult(inst, r, radiusM, best);
      }),
      { numRuns: 60, seed: 31 },
    );
  });

  it('within a budget (and at most p): the best served weight over all affordable subsets', () => {
    fc.assert(
      fc.property(
        withCapacity,
        fc.integer({ min: 1, max: 12 }),
        fc.boolean(),
        ({ inst, p, radiusM }, budgetPerYear, withP) => {
          const fixed = fixedSites(inst);
          const cost = (s: number[]) => s.reduce((c, j) => c + inst.siteCostPerYear[j]!, 0);
          // The budget must buy at least the cheapest free site (validation).
          const cheapest = Math.min(
            ...[...inst.fixedOpen.keys()]
              .filter((j) => !inst.fixedOpen[j])
              .map((j) => inst.siteCostPerYear[j]!),
          );
          const budget = Math.max(budgetPerYear, cheapest);
          let best = -Infinity;
          for (const s of subsets(inst)) {
            if (cost(s) > budget || (withP && s.length > p)) continue;
            best = Math.max(best, servedBy(inst, [...s, ...fixed], radiusM));
          }
          const r = solvePlacementSync(
            inst,
            { model: 'capacity', budgetPerYear: budget, p: withP ? p : undefined, radiusM },
            mip,
          );
          expect(r.costPerYear).toBeLessThanOrEqual(budget + 1e-9);
          if (withP) expect(r.open.length).toBeLessThanOrEqual(p);
          checkResult(inst, r, radiusM, best);
        },
      ),
      { numRuns: 60, seed: 32 },
    );
  });
});
