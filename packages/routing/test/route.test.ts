import { describe, expect, it } from 'vitest';
import { buildInstance, type JobSpec, type VehicleSpec } from '../src/index';
import { latestArrival, Route, serviceStart } from '../src/route';
import { job, simpleSpec } from './helpers';

// Points on a line, so every figure below is a sum of gaps: the depot at 0, A at 10, B at 20,
// C at 30. Duration = distance = cost (cost per hour 3600, per km 0), no fixed cost.
const LINE: [number, number][] = [
  [0, 0],
  [10, 0],
  [20, 0],
  [30, 0],
];
const [A, B, C] = [0, 1, 2];

function routeOf(
  jobs: Partial<JobSpec>[],
  tasks: number[],
  vehicle: Partial<VehicleSpec> = {},
  dims = 0,
): Route {
  const spec = simpleSpec(
    LINE,
    jobs.map((extra, i) => job(i, i + 1, extra)),
    [{ id: 0, ...vehicle }],
    dims,
  );
  const route = new Route(buildInstance(spec), 0);
  route.setTasks(tasks);
  return route;
}

const positions = (xs: ArrayLike<number>, route: Route) => Array.from(xs).slice(0, route.len + 2);

describe('Route: times, travel and cost along the route', () => {
  it('A, B, C and back: departures, cumulative travel and cost are the sums of the gaps', () => {
    const route = routeOf([{}, {}, {}], [A, B, C]);
    expect(route.feasible).toBe(true);
    expect(positions(route.locAt, route)).toEqual([0, 1, 2, 3, 0]);
    expect(positions(route.departureS, route)).toEqual([0, 10, 20, 30, 60]);
    expect(positions(route.travelTimeS, route)).toEqual([0, 10, 20, 30, 60]);
    expect(positions(route.distanceM, route)).toEqual([0, 10, 20, 30, 60]);
    expect(route.travelCost).toBe(60);
    expect(route.cost).toBe(60);
  });

  it('a worse order costs what its zig-zag adds up to; an empty route costs nothing', () => {
    expect(routeOf([{}, {}, {}], [C, A, B]).travelCost).toBe(30 + 20 + 10 + 20);
    const empty = routeOf([{}, {}, {}], []);
    expect(empty.travelCost).toBe(0);
    expect(empty.cost).toBe(0);
    expect(empty.feasible).toBe(true);
  });

  it('service time and waiting for a window push the later departures', () => {
    // A: service 5 and opens at 50, so the van waits 40 s there; B is served 10 s after leaving A.
    const route = routeOf([{ serviceS: 5, timeWindowsS: [[50, 100]] }, { serviceS: 2 }, {}], [A, B, C]);
    expect(positions(route.departureS, route)).toEqual([0, 55, 67, 77, 107]);
    // Waiting is not travel: the travel time stays the sum of the gaps.
    expect(route.travelTimeS[route.len + 1]).toBe(60);
    expect(route.feasible).toBe(true);
  });

  it('latest arrivals run backward from the windows and the shift end', () => {
    // C closes at 30; B must leave by 30 - 10 = 20, A by 20 - 10 = 10; the van is due back by 100.
    const route = routeOf([{}, {}, { timeWindowsS: [[0, 30]] }], [A, B, C], { shiftS: [0, 100] });
    expect(positions(route.latestArrivalS, route)).toEqual([10, 10, 20, 30, 100]);
    expect(route.feasible).toBe(true);
  });

  it('is infeasible when a window is missed, the shift ends too soon, or a limit is passed', () => {
    expect(routeOf([{}, {}, { timeWindowsS: [[0, 29]] }], [A, B, C]).feasible).toBe(false);
    expect(routeOf([{}, {}, {}], [A, B, C], { shiftS: [0, 59] }).feasible).toBe(false);
    expect(routeOf([{}, {}, {}], [A, B, C], { maxTasks: 2 }).feasible).toBe(false);
    expect(routeOf([{}, {}, {}], [A, B, C], { maxDistanceM: 59 }).feasible).toBe(false);
    expect(routeOf([{}, {}, {}], [A, B, C], { maxTravelTimeS: 59 }).feasible).toBe(false);
    expect(routeOf([{}, {}, {}], [A, B, C], { maxDistanceM: 60, maxTravelTimeS: 60 }).feasible).toBe(true);
  });
});

