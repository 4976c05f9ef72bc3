import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildInstance,
  checkSolution,
  defaultVehicle,
  parseSolomon,
  parseVrplib,
  solveInstance,
  type ModelSpec,
} from '../src/index';
import { Rng } from '@paketbygd/random';
import { HAVE_SHARED, job, matrixOf, readShared, checkAnswer } from './helpers';

/**
 * k routes of m customers each, built first: every customer's window is a narrow band around its
 * arrival on its planned route, and the demands fill each vehicle exactly. So k routes are
 * feasible, and k is a lower bound (capacity): the fewest-vehicles optimum is k. (The annealing
 * alone also finds k here; the R207 test below is the one the phase is needed for.)
 */
function plantedSpec(seed: number, k: number, m: number): ModelSpec {
  const rng = new Rng(seed);
  const points: [number, number][] = [[500, 500]];
  for (let i = 0; i < k * m; i++) points.push([rng.int(1000), rng.int(1000)]);
  const dist = matrixOf(points);
  const size = points.length;
  const jobs = [];
  for (let r = 0; r < k; r++) {
    let t = 0;
    let prev = 0;
    for (let i = 0; i < m; i++) {
      const loc = 1 + r * m + i;
      t += dist[prev * size + loc]!;
      const slack = 30 + rng.int(300);
      jobs.push(
        job(loc, loc, {
          serviceS: 10,
          delivery: [10],
          timeWindowsS: [[Math.max(0, t - slack), t + slack]],
        }),
      );
      t += 10;
      prev = loc;
    }
  }
  // Shuffle so that the planned routes are not the input order.
  for (let i = jobs.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [jobs[i], jobs[j]] = [jobs[j]!, jobs[i]!];
  }
  return {
    matrices: [{ size, durationS: dist, distanceM: dist }],
    dims: 1,
    objective: 'vehicles',
    jobs,
    shipments: [],
    vehicles: Array.from({ length: 2 * k + 2 }, (_, c) =>
      defaultVehicle({ id: 1, copy: c, start: 0, end: 0, capacity: [10 * m], costPerHour: 3600 }),
    ),
  };
}

/** A random jobs-only problem with windows, loads, skills and route limits (the phase's domain). */
function randomJobsSpec(seed: number): ModelSpec {
  const rng = new Rng(seed);
  const n = 5 + rng.int(25);
  const points: [number, number][] = Array.from({ length: n + 1 }, () => [rng.int(1000), rng.int(1000)]);
  const m = matrixOf(points);
  const jobs = Array.from({ length: n }, (_, i) => {
    const a = rng.int(4000);
    return job(i, i + 1, {
      serviceS: rng.int(100),
      delivery: [1 + rng.int(8)],
      pickup: rng.next() < 0.3 ? [rng.int(5)] : [],
      timeWindowsS: rng.next() < 0.7 ? [[a, a + 300 + rng.int(3000)]] : [],
      skills: rng.next() < 0.2 ? [1] : [],
      ...(rng.next() < 0.15 ? { penalty: rng.int(3000) } : {}),
    });
  });
  const vehicles = [];
  const nTypes = 1 + rng.int(2);
  for (let k = 0; k < nTypes; k++) {
    const type = {
      id: k,
      start: 0,
      end: rng.next() < 0.8 ? 0 : null,
      capacity: [10 + rng.int(20)],
      skills: rng.next() < 0.5 ? [1] : [],
      shiftS: [0, 6000 + rng.int(6000)] as [number, number],
      fixedCost: rng.int(300),
      costPerHour: 3600,
      maxTasks: rng.next() < 0.3 ? 2 + rng.int(6) : Infinity,
      maxDistanceM: rng.next() < 0.2 ? 3000 + rng.int(5000) : Infinity,
    };
    const count = 2 + rng.int(6);
    for (let c = 0; c < count; c++) vehicles.push(defaultVehicle({ ...type, copy: c }));
  }
  return {
    matrices: [{ size: n + 1, durationS: m, distanceM: m }],
    dims: 1,
    objective: 'vehicles',
    jobs,
    shipments: [],
    vehicles,
  };
}

describe('route elimination ("vehicles" objective)', () => {
  it('reaches the planted vehicle count k on instances built to fit exactly k routes', () => {
    for (let s = 0; s < 6; s++) {
      const k = 3 + (s % 3);
      const inst = buildInstance(plantedSpec(50 + s, k, 8));
      const res = solveInstance(inst, { maxIterations: 3000, seed: s });
      const check = checkAnswer(inst, res);
      expect(check.violations).toEqual([]);
      expect(res.unassigned).toEqual([]);
      expect(res.vehicles).toBe(k);
    }
  });

  it('never returns an infeasible answer, and serves what the run without the phase serves (fast-check)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), (seed) => {
        const inst = buildInstance(randomJobsSpec(seed));
        const res = solveInstance(inst, { maxIterations: 200, seed });
        const check = checkAnswer(inst, res);
        expect(check.violations).toEqual([]);
        expect(res.cost).toBeCloseTo(check.cost, 6);
        const without = solveInstance(inst, { maxIterations: 200, seed, params: { eliminate: false } });
        const mandatoryOut = (r: typeof res) => r.unassigned.filter((u) => inst.mandatory[u.task]).length;
        expect(mandatoryOut(res)).toBeLessThanOrEqual(mandatoryOut(without));
      }),
      { numRuns: 60 },
    );
  });

  it('is deterministic for a seed and an iteration limit', () => {
    const inst = buildInstance(plantedSpec(7, 4, 10));
    const a = solveInstance(inst, { maxIterations: 1000, seed: 3 });
    const b = solveInstance(inst, { maxIterations: 1000, seed: 3 });
    expect(b.routes).toEqual(a.routes);
    expect(b.cost).toBe(a.cost);
  });

  it('is not used in the cost objective', () => {
    const spec = plantedSpec(9, 3, 6);
    spec.objective = 'cost';
    const res = solveInstance(buildInstance(spec), { maxIterations: 300, seed: 1 });
    expect(res.eliminated).toBe(0);
    expect(res.eliminationS).toBe(0);
  });

  // Costs recorded before the phase existed (commit b87fddd): the distance objective must not move.
  it.skipIf(!HAVE_SHARED)('leaves distance-objective runs unchanged (recorded costs)', () => {
    const x = buildInstance(parseVrplib(readShared('cvrp', 'X-n101-k25.vrp')).spec);
    expect(solveInstance(x, { maxIterations: 2000, seed: 3 }).cost).toBe(28623);
    const r201 = buildInstance(parseSolomon(readShared('vrptw', 'R201.txt')).spec);
    expect(solveInstance(r201, { maxIterations: 2000, seed: 3 }).cost).toBe(1153.2468635632988);
  });

  it.skipIf(!HAVE_SHARED)('takes Solomon R207 to its best-known 2 vehicles (4 without the phase)', () => {
    const spec = parseSolomon(readShared('vrptw', 'R207.txt')).spec;
    spec.objective = 'vehicles';
    const inst = buildInstance(spec);
    const res = solveInstance(inst, { maxIterations: 3000, seed: 1 });
    expect(checkSolution(inst, res.routes, []).violations).toEqual([]);
    expect(res.vehicles).toBe(2);
    const without = solveInstance(inst, { maxIterations: 3000, seed: 1, params: { eliminate: false } });
    expect(without.vehicles).toBeGreaterThan(2);
  });
});
