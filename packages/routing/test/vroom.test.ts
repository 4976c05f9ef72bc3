import { describe, expect, it } from 'vitest';
import { RoutingProblem, RoutingSolution, ValidationError, type RoutingProblemInput } from '@paketbygd/model';
import { solveRoutingProblem } from '../src/index';

// Five places on a line, 100 s apart; the depot is place 0.
const line = (n: number) =>
  Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => 100 * Math.abs(i - j)));

function problem(extra: Partial<RoutingProblemInput>): RoutingProblem {
  return RoutingProblem.parse({
    vehicles: [{ id: 1, start_index: 0, end_index: 0, capacity: [10], time_window: [0, 10_000] }],
    jobs: [],
    matrices: { car: { durations: line(6), distances: line(6).map((r) => r.map((x) => x * 10)) } },
    ...extra,
  });
}

describe('solveRoutingProblem: infeasible tasks are unassigned with a reason, never thrown', () => {
  it('names capacity, time window, skills, max duration, max distance, max tasks and not_profitable', () => {
    const p = problem({
      vehicles: [
        {
          id: 1,
          start_index: 0,
          end_index: 0,
          capacity: [10],
          time_window: [0, 10_000],
          skills: [1],
          max_duration: 900,
        },
      ],
      jobs: [
        { id: 1, location_index: 1, delivery: [4] },
        { id: 2, location_index: 2, delivery: [11] }, // heavier than any vehicle
        { id: 3, location_index: 3, delivery: [1], time_windows: [[0, 50]] }, // cannot be reached by 50
        { id: 4, location_index: 1, delivery: [1], skills: [9] }, // nobody has skill 9
        { id: 5, location_index: 5, delivery: [1] }, // 1000 s there and back > max_duration 900
        { id: 6, location_index: 4, delivery: [1], penalty: 10 }, // optional, 800 s round trip costs more than 10
      ],
    });
    const s = solveRoutingProblem(p, { maxIterations: 200 });
    expect(RoutingSolution.safeParse(s).success).toBe(true);
    const reasons = Object.fromEntries(s.unassigned.map((u) => [u.id, u.reason]));
    expect(reasons).toEqual({
      2: 'capacity',
      3: 'time_window',
      4: 'skills',
      5: 'max_duration',
      6: 'not_profitable',
    });
    expect(s.routes).toHaveLength(1);
    expect(s.routes[0]!.steps.map((x) => x.type)).toEqual(['start', 'job', 'end']);
    expect(s.routes[0]!.steps[1]!.id).toBe(1);

    const limits = solveRoutingProblem(
      problem({
        vehicles: [{ id: 1, start_index: 0, end_index: 0, capacity: [10], max_distance: 5000, max_tasks: 1 }],
        jobs: [
          { id: 1, location_index: 1, delivery: [1] },
          { id: 2, location_index: 3, delivery: [1] }, // 6000 m round trip
          { id: 3, location_index: 1, delivery: [1] }, // fits alone, but only one task per route
        ],
      }),
      { maxIterations: 100 },
    );
    expect(Object.fromEntries(limits.unassigned.map((u) => [u.id, u.reason]))).toEqual({
      2: 'max_distance',
      3: 'max_tasks',
    });
  });

  it('says "capacity" when the fleet together is too small, and serves what fits', () => {
    const s = solveRoutingProblem(
      problem({
        vehicles: [{ id: 1, start_index: 0, end_index: 0, capacity: [10], count: 2 }],
        jobs: [1, 2, 3, 4, 5].map((i) => ({ id: i, location_index: i, delivery: [5] })),
      }),
      { maxIterations: 300 },
    );
    expect(s.unassigned).toHaveLength(1);
    expect(s.unassigned[0]!.reason).toBe('capacity');
    expect(s.routes.map((r) => r.copy).sort()).toEqual([0, 1]);
  });
});

