import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildInstance, checkSolution, defaultVehicle, solveInstance, type ModelSpec } from '../src/index';
import { Rng } from '../src/prng';
import { matrixOf } from './helpers';

/** A random instance that uses every feature at once, with tight enough limits that some tasks cannot fit. */
function randomSpec(seed: number): ModelSpec {
  const rng = new Rng(seed);
  const nJobs = 4 + rng.int(14);
  const nShip = rng.int(5);
  const nPoints = 2 + nJobs + 2 * nShip;
  const points: [number, number][] = Array.from({ length: nPoints }, () => [rng.int(1000), rng.int(1000)]);
  const m = matrixOf(points);
  const dist = m.map((x) => x * 1.3);
  const windows = (): [number, number][] => {
    const r = rng.next();
    if (r < 0.4) return [];
    const a = rng.int(3000);
    const w: [number, number][] = [[a, a + 200 + rng.int(1500)]];
    if (r > 0.8) w.push([w[0]![1] + 100 + rng.int(500), w[0]![1] + 2000 + rng.int(2000)]);
    return w;
  };
  const skills = () => (rng.next() < 0.25 ? [1 + rng.int(3)] : []);
  const amount = () => [rng.int(6), rng.int(3)];
  const jobs = Array.from({ length: nJobs }, (_, i) => ({
    id: i,
    location: 2 + i,
    serviceS: rng.int(120),
    timeWindowsS: windows(),
    delivery: rng.next() < 0.8 ? amount() : [],
    pickup: rng.next() < 0.3 ? amount() : [],
    skills: skills(),
    priority: rng.int(3),
    ...(rng.next() < 0.3 ? { penalty: rng.int(3000) } : {}),
  }));
  const shipments = Array.from({ length: nShip }, (_, i) => ({
    pickup: { id: 100 + i, location: 2 + nJobs + 2 * i, serviceS: rng.int(60), timeWindowsS: windows() },
    delivery: { id: 200 + i, location: 3 + nJobs + 2 * i, serviceS: rng.int(60), timeWindowsS: windows() },
    amount: amount(),
    skills: skills(),
    priority: 0,
    ...(rng.next() < 0.3 ? { penalty: rng.int(4000) } : {}),
  }));
  const nTypes = 1 + rng.int(3);
  const vehicles = [];
  for (let k = 0; k < nTypes; k++) {
    const count = 1 + rng.int(3);
    const shift: [number, number] = [rng.int(500), 4000 + rng.int(6000)];
    const type = {
      id: k,
      start: rng.next() < 0.85 ? rng.int(2) : null,
      end: rng.next() < 0.7 ? rng.int(2) : null,
      capacity: [5 + rng.int(15), 2 + rng.int(6)],
      skills: [1, 2, 3].filter(() => rng.next() < 0.5),
      shiftS: shift,
      fixedCost: rng.int(500),
      costPerHour: rng.int(4000),
      costPerKm: rng.int(3000),
      maxTasks: rng.next() < 0.3 ? 1 + rng.int(6) : Infinity,
      maxTravelTimeS: rng.next() < 0.3 ? 1000 + rng.int(4000) : Infinity,
      maxDistanceM: rng.next() < 0.3 ? 1500 + rng.int(5000) : Infinity,
      maxDurationS: rng.next() < 0.3 ? 1500 + rng.int(4000) : Infinity,
    };
    if (type.start === null && type.end === null) type.start = 0;
    for (let c = 0; c < count; c++) vehicles.push(defaultVehicle({ ...type, copy: c }));
  }
  return {
    matrices: [{ size: nPoints, durationS: m, distanceM: dist }],
    dims: 2,
    objective: rng.next() < 0.2 ? 'vehicles' : 'cost',
    jobs,
    shipments,
    vehicles,
  };
}

describe('every feature together (fast-check over random instances)', () => {
  it('every answer passes the independent checker, accounts for every task, and states a reason for each unassigned one', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), (seed) => {
        const spec = randomSpec(seed);
        const inst = buildInstance(spec);
        const res = solveInstance(inst, { maxIterations: 150, seed });
        const check = checkSolution(
          inst,
          res.routes,
          res.unassigned.map((u) => u.task),
        );
        expect(check.violations).toEqual([]);
        expect(res.cost).toBeCloseTo(check.cost, 6);
        for (const u of res.unassigned) expect(u.reason).toMatch(/^[a-z_]+$/);
        // A task reported as needing skills nobody has really has no compatible vehicle.
        for (const u of res.unassigned) {
          if (u.reason === 'skills') {
            let any = false;
            for (let v = 0; v < inst.nVeh; v++)
              any ||=
                inst.compat[v * inst.nTasks + u.task] === 1 &&
                inst.compat[
                  v * inst.nTasks + (inst.partner[u.task]! >= 0 ? inst.partner[u.task]! : u.task)
                ] === 1;
            expect(any).toBe(false);
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it('the same seed gives the same answer on a feature-rich instance', () => {
    const inst = buildInstance(randomSpec(4242));
    const a = solveInstance(inst, { maxIterations: 300, seed: 9 });
    const b = solveInstance(inst, { maxIterations: 300, seed: 9 });
    expect(b.routes).toEqual(a.routes);
    expect(b.unassigned).toEqual(a.unassigned);
  });
});
