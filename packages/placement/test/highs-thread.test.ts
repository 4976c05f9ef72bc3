import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMedianMip } from '../src/model/formulation';
import { Mulberry32 } from '@paketbygd/random';
import {
  HighsThreadSolver,
  loadHighsSolver,
  loadHighsThreadSolver,
  solvePlacement,
  solvePlacementSync,
  type MipModel,
  type MipSolver,
  type PlacementInstance,
} from '../src/index';
import { SITE_FREE } from '../src/model/median-instance';

/** Points and sites uniform in a square; distances in metres. */
function squareInstance(seed: number, n: number, m: number, sideM: number): PlacementInstance {
  const rng = new Mulberry32(seed);
  const px = Float64Array.from({ length: n }, () => rng.next() * sideM);
  const py = Float64Array.from({ length: n }, () => rng.next() * sideM);
  const sx = Float64Array.from({ length: m }, () => rng.next() * sideM);
  const sy = Float64Array.from({ length: m }, () => rng.next() * sideM);
  const distanceM = new Float64Array(n * m);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < m; j++) distanceM[i * m + j] = Math.hypot(px[i]! - sx[j]!, py[i]! - sy[j]!);
  return {
    demandIds: Array.from({ length: n }, (_, i) => `d${i}`),
    weights: Float64Array.from({ length: n }, () => 1 + Math.floor(rng.next() * 100)),
    siteIds: Array.from({ length: m }, (_, j) => `s${j}`),
    fixedOpen: new Uint8Array(m),
    siteCostPerYear: new Float64Array(m),
    distanceM,
  };
}

function pMedianModel(inst: PlacementInstance, p: number): MipModel {
  const n = inst.demandIds.length;
  const m = inst.siteIds.length;
  const cost = new Float64Array(n * m);
  for (let k = 0; k < cost.length; k++)
    cost[k] = Math.round(inst.weights[Math.floor(k / m)]! * inst.distanceM[k]!);
  return buildMedianMip({ nDemand: n, nSites: m, cost, siteState: new Int8Array(m).fill(SITE_FREE) }, { p })
    .model;
}

let inThread: MipSolver;
const threads: HighsThreadSolver[] = [];
beforeAll(async () => {
  inThread = await loadHighsSolver();
});
afterAll(() => {
  for (const t of threads) t.stop();
});

