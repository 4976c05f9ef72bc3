import type { AbnormallyLowRule, CriterionMeasure, Requirement, RequirementCheck } from '@paketbygd/model';
import { formatMeasure } from './scoring';

/** The Swedish Public Procurement Act's rule on abnormally low tenders, cited wherever one is flagged. */
export const LOU_ABNORMALLY_LOW =
  'LOU (2016:1145) 16 kap. 7 §: the contracting authority must ask the bidder to explain a price that seems abnormally low';

/**
 * Checks the mandatory requirements ("ska-krav") on the figures that are scored. A missing figure
 * fails the requirement: a bid cannot pass a requirement on something nobody measured or promised.
 */
export function checkRequirements(
  measures: Partial<Record<CriterionMeasure, number>>,
  requirements: readonly Requirement[],
): RequirementCheck[] {
  return requirements.map((r) => {
    const value = measures[r.measure];
    const name = r.name ?? r.id;
    if (value === undefined || !Number.isFinite(value)) {
      return {
        requirementId: r.id,
        measure: r.measure,
        value: Number.NaN,
        passed: false,
        explanation: `${name}: not measured and not promised`,
      };
    }
    const tooLow = r.min !== undefined && value < r.min - 1e-9;
    const tooHigh = r.max !== undefined && value > r.max + 1e-9;
    const limit = [
      r.min !== undefined ? `at least ${formatMeasure(r.measure, r.min)}` : '',
      r.max !== undefined ? `at most ${formatMeasure(r.measure, r.max)}` : '',
    ]
      .filter(Boolean)
      .join(' and ');
    return {
      requirementId: r.id,
      measure: r.measure,
      value,
      passed: !tooLow && !tooHigh,
      explanation: `${name}: ${formatMeasure(r.measure, value)}, required ${limit}`,
    };
  });
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export interface PricedBid {
  id: string;
  pricePerYear: number;
  /** Paketbygd's estimate of what running the same boxes and transports costs a year. */
  costEstimatePerYear: number;
}

/**
 * Which bids' prices look abnormally low, and why: below a share of the median bid price (with
 * at least three bids, so that the median means something), or below Paketbygd's own estimate
 * of the cost of the same service.
 */
export function abnormallyLowBids(
  bids: readonly PricedBid[],
  rule: AbnormallyLowRule,
  currency: string,
): Map<string, string> {
  const flagged = new Map<string, string>();
  const med = bids.length >= 3 ? median(bids.map((b) => b.pricePerYear)) : undefined;
  const money = (v: number) => `${formatMeasure('price_per_year', v)} ${currency}`;
  for (const bid of bids) {
    const reasons: string[] = [];
    if (med !== undefined && bid.pricePerYear < rule.shareOfMedian * med) {
      reasons.push(
        `${money(bid.pricePerYear)} a year is ${Math.round((bid.pricePerYear / med) * 100)} % of the median bid (${money(med)}), below the ${Math.round(rule.shareOfMedian * 100)} % limit`,
      );
    }
    if (rule.belowPlanEstimate && bid.pricePerYear < bid.costEstimatePerYear) {
      reasons.push(
        `${money(bid.pricePerYear)} a year is below Paketbygd's estimate of running the same boxes and transports (${money(bid.costEstimatePerYear)})`,
      );
    }
    if (reasons.length > 0) flagged.set(bid.id, `${reasons.join('; ')}. ${LOU_ABNORMALLY_LOW}.`);
  }
  return flagged;
}
