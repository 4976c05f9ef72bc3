import { describe, expect, it } from 'vitest';
import { capProblems, MAX_REPORTED_PROBLEMS, validate, type Problem } from '../src/index';

const route = () => ({
  vehicles: [{ id: 1, start: [16.2, 59.0] }],
  jobs: [{ id: 1, location: [16.1, 59.1] }],
});

describe('bounded problems', () => {
  it('an unknown field named with 1 MB: no suggestion, a short path, in well under a second', () => {
    const started = performance.now();
    const result = validate('routing-problem', { ...route(), ['k'.repeat(1 << 20)]: 1 });
    expect(performance.now() - started).toBeLessThan(500);
    expect(result.problems).toEqual([
      {
        path: `["${'k'.repeat(32)}… (1048576 characters)"]`,
        message: 'unknown field (remove it or check its spelling)',
      },
    ]);
  });

  it('100,000 unknown fields: the first 100 listed, the rest counted, in a few seconds at most (30 s before)', () => {
    const doc: Record<string, unknown> = route();
    for (let i = 0; i < 100_000; i++) doc[`f${i}`] = 1;
    const started = performance.now();
    const { problems } = validate('routing-problem', doc);
    expect(performance.now() - started).toBeLessThan(3_000);
    expect(problems).toHaveLength(MAX_REPORTED_PROBLEMS + 1);
    expect(problems[0]).toMatchObject({ path: 'f0', message: expect.stringMatching(/^unknown field/) });
    expect(problems.at(-1)).toEqual({
      path: '(document)',
      message: 'and 99,900 more problems (only the first 100 are listed)',
    });
  });

  it('short misspellings still get their suggestion', () => {
    const { vehicles, ...rest } = route();
    expect(validate('routing-problem', { ...rest, vehicles, vehicels: vehicles }).problems).toEqual([
      { path: 'vehicels', message: 'unknown field; did you mean "vehicles"?' },
    ]);
  });

  it('problems from the checks across the document are capped too, and counts add up', () => {
    const jobs = Array.from({ length: 500 }, () => ({ id: 7, location: [16.1, 59.1] }));
    const { problems } = validate('routing-problem', { ...route(), jobs });
    expect(problems).toHaveLength(MAX_REPORTED_PROBLEMS + 1);
    expect(problems.at(-1)!.message).toBe('and 399 more problems (only the first 100 are listed)');

    const extra: Problem = { path: 'callbackUrl', message: 'is not allowed' };
    const merged = capProblems([extra, ...problems]);
    expect(merged).toHaveLength(MAX_REPORTED_PROBLEMS + 1);
    expect(merged.at(-1)!.message).toBe('and 400 more problems (only the first 100 are listed)');
  });
});
