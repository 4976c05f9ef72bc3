import type { Scenario } from '@paketbygd/model';
import {
  ComparisonResult as ComparisonResultSchema,
  Policy,
  ValidationError,
  issuesToProblems,
  type Bid,
  type ComparisonResult,
  type CriterionMeasure,
  type Kpis,
  type Plan,
  type Scoring,
} from '@paketbygd/model';
import { createTravelCosts, type TravelCosts } from '@paketbygd/travel';
import { scenarioForBid } from './bid-scenario';
import { plan } from './plan';
import { scoreBids, weightSensitivity, type Evaluated } from './scoring';

export interface ScenarioVariantInput {
  name: string;
  policy: Partial<Scenario['policy']>;
}

export interface CompareInput {
  name?: string;
  scenario: Scenario;
  variants?: readonly ScenarioVariantInput[];
  bids?: readonly Bid[];
  scoring?: Scoring;
}

export interface CompareOptions {
  travel?: TravelCosts;
  /** Seconds for each plan. */
  timeLimitS?: number;
  seed?: number;
  /** Re-plan every scored entry with demand −30 % and +30 % (default on). */
  demandSensitivity?: boolean;
  onProgress?: (message: string, percent: number) => void;
  now?: Date;
}

interface Entry {
  id: string;
  label: string;
  kind: 'baseline' | 'variant' | 'bid';
  scenario: Scenario;
  bid?: Bid;
  /** Where this entry's own problems stand in the comparison request. */
  path: string;
}

const YEAR_WEEKS = 52;

/** Price per year of an entry: a bid's own price, else the plan's weekly cost × 52. */
function pricePerYear(entry: Entry, p: Plan): number {
  const handled = p.kpis.after.parcelsInBoxesPerWeek + p.kpis.after.parcelsHomeDeliveredPerWeek;
  if (!entry.bid) return p.kpis.after.costPerWeek.total * YEAR_WEEKS;
  const price = entry.bid.price;
  return price.investment / price.contractYears + price.perYear + price.perParcel * handled * YEAR_WEEKS;
}

/** A bid's KPIs carry its price instead of Paketbygd's estimate of what running it costs. */
function kpisOf(entry: Entry, p: Plan): Kpis {
  if (!entry.bid) return p.kpis.after;
  const price = entry.bid.price;
  const handled = p.kpis.after.parcelsInBoxesPerWeek + p.kpis.after.parcelsHomeDeliveredPerWeek;
  const fees = price.perParcel * handled;
  const byCarrier = entry.bid.deliveryModel === 'existing_transport';
  const costPerWeek = {
    boxesInvestment: price.investment / price.contractYears / YEAR_WEEKS,
    boxesYearly: price.perYear / YEAR_WEEKS,
    vans: byCarrier ? 0 : fees,
    carriers: byCarrier ? fees : 0,
    total: pricePerYear(entry, p) / YEAR_WEEKS,
  };
  return { ...p.kpis.after, costPerWeek, costPerParcel: handled > 0 ? costPerWeek.total / handled : 0 };
}

function measuresOf(entry: Entry, p: Plan): Partial<Record<CriterionMeasure, number>> {
  const kpis = kpisOf(entry, p);
  const promise = entry.bid?.promisedService;
  const opened = p.boxes.map((b) => entry.scenario.candidateSites.find((c) => c.id === b.siteId)!);
  return {
    price_per_year: pricePerYear(entry, p),
    cost_per_parcel: kpis.costPerParcel,
    covered_population_share: kpis.access.coveredPopulationShare,
    mean_access_distance_m: kpis.access.meanAccessDistanceM,
    co2_kg_per_week: kpis.co2KgPerWeek.total,
    deliveries_per_week: promise?.deliveriesPerWeek ?? entry.scenario.policy.deliveriesPerWeek,
    boxes_open_247: (promise ? promise.boxesOpen247 : opened.length > 0 && opened.every((c) => c.access247))
      ? 1
      : 0,
    fossil_free_vehicles: promise?.fossilFreeVehicles ? 1 : 0,
    local_jobs: promise?.localJobs ?? 0,
  };
}

function scaleDemand(scenario: Scenario, factor: number): Scenario {
  return {
    ...scenario,
    demand: scenario.demand.map((d) => ({ ...d, parcelsPerWeek: d.parcelsPerWeek * factor })),
  };
}

/**
 * Scenario variants and bids side by side on the same demand and the same travel backend (its
 * matrix cache keeps the matrix the same), each scored when a scoring is given, with the
 * sensitivity of the ranking to the weights (±20 %) and to demand (±30 %).
 */
