import { describe, expect, it } from 'vitest';
import { RoutingProblem, ValidationError, type RoutingProblemInput } from '@paketbygd/model';
import { solveRoutingProblem } from '../src/index';

// Places on a line, 100 s apart; the depot is place 0.
const line = (n: number) =>
  Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => 100 * Math.abs(i - j)));

const request: RoutingProblemInput = {
  vehicles: [
    {
      id: 1,
      start_index: 0,
      end_index: 0,
      capacity: [2],
      max_tasks: 2,
      max_travel_time: 300,
      breaks: [
        { id: 5, service: 10, max_load: [0] },
        { id: 6, service: 10 },
      ],
      steps: [
        { type: 'start' },
        { type: 'delivery', id: 8 },
        { type: 'job', id: 3 },
        { type: 'break', id: 5 },
        { type: 'job', id: 1 },
        { type: 'pickup', id: 7 },
        { type: 'end' },
      ],
    },
  ],
  jobs: [
    { id: 1, location_index: 1, delivery: [2], time_windows: [[0, 50]] },
    { id: 3, location_index: 3, delivery: [1], skills: [5] },
    { id: 4, location_index: 4 },
  ],
  shipments: [{ amount: [1], pickup: { id: 7, location_index: 2 }, delivery: { id: 8, location_index: 3 } }],
  matrices: { car: { durations: line(5) } },
  options: { c: true },
};

const causes = (violations: unknown[]) => (violations as { cause: string }[]).map((v) => v.cause).sort();

describe('plan mode (options.c): the given route, timed, with every violation VROOM names', () => {
  const answer = solveRoutingProblem(RoutingProblem.parse(request));
  const steps = answer.routes[0]!.steps;

  it('keeps the steps in order and leaves out what no route holds', () => {
    expect(steps.map((s) => `${s.type}${s.id ?? ''}`)).toEqual([
      'start',
      'delivery8',
      'job3',
      'break5',
      'job1',
      'pickup7',
      'end',
    ]);
    expect(answer.unassigned).toEqual([{ id: 4, type: 'job' }]);
  });

  it('reports violations per step', () => {
    expect(causes(steps[0]!.violations)).toEqual(['load']); // 3 on board, capacity 2
    expect(causes(steps[1]!.violations)).toEqual(['precedence']); // delivery before its pickup
    expect(causes(steps[2]!.violations)).toEqual(['skills']);
    expect(causes(steps[3]!.violations)).toEqual(['max_load']); // 1 on board, max_load 0
    expect(steps[4]!.violations).toEqual([{ cause: 'delay', duration: 460 }]); // at 510, window ends at 50
  });

  it('and per route and in the summary: max_tasks, max_travel_time, missing_break too', () => {
    const route = answer.routes[0]!;
    expect(causes(route.violations)).toEqual(
      [
        'delay',
        'load',
        'max_load',
        'max_tasks',
        'max_travel_time',
        'missing_break',
        'precedence',
        'skills',
      ].sort(),
    );
    expect(route.violations).toContainEqual({ cause: 'delay', duration: 460 });
    expect(answer.summary.violations).toEqual(route.violations);
  });

  it('starts early when a hard service_after allows it and that lessens delays (lead time at the start)', () => {
    const early = RoutingProblem.parse({
      ...request,
      vehicles: [
        {
          id: 1,
          start_index: 0,
          end_index: 0,
          time_window: [1000, 5000],
          steps: [{ type: 'start', service_after: 400 }, { type: 'job', id: 1 }, { type: 'end' }],
        },
      ],
      jobs: [{ id: 1, location_index: 1, time_windows: [[0, 1000]] }],
      shipments: [],
    });
    const route = solveRoutingProblem(early).routes[0]!;
    expect(route.steps[0]!.arrival).toBe(900); // arrives at job 1 at 1000, its window end
    expect(route.violations).toEqual([{ cause: 'lead_time', duration: 100 }]);
  });

  it('refuses a route whose service_before cannot be met, naming the step', () => {
    const impossible = RoutingProblem.parse({
      ...request,
      vehicles: [
        {
          id: 1,
          start_index: 0,
          steps: [
            { type: 'start', service_at: 100 },
            { type: 'job', id: 1, service_before: 150 },
          ],
        },
      ],
      shipments: [],
    });
    expect(() => solveRoutingProblem(impossible)).toThrow(ValidationError);
    expect(() => solveRoutingProblem(impossible)).toThrow(/vehicles\[0\]\.steps\[1\]/);
  });
});

describe('plan mode: setup as VROOM counts it', () => {
  it('reports setup apart from service, and only when the vehicle arrives from another place', () => {
    const answer = solveRoutingProblem(
      RoutingProblem.parse({
        vehicles: [
          {
            id: 1,
            start_index: 0,
            end_index: 0,
            steps: [{ type: 'start' }, { type: 'job', id: 1 }, { type: 'job', id: 2 }, { type: 'end' }],
          },
        ],
        // Both jobs at place 1: the second is served where the first was, so without its setup.
        jobs: [
          { id: 1, location_index: 1, setup: 30, service: 20 },
          { id: 2, location_index: 1, setup: 30, service: 20 },
        ],
        matrices: { car: { durations: line(2) } },
        options: { c: true },
      }),
    );
    const [first, second] = answer.routes[0]!.steps.filter((s) => s.type === 'job');
    expect([first!.setup, first!.service, second!.setup, second!.service]).toEqual([30, 20, 0, 20]);
    // Start 0, travel 100, setup 30 + service 20, the second job at once: 150, then 20 s, back 100.
    expect(second!.arrival).toBe(150);
    expect(answer.routes[0]!.steps.at(-1)!.arrival).toBe(270);
    expect(answer.summary).toMatchObject({ setup: 30, service: 40 });
  });
});