describe('Route: loads', () => {
  // A delivers 3, B picks up 4, C delivers 2: the van leaves with 5 on board.
  const jobs: Partial<JobSpec>[] = [{ delivery: [3] }, { pickup: [4] }, { delivery: [2] }];

  it('load after each position, with its maxima before and after', () => {
    const route = routeOf(jobs, [A, B, C], { capacity: [10] }, 1);
    expect(positions(route.load, route)).toEqual([5, 2, 6, 4, 4]);
    expect(positions(route.loadPrefixMax, route)).toEqual([5, 5, 6, 6, 6]);
    expect(positions(route.loadSuffixMax, route)).toEqual([6, 6, 6, 4, 4]);
    expect(positions(route.deliveredBy, route)).toEqual([0, 3, 3, 5, 5]);
    expect(route.feasible).toBe(true);
  });

  it('is infeasible when the peak load passes the capacity, and the order decides the peak', () => {
    expect(routeOf(jobs, [A, B, C], { capacity: [5] }, 1).feasible).toBe(false);
    // C first, then A: all deliveries are off before B's pickup, so the peak is the 5 at the start.
    expect(routeOf(jobs, [C, A, B], { capacity: [5] }, 1).feasible).toBe(true);
  });
});

describe('Route: editing', () => {
  it('insertAt puts the task at that index; update recomputes the caches', () => {
    const route = routeOf([{}, {}, {}], [A, C]);
    expect(route.travelCost).toBe(60);
    route.insertAt(1, B);
    route.update();
    expect(Array.from(route.tasks.subarray(0, route.len))).toEqual([A, B, C]);
    expect(positions(route.departureS, route)).toEqual([0, 10, 20, 30, 60]);
  });

  it('grows past its first capacity and keeps what it held', () => {
    const jobs = Array.from({ length: 20 }, () => ({}));
    const spec = simpleSpec(
      LINE,
      jobs.map((_, i) => job(i, 1 + (i % 3))),
      [{ id: 0 }],
    );
    const route = new Route(buildInstance(spec), 0);
    const tasks = Array.from({ length: 20 }, (_, i) => i);
    route.setTasks(tasks);
    expect(Array.from(route.tasks.subarray(0, route.len))).toEqual(tasks);
    // The same sum of gaps, walked by hand: depot → A, B, C, A, B, C, … → depot.
    let expected = 0;
    let at = 0;
    for (const t of tasks) {
      expected += Math.abs(10 * (1 + (t % 3)) - at);
      at = 10 * (1 + (t % 3));
    }
    expect(route.travelCost).toBe(expected + at);
  });
});

describe('serviceStart and latestArrival with two windows', () => {
  const spec = simpleSpec(
    LINE,
    [
      job(0, 1, {
        serviceS: 5,
        timeWindowsS: [
          [10, 20],
          [40, 50],
        ],
      }),
    ],
    [{ id: 0 }],
  );
  const inst = buildInstance(spec);

  it('starts at arrival inside a window, waits for the next one, Infinity after the last', () => {
    expect(serviceStart(inst, 0, 5)).toBe(10);
    expect(serviceStart(inst, 0, 15)).toBe(15);
    expect(serviceStart(inst, 0, 25)).toBe(40);
    expect(serviceStart(inst, 0, 50)).toBe(50);
    expect(serviceStart(inst, 0, 51)).toBe(Infinity);
  });

  it('the latest arrival that still leaves (after 5 s of service) by the given time', () => {
    expect(latestArrival(inst, 0, 100)).toBe(50);
    expect(latestArrival(inst, 0, 47)).toBe(42);
    expect(latestArrival(inst, 0, 30)).toBe(20);
    expect(latestArrival(inst, 0, 18)).toBe(13);
    expect(latestArrival(inst, 0, 14)).toBe(-Infinity);
  });
});
