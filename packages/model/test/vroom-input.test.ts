import { describe, expect, it } from 'vitest';
import { RoutingProblem, validate } from '../src/index';

const durations = [
  [0, 10],
  [10, 0],
];
const request = (extra: Record<string, unknown>) => ({
  vehicles: [{ id: 1, start_index: 0, end_index: 0 }],
  jobs: [{ id: 1, location_index: 1 }],
  ...extra,
});

describe('VROOM input: the legacy "matrix" key', () => {
  it('is read as VROOM reads it: the durations of profile "car"', () => {
    const p = RoutingProblem.parse(request({ matrix: durations }));
    expect(p.matrices).toEqual({ car: { durations } });
    expect('matrix' in p).toBe(false);
    expect(validate('routing-problem', request({ matrix: durations })).problems).toEqual([]);
  });

  it('with "matrices" as well is a problem naming "matrix"', () => {
    const { problems } = validate(
      'routing-problem',
      request({ matrix: durations, matrices: { car: { durations } } }),
    );
    expect(problems).toEqual([
      { path: 'matrix', message: expect.stringMatching(/either "matrix" .* or "matrices", not both/) },
    ]);
  });

  it('a malformed legacy matrix is named by its path', () => {
    const { problems } = validate('routing-problem', request({ matrix: [[0, -1]] }));
    expect(problems[0]).toMatchObject({ path: 'matrix[0][1]' });
  });
});
