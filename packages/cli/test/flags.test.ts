import { describe, expect, it } from 'vitest';
import { CliError } from '../src/errors';
import { numberFlag, parseNumberFlag } from '../src/flags';

function refusal(run: () => unknown): CliError {
  try {
    run();
  } catch (error) {
    if (error instanceof CliError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('numeric flags', () => {
  it('takes a positive number by default, as written', () => {
    expect(parseNumberFlag('2.5', '--time-limit')).toBe(2.5);
    expect(parseNumberFlag('1e3', '--radius')).toBe(1000);
  });

  it('refuses 0, negatives and words with a usage error naming the flag and the value', () => {
    for (const bad of ['0', '-3', 'soon', 'Infinity', 'NaN']) {
      const error = refusal(() => parseNumberFlag(bad, '--time-limit'));
      expect(error.message).toBe(`--time-limit must be a number greater than 0, not "${bad}"`);
      expect(error.exitCode).toBe(2);
    }
  });

  it('whole numbers and zero only where the rule says', () => {
    expect(refusal(() => parseNumberFlag('2.5', '--p', { integer: true })).message).toBe(
      '--p must be a whole number greater than 0, not "2.5"',
    );
    expect(parseNumberFlag('0', '--seed', { integer: true, zero: true })).toBe(0);
    expect(refusal(() => parseNumberFlag('-1', '--seed', { integer: true, zero: true })).message).toBe(
      '--seed must be a whole number ≥ 0, not "-1"',
    );
    expect(parseNumberFlag('0', '--gap', { zero: true })).toBe(0);
    expect(parseNumberFlag('0.5', '--gap', { zero: true })).toBe(0.5);
  });

  it('numberFlag is the same check as a commander option parser', () => {
    const parse = numberFlag('--budget', { zero: true });
    expect(parse('12')).toBe(12);
    expect(refusal(() => parse('-12')).message).toBe('--budget must be a number ≥ 0, not "-12"');
  });
});
