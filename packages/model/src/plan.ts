import { z } from 'zod';
import { Id, LonLat, MessageParam, Weekday } from './primitives';
import { TravelBackend } from './scenario';
import { AccessAnalysis } from './access-analysis';

const LineString = z.object({ type: z.literal('LineString'), coordinates: z.array(LonLat) });

/** Access of the people of a scenario to their nearest pickup point (existing agent or box). */
export const AccessSummary = z.object({
  coveredPopulationShare: z.number(),
  coveredHouseholdShare: z.number(),
  meanAccessDistanceM: z.number(),
  p90AccessDistanceM: z.number(),
  meanAccessDurationS: z.number(),
});
export type AccessSummary = z.infer<typeof AccessSummary>;

const Access = z.object({
  pickupId: Id.nullable(),
  distanceM: z.number(),
  durationS: z.number(),
  covered: z.boolean(),
});

export const DemandAccess = z.object({
  demandId: Id,
  population: z.number(),
  households: z.number(),
  parcelsPerWeek: z.number(),
  before: Access,
  after: Access,
  homeDelivery: z.boolean(),
  /** Where the parcels go after: boxes first within their capacity, the rest to an existing point (Paketbygd plans always give it). */
  fetchedAt: z
    .array(
      z.object({
        pickupId: Id,
        parcelsPerWeek: z.number(),
        distanceM: z.number(),
        box: z.boolean(),
        covered: z.boolean(),
      }),
    )
    .optional(),
});
export type DemandAccess = z.infer<typeof DemandAccess>;

/** Which departure of a timetabled transport fills a box on a day, and when. */
export const UsedDeparture = z.object({
  day: Weekday,
  departureId: Id,
  /** Leaves the loading hub (or the transfer stop) at (HH:MM, may pass 24:00), after the parcels arrive there. */
  leavesAt: z.string(),
  /** Reaches the box at. */
  arrivesAt: z.string(),
  /** The departure passes no hub: parcels are put on board at this stop, brought by another line's departure. */
  transfer: z
    .object({
      stopName: z.string(),
      fromRouteId: Id,
      fromDepartureId: Id,
      /** The feeding departure reaches the transfer stop at (it left the hub after the parcels arrived). */
      fromArrivesAt: z.string(),
      minTransferMin: z.number(),
    })
    .optional(),
});
export type UsedDeparture = z.infer<typeof UsedDeparture>;

export const BoxFilling = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('carrier'),
    routeId: Id,
    deliveriesPerWeek: z.number(),
    detourSPerTrip: z.number(),
    detourMPerTrip: z.number(),
    costPerWeek: z.number(),
    /** The carrier's days, when the transport has a timetable. */
    days: z.array(Weekday).optional(),
    departures: z.array(UsedDeparture).optional(),
    /** Partial filling: the days a van fills the box because the transport does not run then (cheaper than vans alone). */
    vanDays: z.array(Weekday).optional(),
    /** Why a van fills the box on each van day: no usable departure that day, or the day's departures have too little spare room. */
    vanDayReasons: z
      .array(z.object({ day: Weekday, reason: z.enum(['no_usable_departure', 'too_little_room']) }))
      .optional(),
    vanVehicleId: Id.optional(),
  }),
  z.object({ kind: z.literal('van'), vehicleId: Id, deliveriesPerWeek: z.number() }),
  z.object({ kind: z.literal('unfilled'), reason: z.string() }),
]);
export type BoxFilling = z.infer<typeof BoxFilling>;

/** Why an existing transport does not fill a box. */
export const TransportNotUsed = z.object({
  routeId: Id,
  reason: z.enum([
    'no_stop_near_box',
    'detour_too_long',
    'too_little_room',
    'wrong_days',
    'leaves_before_parcels',
    'arrives_too_late',
    'no_loading_hub',
    'costlier',
  ]),
  detail: z.string(),
});
export type TransportNotUsed = z.infer<typeof TransportNotUsed>;

export const OpenedBox = z.object({
  siteId: Id,
  name: z.string().optional(),
  location: LonLat,
  population: z.number(),
  households: z.number(),
  parcelsPerWeek: z.number(),
  capacityParcelsPerWeek: z.number(),
  utilisation: z.number(),
  filledBy: BoxFilling,
  /** The scenario's transports that do not fill this box, each with why (none when it has none). */
  transportsNotUsed: z.array(TransportNotUsed).optional(),
});
export type OpenedBox = z.infer<typeof OpenedBox>;

/** An existing transport route that carries parcels, with the boxes inserted into its stops. */
export const CarrierRoute = z.object({
  routeId: Id,
  boxSiteIds: z.array(Id),
  days: z.array(Weekday),
  parcelsPerTrip: z.number(),
  detourSPerTrip: z.number(),
  detourMPerTrip: z.number(),
  costPerWeek: z.number(),
  co2KgPerWeek: z.number(),
  /** Stops in driving order, boxes included. */
  stops: z.array(
    z.object({ name: z.string(), location: LonLat, time: z.string(), boxSiteId: Id.optional() }),
  ),
  /** The departures that carry parcels, when the transport has a timetable (stop times are the first one's). */
  departures: z.array(z.object({ departureId: Id, days: z.array(Weekday), leavesAt: z.string() })).optional(),
  geometry: LineString.optional(),
});
export type CarrierRoute = z.infer<typeof CarrierRoute>;

export const VanStop = z.object({
  at: Id,
  name: z.string().optional(),
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
  co2Kg: z.number(),
  geometry: LineString.optional(),
});
export type VanRoute = z.infer<typeof VanRoute>;

