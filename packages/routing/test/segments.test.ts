import { describe, expect, it } from 'vitest';
import { buildInstance, defaultVehicle, solveInstance, type ModelSpec } from '../src/index';
import { Rng } from '@paketbygd/random';
import { Route } from '../src/route';
import { SegmentCheck } from '../src/search/segments';
import { Solution } from '../src/solution';
import { matrixOf } from './helpers';

/** Alike vehicles, jobs with deliveries and pickups in two dimensions, one or two windows, limits. */
function uniformSpec(seed: number): ModelSpec {
  const rng = new Rng(seed);
  const nJobs = 30;
  const points: [number, number][] = Array.from({ length: nJobs + 1 }, () => [rng.int(1000), rng.int(1000)]);
  const m = matrixOf(points);
  const windows = (): [number, number][] => {
    const r = rng.next();
    if (r < 0.3) return [];
    const open = rng.int(4000);
    const first: [number, number] = [open, open + 300 + rng.int(2000)];
    return r > 0.8 ? [first, [first[1] + 200, first[1] + 1500 + rng.int(3000)]] : [first];
  };
  return {
    matrices: [{ size: points.length, durationS: m, distanceM: m.map((x) => x * 1.2) }],
    dims: 2,
    objective: 'cost',
    jobs: Array.from({ length: nJobs }, (_, i) => ({
      id: i,
      location: 1 + i,
      serviceS: rng.int(100),
      timeWindowsS: windows(),
      delivery: [rng.int(5), rng.int(3)],
      pickup: rng.next() < 0.4 ? [rng.int(5), rng.int(3)] : [],
      skills: [],
      priority: 0,
    })),
    shipments: [],
    vehicles: Array.from({ length: 8 }, (_, copy) =>
      defaultVehicle({
        id: 1,
        copy,
        start: 0,
        end: 0,
        capacity: [18, 9],
        shiftS: [0, 9000],
        maxTasks: 9,
        maxTravelTimeS: 6000,
        maxDistanceM: 7000,
      }),
    ),
  };
}

describe('segments: O(1) concatenation agrees with rebuilding the route', () => {
  it('prefix + (task) + suffix of solved routes, thousands of random cuts on eight instances', () => {
    let feasibleSeen = 0;
    let infeasibleSeen = 0;
    for (let seed = 1; seed <= 8; seed++) {
      const inst = buildInstance(uniformSpec(seed));
      const check = new SegmentCheck(inst);
      expect(check.applies).toBe(true);
      const result = solveInstance(inst, { maxIterations: 200, seed });
      const sol = new Solution(inst);
      const routes: number[][] = Array.from({ length: inst.nVeh }, () => []);
      for (const r of result.routes) routes[r.vehicle] = r.tasks;
      sol.load(routes);
      const used = sol.routes.filter((r) => r.len > 0);
      const rng = new Rng(seed);
      const scratch = new Route(inst, 0);
      for (let trial = 0; trial < 2000; trial++) {
        const head = used[rng.int(used.length)]!;
        const tail = used[rng.int(used.length)]!;
        const k = rng.int(head.len + 1);
        const m = 1 + rng.int(tail.len + 1);
        if (head === tail && m <= k) continue;
        const middle = rng.next() < 0.5 ? -1 : rng.int(inst.nTasks);
        const tasks = [...head.tasks.subarray(0, k)];
        if (middle >= 0) tasks.push(middle);
        tasks.push(...tail.tasks.subarray(m - 1, tail.len));
        if (new Set(tasks).size !== tasks.length) continue;
        scratch.setTasks(tasks);
        const expected = scratch.feasible;
        expect(check.feasible(head, k, middle, tail, m), `seed ${seed} trial ${trial}`).toBe(expected);
        if (expected) feasibleSeen++;
        else infeasibleSeen++;
      }
    }
    expect(feasibleSeen).toBeGreaterThan(100);
    expect(infeasibleSeen).toBeGreaterThan(100);
  });
});
