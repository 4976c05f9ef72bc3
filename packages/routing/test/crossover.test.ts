import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Rng } from '@paketbygd/random';
import { buildInstance, solveInstance, type Instance } from '../src/index';
import { DELIVERY } from '../src/instance/index';
import { DEFAULT_PARAMS } from '../src/options';
import { tasksOutOfReach } from '../src/reasons';
import { Recreate } from '../src/recreate';
import { LocalSearch } from '../src/search/local-search';
import { Solution } from '../src/solution';
import { Crossover } from '../src/crossover/crossover';
import { ElitePool } from '../src/crossover/elite-pool';
import { checkAnswer, randomCvrp } from './helpers';
import { randomSpec } from './random-spec';

/** Greedy insertion of every task that can be served, in an order drawn from `seed`; committed. */
function greedySolution(inst: Instance, sol: Solution, seed: number): void {
  const recreate = new Recreate(inst, sol, new Rng(seed), DEFAULT_PARAMS);
  const { outOfReach } = tasksOutOfReach(inst);
  sol.load([]);
  sol.begin();
  for (let t = 0; t < inst.nTasks; t++) {
    if (inst.kind[t] === DELIVERY) continue;
    if (outOfReach[t]) continue;
    sol.takeUnassigned(t);
    if (inst.partner[t]! >= 0) sol.takeUnassigned(inst.partner[t]!);
    recreate.pending.push(t);
  }
  recreate.run(0.3);
  sol.commit();
}

/** Every task in at most one route, where `routeOf`/`posOf` say, unassigned otherwise; costs as a fresh load gives. */
function expectConsistent(inst: Instance, sol: Solution): void {
  const seen = new Int32Array(inst.nTasks);
  for (const r of sol.routes) {
    expect(r.feasible).toBe(true);
    for (let i = 0; i < r.len; i++) {
      const t = r.tasks[i]!;
      seen[t]!++;
      expect(sol.routeOf[t]).toBe(r.v);
      expect(sol.posOf[t]).toBe(i);
    }
  }
  let unassigned = 0;
  for (let t = 0; t < inst.nTasks; t++) {
    expect(seen[t]).toBeLessThanOrEqual(1);
    expect(sol.unassigned[t]).toBe(seen[t] === 0 ? 1 : 0);
    unassigned += sol.unassigned[t]!;
  }
  expect(sol.nUnassigned).toBe(unassigned);
  const fresh = new Solution(inst);
  fresh.load(sol.snapshot());
  expect(sol.total()).toBeCloseTo(fresh.total(), 6);
}

describe('elite pool', () => {
  const inst = randomCvrp(30, 5);
  const a = new Solution(inst);
  greedySolution(inst, a, 1);
  const b = new Solution(inst);
  greedySolution(inst, b, 2);

  it('keeps one of two near-copies, the better', () => {
    const pool = new ElitePool(inst.nTasks, 4);
    expect(pool.offer(a, 100)).toBe(true);
    expect(pool.offer(a, 100)).toBe(false);
    expect(pool.offer(a, 90)).toBe(true);
    expect(pool.elites.map((e) => e.cost)).toEqual([90]);
  });

  it('keeps solutions that differ, and at capacity lets the worst give way to a better one', () => {
    const pool = new ElitePool(inst.nTasks, 1);
    expect(pool.offer(a, 100)).toBe(true);
    expect(pool.offer(b, 120)).toBe(false);
    expect(pool.offer(b, 80)).toBe(true);
    expect(pool.elites.map((e) => e.cost)).toEqual([80]);
    const two = new ElitePool(inst.nTasks, 2);
    two.offer(a, 100);
    expect(two.offer(b, 120)).toBe(true);
    expect(two.elites).toHaveLength(2);
  });

  it('offers as partner only a solution that differs from the current one', () => {
    const pool = new ElitePool(inst.nTasks, 4);
    pool.offer(a, 100);
    const rng = new Rng(1);
    expect(pool.partnerFor(a, rng)).toBeNull();
    pool.offer(b, 110);
    expect(pool.partnerFor(a, rng)?.cost).toBe(110);
  });
});

describe('crossover (selective route exchange)', () => {
  /** A child of two greedy solutions of `inst`, its parent A, and whether one was bred. */
  function breed(inst: Instance, seed: number): { sol: Solution; parent: number[][]; bred: boolean } {
    const other = new Solution(inst);
    greedySolution(inst, other, seed + 1);
    const sol = new Solution(inst);
    greedySolution(inst, sol, seed);
    const rng = new Rng(seed);
    const recreate = new Recreate(inst, sol, rng, DEFAULT_PARAMS);
    const crossover = new Crossover(inst, sol, rng, recreate, new LocalSearch(inst), 4);
    const parent = sol.snapshot();
    sol.load(other.snapshot());
    crossover.offer(other.total());
    sol.load(parent);
    const reach = tasksOutOfReach(inst);
    sol.begin();
    const bred = crossover.breed(reach.outOfReach, reach.count, 0.01);
    return { sol, parent, bred };
  }

  it('breeds a feasible child that serves every task of a capacitated problem, and undoes it exactly', () => {
    const inst = randomCvrp(60, 11, 20);
    for (const seed of [1, 2, 3, 4, 5]) {
      const { sol, parent, bred } = breed(inst, seed);
      expect(bred).toBe(true);
      expectConsistent(inst, sol);
      expect(sol.nUnassigned).toBe(0);
      sol.rollback();
      expect(sol.snapshot()).toEqual(parent);
      expectConsistent(inst, sol);
    }
  });

  it('breeds consistent, feasible children on instances with every feature (fast-check)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), (seed) => {
        const inst = buildInstance(randomSpec(seed));
        const { sol, parent } = breed(inst, seed);
        expectConsistent(inst, sol);
        sol.rollback();
        expect(sol.snapshot()).toEqual(parent);
      }),
      { numRuns: 60 },
    );
  });

  it('in the search: every answer passes the checker, and the same seed gives the same answer', () => {
    const params = { crossover: true, crossoverEvery: 10 };
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), (seed) => {
        const inst = buildInstance(randomSpec(seed));
        const res = solveInstance(inst, { maxIterations: 200, seed, params });
        const check = checkAnswer(inst, res);
        expect(check.violations).toEqual([]);
        expect(res.cost).toBeCloseTo(check.cost, 6);
      }),
      { numRuns: 40 },
    );
    const inst = randomCvrp(80, 3);
    const first = solveInstance(inst, { maxIterations: 2000, seed: 7, params });
    const second = solveInstance(inst, { maxIterations: 2000, seed: 7, params });
    expect(second.routes).toEqual(first.routes);
    expect(second.cost).toBe(first.cost);
    // It changes the search: the answer differs from the one without crossover.
    const without = solveInstance(inst, { maxIterations: 2000, seed: 7 });
    expect(without.routes).not.toEqual(first.routes);
  });

  it('with threads, gives the same answer on every run under an iteration limit', () => {
    const inst = randomCvrp(60, 7);
    const options = {
      maxIterations: 800,
      seed: 3,
      threads: 2,
      params: { crossover: true, crossoverEvery: 20 },
    };
    const first = solveInstance(inst, options);
    const second = solveInstance(inst, options);
    expect(checkAnswer(inst, first).violations).toEqual([]);
    expect(second.routes).toEqual(first.routes);
  }, 20_000);
});
