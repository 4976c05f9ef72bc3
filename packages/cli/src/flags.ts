import { CliError } from './errors';

/** What a numeric flag accepts besides a finite number: whole numbers only, and 0 or not. */
export interface NumberFlagRule {
  integer?: boolean;
  zero?: boolean;
}

/**
 * A number given on the command line. Anything else is a usage error (exit 2) that names the
 * flag, what it takes and what was given: `--time-limit must be a number greater than 0, not "soon"`.
 */
export function parseNumberFlag(value: string, flag: string, rule: NumberFlagRule = {}): number {
  const n = Number(value);
  const inRange = rule.zero ? n >= 0 : n > 0;
  if (!Number.isFinite(n) || !inRange || (rule.integer && !Number.isInteger(n))) {
    const kind = `${rule.integer ? 'whole ' : ''}number ${rule.zero ? '≥ 0' : 'greater than 0'}`;
    throw new CliError(`${flag} must be a ${kind}, not "${value}"`, 2);
  }
  return n;
}

/** The same check as a commander option parser: `.option('--p <n>', '…', numberFlag('--p', { integer: true }))`. */
export function numberFlag(flag: string, rule?: NumberFlagRule): (value: string) => number {
  return (value) => parseNumberFlag(value, flag, rule);
}
