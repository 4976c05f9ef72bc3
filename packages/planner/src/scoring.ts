import type { CriterionMeasure, Scoring } from '@paketbygd/model';

/** What was measured for one bid or variant, per criterion measure. */
export interface Evaluated {
  id: string;
  /** The figures that are scored. */
  measures: Partial<Record<CriterionMeasure, number>>;
  /** What the bid promised, where that differs from the figure scored; named in the explanation. */
  promised?: Partial<Record<CriterionMeasure, number>>;
}

export interface CriterionScore {
  criterionId: string;
  measure: CriterionMeasure;
  value: number;
  /** 0 at the worst level, 1 at the best (clamped); for the relative model, against the other bids. */
  fulfilment: number;
  /** Points (points models) or kronor deducted per year (price-deduction model). */
  contribution: number;
  explanation: string;
}

export interface BidScore {
  id: string;
  rank: number;
  /** Points (higher wins) or, for the price-deduction model, the comparison price per year (lower wins). */
  total: number;
  criteria: CriterionScore[];
}

export interface ScoringResult {
  model: Scoring['model'];
  higherWins: boolean;
  scores: BidScore[];
  warnings: string[];
}

const SHARE_MEASURES = new Set<CriterionMeasure>(['covered_population_share']);
const BOOLEAN_MEASURES = new Set<CriterionMeasure>(['boxes_open_247', 'fossil_free_vehicles']);

/** A measure's value as the planner's explanations print it. */
export function formatMeasure(measure: CriterionMeasure, value: number): string {
  if (SHARE_MEASURES.has(measure)) return `${(value * 100).toFixed(1)} %`;
  if (BOOLEAN_MEASURES.has(measure)) return value >= 0.5 ? 'yes' : 'no';
  return Math.abs(value) >= 1000
    ? Math.round(value).toLocaleString('en-GB')
    : String(Math.round(value * 100) / 100);
}

/** ", promised 7" when the bid promised something other than the figure scored. */
function promiseNote(bid: Evaluated, measure: CriterionMeasure, value: number): string {
  const promised = bid.promised?.[measure];
  if (promised === undefined || Math.abs(promised - value) < 1e-9) return '';
  return ` (promised ${formatMeasure(measure, promised)}; scored on what the plan delivers)`;
}

function clamp01(x: number): number {
  return Math.min(1, Math.max(0, x));
}

function valueOf(bid: Evaluated, measure: CriterionMeasure, criterionId: string): number {
  const value = bid.measures[measure];
  if (value === undefined || !Number.isFinite(value)) {
    throw new Error(`"${bid.id}" has no value for criterion "${criterionId}" (${measure})`);
  }
  return value;
}

function rankBy(scores: Omit<BidScore, 'rank'>[], higherWins: boolean): BidScore[] {
  // Ties share a rank; the order among tied bids is by id so that it does not depend on input order.
  const sorted = [...scores].sort(
    (a, b) => (higherWins ? b.total - a.total : a.total - b.total) || a.id.localeCompare(b.id),
  );
  let rank = 0;
  return sorted.map((s, i) => {
    if (i === 0 || Math.abs(s.total - sorted[i - 1]!.total) > 1e-9) rank = i + 1;
    return { ...s, rank };
  });
}

/**
 * Scores bids the way Swedish public procurement does. Absolute models (points against levels
 * stated in advance, or a price deduction in kronor) give each bid a score that does not depend
 * on the other bids; the relative model compares bids with each other and is only used on request.
 */
