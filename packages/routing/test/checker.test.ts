import { describe, expect, it } from 'vitest';
import { buildInstance, checkSolution, defaultVehicle, type ModelSpec } from '../src/index';
import { job, matrixOf } from './helpers';

// Depot at 0; jobs on a line at 10, 20, 30; a shipment from 40 to 50.
const points: [number, number][] = [
  [0, 0],
  [10, 0],
  [20, 0],
  [30, 0],
  [40, 0],
  [50, 0],
];
function spec(): ModelSpec {
  const m = matrixOf(points);
  return {
    matrices: [{ size: points.length, durationS: m, distanceM: m }],
    dims: 1,
    objective: 'cost',
    jobs: [
      job(1, 1, { delivery: [3] }),
      job(2, 2, { delivery: [3], timeWindowsS: [[0, 25]] }),
      job(3, 3, { delivery: [3], skills: [7] }),
    ],
    shipments: [
      {
        pickup: { id: 4, location: 4, serviceS: 0, timeWindowsS: [] },
        delivery: { id: 5, location: 5, serviceS: 0, timeWindowsS: [] },
        amount: [2],
        skills: [],
        priority: 0,
      },
    ],
    vehicles: [
      defaultVehicle({ id: 1, start: 0, end: 0, capacity: [10], skills: [7], shiftS: [0, 1000] }),
      defaultVehicle({ id: 2, start: 0, end: 0, capacity: [5], shiftS: [0, 1000] }),
    ],
  };
}
// Tasks: 0,1,2 = jobs 1..3; 3 = pickup 4; 4 = delivery 5.

describe('the independent checker', () => {
  const inst = buildInstance(spec());

  it('accepts a feasible solution and prices it', () => {
    const r = checkSolution(inst, [{ vehicle: 0, tasks: [0, 1, 2, 3, 4] }], []);
    expect(r.violations).toEqual([]);
    expect(r.cost).toBe(100);
  });

  it('finds each kind of violation', () => {
    const expectViolation = (
      routes: { vehicle: number; tasks: number[] }[],
      unassigned: number[],
      pattern: RegExp,
    ) => expect(checkSolution(inst, routes, unassigned).violations.join('\n')).toMatch(pattern);
    expectViolation([{ vehicle: 1, tasks: [0, 1] }], [2, 3, 4], /load 6 > capacity 5/);
    expectViolation(
      [{ vehicle: 0, tasks: [2, 1, 0, 3, 4] }],
      [],
      /task 2 reached at 40\.00, after its time windows/,
    );
    expectViolation([{ vehicle: 1, tasks: [2] }], [0, 1, 3, 4], /lacks a skill for task 3/);
    expectViolation([{ vehicle: 0, tasks: [0, 1, 2, 4, 3] }], [], /delivery 5 before its pickup/);
    expectViolation([{ vehicle: 0, tasks: [0, 1, 2, 3] }], [4], /pickup 4 without its delivery/);
    expectViolation([{ vehicle: 0, tasks: [0, 1, 2, 3, 4] }], [0], /job 1 appears 2 times/);
    expectViolation(
      [{ vehicle: 0, tasks: [0, 1, 2] }],
      [3],
      /delivery 5 is neither served nor reported unassigned/,
    );
  });

  it('checks shift ends, max duration, distance, travel time and task count', () => {
    const s = spec();
    s.vehicles[0] = { ...s.vehicles[0]!, shiftS: [0, 90] };
    expect(
      checkSolution(buildInstance(s), [{ vehicle: 0, tasks: [0, 1, 2, 3, 4] }], []).violations.join(),
    ).toMatch(/after the shift ends/);
    s.vehicles[0] = { ...s.vehicles[0]!, shiftS: [0, 1000], maxDurationS: 90 };
    expect(
      checkSolution(buildInstance(s), [{ vehicle: 0, tasks: [0, 1, 2, 3, 4] }], []).violations.join(),
    ).toMatch(/max duration/);
    s.vehicles[0] = { ...s.vehicles[0]!, maxDurationS: Infinity, maxDistanceM: 99 };
    expect(
      checkSolution(buildInstance(s), [{ vehicle: 0, tasks: [0, 1, 2, 3, 4] }], []).violations.join(),
    ).toMatch(/distance 100 > max 99/);
    s.vehicles[0] = { ...s.vehicles[0]!, maxDistanceM: Infinity, maxTravelTimeS: 99 };
    expect(
      checkSolution(buildInstance(s), [{ vehicle: 0, tasks: [0, 1, 2, 3, 4] }], []).violations.join(),
    ).toMatch(/travel time 100 > max 99/);
    s.vehicles[0] = { ...s.vehicles[0]!, maxTravelTimeS: Infinity, maxTasks: 4 };
    expect(
      checkSolution(buildInstance(s), [{ vehicle: 0, tasks: [0, 1, 2, 3, 4] }], []).violations.join(),
    ).toMatch(/5 tasks > max 4/);
  });
});