export async function compare(input: CompareInput, options: CompareOptions = {}): Promise<ComparisonResult> {
  const { scenario } = input;
  const travel = options.travel ?? createTravelCosts(scenario.travel);
  const entries: Entry[] = [
    { id: 'baseline', label: `${scenario.name} (as planned)`, kind: 'baseline', scenario, path: 'scenario' },
  ];
  (input.variants ?? []).forEach((variant, k) => {
    const merged = Policy.safeParse({ ...scenario.policy, ...variant.policy });
    if (!merged.success) {
      throw new ValidationError(
        `variant "${variant.name}"`,
        issuesToProblems(merged.error.issues).map((p) => ({ ...p, path: `variants[${k}].policy.${p.path}` })),
      );
    }
    entries.push({
      id: `variant-${k + 1}`,
      label: variant.name,
      kind: 'variant',
      scenario: { ...scenario, policy: merged.data },
      path: `variants[${k}]`,
    });
  });
  (input.bids ?? []).forEach((bid, k) => {
    entries.push({
      id: bid.id,
      label: bid.bidder,
      kind: 'bid',
      scenario: scenarioForBid(scenario, bid),
      bid,
      path: `bids[${k}]`,
    });
  });

  const warnings: string[] = [];
  const planOf = async (entry: Entry, factor = 1) => {
    try {
      return await plan(factor === 1 ? entry.scenario : scaleDemand(entry.scenario, factor), {
        travel,
        timeLimitS: options.timeLimitS ?? 10,
        seed: options.seed ?? 1,
        ...(entry.bid ? { openSiteIds: entry.bid.sites.map((s) => s.siteId) } : {}),
        ...(options.now ? { now: options.now } : {}),
      });
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      // A bid runs as a scenario of its own; its problems stand under the bid, the others under their entry.
      throw new ValidationError(
        `comparison entry "${entry.label}"`,
        error.problems.map((p) => ({ ...p, path: `${entry.path}.${p.path}` })),
      );
    }
  };
  const plans: Plan[] = [];
  for (const [k, entry] of entries.entries()) {
    options.onProgress?.(`planning ${entry.label}`, (k / entries.length) * 70);
    const p = await planOf(entry);
    plans.push(p);
    for (const w of p.warnings) warnings.push(`${entry.label}: ${w}`);
    if (entry.bid) {
      warnings.push(
        `${entry.label}: costs are the bid's prices; Paketbygd's estimate of running it is ${Math.round(p.kpis.after.costPerWeek.total)} ${scenario.currency} a week`,
      );
    }
  }

  let scoringOut: ComparisonResult['scoring'];
  if (input.scoring) {
    const scored = entries.some((e) => e.kind === 'bid') ? entries.filter((e) => e.kind === 'bid') : entries;
    const evaluate = (ps: readonly Plan[], subset: readonly Entry[]): Evaluated[] =>
      subset.map((e) => ({ id: e.id, measures: measuresOf(e, ps[entries.indexOf(e)]!) }));
    const evaluated = evaluate(plans, scored);
    const result = scoreBids(evaluated, input.scoring);
    warnings.push(...result.warnings);
    const sensitivity: NonNullable<ComparisonResult['scoring']>['sensitivity'] = weightSensitivity(
      evaluated,
      input.scoring,
    ).map((s) => {
      const criterion = input.scoring!.criteria.find((c) => c.id === s.criterionId)!;
      return {
        what: `${input.scoring!.model === 'price_deduction' ? 'value' : 'weight'} of "${criterion.name ?? criterion.id}" ${s.change > 0 ? '+' : '−'}${Math.abs(s.change * 100)} %`,
        change: s.change,
        ranking: s.ranking,
        winnerChanges: s.winnerChanges,
      };
    });
    if (options.demandSensitivity !== false) {
      for (const factor of [0.7, 1.3]) {
        options.onProgress?.(`demand ${factor < 1 ? '−' : '+'}30 %`, factor < 1 ? 80 : 90);
        const scaledPlans: Plan[] = [];
        for (const entry of entries)
          scaledPlans.push(
            scored.includes(entry) ? await planOf(entry, factor) : plans[entries.indexOf(entry)]!,
          );
        const ranking = scoreBids(evaluate(scaledPlans, scored), input.scoring).scores.map((s) => s.id);
        sensitivity.push({
          what: `demand ${factor < 1 ? '−' : '+'}${Math.round(Math.abs(factor - 1) * 100)} %`,
          change: factor - 1,
          ranking,
          winnerChanges: ranking[0] !== result.scores[0]!.id,
        });
      }
    }
    scoringOut = {
      model: result.model,
      higherWins: result.higherWins,
      maxPoints: input.scoring.maxPoints,
      scores: result.scores,
      sensitivity,
    };
  }

  options.onProgress?.('done', 100);
  return ComparisonResultSchema.parse({
    kind: 'comparison-result',
    name: input.name ?? `${scenario.name}: comparison`,
    createdAt: (options.now ?? new Date()).toISOString(),
    currency: scenario.currency,
    entries: entries.map((e, k) => ({
      id: e.id,
      label: e.label,
      kind: e.kind,
      kpis: kpisOf(e, plans[k]!),
      boxSiteIds: plans[k]!.boxes.map((b) => b.siteId),
      measures: measuresOf(e, plans[k]!),
    })),
    ...(scoringOut ? { scoring: scoringOut } : {}),
    warnings,
  });
}