export const UnservedDemand = z.object({
  demandId: Id,
  parcelsPerWeek: z.number(),
  reason: z.enum(['no_pickup_in_reach', 'box_capacity', 'no_vehicle_capacity', 'unreachable', 'budget']),
  detail: z.string().optional(),
});
export type UnservedDemand = z.infer<typeof UnservedDemand>;

export const CostPerWeek = z.object({
  boxesInvestment: z.number(),
  boxesYearly: z.number(),
  vans: z.number(),
  carriers: z.number(),
  total: z.number(),
});

export const Co2PerWeek = z.object({
  vans: z.number(),
  carriers: z.number(),
  householdTrips: z.number(),
  total: z.number(),
});

export const Kpis = z.object({
  access: AccessSummary,
  parcelsPerWeek: z.number(),
  parcelsInBoxesPerWeek: z.number(),
  parcelsHomeDeliveredPerWeek: z.number(),
  parcelsUnservedPerWeek: z.number(),
  vehicleKmPerWeek: z.number(),
  carrierDetourKmPerWeek: z.number(),
  householdTripKmPerWeek: z.number(),
  driverHoursPerWeek: z.number(),
  costPerWeek: CostPerWeek,
  costPerParcel: z.number(),
  co2KgPerWeek: Co2PerWeek,
});
export type Kpis = z.infer<typeof Kpis>;

/** What a planner's warning or assumption is about: a report words it in its own language from the code and the params. */
export const PlanMessageCode = z.enum([
  // warnings
  'travel_point',
  'unreachable_today',
  'no_candidate_sites',
  'max_boxes_zero',
  'placement_infeasible',
  'nearest_box_full',
  'detours_together_too_long',
  'route_without_co2',
  'loads_before_parcels',
  'van_route_violation',
  'box_unfilled',
  'route_geometry_failed',
  'fewer_deliveries',
  'coverage_short',
  // assumptions
  'placement_note',
  'any_site_may_get_box',
  'box_capacity',
  'investment_spread',
  'household_trips',
  'same_parcels_each_day',
  'van_service_times',
  'carrier_assignment',
  'cost_per_parcel',
  'home_delivery_covered',
  'transfer_times',
  'departure_room_default',
]);
export type PlanMessageCode = z.infer<typeof PlanMessageCode>;

/** One warning or assumption: its code, its figures and names (ids, not display names), and the English sentence. */
export const PlanMessage = z.object({
  code: PlanMessageCode,
  params: z.record(z.string(), MessageParam),
  text: z.string(),
});
export type PlanMessage = z.infer<typeof PlanMessage>;

/** A main road of the base map, as a [lon, lat] polyline (simplified; drawing only). */
export const BaseRoad = z.object({ coordinates: z.array(LonLat).min(2) });
export type BaseRoad = z.infer<typeof BaseRoad>;

/** The area reachable by road within the access limit from an existing pickup point or a new box. */
export const AccessArea = z.object({
  /** The pickup point's id ('pickup') or the box's site id ('box'). */
  pointId: Id,
  kind: z.enum(['pickup', 'box']),
  /** The access limit the area is drawn for: metres by road, or seconds of driving (the scenario gives one). */
  limitM: z.number().optional(),
  limitS: z.number().optional(),
  /** Closed [lon, lat] outline: a concave hull of the road positions reached, simplified by up to 25 m. */
  outline: z.array(LonLat).min(4),
});
export type AccessArea = z.infer<typeof AccessArea>;

/** A solved scenario: what the planner answers. Positions are repeated so that a plan draws on its own. */
export const Plan = z.object({
  kind: z.literal('plan'),
  scenarioName: z.string(),
  createdAt: z.iso.datetime(),
  currency: z.string(),
  travel: z.object({
    backend: TravelBackend,
    note: z.string().optional(),
    attribution: z.string().optional(),
  }),
  placement: z.object({
    model: z.string(),
    status: z.enum(['optimal', 'feasible', 'time_limit', 'infeasible']),
    objective: z.number(),
    bound: z.number().nullable(),
    gapPct: z.number().nullable(),
  }),
  access: z.array(DemandAccess),
  boxes: z.array(OpenedBox),
  carrierRoutes: z.array(CarrierRoute),
  vanRoutes: z.array(VanRoute),
  kpis: z.object({ before: Kpis, after: Kpis }),
  unserved: z.array(UnservedDemand),
  /** The Dalarna study's access measures for today's points and for today's points with the new boxes (Paketbygd plans always give it). */
  accessAnalysis: z.object({ before: AccessAnalysis, after: AccessAnalysis }).optional(),
  /** The English sentences of `messages.assumptions`, for readers that know no codes. */
  assumptions: z.array(z.string()),
  /** The English sentences of `messages.warnings`, in the same order. */
  warnings: z.array(z.string()),
  /** The warnings and assumptions with their codes and figures (plans before this field have only the sentences). */
  messages: z.object({ warnings: z.array(PlanMessage), assumptions: z.array(PlanMessage) }).optional(),
  timingsS: z.record(z.string(), z.number()).optional(),
  /** Main roads in the area's bounding box (speed ≥ 50 km/h), when the plan used a road graph. */
  baseRoads: z.array(BaseRoad).optional(),
  /** Road isochrones of the access limit around today's points and the boxes, when the plan used a road graph. */
  accessAreas: z.array(AccessArea).optional(),
});
export type Plan = z.infer<typeof Plan>;
