import { z } from 'zod';
import { Id } from './primitives';
import { TravelBackend } from './scenario';

/** The distance bands of Region Dalarna's 2026 parcel study: share of people within 2, 5 and 10 km. */
export const ACCESS_BANDS_M = [2000, 5000, 10_000] as const;

/** A population-weighted mean distance, over the people for whom such a point exists at all. */
export const WeightedDistance = z.object({
  /** null when nobody has such a point (one point only, or one carrier only). */
  meanM: z.number().nullable(),
  /** People over whom the mean is taken. */
  population: z.number(),
});
export type WeightedDistance = z.infer<typeof WeightedDistance>;

export const WithinBand = z.object({
  distanceM: z.number(),
  populationShare: z.number(),
  /** null when no demand point gives its people aged 65 or more. */
  population65PlusShare: z.number().nullable(),
});
export type WithinBand = z.infer<typeof WithinBand>;

/** What happens if one pickup point closes and its people go to their next nearest point. */
export const PointClosure = z.object({
  pickupId: Id,
  name: z.string().optional(),
  carriers: z.array(z.string()),
  /** A box opened by the plan, not one of today's points. */
  newBox: z.boolean(),
  /** People whose nearest point this is. */
  peopleServed: z.number(),
  parcelsPerWeek: z.number(),
  /** People within the access limit through this point only: closing it leaves them outside the limit. */
  peopleLosingAccess: z.number(),
  people65PlusLosingAccess: z.number().nullable(),
  /** People who reach no other point at all (they also count in peopleLosingAccess when they were within the limit). */
  peopleLeftWithoutPoint: z.number(),
  /** Household trip km a week (by car, there and back) added for those who still reach a point. */
  extraHouseholdKmPerWeek: z.number(),
  /** From this point to the nearest other point (the study's "närmaste annan nod"); null when there is none. */
  nearestOtherPointM: z.number().nullable(),
  /** To the nearest point with a carrier this one lacks (the study's "närmaste nod med annan aktör"). */
  nearestOtherCarrierPointM: z.number().nullable(),
});
export type PointClosure = z.infer<typeof PointClosure>;

/** Access to a set of pickup points, measured as Region Dalarna's 2026 parcel study does, and a little more. */
export const AccessAnalysis = z.object({
  pickupPointCount: z.number().int(),
  population: z.number(),
  /** null when no demand point gives its people aged 65 or more. */
  population65Plus: z.number().nullable(),
  /** "nearest" is nearest by this measure, the one the policy's access limit uses. */
  rankedBy: z.enum(['distance', 'duration']),
  nearest: WeightedDistance,
  secondNearest: WeightedDistance,
  /** The nearest point that has a carrier the nearest point lacks. */
  nearestOtherCarrier: WeightedDistance,
  nearest65Plus: WeightedDistance.nullable(),
  within: z.array(WithinBand),
  /** Share of people (and of people 65+) within the policy's access limit of their nearest point. */
  withinLimitShare: z.number(),
  withinLimit65PlusShare: z.number().nullable(),
  /** People who reach no pickup point at all. */
  unreachablePopulation: z.number(),
  /** One row per point, the largest loss first. */
  closures: z.array(PointClosure),
  notes: z.array(z.string()),
});
export type AccessAnalysis = z.infer<typeof AccessAnalysis>;

/** `paketbygd access --json`: the analysis of one scenario's points today. */
export const AccessReport = z.object({
  kind: z.literal('access'),
  scenarioName: z.string(),
  createdAt: z.iso.datetime(),
  travel: z.object({ backend: TravelBackend, attribution: z.string().optional() }),
  accessLimit: z.object({
    maxAccessDistanceM: z.number().optional(),
    maxAccessDurationMin: z.number().optional(),
  }),
  analysis: AccessAnalysis,
  warnings: z.array(z.string()),
});
export type AccessReport = z.infer<typeof AccessReport>;
