import { z } from 'zod';
import { Id, Money, Positive } from './primitives';
import { Bid } from './bid';
import { Kpis, PlanMessage } from './plan';
import { PolicyFields, Scenario } from './scenario';

/** What a criterion measures, from the evaluated plan or the bid. */
export const CriterionMeasure = z.enum([
  'price_per_year',
  'cost_per_parcel',
  'covered_population_share',
  'mean_access_distance_m',
  'co2_kg_per_week',
  'deliveries_per_week',
  'boxes_open_247',
  'fossil_free_vehicles',
  'local_jobs',
]);
export type CriterionMeasure = z.infer<typeof CriterionMeasure>;

export const Criterion = z
  .object({
    id: Id,
    name: z.string().optional(),
    measure: CriterionMeasure,
    /** Points model: share of the total points. */
    weight: z.number().nonnegative().optional(),
    /** Price-deduction model ("mervärdesmodell"): kronor deducted per year at the best level. */
    valuePerYear: Money.optional(),
    /** The levels that give full and zero points, for absolute models; stated in the tender documents. */
    best: z.number(),
    worst: z.number(),
  })
  .strict()
  .refine((c) => c.best !== c.worst, { message: '"best" and "worst" must differ', path: ['worst'] });

/**
 * A mandatory requirement ("ska-krav"): a bid that does not meet it is disqualified before any
 * scoring. Checked on the same figure the scoring uses (the plan's, unless `scoreOn` says otherwise).
 */
export const Requirement = z
  .object({
    id: Id,
    name: z.string().optional(),
    measure: CriterionMeasure,
    min: z.number().optional(),
    max: z.number().optional(),
  })
  .strict()
  .refine((r) => r.min !== undefined || r.max !== undefined, {
    message: 'a requirement states "min", "max" or both',
    path: ['min'],
  });
export type Requirement = z.infer<typeof Requirement>;

/**
 * When a price counts as abnormally low (LOU 16 kap. 7 §: the buyer must ask the bidder to
 * explain it): below `shareOfMedian` of the median bid price, or below Paketbygd's own estimate
 * of what running the same boxes and transports costs.
 */
export const AbnormallyLowRule = z
  .object({
    shareOfMedian: z.number().min(0).max(1).default(0.7),
    belowPlanEstimate: z.boolean().default(true),
  })
  .strict();
export type AbnormallyLowRule = z.infer<typeof AbnormallyLowRule>;

const ScoringFields = z
  .object({
    model: z.enum(['absolute_points', 'price_deduction', 'relative']).default('absolute_points'),
    criteria: z.array(Criterion).min(1),
    maxPoints: Positive.default(100),
    /** Which figure counts where a bid promises one thing and its plan delivers another. */
    scoreOn: z.enum(['plan', 'promise']).default('plan'),
    requirements: z.array(Requirement).default([]),
    abnormallyLow: AbnormallyLowRule.default({ shareOfMedian: 0.7, belowPlanEstimate: true }),
  })
  .strict();

function checkScoring(s: z.infer<typeof ScoringFields>, ctx: z.RefinementCtx): void {
  s.criteria.forEach((c, i) => {
    if (s.model === 'price_deduction' && c.measure !== 'price_per_year' && c.valuePerYear === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['criteria', i, 'valuePerYear'],
        message: 'the price-deduction model needs a value in kronor per year for every quality criterion',
      });
    }
    if (s.model !== 'price_deduction' && c.weight === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['criteria', i, 'weight'],
        message: 'points models need a weight',
      });
    }
  });
  const ids = new Set<string>();
  s.requirements.forEach((r, i) => {
    if (r.min !== undefined && r.max !== undefined && r.min > r.max)
      ctx.addIssue({
        code: 'custom',
        path: ['requirements', i, 'max'],
        message: `"max" (${r.max}) is below "min" (${r.min})`,
      });
  });
  s.criteria.forEach((c, i) => {
    if (ids.has(c.id))
      ctx.addIssue({
        code: 'custom',
        path: ['criteria', i, 'id'],
        message: `criterion id "${c.id}" is used twice`,
      });
    ids.add(c.id);
  });
}

/** How bids are scored. Absolute models score each bid against stated levels, so rankings cannot flip with the set of bids. */
export const Scoring = ScoringFields.superRefine(checkScoring);
export type Scoring = z.infer<typeof Scoring>;

/** A variant of the scenario: a name and the policy fields it changes; the merged policy is validated again. */
export const ScenarioVariant = z.object({ name: z.string().min(1), policy: PolicyFields.partial() }).strict();

/** Scoring inside a comparison: a scoring file's content may be pasted in as it is. */
const ScoringInComparison = ScoringFields.extend({
  kind: z.literal('scoring').optional(),
  name: z.string().optional(),
  note: z.string().optional(),
}).superRefine(checkScoring);

const ComparisonFields = z
  .object({
    name: z.string().min(1).optional(),
    scenario: Scenario,
    variants: z.array(ScenarioVariant).default([]),
    bids: z.array(Bid).default([]),
    scoring: ScoringInComparison.optional(),
  })
  .strict();

const hasEntries = (c: { variants: unknown[]; bids: unknown[] }) => c.variants.length + c.bids.length >= 1;
const NOTHING_TO_COMPARE = {
  message: 'compare at least one variant or bid with the scenario',
  path: ['bids'],
};

