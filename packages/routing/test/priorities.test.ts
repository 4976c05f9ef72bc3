import { describe, expect, it } from 'vitest';
import { RoutingProblem } from '@paketbygd/model';
import { solveRoutingProblem } from '../src/index';

/*
 * One vehicle, at most 2 tasks (max_tasks), depot 0. Job 1 sits next to the depot; the shipment
 * (pickup at 2, delivery at 3) is far away. Durations (s):
 *
 *        0     1     2     3
 *   0    0    10  1000  1000
 *   1   10     0  1000  1000
 *   2 1000  1000     0    10
 *   3 1000  1000    10     0
 *
 * Serving all three tasks breaks max_tasks, so one of two answers:
 *   (a) job 1 alone:      0 → 1 → 0      = 20 s,   1 task assigned, shipment unassigned;
 *   (b) the shipment:     0 → 2 → 3 → 0  = 2010 s, 2 tasks assigned, job 1 unassigned.
 * VROOM maximises the priority sum first, then the number of assigned tasks, then minimises cost:
 *   - no priorities: (b), 2 tasks beat 1 whatever the cost;
 *   - job priority 1: (a), priority sum 1 beats 0;
 *   - job and shipment priority 1: (b), priority sum 2 (pickup + delivery) beats 1.
 */
const durations = [
  [0, 10, 1000, 1000],
  [10, 0, 1000, 1000],
  [1000, 1000, 0, 10],
  [1000, 1000, 10, 0],
];

function solve(jobPriority: number, shipmentPriority: number) {
  const problem = RoutingProblem.parse({
    vehicles: [{ id: 1, start_index: 0, end_index: 0, max_tasks: 2 }],
    jobs: [{ id: 1, location_index: 1, priority: jobPriority }],
    shipments: [
      {
        pickup: { id: 2, location_index: 2 },
        delivery: { id: 2, location_index: 3 },
        priority: shipmentPriority,
      },
    ],
    matrices: { car: { durations } },
  });
  const s = solveRoutingProblem(problem, { maxIterations: 200 });
  const served = s.routes.flatMap((r) =>
    r.steps.filter((x) => x.id !== undefined).map((x) => `${x.type}${x.id}`),
  );
  return { served, unassigned: s.unassigned.map((u) => `${u.type}${u.id}`), s };
}

describe('which tasks stay unassigned: as VROOM weighs them', () => {
  it('keeps the shipment (two tasks) over the cheaper single job', () => {
    const { served, unassigned, s } = solve(0, 0);
    expect(served).toEqual(['pickup2', 'delivery2']);
    expect(unassigned).toEqual(['job1']);
    expect(s.summary.cost).toBe(2010);
  });

  it('keeps the job when only it has a priority', () => {
    const { served, unassigned, s } = solve(1, 0);
    expect(served).toEqual(['job1']);
    expect(unassigned).toEqual(['pickup2', 'delivery2']);
    expect(s.summary).toMatchObject({ cost: 20, priority: 1 });
  });

  it('keeps the shipment when both have priority 1: its pickup and delivery count 2', () => {
    const { served, s } = solve(1, 1);
    expect(served).toEqual(['pickup2', 'delivery2']);
    expect(s.summary.priority).toBe(2);
  });
});
