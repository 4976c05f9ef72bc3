import { z } from 'zod';
import { Id, LonLat, Weekday } from './primitives';
import { TravelBackend } from './scenario';

/** Access of one group of people to its nearest pickup point. */
export const AccessSummary = z.object({
  coveredPopulationShare: z.number(),
  coveredHouseholdShare: z.number(),
  meanAccessDistanceM: z.number(),
  p90AccessDistanceM: z.number(),
  meanAccessDurationS: z.number(),
});
export type AccessSummary = z.infer<typeof AccessSummary>;

export const DemandAccess = z.object({
  demandId: Id,
  before: z.object({ pickupId: Id.nullable(), distanceM: z.number(), durationS: z.number() }),
  after: z.object({ pickupId: Id.nullable(), distanceM: z.number(), durationS: z.number() }),
  homeDelivery: z.boolean(),
});

export const OpenedBox = z.object({
  siteId: Id,
  households: z.number(),
  parcelsPerWeek: z.number(),
  capacityParcelsPerWeek: z.number(),
  utilisation: z.number(),
  filledBy: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('carrier'), routeId: Id, detourS: z.number(), costPerWeek: z.number() }),
    z.object({ kind: z.literal('van'), vehicleId: Id }),
  ]),
});
export type OpenedBox = z.infer<typeof OpenedBox>;

export const VanStop = z.object({
  at: Id,
  location: LonLat,
  arrivalS: z.number(),
  parcels: z.number(),
  kind: z.enum(['hub', 'box', 'home']),
});

export const VanRoute = z.object({
  vehicleId: Id,
  day: Weekday,
  stops: z.array(VanStop),
  distanceM: z.number(),
  durationS: z.number(),
  cost: z.number(),
  geometry: z.object({ type: z.literal('LineString'), coordinates: z.array(LonLat) }).optional(),
});
export type VanRoute = z.infer<typeof VanRoute>;

export const UnservedDemand = z.object({
  demandId: Id,
  parcelsPerWeek: z.number(),
  reason: z.enum(['no_box_in_reach', 'box_capacity', 'no_vehicle_capacity', 'unreachable', 'budget']),
});

export const Kpis = z.object({
  vehicleKmPerWeek: z.number(),
  carrierDetourKmPerWeek: z.number(),
  driverHoursPerWeek: z.number(),
  costPerWeek: z.object({
    boxesAnnualised: z.number(),
    boxesYearly: z.number(),
    vans: z.number(),
    carriers: z.number(),
    total: z.number(),
  }),
  costPerParcel: z.number(),
  co2KgPerWeek: z.object({
    vans: z.number(),
    carriers: z.number(),
    householdTrips: z.number(),
    total: z.number(),
  }),
  parcelsPerWeek: z.number(),
  parcelsUnservedPerWeek: z.number(),
});
export type Kpis = z.infer<typeof Kpis>;

/** A solved scenario: what the planner answers. */
export const Plan = z.object({
  kind: z.literal('plan'),
  scenarioName: z.string(),
  createdAt: z.iso.datetime(),
  currency: z.string(),
  travel: z.object({ backend: TravelBackend, note: z.string().optional() }),
  placement: z.object({
    model: z.string(),
    status: z.enum(['optimal', 'feasible', 'time_limit', 'infeasible']),
    objective: z.number(),
    bound: z.number().nullable(),
    gapPct: z.number().nullable(),
  }),
  access: z.object({ before: AccessSummary, after: AccessSummary, perDemand: z.array(DemandAccess) }),
  boxes: z.array(OpenedBox),
  vanRoutes: z.array(VanRoute),
  kpis: z.object({ before: Kpis.partial(), after: Kpis }),
  unserved: z.array(UnservedDemand),
  assumptions: z.array(z.string()),
  warnings: z.array(z.string()),
});
export type Plan = z.infer<typeof Plan>;
