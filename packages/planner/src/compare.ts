import type { Scenario } from '@paketbygd/model';
import {
  AbnormallyLowRule,
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
import { travelModelOf } from './travel-model';
import { abnormallyLowBids, checkRequirements } from './bid-checks';
import { marginOf, scoreBids, weightSensitivity, type Evaluated } from './scoring';

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

/** Where a comparison stands: planning an entry, re-planning with the demand changed, done. */
export type CompareStep =
  | { step: 'plan'; entry: { kind: 'baseline' | 'variant' | 'bid'; label: string } }
  /** The demand's relative change, −0.3 or +0.3. */
  | { step: 'demand'; change: number }
  | { step: 'done' };

export interface CompareOptions {
  travel?: TravelCosts;
  /** Seconds for each plan. */
  timeLimitS?: number;
  seed?: number;
  /** Re-plan every scored entry with demand −30 % and +30 % (default on). */
  demandSensitivity?: boolean;
  /** The message in English, and what it says as figures for a client that words it itself. */
  onProgress?: (message: string, percent: number, step: CompareStep) => void;
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

type Measures = Partial<Record<CriterionMeasure, number>>;

const YEAR_WEEKS = 52;

function parcelsHandled(p: Plan): number {
  return p.kpis.after.parcelsInBoxesPerWeek + p.kpis.after.parcelsHomeDeliveredPerWeek;
}

/** Price per year of an entry: a bid's own price, else the plan's weekly cost × 52. */
function pricePerYear(entry: Entry, p: Plan): number {
  if (!entry.bid) return p.kpis.after.costPerWeek.total * YEAR_WEEKS;
  const price = entry.bid.price;
  return (
    price.investment / price.contractYears + price.perYear + price.perParcel * parcelsHandled(p) * YEAR_WEEKS
  );
}

/**
 * Paketbygd's estimate of running what a bid offers, per year: the transports of its plan, and
 * the boxes at the scenario's own site costs (a site of the bidder's own has no known cost and
 * counts nothing, so the estimate errs low).
 */
function costEstimatePerYear(entry: Entry, p: Plan, scenario: Scenario): number {
  const running = (p.kpis.after.costPerWeek.vans + p.kpis.after.costPerWeek.carriers) * YEAR_WEEKS;
  const sites = (entry.bid?.sites ?? []).map((s) => scenario.candidateSites.find((c) => c.id === s.siteId));
  const boxes = sites.reduce(
    (sum, c) => sum + (c ? c.investmentCost / scenario.policy.boxLifetimeYears + c.yearlyCost : 0),
    0,
  );
  return running + boxes;
}

/** A bid's KPIs carry its price instead of Paketbygd's estimate of what running it costs. */
function kpisOf(entry: Entry, p: Plan): Kpis {
  if (!entry.bid) return p.kpis.after;
  const price = entry.bid.price;
  const handled = parcelsHandled(p);
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

/**
 * Deliveries a week that the plan achieves: each box's filling frequency weighted by its parcels,
 * and home deliveries on the days vans drive. A box nothing fills delivers nothing.
 */
function plannedDeliveriesPerWeek(p: Plan): number {
  let parcels = 0;
  let weighted = 0;
  for (const b of p.boxes) {
    if (b.parcelsPerWeek <= 0) continue;
    const frequency = b.filledBy.kind === 'unfilled' ? 0 : b.filledBy.deliveriesPerWeek;
    parcels += b.parcelsPerWeek;
    weighted += b.parcelsPerWeek * frequency;
  }
  const home = p.kpis.after.parcelsHomeDeliveredPerWeek;
  if (home > 0) {
    const vanDays = new Set(
      p.vanRoutes.filter((r) => r.stops.some((s) => s.kind === 'home')).map((r) => r.day),
    );
    parcels += home;
    weighted += home * vanDays.size;
  }
  return parcels > 0 ? weighted / parcels : 0;
}

/** What the entry's plan delivers, for every measure a plan can measure. */
function plannedMeasures(entry: Entry, p: Plan): Measures {
  const kpis = kpisOf(entry, p);
  const opened = p.boxes.map((b) => entry.scenario.candidateSites.find((c) => c.id === b.siteId));
  return {
    price_per_year: pricePerYear(entry, p),
    cost_per_parcel: kpis.costPerParcel,
    covered_population_share: kpis.access.coveredPopulationShare,
    mean_access_distance_m: kpis.access.meanAccessDistanceM,
    co2_kg_per_week: kpis.co2KgPerWeek.total,
    deliveries_per_week: plannedDeliveriesPerWeek(p),
    boxes_open_247: opened.length > 0 && opened.every((c) => c?.access247) ? 1 : 0,
  };
}

/** What a bid promises; a variant or Paketbygd's own plan promises nothing beyond its plan. */
function promisedMeasures(entry: Entry): Measures {
  const promise = entry.bid?.promisedService;
  if (!promise) return { fossil_free_vehicles: 0, local_jobs: 0 };
  return {
    deliveries_per_week: promise.deliveriesPerWeek,
    boxes_open_247: promise.boxesOpen247 ? 1 : 0,
    fossil_free_vehicles: promise.fossilFreeVehicles ? 1 : 0,
    local_jobs: promise.localJobs,
  };
}

/**
 * The figures that are scored. On the plan (the default): what the plan delivers, or the promise
 * where that is less (a bid is held to neither more than its plan delivers nor more than it
 * commits to); the promise alone where no plan can measure it. On the promise: the promise
 * wherever the bid states one.
 */
function scoredMeasures(planned: Measures, promised: Measures, scoreOn: 'plan' | 'promise'): Measures {
  const out: Measures = { ...planned };
  for (const [measure, value] of Object.entries(promised) as [CriterionMeasure, number][]) {
    const fromPlan = planned[measure];
    out[measure] = fromPlan === undefined || scoreOn === 'promise' ? value : Math.min(fromPlan, value);
  }
  return out;
}

interface Evaluation {
  planned: Measures;
  promised: Measures;
  measures: Measures;
}

function evaluateEntry(entry: Entry, p: Plan, scoreOn: 'plan' | 'promise'): Evaluation {
  const planned = plannedMeasures(entry, p);
  const promised = promisedMeasures(entry);
  return { planned, promised, measures: scoredMeasures(planned, promised, scoreOn) };
}

/** The promises that the plan does not bear out: shown in the explanation of a score. */
function overPromises(e: Evaluation): Measures {
  return Object.fromEntries(
    (Object.entries(e.promised) as [CriterionMeasure, number][]).filter(
      ([m, v]) => (e.measures[m] ?? v) < v - 1e-9,
    ),
  );
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
        // The comparison keeps no plan's map: main roads and isochrones would be built for nothing.
        mapLayers: false,
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
    options.onProgress?.(`planning ${entry.label}`, (k / entries.length) * 70, {
      step: 'plan',
      entry: { kind: entry.kind, label: entry.label },
    });
    const p = await planOf(entry);
    plans.push(p);
    for (const w of p.warnings) warnings.push(`${entry.label}: ${w}`);
    if (entry.bid) {
      warnings.push(
        `${entry.label}: costs are the bid's prices; Paketbygd's estimate of running it is ${Math.round(p.kpis.after.costPerWeek.total)} ${scenario.currency} a week`,
      );
    }
  }

  const scoreOn = input.scoring?.scoreOn ?? 'plan';
  const evaluations = entries.map((e, k) => evaluateEntry(e, plans[k]!, scoreOn));
  const estimates = entries.map((e, k) => (e.bid ? costEstimatePerYear(e, plans[k]!, scenario) : undefined));
  const bidIndexes = entries.flatMap((e, k) => (e.kind === 'bid' ? [k] : []));
  const lowPrices = abnormallyLowBids(
    bidIndexes.map((k) => ({
      id: entries[k]!.id,
      pricePerYear: evaluations[k]!.measures.price_per_year ?? 0,
      costEstimatePerYear: estimates[k] ?? 0,
    })),
    input.scoring?.abnormallyLow ?? AbnormallyLowRule.parse({}),
    scenario.currency,
  );
  const requirementChecks = entries.map((e, k) =>
    input.scoring && e.kind !== 'baseline'
      ? checkRequirements(evaluations[k]!.measures, input.scoring.requirements)
      : [],
  );
  const disqualified = requirementChecks.map((checks) => checks.some((c) => !c.passed));
  // Disqualifications and abnormally low prices are fields of their entries (reports put them
  // first), not warnings among the plans' own.

  let scoringOut: ComparisonResult['scoring'];
  if (input.scoring) {
    const candidates = entries.some((e) => e.kind === 'bid')
      ? entries.filter((e) => e.kind === 'bid')
      : entries;
    const scored = candidates.filter((e) => !disqualified[entries.indexOf(e)]);
    const evaluate = (ps: readonly Plan[], subset: readonly Entry[]): Evaluated[] =>
      subset.map((e) => {
        const k = entries.indexOf(e);
        const evaluation = ps === plans ? evaluations[k]! : evaluateEntry(e, ps[k]!, scoreOn);
        return { id: e.id, measures: evaluation.measures, promised: overPromises(evaluation) };
      });
    const criteria = input.scoring.criteria.map(
      ({ id, name, measure, weight, valuePerYear, best, worst }) => ({
        id,
        ...(name !== undefined ? { name } : {}),
        measure,
        ...(weight !== undefined ? { weight } : {}),
        ...(valuePerYear !== undefined ? { valuePerYear } : {}),
        best,
        worst,
      }),
    );
    const base = {
      model: input.scoring.model,
      higherWins: input.scoring.model !== 'price_deduction',
      maxPoints: input.scoring.maxPoints,
      scoreOn,
      criteria,
      requirements: input.scoring.requirements,
    };
    if (scored.length === 0) {
      warnings.unshift('no entry meets every mandatory requirement, so none is scored');
      scoringOut = { ...base, scores: [], sensitivity: [] };
    } else {
      const evaluated = evaluate(plans, scored);
      const result = scoreBids(evaluated, input.scoring);
      warnings.push(...result.warnings);
      const sensitivity: NonNullable<ComparisonResult['scoring']>['sensitivity'] = weightSensitivity(
        evaluated,
        input.scoring,
      ).map((s) => {
        const criterion = input.scoring!.criteria.find((c) => c.id === s.criterionId)!;
        return {
          what: `${input.scoring!.model === 'price_deduction' ? 'value' : 'weight'} of "${criterion.name ?? criterion.id}" ${s.change > 0 ? '+' : '−'}${Math.abs(s.change * 100)} %${s.othersRescaled ? ' (the other weights rescaled to keep their sum)' : ''}`,
          change: s.change,
          ranking: s.ranking,
          winnerChanges: s.winnerChanges,
          totals: s.totals,
          margin: s.margin,
          othersRescaled: s.othersRescaled,
        };
      });
      if (options.demandSensitivity !== false) {
        for (const factor of [0.7, 1.3]) {
          options.onProgress?.(`demand ${factor < 1 ? '−' : '+'}30 %`, factor < 1 ? 80 : 90, {
            step: 'demand',
            change: factor - 1,
          });
          const scaledPlans: Plan[] = [];
          for (const entry of entries)
            scaledPlans.push(
              scored.includes(entry) ? await planOf(entry, factor) : plans[entries.indexOf(entry)]!,
            );
          const scores = scoreBids(evaluate(scaledPlans, scored), input.scoring).scores;
          const ranking = scores.map((s) => s.id);
          sensitivity.push({
            what: `demand ${factor < 1 ? '−' : '+'}${Math.round(Math.abs(factor - 1) * 100)} %`,
            change: factor - 1,
            ranking,
            winnerChanges: ranking[0] !== result.scores[0]!.id,
            totals: Object.fromEntries(scores.map((s) => [s.id, s.total])),
            margin: marginOf(scores),
            othersRescaled: false,
          });
        }
      }
      scoringOut = { ...base, scores: result.scores, sensitivity };
    }
  }

  options.onProgress?.('done', 100, { step: 'done' });
  const baselinePlan = plans[0]!;
  const today = {
    id: 'today',
    label: 'Today (existing pickup points)',
    kind: 'today' as const,
    kpis: baselinePlan.kpis.before,
    boxSiteIds: [],
    measures: {
      covered_population_share: baselinePlan.kpis.before.access.coveredPopulationShare,
      mean_access_distance_m: baselinePlan.kpis.before.access.meanAccessDistanceM,
      co2_kg_per_week: baselinePlan.kpis.before.co2KgPerWeek.total,
    },
  };
  return ComparisonResultSchema.parse({
    kind: 'comparison-result',
    name: input.name ?? `${scenario.name}: comparison`,
    createdAt: (options.now ?? new Date()).toISOString(),
    currency: scenario.currency,
    travel: travelModelOf(scenario.travel),
    abnormallyLowRule: input.scoring?.abnormallyLow ?? AbnormallyLowRule.parse({}),
    entries: [
      today,
      ...entries.map((e, k) => ({
        id: e.id,
        label: e.label,
        kind: e.kind,
        kpis: kpisOf(e, plans[k]!),
        boxSiteIds: plans[k]!.boxes.map((b) => b.siteId),
        unfilledBoxSiteIds: plans[k]!.boxes.filter((b) => b.filledBy.kind === 'unfilled').map(
          (b) => b.siteId,
        ),
        measures: evaluations[k]!.measures,
        planned: evaluations[k]!.planned,
        promised: e.bid ? evaluations[k]!.promised : {},
        ...(estimates[k] !== undefined ? { costEstimatePerYear: estimates[k] } : {}),
        requirements: requirementChecks[k]!,
        disqualified: disqualified[k]!,
        ...(lowPrices.has(e.id) ? { abnormallyLow: lowPrices.get(e.id) } : {}),
        ...(plans[k]!.messages ? { planWarnings: plans[k]!.messages!.warnings } : {}),
      })),
    ],
    ...(scoringOut ? { scoring: scoringOut } : {}),
    warnings,
  });
}
