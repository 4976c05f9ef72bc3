import { z } from 'zod';
import { Id, Money, Positive } from './primitives';
import { Bid } from './bid';
import { Kpis } from './plan';
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

const ScoringFields = z
  .object({
    model: z.enum(['absolute_points', 'price_deduction', 'relative']).default('absolute_points'),
    criteria: z.array(Criterion).min(1),
    maxPoints: Positive.default(100),
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

/** What `compare` answers: each entry evaluated on the same demand and travel matrix, scored, and tested for sensitivity. */
export const ComparisonResult = z.object({
  kind: z.literal('comparison-result'),
  name: z.string(),
  createdAt: z.iso.datetime(),
  currency: z.string(),
  entries: z.array(
    z.object({
      id: Id,
      label: z.string(),
      kind: z.enum(['baseline', 'variant', 'bid']),
      kpis: Kpis,
      boxSiteIds: z.array(Id),
      measures: z.partialRecord(CriterionMeasure, z.number()),
    }),
  ),
  scoring: z
    .object({
      model: z.enum(['absolute_points', 'price_deduction', 'relative']),
      higherWins: z.boolean(),
      maxPoints: z.number(),
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
        }),
      ),
    })
    .optional(),
  warnings: z.array(z.string()),
});
export type ComparisonResult = z.infer<typeof ComparisonResult>;
