import { describe, expect, it } from 'vitest';
import { buildInstance, checkSolution } from '../src/index';
import { Solution } from '../src/solution';
import { Squeeze } from '../src/squeeze';
import { job, simpleSpec } from './helpers';

/**
 * Two vehicles of capacity 10 holding a(6), b(2) and c(5), d(3), and a job x with `xAmount`: x
 * fits in neither route as they are (8 + 4 > 10), but with 4 it fits after b moves over
 * ({a, x} = 10, {c, d, b} = 10); with 5 it cannot (the total, 21, exceeds both vehicles).
 */
function tightSolution(xAmount: number) {
  const points: [number, number][] = [
    [0, 0],
    [10, 0],
    [12, 0],
    [0, 10],
    [0, 12],
    [11, 1],
  ];
  const amounts = [6, 2, 5, 3, xAmount];
  const jobs = amounts.map((q, i) => job(i + 1, i + 1, { delivery: [q] }));
  const vehicles = [0, 1].map((k) => ({ id: 1, copy: k, capacity: [10] }));
  const inst = buildInstance(simpleSpec(points, jobs, vehicles));
  const sol = new Solution(inst);
  sol.begin();
  sol.setRoute(0, [0, 1], 2);
  sol.setRoute(1, [2, 3], 2);
  sol.commit();
  return { inst, sol, x: 4 };
}

describe('squeeze: a job that fits nowhere goes in overloaded, and the repair makes room', () => {
  it('inserts x and moves b over, leaving every route feasible', () => {
    const { inst, sol, x } = tightSolution(4);
    const squeeze = new Squeeze(inst, sol);
    expect(squeeze.run(x)).toBe(true);
    const routes = sol.routes.map((r) => ({ vehicle: r.v, tasks: [...r.tasks.subarray(0, r.len)] }));
    expect(checkSolution(inst, routes, []).violations).toEqual([]);
    expect(sol.routeOf[x]).toBeGreaterThanOrEqual(0);
    expect(routes.flatMap((r) => r.tasks).sort()).toEqual([0, 1, 2, 3, 4]);
  });

  it('leaves the solution as it was when no repair exists', () => {
    const { inst, sol, x } = tightSolution(5);
    const before = sol.routes.map((r) => [...r.tasks.subarray(0, r.len)]);
    const squeeze = new Squeeze(inst, sol);
    expect(squeeze.run(x)).toBe(false);
    expect(sol.routes.map((r) => [...r.tasks.subarray(0, r.len)])).toEqual(before);
    expect(sol.routeOf[x]).toBe(-1);
  });

  it('raises α after a failure that is only late', () => {
    // One vehicle-time window too short for all three jobs: only time warp can be left.
    const points: [number, number][] = [
      [0, 0],
      [100, 0],
      [0, 100],
      [100, 100],
    ];
    const jobs = [1, 2, 3].map((i) => job(i, i, { delivery: [1] }));
    const vehicles = [0, 1].map((k) => ({
      id: 1,
      copy: k,
      capacity: [10],
      shiftS: [0, 250] as [number, number],
    }));
    const inst = buildInstance(simpleSpec(points, jobs, vehicles));
    const sol = new Solution(inst);
    sol.begin();
    sol.setRoute(0, [0], 1);
    sol.setRoute(1, [1], 1);
    sol.commit();
    const squeeze = new Squeeze(inst, sol);
    expect(squeeze.run(2)).toBe(false);
    expect(squeeze.alpha).toBeGreaterThan(1);
  });
});
