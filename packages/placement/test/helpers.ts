import fc from 'fast-check';
import type { PlacementInstance } from '../src/types';

export interface SmallCase {
  instance: PlacementInstance;
  p: number;
}

/** A point on the grid 0..max × 0..max, with what else the record holds (generated after x and y). */
export function gridPoint<K extends string>(
  max: number,
  more: Record<K, fc.Arbitrary<number>>,
): fc.Arbitrary<{ x: number; y: number } & Record<K, number>> {
  const xy = { x: fc.integer({ min: 0, max }), y: fc.integer({ min: 0, max }) };
  // fc.record's type of a spread record is looser than what it generates.
  return fc.record({ ...xy, ...more }) as fc.Arbitrary<{ x: number; y: number } & Record<K, number>>;
}

/** Small random instances on a grid: integer distances, some existing pickup points. */
export const smallCase = (maxDemand = 7, maxSites = 6): fc.Arbitrary<SmallCase> =>
  fc
    .record({
      demand: fc.array(gridPoint(20, { w: fc.integer({ min: 0, max: 9 }) }), {
        minLength: 1,
        maxLength: maxDemand,
      }),
      sites: fc.array(gridPoint(20, { cost: fc.integer({ min: 1, max: 5 }) }), {
        minLength: 1,
        maxLength: maxSites,
      }),
      fixed: fc.array(gridPoint(20, {}), { maxLength: 2 }),
      pShare: fc.double({ min: 0, max: 1, noNaN: true }),
    })
    .map(({ demand, sites, fixed, pShare }) => {
      const all = [...sites, ...fixed.map((f) => ({ ...f, cost: 0 }))];
      const m = all.length;
      const distanceM = new Float64Array(demand.length * m);
      demand.forEach((d, i) =>
        all.forEach((s, j) => {
          distanceM[i * m + j] = Math.abs(d.x - s.x) + Math.abs(d.y - s.y);
        }),
      );
      const fixedOpen = new Uint8Array(m);
      fixedOpen.fill(1, sites.length);
      return {
        instance: {
          demandIds: demand.map((_, i) => `d${i}`),
          weights: Float64Array.from(demand, (d) => d.w),
          siteIds: all.map((_, j) => `s${j}`),
          fixedOpen,
          siteCostPerYear: Float64Array.from(all, (s) => s.cost),
          distanceM,
        },
        p: 1 + Math.min(sites.length - 1, Math.floor(pShare * sites.length)),
      };
    });

/** Every subset of the free sites, as index lists. */
export function subsets(inst: PlacementInstance): number[][] {
  const free: number[] = [];
  inst.fixedOpen.forEach((f, j) => {
    if (!f) free.push(j);
  });
  const out: number[][] = [];
  for (let mask = 0; mask < 1 << free.length; mask++) out.push(free.filter((_, k) => mask & (1 << k)));
  return out;
}

/** Per demand point, the distance to its nearest open site (fixed ones included); Infinity when none. */
export function nearest(inst: PlacementInstance, open: number[]): number[] {
  const m = inst.siteIds.length;
  const sites = [...open];
  inst.fixedOpen.forEach((f, j) => {
    if (f) sites.push(j);
  });
  return inst.demandIds.map((_, i) => Math.min(...sites.map((j) => inst.distanceM[i * m + j]!)));
}
