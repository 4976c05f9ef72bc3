import type { StatedAssumption } from '@paketbygd/model';
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

function pp(x: number): string {
  return x.toFixed(1);
}

export function spreadRuleErrorText(): string {
  const e = MEASURED_SPREAD_ERROR_PP;
  return `measured on Dalarna's 15 kommuner against SCB's 1 km grid: share of people within 2 / 5 / 10 km of today's points off by ${pp(e.mean[2])} / ${pp(e.mean[5])} / ${pp(e.mean[10])} percentage points on average, at most ${pp(e.max[2])} / ${pp(e.max[5])} / ${pp(e.max[10])} (rule "${e.rule}", pnpm bench:data)`;
}

const RULE_TEXT: Record<SpreadRule, string> = {
  stops: 'an equal share at every public-transport stop outside the settlements',
  'stop-names': 'an equal share at every distinct stop name outside the settlements',
  'stop-cells': 'an equal share in every 1 km square holding a public-transport stop outside the settlements',
  area: 'an equal share in every 1 km square of the kommun outside the settlements (no stop there to use)',
};

export function spreadRuleAssumption(rule: SpreadRule, people: number, points: number): StatedAssumption {
  return {
    subject: 'demand (people outside settlements)',
    statement: `${people.toLocaleString('en')} people who live outside the GeoNames settlements are spread by rule "${rule}": ${RULE_TEXT[rule]} (Trafiklab stops 2022), gathered into ${points} points of 1 km squares`,
    ...(rule === MEASURED_SPREAD_ERROR_PP.rule ? { measuredError: spreadRuleErrorText() } : {}),
  };
}