export function scoreBids(bids: readonly Evaluated[], scoring: Scoring): ScoringResult {
  if (bids.length === 0) throw new Error('there is nothing to score: no bids or variants');
  const warnings: string[] = [];
  const weightSum = scoring.criteria.reduce((sum, c) => sum + (c.weight ?? 0), 0);
  if (scoring.model !== 'price_deduction' && Math.abs(weightSum - 1) > 1e-6) {
    warnings.push(`weights sum to ${weightSum.toFixed(3)}, not 1; points are scaled by the weights as given`);
  }

  if (scoring.model === 'price_deduction') {
    const price = scoring.criteria.find((c) => c.measure === 'price_per_year');
    if (!price) throw new Error('the price-deduction model needs a criterion with measure "price_per_year"');
    const scores = bids.map((bid) => {
      const priceValue = valueOf(bid, 'price_per_year', price.id);
      const criteria: CriterionScore[] = [
        {
          criterionId: price.id,
          measure: price.measure,
          value: priceValue,
          fulfilment: 1,
          contribution: 0,
          explanation: `price ${formatMeasure('price_per_year', priceValue)} per year is the starting point`,
        },
      ];
      let total = priceValue;
      for (const c of scoring.criteria) {
        if (c === price) continue;
        const value = valueOf(bid, c.measure, c.id);
        const fulfilment = clamp01((value - c.worst) / (c.best - c.worst));
        const deduction = fulfilment * (c.valuePerYear ?? 0);
        total -= deduction;
        criteria.push({
          criterionId: c.id,
          measure: c.measure,
          value,
          fulfilment,
          contribution: deduction,
          explanation: `${c.name ?? c.id}: ${formatMeasure(c.measure, value)}${promiseNote(bid, c.measure, value)} reaches ${(fulfilment * 100).toFixed(0)} % of the way from ${formatMeasure(c.measure, c.worst)} to ${formatMeasure(c.measure, c.best)}, so ${Math.round(deduction).toLocaleString('en-GB')} of ${(c.valuePerYear ?? 0).toLocaleString('en-GB')} kr is deducted`,
        });
      }
      return { id: bid.id, total, criteria };
    });
    return { model: scoring.model, higherWins: false, scores: rankBy(scores, false), warnings };
  }

  if (scoring.model === 'relative') {
    warnings.push(
      'relative scoring: each bid is scored against the others, so adding or removing a bid that cannot win can change which bid wins; an absolute model avoids this',
    );
  }
  const scores = bids.map((bid) => {
    const criteria = scoring.criteria.map((c): CriterionScore => {
      const value = valueOf(bid, c.measure, c.id);
      const full = (c.weight ?? 0) * scoring.maxPoints;
      let fulfilment: number;
      let how: string;
      if (scoring.model === 'relative') {
        const values = bids.map((b) => valueOf(b, c.measure, c.id));
        const lowerIsBetter = c.best < c.worst;
        const bestAmongBids = lowerIsBetter ? Math.min(...values) : Math.max(...values);
        if (c.measure === 'price_per_year') {
          fulfilment = value > 0 ? clamp01(bestAmongBids / value) : 1;
          how = `the lowest price (${formatMeasure(c.measure, bestAmongBids)}) divided by this price`;
        } else {
          const worstAmongBids = lowerIsBetter ? Math.max(...values) : Math.min(...values);
          fulfilment =
            bestAmongBids === worstAmongBids
              ? 1
              : clamp01((value - worstAmongBids) / (bestAmongBids - worstAmongBids));
          how = `between the weakest bid (${formatMeasure(c.measure, worstAmongBids)}) and the best bid (${formatMeasure(c.measure, bestAmongBids)})`;
        }
      } else {
        fulfilment = clamp01((value - c.worst) / (c.best - c.worst));
        how = `of the way from ${formatMeasure(c.measure, c.worst)} (0 points) to ${formatMeasure(c.measure, c.best)} (full points)`;
      }
      const points = fulfilment * full;
      return {
        criterionId: c.id,
        measure: c.measure,
        value,
        fulfilment,
        contribution: points,
        explanation: `${c.name ?? c.id}: ${formatMeasure(c.measure, value)}${promiseNote(bid, c.measure, value)}, ${(fulfilment * 100).toFixed(0)} % ${how}: ${points.toFixed(1)} of ${full.toFixed(1)} points`,
      };
    });
    return { id: bid.id, total: criteria.reduce((sum, c) => sum + c.contribution, 0), criteria };
  });
  return { model: scoring.model, higherWins: true, scores: rankBy(scores, true), warnings };
}

export interface WeightSensitivity {
  criterionId: string;
  change: number;
  ranking: string[];
  totals: Record<string, number>;
  /** How far the first is ahead of the second (0 with one bid). */
  margin: number;
  winnerChanges: boolean;
  /** The other criteria's weights were rescaled (points models), so that the weights still sum as before. */
  othersRescaled: boolean;
}

/** How far the first of a ranking is ahead of the second, in points or kronor. */
export function marginOf(scores: readonly Pick<BidScore, 'total'>[]): number {
  if (scores.length < 2) return 0;
  return Math.abs(scores[0]!.total - scores[1]!.total);
}

/**
 * Moves each criterion's weight (or kronor value) by ±`change` (the others rescaled so that
 * weights still sum as before) and reports the ranking each time.
 */
export function weightSensitivity(
  bids: readonly Evaluated[],
  scoring: Scoring,
  change = 0.2,
): WeightSensitivity[] {
  const baseWinner = scoreBids(bids, scoring).scores[0]!.id;
  const out: WeightSensitivity[] = [];
  for (const target of scoring.criteria) {
    for (const sign of [-1, 1]) {
      const factor = 1 + sign * change;
      let criteria = scoring.criteria;
      if (scoring.model === 'price_deduction') {
        if (target.measure === 'price_per_year') continue;
        criteria = criteria.map((c) =>
          c === target ? { ...c, valuePerYear: (c.valuePerYear ?? 0) * factor } : c,
        );
      } else {
        const total = criteria.reduce((s, c) => s + (c.weight ?? 0), 0);
        const moved = (target.weight ?? 0) * factor;
        const restBefore = total - (target.weight ?? 0);
        const restScale = restBefore > 0 ? (total - moved) / restBefore : 1;
        criteria = criteria.map((c) => ({
          ...c,
          weight: c === target ? moved : (c.weight ?? 0) * restScale,
        }));
      }
      const scores = scoreBids(bids, { ...scoring, criteria }).scores;
      const ranking = scores.map((s) => s.id);
      out.push({
        criterionId: target.id,
        change: sign * change,
        ranking,
        totals: Object.fromEntries(scores.map((s) => [s.id, s.total])),
        margin: marginOf(scores),
        winnerChanges: ranking[0] !== baseWinner,
        othersRescaled: scoring.model !== 'price_deduction',
      });
    }
  }
  return out;
}