describe('HiGHS in its own thread', () => {
  it('gives the same proven optimum as HiGHS in the calling thread', () => {
    const solver = new HighsThreadSolver(inThread, { inThreadMaxNonzeros: 0 });
    threads.push(solver);
    for (const seed of [1, 2, 3]) {
      const model = pMedianModel(squareInstance(seed, 60, 25, 10_000), 4);
      const here = inThread.solve(model, { timeLimitS: 30, mipRelGap: 0 });
      const there = solver.solve(model, { timeLimitS: 30, mipRelGap: 0 });
      expect(there.status).toBe('optimal');
      expect(there.objective).toBeCloseTo(here.objective, 6);
      expect(there.x).toHaveLength(model.colCost.length);
    }
  });

  it('is stopped at its deadline when HiGHS runs on, and the next solve starts a fresh thread', () => {
    // A grace below zero puts the deadline before HiGHS's own limit, as an overrun would.
    const solver = new HighsThreadSolver(inThread, {
      inThreadMaxNonzeros: 0,
      graceS: (limitS) => 0.3 - limitS,
    });
    threads.push(solver);
    const hard = pMedianModel(squareInstance(7, 400, 150, 30_000), 12);
    solver.solve(pMedianModel(squareInstance(1, 20, 8, 1000), 2), { timeLimitS: 30, mipRelGap: 0 });
    const started = performance.now();
    const stopped = solver.solve(hard, { timeLimitS: 30, mipRelGap: 0 });
    const tookS = (performance.now() - started) / 1000;
    expect(stopped.status).toBe('time_limit');
    expect(stopped.x).toBeNull();
    expect(stopped.message).toMatch(/stopped/);
    expect(tookS).toBeLessThan(2);
    expect(solver.stopped).toBe(1);
    const small = pMedianModel(squareInstance(2, 30, 10, 1000), 3);
    const again = solver.solve(small, { timeLimitS: 30, mipRelGap: 0 });
    expect(again.status).toBe('optimal');
    expect(again.objective).toBeCloseTo(inThread.solve(small, { timeLimitS: 30, mipRelGap: 0 }).objective, 6);
  }, 60_000);

  it('a placement stopped in the MIP still returns the heuristic solution and its bound', () => {
    const solver = new HighsThreadSolver(inThread, {
      inThreadMaxNonzeros: 0,
      graceS: (limitS) => 0.05 - limitS,
    });
    threads.push(solver);
    const inst = squareInstance(3, 300, 120, 30_000);
    const r = solvePlacementSync(inst, { model: 'pmedian', p: 8, method: 'mip', timeLimitS: 20 }, solver);
    expect(solver.stopped).toBe(1);
    expect(r.status).toBe('time_limit_no_solution');
    const auto = solvePlacementSync(inst, { model: 'coverage', p: 8, radiusM: 6000, timeLimitS: 20 }, solver);
    expect(auto.method).toMatch(/HiGHS/);
    expect(solver.stopped).toBe(2);
    expect(auto.status).toBe('feasible');
    expect(auto.open).toHaveLength(8);
    expect(auto.bound).toBeGreaterThanOrEqual(auto.objective - 1e-6);
  }, 60_000);

  it('a capacity model stopped in the MIP returns its greedy start within every capacity', () => {
    const solver = new HighsThreadSolver(inThread, {
      inThreadMaxNonzeros: 0,
      graceS: (limitS) => 0.05 - limitS,
    });
    threads.push(solver);
    const inst = squareInstance(5, 400, 60, 30_000);
    const m = inst.siteIds.length;
    inst.fixedOpen[0] = 1;
    const demandLoad = Float64Array.from(inst.weights, (w) => w / 10);
    const siteCapacity = new Float64Array(m).fill(150);
    const capped = { ...inst, demandLoad, siteCapacity };
    const r = solvePlacementSync(capped, { model: 'capacity', p: 6, radiusM: 5000, timeLimitS: 20 }, solver);
    expect(solver.stopped).toBe(1);
    expect(r.status).toBe('feasible');
    expect(r.notes.join(' ')).toMatch(/greedy start stands/);
    expect(r.open.length).toBeGreaterThan(0);
    expect(r.open.length).toBeLessThanOrEqual(6);
    expect(r.objective).toBeGreaterThan(0);
    expect(r.bound).toBeGreaterThanOrEqual(r.objective);
    const used = new Float64Array(m);
    let served = 0;
    for (const { demand, site, share } of r.shares!) {
      expect(inst.distanceM[demand * m + site]).toBeLessThanOrEqual(5000);
      expect(site === 0 || r.openSites.includes(site)).toBe(true);
      used[site]! += demandLoad[demand]! * share;
      served += inst.weights[demand]! * share;
    }
    for (let j = 0; j < m; j++) expect(used[j]).toBeLessThanOrEqual(siteCapacity[j]! * (1 + 1e-9));
    expect(served).toBeCloseTo(r.objective, 6);
    const unserved = r.unservedWeight!.reduce((a, b) => a + b, 0);
    expect(served + unserved).toBeCloseTo(
      inst.weights.reduce((a, b) => a + b, 0),
      6,
    );
    // With time, HiGHS does at least as well as the greedy start it was given.
    const full = solvePlacementSync(
      capped,
      { model: 'capacity', p: 6, radiusM: 5000, timeLimitS: 20 },
      inThread,
    );
    expect(full.objective).toBeGreaterThanOrEqual(r.objective - 1e-6);
  }, 60_000);

  it('is loaded before the first solve, so a short limit is not spent on starting it', async () => {
    const solver = await loadHighsThreadSolver();
    expect(solver.running).toBe(true);
    const model = pMedianModel(squareInstance(4, 200, 100, 10_000), 5);
    expect(model.rowIndices.length).toBeGreaterThan(20_000);
    const r = solver.solve(model, { timeLimitS: 1, mipRelGap: 0 });
    expect(r.x).not.toBeNull();
    expect(r.timeS).toBeLessThan(1 + 0.55 + 1);
  }, 60_000);

  it('solvePlacement keeps its time limit on a dense coverage model', async () => {
    const inst = squareInstance(1, 5000, 500, 100_000);
    const limitS = 4;
    const started = performance.now();
    const r = await solvePlacement(inst, {
      model: 'coverage',
      p: 50,
      radiusM: 7500,
      timeLimitS: limitS,
      seed: 1,
    });
    const tookS = (performance.now() - started) / 1000;
    expect(r.open).toHaveLength(50);
    expect(Number.isFinite(r.gapPct)).toBe(true);
    // HiGHS's own limit plus the thread's grace (0.5 s + 5 %), with room for a loaded machine.
    expect(tookS).toBeLessThan(limitS + 0.7 + 1.5);
  }, 60_000);
});
