import { describe, expect, it } from 'vitest';
import { buildInstance, type JobSpec, type ModelSpec, type StopSpec, type VehicleSpec } from '../src/index';
import { Rng } from '@paketbygd/random';
import { bestInsertionInRoute, newBest } from '../src/insertion';
import { Route } from '../src/route';
import { job, simpleSpec } from './helpers';

// The depot at (0, 0), A at (10, 0), C at (30, 0), B at (25, 5). Rounded Euclidean distances
// (duration = distance = cost): depot–A 10, depot–C 30, A–C 20, depot–B 25, A–B 16, B–C 7.
// Inserting B into the route A, C:
//   after the depot (p = 0): 25 + 16 - 10 = 31
//   after A         (p = 1): 16 + 7 - 20  = 3
//   after C         (p = 2): 7 + 25 - 30  = 2
const POINTS: [number, number][] = [
  [0, 0],
  [10, 0],
  [30, 0],
  [25, 5],
];
const [A, C, B] = [0, 1, 2];

function insertB(
  extra: { a?: Partial<JobSpec>; c?: Partial<JobSpec>; b?: Partial<JobSpec> } = {},
  vehicle: Partial<VehicleSpec> = {},
  blink = 0,
) {
  const dims = [extra.a, extra.b, extra.c].some((j) => j?.delivery || j?.pickup) ? 1 : 0;
  const spec = simpleSpec(
    POINTS,
    [job(0, 1, extra.a), job(1, 2, extra.c), job(2, 3, extra.b)],
    [{ id: 0, ...vehicle }],
    dims,
  );
  const inst = buildInstance(spec);
  const route = new Route(inst, 0);
  route.setTasks([A, C]);
  const best = newBest();
  bestInsertionInRoute(inst, route, B, best, new Rng(1), blink);
  return best;
}

describe('inserting a job into a route', () => {
  it('takes the cheapest position: after C, +2', () => {
    expect(insertB()).toEqual({ cost: 2, route: 0, p: 2, q: -1 });
  });

  it('a window that closes at 26 leaves only the positions reached by then: after A, +3', () => {
    expect(insertB({ b: { timeWindowsS: [[0, 26]] } })).toMatchObject({ cost: 3, p: 1 });
    expect(insertB({ b: { timeWindowsS: [[0, 25]] } })).toMatchObject({ cost: 31, p: 0 });
    expect(insertB({ b: { timeWindowsS: [[0, 24]] } }).route).toBe(-1);
  });

  it('refuses a position that makes a later task late', () => {
    // B first would bring the van to A at 25 + 16 = 41, after A's window closed at 10.
    const best = insertB({ a: { timeWindowsS: [[0, 10]] }, b: { timeWindowsS: [[0, 25]] } });
    expect(best.route).toBe(-1);
  });

  it('a delivery goes only where the van has room for it from the depot on', () => {
    // A picks up 6, C's 4 are delivered: on board 4, 10 after A, 6 after C. One more parcel for B
    // fits only before A's pickup.
    const loads = { a: { pickup: [6] }, c: { delivery: [4] } };
    expect(insertB({ ...loads, b: { delivery: [1] } }, { capacity: [10] })).toMatchObject({ cost: 31, p: 0 });
    expect(insertB({ ...loads, b: { delivery: [7] } }, { capacity: [10] }).route).toBe(-1);
  });

  it('respects the limits on tasks, travel time and distance', () => {
    expect(insertB({}, { maxTasks: 2 }).route).toBe(-1);
    // The route travels 60; after C adds 2, after A 3.
    expect(insertB({}, { maxDistanceM: 61 }).route).toBe(-1);
    expect(insertB({}, { maxDistanceM: 62 })).toMatchObject({ cost: 2, p: 2 });
    expect(insertB({}, { maxTravelTimeS: 61 }).route).toBe(-1);
  });

  it('records nothing that does not beat the best so far, and nothing when every position blinks', () => {
    expect(insertB({}, {}, 1).route).toBe(-1);
    const spec = simpleSpec(POINTS, [job(0, 1), job(1, 2), job(2, 3)], [{ id: 0 }]);
    const inst = buildInstance(spec);
    const route = new Route(inst, 0);
    route.setTasks([A, C]);
    const best = { cost: 2, route: 7, p: 9, q: -1 };
    bestInsertionInRoute(inst, route, B, best, new Rng(1), 0);
    expect(best).toEqual({ cost: 2, route: 7, p: 9, q: -1 });
  });
});

describe('inserting a shipment into a route', () => {
  // Route: the job C only (0 → C → 0, 60). Shipment: picked up at A, delivered at B.
  //   A, B before C (p 0, q 0): 10 + 16 + 7 + 30 = 63, +3
  //   A before C, B after (p 0, q 1): 10 + 20 + 7 + 25 = 62, +2
  //   both after C (p 1, q 1): 30 + 20 + 16 + 25 = 91, +31
  const stop = (location: number, extra: Partial<StopSpec> = {}): StopSpec => ({
    id: 0,
    location,
    serviceS: 0,
    timeWindowsS: [],
    ...extra,
  });

  function insertShipment(delivery: Partial<StopSpec> = {}, loads = false) {
    const base = simpleSpec(
      POINTS,
      [job(0, 2, loads ? { delivery: [1] } : {})],
      [{ id: 0, ...(loads ? { capacity: [1] } : {}) }],
      loads ? 1 : 0,
    );
    const spec: ModelSpec = {
      ...base,
      shipments: [
        {
          pickup: stop(1),
          delivery: stop(3, delivery),
          amount: loads ? [1] : [],
          skills: [],
          priority: 0,
        },
      ],
    };
    const inst = buildInstance(spec);
    const route = new Route(inst, 0);
    route.setTasks([0]);
    const best = newBest();
    bestInsertionInRoute(inst, route, 1, best, new Rng(1), 0);
    return best;
  }

  it('takes the cheapest pair of positions: pickup first, delivery after C, +2', () => {
    expect(insertShipment()).toEqual({ cost: 2, route: 0, p: 0, q: 1 });
  });

  it('a delivery window closing at 26 keeps the delivery before C: +3', () => {
    expect(insertShipment({ timeWindowsS: [[0, 26]] })).toEqual({ cost: 3, route: 0, p: 0, q: 0 });
  });

  it('with room for one parcel, the shipment waits until C has had its delivery: +31', () => {
    expect(insertShipment({}, true)).toEqual({ cost: 31, route: 0, p: 1, q: 1 });
  });
});