describe('solveRoutingProblem: features', () => {
  it('serves higher-priority jobs first when not everything fits', () => {
    const s = solveRoutingProblem(
      problem({
        vehicles: [{ id: 1, start_index: 0, end_index: 0, capacity: [10] }],
        jobs: [
          { id: 1, location_index: 1, delivery: [6] },
          { id: 2, location_index: 5, delivery: [6], priority: 50 },
        ],
      }),
      { maxIterations: 100 },
    );
    expect(s.routes[0]!.steps.map((x) => x.id).filter((x) => x !== undefined)).toEqual([2]);
    expect(s.unassigned).toEqual([{ id: 1, type: 'job', reason: 'capacity' }]);
    expect(s.summary.priority).toBe(50);
  });

  it('takes setup into the schedule and reports the copy of a vehicle type', () => {
    const s = solveRoutingProblem(
      problem({
        vehicles: [{ id: 7, start_index: 0, end_index: 0, capacity: [10], count: 3 }],
        jobs: [{ id: 1, location_index: 1, delivery: [1], setup: 30, service: 60 }],
      }),
      { maxIterations: 20 },
    );
    const route = s.routes[0]!;
    expect(route.vehicle).toBe(7);
    expect(route.copy).toBe(0);
    expect(route.steps.at(-1)!.arrival).toBe(100 + 90 + 100);
  });

  it('reports setup apart from service, once per place as VROOM does, and names jobs in `job`', () => {
    // Jobs 1 and 2 share place 1: the vehicle sets up once (30 s) and serves both (60 s each).
    const s = solveRoutingProblem(
      problem({
        jobs: [
          { id: 1, location_index: 1, setup: 30, service: 60 },
          { id: 2, location_index: 1, setup: 30, service: 60 },
        ],
      }),
      { maxIterations: 20 },
    );
    const [start, first, second, end] = s.routes[0]!.steps;
    expect(start!.job).toBeUndefined();
    expect([first!.job, second!.job].sort()).toEqual([1, 2]);
    expect(first!.job).toBe(first!.id);
    expect([first!.setup, first!.service, second!.setup, second!.service]).toEqual([30, 60, 0, 60]);
    expect(second!.arrival).toBe(100 + 30 + 60);
    expect(end!.arrival).toBe(100 + 30 + 120 + 100);
    expect(s.routes[0]!).toMatchObject({ setup: 30, service: 120 });
    expect(s.summary).toMatchObject({ setup: 30, service: 120 });
  });

  it('serves shipments pickup first on one vehicle, and reports loads along the way', () => {
    const s = solveRoutingProblem(
      problem({
        shipments: [
          { pickup: { id: 1, location_index: 4 }, delivery: { id: 1, location_index: 1 }, amount: [6] },
          { pickup: { id: 2, location_index: 2 }, delivery: { id: 2, location_index: 5 }, amount: [6] },
        ],
      }),
      { maxIterations: 300 },
    );
    expect(s.unassigned).toEqual([]);
    for (const r of s.routes) {
      const order = r.steps.filter((x) => x.id !== undefined).map((x) => `${x.type}${x.id}`);
      for (const id of [1, 2]) {
        if (order.includes(`pickup${id}`))
          expect(order.indexOf(`pickup${id}`)).toBeLessThan(order.indexOf(`delivery${id}`));
      }
      for (const step of r.steps) expect(step.load[0]!).toBeLessThanOrEqual(10);
    }
  });

  it('"vehicles" objective uses fewer vehicles than "cost" when they conflict', () => {
    // Places 1 and 2 are close to the depot and far from each other.
    const durations = [
      [0, 100, 100],
      [100, 0, 300],
      [100, 300, 0],
    ];
    const base = {
      vehicles: [{ id: 1, start_index: 0, end_index: 0, count: 2 }],
      jobs: [
        { id: 1, location_index: 1 },
        { id: 2, location_index: 2 },
      ],
      matrices: { car: { durations } },
    };
    const byCost = solveRoutingProblem(RoutingProblem.parse(base), { maxIterations: 100 });
    const byVehicles = solveRoutingProblem(
      RoutingProblem.parse({ ...base, options: { objective: 'vehicles' } }),
      {
        maxIterations: 100,
      },
    );
    expect(byCost.routes).toHaveLength(2);
    expect(byCost.summary.cost).toBe(400);
    expect(byVehicles.routes).toHaveLength(1);
    expect(byVehicles.summary.cost).toBe(500);
  });

  it('counts fixed costs and per-km costs, and opens a second vehicle only when it pays', () => {
    const base = (fixed: number) =>
      problem({
        vehicles: [
          { id: 1, start_index: 0, end_index: 0, count: 2, costs: { fixed, per_hour: 0, per_km: 1000 } },
        ],
        jobs: [
          { id: 1, location_index: 1 },
          { id: 2, location_index: 5 },
        ],
        matrices: {
          car: {
            durations: line(6),
            distances: line(6).map((r, i) =>
              r.map((x, j) => ((i === 1 && j === 5) || (i === 5 && j === 1) ? 99_999 : x)),
            ),
          },
        },
      });
    expect(solveRoutingProblem(base(0), { maxIterations: 100 }).routes).toHaveLength(2);
    const one = solveRoutingProblem(base(1e6), { maxIterations: 100 });
    expect(one.routes).toHaveLength(1);
    expect(one.summary.cost).toBe(1e6 + 100 + 99_999 + 500);
  });

  it('open routes: no start step, no end step, and the cost of the missing legs is zero', () => {
    const s = solveRoutingProblem(
      problem({
        vehicles: [{ id: 1, start_index: 3 }],
        jobs: [
          { id: 1, location_index: 4 },
          { id: 2, location_index: 5 },
        ],
      }),
      { maxIterations: 50 },
    );
    expect(s.routes[0]!.steps.map((x) => x.type)).toEqual(['start', 'job', 'job']);
    expect(s.routes[0]!.cost).toBe(200);
  });

  it('time windows: waits for a window and chooses between several windows', () => {
    const s = solveRoutingProblem(
      problem({
        jobs: [
          { id: 1, location_index: 1, time_windows: [[500, 600]], service: 60 },
          {
            id: 2,
            location_index: 2,
            time_windows: [
              [0, 10],
              [900, 1000],
            ],
          },
        ],
      }),
      { maxIterations: 100 },
    );
    const [, a, b] = s.routes[0]!.steps;
    expect(a!.id).toBe(1);
    expect(a!.arrival + a!.waiting_time).toBe(500);
    expect(b!.arrival + b!.waiting_time).toBe(900);
  });

  it('a warm start from a previous answer gives the same routes', () => {
    const p = problem({ jobs: [1, 2, 3, 4, 5].map((i) => ({ id: i, location_index: i, delivery: [2] })) });
    const first = solveRoutingProblem(p, { maxIterations: 200 });
    const again = solveRoutingProblem(p, { maxIterations: 1, initialSolution: first });
    expect(again.summary.cost).toBe(first.summary.cost);
  });

  it('without matrices, refuses at "matrices": travel is for the travel package, not the solver', () => {
    const p = RoutingProblem.parse({
      vehicles: [{ id: 1, start: [16.2, 59.0], end: [16.2, 59.0] }],
      jobs: [{ id: 1, location: [16.0, 59.0] }],
    });
    expect(() => solveRoutingProblem(p)).toThrow(ValidationError);
    expect(() => solveRoutingProblem(p)).toThrow(/matrices: the solver needs "matrices"/);
  });
});

