import type { ComparisonResult, CriterionMeasure } from '@paketbygd/model';
import { formatKg, formatKm, formatMoney, formatNumber, formatPercent, formatShare, NBSP } from './format';
import { currentLang, t, withLang, type Lang } from './i18n';

/**
 * The comparison's sentences that the planner gives in English (a criterion's explanation, what a
 * sensitivity case changed), worded again from the figures in either language. The comparison
 * report and the web page's Compare tab both take them from here.
 */

type Entry = ComparisonResult['entries'][number];
type Scoring = NonNullable<ComparisonResult['scoring']>;
type CriterionScore = Scoring['scores'][number]['criteria'][number];
type SensitivityCase = Scoring['sensitivity'][number];

/** A sentence and its language: `en` where it is the planner's own English (an older result). */
export interface Worded {
  text: string;
  lang: Lang;
}

/** An entry's name: the planner names today and its own plan in English; those two are the report's to give. */
export function entryLabel(e: Pick<Entry, 'kind' | 'label'>, lang: Lang = currentLang()): string {
  const m = t(lang).comparison;
  if (e.kind === 'today') return m.todayLabel;
  if (e.kind === 'baseline')
    return e.label.replace(/ \(as planned\)$/, ` (${m.kinds.baseline ?? 'baseline'})`);
  return e.label;
}

export const BOOLEAN_MEASURES = new Set<CriterionMeasure>(['boxes_open_247', 'fossil_free_vehicles']);

/** A measure's value in the language being rendered. */
export function formatMeasure(m: CriterionMeasure, v: number, currency: string): string {
  if (BOOLEAN_MEASURES.has(m)) return v >= 0.5 ? t().common.yes : t().common.no;
  switch (m) {
    case 'price_per_year':
      return formatMoney(v, currency);
    case 'cost_per_parcel':
      return formatMoney(v, currency, 1);
    case 'covered_population_share':
      return formatShare(v);
    case 'mean_access_distance_m':
      return formatKm(v);
    case 'co2_kg_per_week':
      return formatKg(v);
    case 'deliveries_per_week':
      return formatNumber(v, Number.isInteger(v) ? 0 : 1);
    default:
      return formatNumber(v);
  }
}

function explain(comparison: ComparisonResult, entryId: string, x: CriterionScore): string | undefined {
  const scoring = comparison.scoring;
  const def = scoring?.criteria.find((d) => d.id === x.criterionId);
  if (!scoring || !def) return undefined;
  const m = t().comparison;
  const currency = comparison.currency;
  const fmt = (v: number) => formatMeasure(def.measure, v, currency);
  const name = def.name ?? def.id;
  const promised = comparison.entries.find((e) => e.id === entryId)?.promised[def.measure];
  const promise = promised !== undefined && promised > x.value + 1e-9 ? m.promiseNote(fmt(promised)) : '';
  if (scoring.model === 'price_deduction' && def.measure === 'price_per_year')
    return m.explainPrice(fmt(x.value));
  const full = formatNumber((def.weight ?? 0) * scoring.maxPoints, 1);
  if (scoring.model === 'relative')
    return m.explainRelative(name, fmt(x.value), promise, formatNumber(x.contribution, 1), full);
  const scale = {
    name,
    value: fmt(x.value),
    promise,
    pct: formatPercent(x.fulfilment * 100, 0),
    worst: fmt(def.worst),
    best: fmt(def.best),
  };
  return scoring.model === 'price_deduction'
    ? m.explainDeduction({
        ...scale,
        amount: formatMoney(x.contribution, currency),
        of: formatMoney(def.valuePerYear ?? 0, currency),
      })
    : m.explainPoints({ ...scale, amount: formatNumber(x.contribution, 1), of: full });
}

/**
 * Why one entry got what it got on one criterion, from the criterion as stated in the scoring;
 * the planner's English sentence where the result does not carry its criteria (older files).
 */
export function criterionExplanation(
  comparison: ComparisonResult,
  entryId: string,
  x: CriterionScore,
  lang: Lang = currentLang(),
): Worded {
  const text = withLang(lang, () => explain(comparison, entryId, x));
  return text === undefined ? { text: x.explanation, lang: 'en' } : { text, lang };
}

function caseName(s: SensitivityCase, scoring: Scoring): string | undefined {
  const m = t().comparison;
  const sign = s.change > 0 ? '+' : '−';
  const pct = `${sign}${formatNumber(Math.abs(s.change) * 100, 0)}${NBSP}%`;
  // The planner's "what" quotes the criterion's name: `weight of "Coverage" +20 %`.
  const criterion = scoring.criteria.find((c) => s.what.includes(`"${c.name ?? c.id}"`));
  if (criterion) {
    const name = criterion.name ?? criterion.id;
    return `${scoring.model === 'price_deduction' ? m.valueOf(name) : m.weightOf(name)} ${pct}`;
  }
  if (s.what.startsWith('demand')) return `${m.demand} ${pct}`;
  return undefined;
}

/** What a sensitivity case changed (a weight, a value or the demand, and by how much). */
export function sensitivityCaseText(
  scoring: Scoring,
  s: SensitivityCase,
  lang: Lang = currentLang(),
): Worded {
  const text = withLang(lang, () => caseName(s, scoring));
  return text === undefined ? { text: s.what, lang: 'en' } : { text, lang };
}

/** An entry's total: points of the maximum, or a comparison price per year. */
export function formatTotal(scoring: Scoring, total: number, currency: string): string {
  const m = t().comparison;
  return scoring.model === 'price_deduction'
    ? m.perYear(formatMoney(total, currency))
    : m.ofPoints(formatNumber(total, 1), formatNumber(scoring.maxPoints));
}

/** A requirement's limit: "at least 3", "at most 10 km". */
export function requirementLimit(r: Scoring['requirements'][number], currency: string): string {
  const m = t().comparison;
  return [
    r.min !== undefined ? m.atLeast(formatMeasure(r.measure, r.min, currency)) : '',
    r.max !== undefined ? m.atMost(formatMeasure(r.measure, r.max, currency)) : '',
  ]
    .filter(Boolean)
    .join(m.and);
}

/** Why an entry failed its requirements, from the requirements as stated. */
export function failedRequirements(e: Entry, scoring: Scoring | undefined, currency: string): string {
  const m = t().comparison;
  return e.requirements
    .filter((x) => !x.passed)
    .map((x) => {
      const r = scoring?.requirements.find((q) => q.id === x.requirementId);
      if (!r) return x.explanation;
      const value = Number.isFinite(x.value) ? formatMeasure(r.measure, x.value, currency) : m.notMeasured;
      return m.requirementText(r.name ?? r.id, value, requirementLimit(r, currency));
    })
    .join('; ');
}
