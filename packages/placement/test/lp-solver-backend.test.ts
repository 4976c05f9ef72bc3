import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  loadHighsSolver,
  solvePlacementSync,
  type MipModel,
  type MipOptions,
  type MipResult,
  type MipSolver,
  type PlacementInstance,
  type PlacementOptions,
} from '../src/index';
import { LP_SOLVER_MAX_TABLEAU_CELLS, lpSolverBackend, violation } from './lp-solver-backend';
import { smallCase } from './helpers';

let highs: MipSolver;
const lp = lpSolverBackend();
beforeAll(async () => {
  highs = await loadHighsSolver();
});

/** Passes every model on to HiGHS and keeps it, so that the tests see exactly what the package builds. */
function recording(inner: MipSolver): MipSolver & { models: MipModel[] } {
  const models: MipModel[] = [];
  return {
    name: `recording ${inner.name}`,
    models,
    solve(model: MipModel, options: MipOptions): MipResult {
      models.push(model);
      return inner.solve(model, options);
    },
  };
}

const OPTS: MipOptions = { timeLimitS: 20, mipRelGap: 0 };
const close = (a: number, b: number) => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a), Math.abs(b));

/** Both backends on one model: same status, same optimum, and lp-solver's x feasible with that value. */
function agree(model: MipModel): void {
  const h = highs.solve(model, OPTS);
  const l = lp.solve(model, OPTS);
  expect(h.status).toBe('optimal');
  expect(l.status, l.message).toBe('optimal');
  expect(close(l.objective, h.objective), `${l.objective} vs ${h.objective}`).toBe(true);
  expect(l.bound).toBe(l.objective);
  expect(violation(model, l.x!)).toBeNull();
}

const withCapacity = (instance: PlacementInstance, loads: number[], caps: number[]): PlacementInstance => ({
  ...instance,
  demandLoad: Float64Array.from(instance.demandIds, (_, i) => loads[i % loads.length]!),
  siteCapacity: Float64Array.from(instance.siteIds, (_, j) => caps[j % caps.length]!),
});

describe('javascript-lp-solver backend against HiGHS on the package’s own models', () => {
  const cases: [string, (inst: PlacementInstance, p: number, r: number) => PlacementOptions][] = [
    ['p-median', (_i, p) => ({ model: 'pmedian', p, method: 'mip' })],
    ['coverage', (_i, p, radiusM) => ({ model: 'coverage', p, radiusM, method: 'mip' })],
    ['coverage under a budget', (_i, _p, radiusM) => ({ model: 'coverage', budgetPerYear: 7, radiusM })],
    ['p-median under a budget', () => ({ model: 'pmedian', budgetPerYear: 6 })],
    ['lexicographic', (_i, p, radiusM) => ({ model: 'lexicographic', p, radiusM, method: 'mip' })],
    ['decay', (_i, p) => ({ model: 'decay', p, decay: { kind: 'linear', scaleM: 15 }, method: 'mip' })],
  ];
  it.each(cases)('%s: the same optimum for every model built', (_name, optionsOf) => {
    fc.assert(
      fc.property(smallCase(8, 6), fc.integer({ min: 2, max: 12 }), ({ instance, p }, radiusM) => {
        const rec = recording(highs);
        solvePlacementSync(instance, optionsOf(instance, p, radiusM), rec);
        for (const model of rec.models) agree(model);
      }),
      { numRuns: 20, seed: 51 },
    );
  });

  it('capacity: the same optimum for every model built', () => {
    fc.assert(
      fc.property(
        smallCase(8, 6),
        fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 8, maxLength: 8 }),
        fc.array(fc.integer({ min: 1, max: 12 }), { minLength: 8, maxLength: 8 }),
        fc.integer({ min: 3, max: 12 }),
        ({ instance, p }, loads, caps, radiusM) => {
          const rec = recording(highs);
          solvePlacementSync(withCapacity(instance, loads, caps), { model: 'capacity', p, radiusM }, rec);
          for (const model of rec.models) agree(model);
        },
      ),
      { numRuns: 25, seed: 52 },
    );
  });

  it('solvePlacementSync gives the same objective with either backend', () => {
    fc.assert(
      fc.property(smallCase(8, 6), fc.integer({ min: 2, max: 12 }), ({ instance, p }, radiusM) => {
        for (const options of [
          { model: 'pmedian', p, method: 'mip' },
          { model: 'coverage', p, radiusM, method: 'mip' },
        ] as PlacementOptions[]) {
          const a = solvePlacementSync(instance, options, highs);
          const b = solvePlacementSync(instance, options, lp);
          expect(b.status).toBe('optimal');
          expect(b.objective).toBeCloseTo(a.objective, 6);
        }
      }),
      { numRuns: 20, seed: 53 },
    );
  });
});