describe('solveRoutingProblem: malformed input', () => {
  it('throws a ValidationError naming the path', () => {
    const p = problem({ jobs: [{ id: 1, location: [16, 59] }] });
    expect(() => solveRoutingProblem(p)).toThrow(ValidationError);
    expect(() => solveRoutingProblem(p)).toThrow(/jobs\[0\]: with "matrices", give "location_index"/);
    const dup = problem({
      jobs: [
        { id: 1, location_index: 1 },
        { id: 1, location_index: 2 },
      ],
    });
    expect(() => solveRoutingProblem(dup)).toThrow(/jobs\[1\]\.id: job id 1 is already used/);
    const outside = problem({ jobs: [{ id: 1, location_index: 9 }] });
    expect(() => solveRoutingProblem(outside)).toThrow(/jobs\[0\]\.location_index: index 9 is outside/);
  });
});

describe('solveRoutingProblem: edge cases', () => {
  it('a request without jobs returns at once with no routes', () => {
    const started = performance.now();
    const s = solveRoutingProblem(problem({ jobs: [] }), { timeLimitS: 5 });
    expect(performance.now() - started).toBeLessThan(1000);
    expect(s.routes).toEqual([]);
    expect(s.summary.cost).toBe(0);
  });

  it('a request where nothing fits returns at once, every job unassigned with its reason', () => {
    const started = performance.now();
    const s = solveRoutingProblem(problem({ jobs: [{ id: 1, location_index: 1, delivery: [99] }] }), {
      timeLimitS: 5,
    });
    expect(performance.now() - started).toBeLessThan(1000);
    expect(s.unassigned).toEqual([{ id: 1, type: 'job', reason: 'capacity' }]);
  });
});
