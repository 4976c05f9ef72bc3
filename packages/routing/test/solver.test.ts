import { describe, expect, it } from 'vitest';
import {
  buildInstance,
  checkSolution,
  parseSolomon,
  parseVrplib,
  parseVrplibSolution,
  solveInstance,
} from '../src/index';
import { Rng } from '@paketbygd/random';
import { HAVE_SHARED, job, matrixOf, readShared, simpleSpec } from './helpers';

/** Exact CVRP optimum for tiny instances: every solution is some order of the customers, split optimally. */
function bruteForceCvrp(points: [number, number][], demand: number[], capacity: number): number {
  const m = matrixOf(points);
  const n = points.length;
  const d = (i: number, j: number) => m[i * n + j]!;
  const customers = Array.from({ length: n - 1 }, (_, i) => i + 1);
  let best = Infinity;
  const permute = (arr: number[], k: number) => {
    if (k === arr.length) {
      // Optimal split of the giant tour (Beasley 1983).
      const cost = new Array<number>(arr.length + 1).fill(Infinity);
      cost[0] = 0;
      for (let i = 0; i < arr.length; i++) {
        let load = 0;
        let dist = 0;
        for (let j = i; j < arr.length; j++) {
          load += demand[arr[j]!]!;
          if (load > capacity) break;
          dist = j === i ? d(0, arr[j]!) : dist - d(arr[j - 1]!, 0) + d(arr[j - 1]!, arr[j]!);
          dist += d(arr[j]!, 0);
          if (cost[i]! + dist < cost[j + 1]!) cost[j + 1] = cost[i]! + dist;
        }
      }
      best = Math.min(best, cost[arr.length]!);
      return;
    }
    for (let i = k; i < arr.length; i++) {
      [arr[k], arr[i]] = [arr[i]!, arr[k]!];
      permute(arr, k + 1);
      [arr[k], arr[i]] = [arr[i]!, arr[k]!];
    }
  };
  permute(customers, 0);
  return best;
}

describe('solver: optimality on instances with a known optimum', () => {
  it('finds the brute-force optimum of ten random 7-customer CVRPs', () => {
    for (let s = 0; s < 10; s++) {
      const rng = new Rng(100 + s);
      const points: [number, number][] = Array.from({ length: 8 }, () => [rng.int(100), rng.int(100)]);
      const demand = [0, ...Array.from({ length: 7 }, () => 1 + rng.int(9))];
      const capacity = 12 + rng.int(10);
      const spec = simpleSpec(
        points,
        demand.slice(1).map((q, i) => job(i + 1, i + 1, { delivery: [q] })),
        Array.from({ length: 7 }, (_, k) => ({ id: 1, copy: k, capacity: [capacity] })),
      );
      const inst = buildInstance(spec);
      const res = solveInstance(inst, { maxIterations: 1500, seed: s });
      const check = checkSolution(inst, res.routes, []);
      expect(check.violations).toEqual([]);
      expect(res.cost).toBe(bruteForceCvrp(points, demand, capacity));
    }
  });

  it.skipIf(!HAVE_SHARED)('solves Solomon C101 to its proven optimum 828.94', () => {
    const inst = buildInstance(parseSolomon(readShared('vrptw', 'C101.txt')).spec);
    const res = solveInstance(inst, { maxIterations: 20_000, seed: 1 });
    expect(checkSolution(inst, res.routes, []).violations).toEqual([]);
    expect(res.cost).toBeCloseTo(828.94, 2);
    expect(res.vehicles).toBe(10);
  });
});

describe('solver: control', () => {
  const load = () => buildInstance(parseVrplib(readShared('cvrp', 'X-n101-k25.vrp')).spec);

  it.skipIf(!HAVE_SHARED)('is deterministic per seed under an iteration limit', () => {
    const inst = load();
    const a = solveInstance(inst, { maxIterations: 3000, seed: 7 });
    const b = solveInstance(inst, { maxIterations: 3000, seed: 7 });
    const c = solveInstance(inst, { maxIterations: 3000, seed: 8 });
    expect(b.routes).toEqual(a.routes);
    expect(b.cost).toBe(a.cost);
    expect(a.iterations).toBe(3000);
    expect(c.routes).not.toEqual(a.routes);
  });

  it.skipIf(!HAVE_SHARED)('stops on an AbortSignal and returns the best feasible solution so far', () => {
    const inst = load();
    const controller = new AbortController();
    const costs: number[] = [];
    const res = solveInstance(inst, {
      timeLimitS: 30,
      seed: 1,
      signal: controller.signal,
      onProgress: (p) => {
        costs.push(p.cost);
        if (costs.length === 5) controller.abort();
      },
    });
    expect(res.aborted).toBe(true);
    expect(res.elapsedS).toBeLessThan(10);
    expect(checkSolution(inst, res.routes, []).violations).toEqual([]);
    expect(res.cost).toBe(costs[costs.length - 1]);
    for (let i = 1; i < costs.length; i++) expect(costs[i]!).toBeLessThan(costs[i - 1]!);
  });

  it.skipIf(!HAVE_SHARED)('an already aborted signal still returns a complete feasible solution', () => {
    const inst = load();
    const controller = new AbortController();
    controller.abort();
    const res = solveInstance(inst, { timeLimitS: 30, signal: controller.signal });
    expect(res.aborted).toBe(true);
    expect(res.iterations).toBe(0);
    expect(res.unassigned).toEqual([]);
    expect(checkSolution(inst, res.routes, []).violations).toEqual([]);
  });

  it.skipIf(!HAVE_SHARED)('respects the time limit', () => {
    const res = solveInstance(load(), { timeLimitS: 0.5 });
    expect(res.elapsedS).toBeGreaterThanOrEqual(0.5);
    expect(res.elapsedS).toBeLessThan(1.5);
  });

  it.skipIf(!HAVE_SHARED)('keeps a warm start: the best-known routes stay best-known', () => {
    const parsed = parseVrplib(readShared('cvrp', 'X-n101-k25.vrp'));
    const inst = buildInstance(parsed.spec);
    const taskOf = new Map(parsed.customerIds.map((c, t) => [c, t]));
    const sol = parseVrplibSolution(readShared('cvrp', 'X-n101-k25.sol'));
    const initialRoutes = sol.routes.map((r, v) => ({ vehicle: v, tasks: r.map((c) => taskOf.get(c)!) }));
    const res = solveInstance(inst, { maxIterations: 50, seed: 3, initialRoutes });
    expect(res.cost).toBe(27591);
    expect(checkSolution(inst, res.routes, []).violations).toEqual([]);
  });
});
