import type { SpreadRule } from './spread';

/** The rule `init` uses outside Dalarna: the one with the smallest measured error at 5 km (README). */
export const DEFAULT_SPREAD_RULE: SpreadRule = 'stops';

/**
 * The default rule's error on Dalarna's 15 kommuner, measured by `measureSpreadError` against SCB's
 * 1 km grid (`pnpm bench:data`; a test recomputes it and fails when it changes): the absolute
 * difference, in percentage points, between the modelled and the real share of people within
 * 2, 5 and 10 km of today's pickup points.
 */
export const MEASURED_SPREAD_ERROR_PP = {
  rule: 'stops',
  mean: { 2: 5.27, 5: 2.78, 10: 1.83 },
  max: { 2: 17.12, 5: 9.72, 10: 7.01 },
} as const;
