import { describe, expect, it } from 'vitest';
import { RoutingProblem, ValidationError, type RoutingProblemInput } from '@paketbygd/model';
import { solveRoutingProblem } from '../src/index';

// Places on a line, 100 s apart; the depot is place 0.
const line = (n: number) =>
  Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => 100 * Math.abs(i - j)));
type Steps = NonNullable<RoutingProblemInput['vehicles'][number]['steps']>;

function problem(steps: Steps, extra: Partial<RoutingProblemInput> = {}): RoutingProblemInput {
  return {
    vehicles: [{ id: 1, start_index: 0, end_index: 0, capacity: [10], time_window: [0, 5000], steps }],
    jobs: [1, 2, 3, 4].map((i) => ({ id: i, location_index: i, delivery: [1] })),
    shipments: [
      { amount: [1], pickup: { id: 7, location_index: 2 }, delivery: { id: 8, location_index: 3 } },
    ],
    matrices: { car: { durations: line(5) } },
    ...extra,
  };
}

/** The problems a request is refused with: by the schema checks or when solving. */
function refusal(input: RoutingProblemInput): string[] {
  try {
    solveRoutingProblem(RoutingProblem.parse(input), { maxIterations: 10 });
  } catch (error) {
    if (error instanceof ValidationError) return error.problems.map((p) => `${p.path}: ${p.message}`);
    throw error;
  }
  return [];
}

const order = (answer: ReturnType<typeof solveRoutingProblem>) =>
  answer.routes[0]!.steps.map((s) => `${s.type}${s.id ?? ''}`).join(' ');

describe('vehicle steps in solving mode: the starting solution', () => {
  const zigzag: Steps = [
    { type: 'start' },
    { type: 'job', id: 4 },
    { type: 'job', id: 1 },
    { type: 'pickup', id: 7 },
    { type: 'job', id: 3 },
    { type: 'delivery', id: 8 },
    { type: 'job', id: 2 },
    { type: 'end' },
  ];

  it('starts from the given routes (kept as they are without a search)', () => {
    const answer = solveRoutingProblem(RoutingProblem.parse(problem(zigzag)), {
      maxIterations: 0,
      params: { polish: false },
    });
    expect(order(answer)).toBe('start job4 job1 pickup7 job3 delivery8 job2 end');
  });

  it('and the search improves on them', () => {
    const given = solveRoutingProblem(RoutingProblem.parse(problem(zigzag)), {
      maxIterations: 0,
      params: { polish: false },
    });
    const searched = solveRoutingProblem(RoutingProblem.parse(problem(zigzag)), { maxIterations: 200 });
    expect(searched.summary.cost).toBeLessThan(given.summary.cost);
    expect(searched.unassigned).toEqual([]);
  });
});

describe('impossible steps are input errors naming the step', () => {
  it('a job twice', () => {
    expect(
      refusal(
        problem([
          { type: 'job', id: 1 },
          { type: 'job', id: 1 },
        ]),
      ),
    ).toContainEqual(
      expect.stringMatching(/^vehicles\[0\]\.steps\[1\]: job 1 is already at vehicles\[0\]\.steps\[0\]/),
    );
  });
  it('a delivery before its pickup', () => {
    expect(
      refusal(
        problem([
          { type: 'delivery', id: 8 },
          { type: 'pickup', id: 7 },
        ]),
      ),
    ).toContainEqual(
      expect.stringMatching(/^vehicles\[0\]\.steps\[0\]: delivery 8 comes before its pickup 7/),
    );
  });
  it('an unknown id, a break the vehicle does not have, a step without an id, start not first', () => {
    const problems = refusal(
      problem([
        { type: 'job', id: 1 },
        { type: 'job', id: 99 },
        { type: 'break', id: 3 },
        { type: 'job' },
        { type: 'start' },
      ]),
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^vehicles\[0\]\.steps\[1\]: no job with id 99/),
        expect.stringMatching(/^vehicles\[0\]\.steps\[2\]: vehicle 1 has no break with id 3/),
        expect.stringMatching(/^vehicles\[0\]\.steps\[3\]: a "job" step needs the "id"/),
        expect.stringMatching(/^vehicles\[0\]\.steps\[4\]: a "start" step can only be the first step/),
      ]),
    );
  });
  it('a step outside its window or the vehicle time window (solving mode)', () => {
    const late = problem(
      [
        { type: 'job', id: 4 },
        { type: 'job', id: 1 },
        { type: 'job', id: 3 },
      ],
      {
        jobs: [
          { id: 1, location_index: 1 },
          { id: 3, location_index: 3, time_windows: [[0, 500]] },
          { id: 4, location_index: 4 },
        ],
      },
    );
    expect(refusal(late)).toEqual([
      expect.stringMatching(/^vehicles\[0\]\.steps\[2\]: job 3: cannot be served/),
    ]);
    const shift = problem(
      [
        { type: 'job', id: 4 },
        { type: 'job', id: 1 },
      ],
      {
        vehicles: [
          {
            id: 1,
            start_index: 0,
            end_index: 0,
            time_window: [0, 850],
            steps: [
              { type: 'job', id: 4 },
              { type: 'job', id: 1 },
            ],
          },
        ],
        jobs: [
          { id: 1, location_index: 1, service: 100 },
          { id: 4, location_index: 4 },
        ],
        shipments: [],
      },
    );
    expect(refusal(shift)).toEqual([
      expect.stringMatching(/^vehicles\[0\]\.steps\[1\]: job 1: cannot be served/),
    ]);
  });
  it('a step over capacity (the first broken step is named)', () => {
    const heavy = problem(
      [
        { type: 'job', id: 1 },
        { type: 'job', id: 2 },
      ],
      {
        jobs: [
          { id: 1, location_index: 1, delivery: [6] },
          { id: 2, location_index: 2, delivery: [6], skills: [] },
          { id: 3, location_index: 3, skills: [5] },
        ],
        vehicles: [
          {
            id: 1,
            start_index: 0,
            capacity: [10],
            steps: [
              { type: 'job', id: 1 },
              { type: 'job', id: 2 },
              { type: 'job', id: 3 },
            ],
          },
        ],
      },
    );
    expect(refusal(heavy)).toEqual([
      expect.stringMatching(/^vehicles\[0\]\.steps\[1\]: job 2: the load exceeds/),
    ]);
  });
});
