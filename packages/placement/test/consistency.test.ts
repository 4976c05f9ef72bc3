import { beforeAll, describe, expect, it } from 'vitest';
import { Mulberry32 } from '@paketbygd/random';
import { solveMedian } from '../src/median-solver';
import {
  loadHighsSolver,
  parseOrLibraryPMedian,
  solvePlacementSync,
  type MipSolver,
  type PlacementInstance,
} from '../src/index';

let mip: MipSolver;
beforeAll(async () => {
  mip = await loadHighsSolver();
});

/** A ring of n vertices plus n random chords, costs 1–100, as OR-Library text. */
function graphText(seed: number, n: number, p: number): string {
  const rng = new Mulberry32(seed);
  const edges: string[] = [];
  for (let i = 1; i <= n; i++) edges.push(`${i} ${(i % n) + 1} ${1 + Math.floor(rng.next() * 100)}`);
  for (let e = 0; e < n; e++)
    edges.push(
      `${1 + Math.floor(rng.next() * n)} ${1 + Math.floor(rng.next() * n)} ${1 + Math.floor(rng.next() * 100)}`,
    );
  return `${n} ${edges.length} ${p}\n${edges.join('\n')}\n`;
}

function randomInstance(seed: number, n: number, m: number, fixed = 0): PlacementInstance {
  const rng = new Mulberry32(seed);
  const pts = (k: number) =>
    Array.from({ length: k }, () => [Math.round(rng.next() * 1000), Math.round(rng.next() * 1000)] as const);
  const demand = pts(n);
  const sites = pts(m);
  const distanceM = new Float64Array(n * m);
  demand.forEach(([x, y], i) =>
    sites.forEach(([u, v], j) => {
      distanceM[i * m + j] = Math.round(Math.hypot(x - u, y - v));
    }),
  );
  const fixedOpen = new Uint8Array(m);
  fixedOpen.fill(1, m - fixed);
  return {
    demandIds: demand.map((_, i) => `d${i}`),
    weights: Float64Array.from(demand, () => 1 + Math.floor(rng.next() * 10)),
    siteIds: sites.map((_, j) => `s${j}`),
    fixedOpen,
    siteCostPerYear: new Float64Array(m).fill(1),
    distanceM,
  };
}

describe('heuristic + Lagrangian + reduced MIP against the full MIP', () => {
  it.each([
    [1, 5],
    [2, 8],
    [3, 12],
    [4, 3],
  ])('seed %i, p = %i: same proven optimum; the heuristic bound is a valid bound', (seed, p) => {
    const inst = randomInstance(seed, 120, 60, seed % 2);
    const auto = solvePlacementSync(inst, { model: 'pmedian', p, method: 'auto', timeLimitS: 20 }, mip);
    const full = solvePlacementSync(inst, { model: 'pmedian', p, method: 'mip', timeLimitS: 20 }, mip);
    const heuristic = solvePlacementSync(
      inst,
      { model: 'pmedian', p, method: 'heuristic', timeLimitS: 5 },
      mip,
    );
    expect(full.status).toBe('optimal');
    expect(auto.status).toBe('optimal');
    expect(auto.objective).toBeCloseTo(full.objective, 6);
    expect(heuristic.bound).toBeLessThanOrEqual(full.objective + 1e-6);
    expect(heuristic.objective).toBeGreaterThanOrEqual(full.objective - 1e-6);
    expect(heuristic.gapPct).toBeCloseTo(
      (100 * (heuristic.objective - heuristic.bound)) / heuristic.objective,
      9,
    );
  });

  it('OR-Library-like random graphs: branch and bound and the reduced model (Lagrangian fixing and cost caps) never lose the optimum', () => {
    let reduced = 0;
    let branched = 0;
    for (let seed = 1; seed <= 16; seed++) {
      const g = parseOrLibraryPMedian(graphText(seed, 45, 2 + (seed % 5)));
      const ids = Array.from({ length: g.nVertices }, (_, i) => String(i));
      const inst: PlacementInstance = {
        demandIds: ids,
        weights: new Float64Array(g.nVertices).fill(1),
        siteIds: ids,
        fixedOpen: new Uint8Array(g.nVertices),
        siteCostPerYear: new Float64Array(g.nVertices),
        distanceM: g.distance,
      };
      const auto = solvePlacementSync(
        inst,
        { model: 'pmedian', p: g.p, method: 'auto', timeLimitS: 20 },
        mip,
      );
      const full = solvePlacementSync(inst, { model: 'pmedian', p: g.p, method: 'mip', timeLimitS: 20 }, mip);
      expect(full.status).toBe('optimal');
      expect(auto.status).toBe('optimal');
      expect(auto.objective).toBe(full.objective);
      if (auto.method.includes('branch and bound')) branched++;
      // The same graph with the reduced MIP straight after the root bound.
      const n = g.nVertices;
      const median = { nDemand: n, nSites: n, cost: g.distance, siteState: new Int8Array(n) };
      const viaMip = solveMedian(median, mip, {
        p: g.p,
        timeLimitS: 20,
        mipRelGap: 0,
        seed: 1,
        method: 'auto',
        branchShare: 0,
      });
      expect(viaMip.status).toBe('optimal');
      expect(viaMip.cost).toBe(full.objective);
      if (viaMip.method.includes('reduced model')) reduced++;
    }
    // The graphs have LP gaps, so some of them must go through the tree and, without it, the reduced MIP.
    expect(branched).toBeGreaterThan(0);
    expect(reduced).toBeGreaterThan(0);
  });

  it('coverage: auto and full MIP agree', () => {
    const inst = randomInstance(7, 300, 80);
    for (const p of [3, 10]) {
      const a = solvePlacementSync(inst, { model: 'coverage', p, radiusM: 120, method: 'auto' }, mip);
      const b = solvePlacementSync(inst, { model: 'coverage', p, radiusM: 120, method: 'mip' }, mip);
      expect(a.status).toBe('optimal');
      expect(b.status).toBe('optimal');
      expect(a.objective).toBeCloseTo(b.objective, 6);
    }
  });

  it('a time limit returns the best solution with its gap, never nothing', () => {
    const inst = randomInstance(9, 400, 200);
    const r = solvePlacementSync(inst, { model: 'pmedian', p: 6, timeLimitS: 0.3 }, mip);
    expect(['optimal', 'feasible']).toContain(r.status);
    expect(r.open).toHaveLength(6);
    expect(Number.isFinite(r.objective)).toBe(true);
    expect(r.bound).toBeLessThanOrEqual(r.objective + 1e-6);
    expect(r.gapPct).toBeGreaterThanOrEqual(0);
    expect(r.timeS).toBeLessThan(5);
  });
});
