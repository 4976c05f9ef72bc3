import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadHighsSolver, solvePlacementSync, type MipSolver } from '../src/index';
import { smallCase } from './helpers';

let mip: MipSolver;
beforeAll(async () => {
  mip = await loadHighsSolver();
});

describe('capacity model', () => {
  it('never exceeds a capacity, serves only within reach, and accounts for every person', () => {
    fc.assert(
      fc.property(
        smallCase(8, 5),
        fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 13, maxLength: 13 }),
        fc.array(fc.integer({ min: 1, max: 10 }), { minLength: 8, maxLength: 8 }),
        ({ instance, p }, caps, loads) => {
          const m = instance.siteIds.length;
          const n = instance.demandIds.length;
          const withCapacity = {
            ...instance,
            demandLoad: Float64Array.from({ length: n }, (_, i) => loads[i]!),
            // The last site may be an existing pickup point of unknown capacity.
            siteCapacity: Float64Array.from({ length: m }, (_, j) =>
              instance.fixedOpen[j] && j === m - 1 ? Infinity : caps[j]!,
            ),
          };
          const radiusM = 8;
          const r = solvePlacementSync(withCapacity, { model: 'capacity', p, radiusM }, mip);
          expect(r.status).toBe('optimal');
          expect(r.open.length).toBeLessThanOrEqual(p);
          const used = new Float64Array(m);
          const perDemand = new Float64Array(n);
          const isOpen = new Set([
            ...r.openSites,
            ...[...instance.fixedOpen.keys()].filter((j) => instance.fixedOpen[j]),
          ]);
          for (const s of r.shares!) {
            expect(isOpen.has(s.site)).toBe(true);
            expect(instance.distanceM[s.demand * m + s.site]!).toBeLessThanOrEqual(radiusM);
            used[s.site]! += withCapacity.demandLoad[s.demand]! * s.share;
            perDemand[s.demand]! += s.share;
          }
          for (let j = 0; j < m; j++)
            expect(used[j]!).toBeLessThanOrEqual(withCapacity.siteCapacity[j]! + 1e-6);
          for (let i = 0; i < n; i++) {
            expect(perDemand[i]!).toBeLessThanOrEqual(1 + 1e-6);
            expect(instance.weights[i]! * perDemand[i]! + r.unservedWeight![i]!).toBeCloseTo(
              instance.weights[i]!,
              6,
            );
          }
          const unserved = r.unservedWeight!.reduce((a, b) => a + b, 0);
          expect(r.objective + unserved).toBeCloseTo(r.totalWeight, 6);
        },
      ),
      { numRuns: 30, seed: 21 },
    );
  });

  it('reports what a full box cannot take', () => {
    // Two villages of 10 people next to one box that holds 4 parcels; each village keeps 3 in it.
    const r = solvePlacementSync(
      {
        demandIds: ['a', 'b'],
        weights: Float64Array.from([10, 10]),
        siteIds: ['box'],
        fixedOpen: new Uint8Array(1),
        siteCostPerYear: Float64Array.from([1]),
        distanceM: Float64Array.from([100, 200]),
        demandLoad: Float64Array.from([3, 3]),
        siteCapacity: Float64Array.from([4]),
      },
      { model: 'capacity', p: 1, radiusM: 1000 },
      mip,
    );
    expect(r.status).toBe('optimal');
    expect(r.objective).toBeCloseTo(10 * (4 / 3), 6);
    expect(r.unservedWeight![0]! + r.unservedWeight![1]!).toBeCloseTo(20 - 10 * (4 / 3), 6);
    // The nearer village goes first.
    expect(r.unservedWeight![0]!).toBeCloseTo(0, 6);
  });
});