/** What `POST /v1/comparisons` takes: the scenario, variants and/or bids, and optional scoring. */
export const ComparisonRequest = ComparisonFields.refine(hasEntries, NOTHING_TO_COMPARE);
export type ComparisonRequest = z.infer<typeof ComparisonRequest>;

/** Scenarios or bids side by side on the same demand, with scoring weights: the same as a request, as a file. */
export const Comparison = ComparisonFields.extend({
  kind: z.literal('comparison'),
  name: z.string().min(1),
}).refine(hasEntries, NOTHING_TO_COMPARE);
export type Comparison = z.infer<typeof Comparison>;

/** A scoring file (`paketbygd compare --weights FILE`). */
export const ScoringDocument = ScoringFields.extend({
  kind: z.literal('scoring'),
  name: z.string().optional(),
  note: z.string().optional(),
}).superRefine(checkScoring);
export type ScoringDocument = z.infer<typeof ScoringDocument>;

const CriterionScoreSchema = z.object({
  criterionId: Id,
  measure: CriterionMeasure,
  value: z.number(),
  fulfilment: z.number(),
  contribution: z.number(),
  explanation: z.string(),
});

const Measures = z.partialRecord(CriterionMeasure, z.number());

/**
 * How distances and times were computed, for printing on a report: the backend, and for the
 * straight-line backend its detour factor and speeds (the last band has no upper limit: null).
 */
export const TravelModelSummary = z.object({
  backend: z.enum(['osrm', 'roadgraph', 'straightline']),
  detourFactor: z.number().optional(),
  speedBands: z.array(z.object({ upToM: z.number().nullable(), speedKmh: z.number() })).optional(),
  source: z.string().optional(),
});
export type TravelModelSummary = z.infer<typeof TravelModelSummary>;

const RequirementCheck = z.object({
  requirementId: Id,
  measure: CriterionMeasure,
  value: z.number(),
  passed: z.boolean(),
  explanation: z.string(),
});
export type RequirementCheck = z.infer<typeof RequirementCheck>;

/** What `compare` answers: each entry evaluated on the same demand and travel matrix, scored, and tested for sensitivity. */
export const ComparisonResult = z.object({
  kind: z.literal('comparison-result'),
  name: z.string(),
  createdAt: z.iso.datetime(),
  currency: z.string(),
  travel: TravelModelSummary.optional(),
  /** The rule by which prices were flagged as abnormally low. */
  abnormallyLowRule: AbnormallyLowRule.optional(),
  entries: z.array(
    z.object({
      id: Id,
      label: z.string(),
      /** "today" is the existing pickup points before any plan; "baseline" is Paketbygd's own plan. */
      kind: z.enum(['today', 'baseline', 'variant', 'bid']),
      kpis: Kpis,
      boxSiteIds: z.array(Id),
      /** Boxes of the entry that nothing fills in its plan. */
      unfilledBoxSiteIds: z.array(Id).default([]),
      /** The figures that are scored and checked against the requirements. */
      measures: Measures,
      /** What the entry's plan delivers, where the plan can measure it. */
      planned: Measures.default({}),
      /** What a bid promises, where it states it. */
      promised: Measures.default({}),
      /** Paketbygd's estimate, per year, of what running the same boxes and transports costs. */
      costEstimatePerYear: z.number().optional(),
      requirements: z.array(RequirementCheck).default([]),
      disqualified: z.boolean().default(false),
      /** Why the price looks abnormally low (LOU 16 kap. 7 §), if it does. */
      abnormallyLow: z.string().optional(),
      /** The warnings of the entry's plan with their codes; `warnings` has them as "label: sentence". */
      planWarnings: z.array(PlanMessage).optional(),
    }),
  ),
  scoring: z
    .object({
      model: z.enum(['absolute_points', 'price_deduction', 'relative']),
      higherWins: z.boolean(),
      maxPoints: z.number(),
      scoreOn: z.enum(['plan', 'promise']).default('plan'),
      /** The criteria and requirements as given, so that a report can explain every figure. */
      criteria: z
        .array(
          z.object({
            id: Id,
            name: z.string().optional(),
            measure: CriterionMeasure,
            weight: z.number().optional(),
            valuePerYear: z.number().optional(),
            best: z.number(),
            worst: z.number(),
          }),
        )
        .default([]),
      requirements: z.array(Requirement).default([]),
      /** Only qualified entries are scored and ranked. */
      scores: z.array(
        z.object({
          id: Id,
          rank: z.number().int(),
          total: z.number(),
          criteria: z.array(CriterionScoreSchema),
        }),
      ),
      sensitivity: z.array(
        z.object({
          what: z.string(),
          change: z.number(),
          ranking: z.array(Id),
          winnerChanges: z.boolean(),
          /** Each entry's total in this case. */
          totals: z.record(Id, z.number()).default({}),
          /** How far the first is ahead of the second, in points or kronor (0 with one entry). */
          margin: z.number().default(0),
          /** The other weights were rescaled so that the weights still sum as before. */
          othersRescaled: z.boolean().default(false),
        }),
      ),
    })
    .optional(),
  warnings: z.array(z.string()),
});
export type ComparisonResult = z.infer<typeof ComparisonResult>;
/** A comparison result as written before defaults are filled in (older files, fixtures). */
export type ComparisonResultInput = z.input<typeof ComparisonResult>;
