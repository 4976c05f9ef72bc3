import { describe, expect, it } from 'vitest';
import {
  answerTextWithNumericIds,
  parseJson,
  parseJsonText,
  RoutingProblem,
  stringifyJson,
  validate,
  withNumericIds,
} from '../src/index';

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

describe('VROOM input: ids up to 2^64 − 1, parsed losslessly', () => {
  const MAX = '18446744073709551615';
  const text = (id: string) =>
    `{"vehicles":[{"id":${id},"start_index":0}],"jobs":[{"id":${id},"location_index":1}],"matrix":[[0,1],[1,0]]}`;
  const check = (id: string) => {
    const json = parseJsonText(text(id));
    if (!('value' in json)) throw new Error(json.message);
    return validate('routing-problem', json.value);
  };

  const valid = (id: string) => {
    const result = check(id);
    if (!result.ok) throw new Error(result.problems.map((p) => `${p.path}: ${p.message}`).join('; '));
    return result.value;
  };

  it('keeps ids above 2^53 exactly (as decimal strings inside), and small ids as numbers', () => {
    for (const id of [MAX, '9007199254740993', '12345678901234567890']) {
      const value = valid(id);
      expect(value.jobs[0]!.id).toBe(id);
      expect(value.vehicles[0]!.id).toBe(id);
    }
    expect(valid('9007199254740991').jobs[0]!.id).toBe(9007199254740991);
    expect(valid('0').jobs[0]!.id).toBe(0);
  });

  it('refuses a negative, fractional, too large or exponent-written id, naming the path', () => {
    const cases: [string, RegExp][] = [
      ['-1', /cannot be negative/],
      ['-18446744073709551616', /cannot be negative/],
      ['1.5', /whole number/],
      ['18446744073709551616', /at most 2\^64 − 1 \(18446744073709551615\)/],
      ['99999999999999999999999', /at most 2\^64 − 1/],
      ['1e20', /written in digits/],
      ['"x1"', /whole number from 0 to 2\^64 − 1/],
      ['true', /expected number/],
    ];
    for (const [id, message] of cases) {
      const { problems } = check(id);
      expect(problems.map((p) => p.path).sort(), id).toEqual(['jobs[0].id', 'vehicles[0].id']);
      expect(problems[0]!.message, id).toMatch(message);
    }
  });

  it('writes string ids of an answer back as JSON numbers', () => {
    const answer = {
      code: 0,
      routes: [{ vehicle: MAX, steps: [{ type: 'start' }, { type: 'job', id: MAX, job: MAX }] }],
      unassigned: [{ id: '9007199254740993', type: 'job' }],
    };
    const text = stringifyJson(withNumericIds(answer));
    expect(text).toBe(
      `{"code":0,"routes":[{"vehicle":${MAX},"steps":[{"type":"start"},{"type":"job","id":${MAX},"job":${MAX}}]}],"unassigned":[{"id":9007199254740993,"type":"job"}]}`,
    );
    expect(answerTextWithNumericIds(JSON.stringify(answer))).toBe(text);
    const small = JSON.stringify({ ...answer, routes: [], unassigned: [{ id: 7, type: 'job' }] });
    expect(answerTextWithNumericIds(small)).toBe(small);
  });

  it('parses JSON without long numbers exactly as JSON.parse does', () => {
    const doc = '{"a":[1,2.5,-3e2,"1234567890123456"],"b":{"c":null}}';
    expect(parseJson(doc)).toEqual(JSON.parse(doc));
    // A fraction with many digits is a number, as JSON.parse gives it; a long integer a bigint.
    const fraction = '0.12345678901234567';
    expect(parseJson(`[12345678901234567890, ${fraction}]`)).toEqual([
      12345678901234567890n,
      Number(fraction),
    ]);
  });
});