describe('javascript-lp-solver backend: limits and honesty', () => {
  /** A p-median model that takes the library more than a few milliseconds. */
  function mediumModel(): MipModel {
    const rec = recording(highs);
    const n = 40;
    const m = 25;
    let seed = 3;
    const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const pts = Array.from({ length: n + m }, () => [rnd() * 100, rnd() * 100] as const);
    const distanceM = new Float64Array(n * m);
    for (let i = 0; i < n; i++)
      for (let j = 0; j < m; j++)
        distanceM[i * m + j] = Math.round(
          Math.hypot(pts[i]![0] - pts[n + j]![0], pts[i]![1] - pts[n + j]![1]),
        );
    const instance: PlacementInstance = {
      demandIds: Array.from({ length: n }, (_, i) => `d${i}`),
      weights: Float64Array.from({ length: n }, () => 1 + Math.floor(rnd() * 9)),
      siteIds: Array.from({ length: m }, (_, j) => `s${j}`),
      fixedOpen: new Uint8Array(m),
      siteCostPerYear: new Float64Array(m).fill(1),
      distanceM,
    };
    solvePlacementSync(instance, { model: 'pmedian', p: 4, method: 'mip' }, rec);
    return rec.models[0]!;
  }

  it('a time-out is never called optimal and claims no bound', () => {
    const model = mediumModel();
    const h = highs.solve(model, OPTS);
    expect(h.status).toBe('optimal');
    const l = lp.solve(model, { timeLimitS: 0.001, mipRelGap: 0 });
    expect(l.status).toBe('time_limit');
    expect(l.bound).toBeNaN();
    if (l.x) {
      expect(violation(model, l.x)).toBeNull();
      expect(l.objective).toBeGreaterThanOrEqual(h.objective - 1e-6);
    }
  });

  it('keeps a feasible initial solution as the incumbent after a time-out', () => {
    const model = mediumModel();
    const h = highs.solve(model, OPTS);
    const l = lp.solve(model, { timeLimitS: 0.001, mipRelGap: 0, initialSolution: h.x! });
    expect(l.x).not.toBeNull();
    expect(l.objective).toBeLessThanOrEqual(h.objective + 1e-6);
  });

  it('with a relative gap asked for, it still searches to the end (its own gap test is unreliable)', () => {
    const model = mediumModel();
    const h = highs.solve(model, OPTS);
    const l = lp.solve(model, { timeLimitS: 20, mipRelGap: 0.05 });
    expect(l.status).toBe('optimal');
    expect(l.objective).toBeCloseTo(h.objective, 6);
    expect(l.bound).toBe(l.objective);
  });

  it('reports infeasible models, fixed columns and bounds other than [0, 1]', () => {
    // x + y ≥ 3 with x, y binary: infeasible.
    const infeasible: MipModel = {
      sense: 'min',
      colCost: Float64Array.of(1, 1),
      colLower: Float64Array.of(0, 0),
      colUpper: Float64Array.of(1, 1),
      integrality: Int32Array.of(1, 1),
      rowLower: Float64Array.of(3),
      rowUpper: Float64Array.of(Infinity),
      rowStarts: Int32Array.of(0, 2),
      rowIndices: Int32Array.of(0, 1),
      rowValues: Float64Array.of(1, 1),
    };
    expect(highs.solve(infeasible, OPTS).status).toBe('infeasible');
    expect(lp.solve(infeasible, OPTS).status).toBe('infeasible');
    // max 3a + 2b − c + 5 with a ∈ [−2, 4] integer, b ∈ [1, 2.5], c fixed at 2; a + b ≤ 5, a − c ≥ −3.
    const bounded: MipModel = {
      sense: 'max',
      offset: 5,
      colCost: Float64Array.of(3, 2, -1),
      colLower: Float64Array.of(-2, 1, 2),
      colUpper: Float64Array.of(4, 2.5, 2),
      integrality: Int32Array.of(1, 0, 0),
      rowLower: Float64Array.of(-Infinity, -3),
      rowUpper: Float64Array.of(5, Infinity),
      rowStarts: Int32Array.of(0, 2, 4),
      rowIndices: Int32Array.of(0, 1, 0, 2),
      rowValues: Float64Array.of(1, 1, 1, -1),
    };
    agree(bounded);
    expect(lp.solve(bounded, OPTS).objective).toBeCloseTo(3 * 4 + 2 * 1 - 2 + 5, 9);
  });

  it('refuses a model whose dense tableau would not fit, instead of hanging', () => {
    const n = Math.ceil(Math.sqrt(LP_SOLVER_MAX_TABLEAU_CELLS)) + 10;
    const model: MipModel = {
      sense: 'min',
      colCost: new Float64Array(n).fill(1),
      colLower: new Float64Array(n),
      colUpper: new Float64Array(n).fill(Infinity),
      integrality: new Int32Array(n),
      rowLower: new Float64Array(n).fill(1),
      rowUpper: new Float64Array(n).fill(Infinity),
      rowStarts: Int32Array.from({ length: n + 1 }, (_, i) => i),
      rowIndices: Int32Array.from({ length: n }, (_, i) => i),
      rowValues: new Float64Array(n).fill(1),
    };
    const r = lp.solve(model, OPTS);
    expect(r.status).toBe('error');
    expect(r.message).toMatch(/dense tableau/);
  });
});
