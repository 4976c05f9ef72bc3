import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  decayShare,
  loadHighsSolver,
  solvePlacementSync,
  type MipSolver,
  type PlacementInstance,
} from '../src/index';
import { nearest, smallCase, subsets } from './helpers';

let mip: MipSolver;
beforeAll(async () => {
  mip = await loadHighsSolver();
});

const RUNS = 25;
const weighted = (inst: PlacementInstance, f: (i: number, d: number) => number, open: number[]) =>
  nearest(inst, open).reduce((s, d, i) => s + f(i, d), 0);

/** The best value over all subsets that satisfy `allowed`, by brute force. */
function best(
  inst: PlacementInstance,
  allowed: (s: number[]) => boolean,
  value: (s: number[]) => number,
  sense: 'min' | 'max',
) {
  let bestValue = sense === 'min' ? Infinity : -Infinity;
  for (const s of subsets(inst)) {
    if (!allowed(s)) continue;
    const v = value(s);
    if (sense === 'min' ? v < bestValue : v > bestValue) bestValue = v;
  }
  return bestValue;
}

describe.each(['auto', 'mip'] as const)('models against brute force (method %s)', (method) => {
  it('p-median: the least weighted distance over all p-subsets', () => {
    fc.assert(
      fc.property(smallCase(), ({ instance, p }) => {
        const r = solvePlacementSync(instance, { model: 'pmedian', p, method }, mip);
        const w = instance.weights;
        const expected = best(
          instance,
          (s) => s.length === p,
          (s) => weighted(instance, (i, d) => w[i]! * d, s),
          'min',
        );
        expect(r.status).toBe('optimal');
        expect(r.objective).toBeCloseTo(expected, 6);
        expect(r.bound).toBeCloseTo(expected, 6);
        expect(r.open).toHaveLength(p);
        expect(weighted(instance, (i, d) => w[i]! * d, r.openSites)).toBeCloseTo(r.objective, 6);
      }),
      { numRuns: RUNS, seed: 11 },
    );
  });

  it('coverage: the most weight within the radius for at most p boxes, pickup points counted', () => {
    fc.assert(
      fc.property(smallCase(), fc.integer({ min: 1, max: 12 }), ({ instance, p }, radiusM) => {
        const r = solvePlacementSync(instance, { model: 'coverage', p, radiusM, method }, mip);
        const w = instance.weights;
        const cover = (s: number[]) => weighted(instance, (i, d) => (d <= radiusM ? w[i]! : 0), s);
        expect(r.status).toBe('optimal');
        expect(r.objective).toBeCloseTo(
          best(instance, (s) => s.length <= p, cover, 'max'),
          6,
        );
        expect(r.coveredWeight).toBeCloseTo(cover(r.openSites), 6);
        // Pickup points alone are a lower bound: they are always counted.
        expect(r.objective).toBeGreaterThanOrEqual(cover([]) - 1e-9);
      }),
      { numRuns: RUNS, seed: 12 },
    );
  });

  it('lexicographic: the least distance among the solutions of largest coverage', () => {
    fc.assert(
      fc.property(smallCase(), fc.integer({ min: 1, max: 12 }), ({ instance, p }, radiusM) => {
        const r = solvePlacementSync(instance, { model: 'lexicographic', p, radiusM, method }, mip);
        const w = instance.weights;
        const cover = (s: number[]) => weighted(instance, (i, d) => (d <= radiusM ? w[i]! : 0), s);
        const dist = (s: number[]) => weighted(instance, (i, d) => w[i]! * d, s);
        const maxCover = best(instance, (s) => s.length === p, cover, 'max');
        const expected = best(instance, (s) => s.length === p && cover(s) >= maxCover - 1e-9, dist, 'min');
        expect(r.status).toBe('optimal');
        expect(r.coveredWeight).toBeCloseTo(maxCover, 6);
        expect(r.objective).toBeCloseTo(expected, 6);
      }),
      { numRuns: RUNS, seed: 13 },
    );
  });

  it('distance decay: the most expected users', () => {
    fc.assert(
      fc.property(
        smallCase(),
        fc.constantFrom('linear' as const, 'exponential' as const),
        ({ instance, p }, kind) => {
          const decay = { kind, scaleM: 8 };
          const r = solvePlacementSync(instance, { model: 'decay', p, decay, method }, mip);
          const w = instance.weights;
          const users = (s: number[]) => weighted(instance, (i, d) => w[i]! * decayShare(decay, d), s);
          expect(r.status).toBe('optimal');
          expect(r.objective).toBeCloseTo(
            best(instance, (s) => s.length === p, users, 'max'),
            6,
          );
        },
      ),
      { numRuns: RUNS, seed: 14 },
    );
  });
});

describe('budget', () => {
  it('p-median and coverage within a yearly budget match brute force', () => {
    fc.assert(
      fc.property(smallCase(), fc.integer({ min: 5, max: 12 }), ({ instance }, budgetPerYear) => {
        const cost = (s: number[]) => s.reduce((a, j) => a + instance.siteCostPerYear[j]!, 0);
        const w = instance.weights;
        const cover = (s: number[]) => weighted(instance, (i, d) => (d <= 6 ? w[i]! : 0), s);
        const r = solvePlacementSync(instance, { model: 'coverage', budgetPerYear, radiusM: 6 }, mip);
        expect(r.status).toBe('optimal');
        expect(r.costPerYear).toBeLessThanOrEqual(budgetPerYear + 1e-9);
        expect(r.objective).toBeCloseTo(
          best(instance, (s) => cost(s) <= budgetPerYear, cover, 'max'),
          6,
        );
      }),
      { numRuns: RUNS, seed: 15 },
    );
  });
});
