import { z } from 'zod';
import {
  AreaGeometry,
  ClockTime,
  Currency,
  Id,
  LonLat,
  MessageParam,
  Money,
  NonNegative,
  NonNegativeInt,
  OpeningHours,
  Positive,
  PositiveInt,
  Share,
  Source,
  Weekday,
} from './primitives';

/** A place where people live: a locality, a postcode area or a grid cell. */
export const DemandPoint = z
  .object({
    id: Id,
    name: z.string().optional(),
    location: LonLat,
    population: NonNegative.optional(),
    /** People aged 65 or more, where the source has them (SCB's grid does): access is also reported for them. */
    population65Plus: NonNegative.optional(),
    households: NonNegative.optional(),
    parcelsPerWeek: NonNegative,
    note: z.string().optional(),
  })
  .strict()
  .refine((d) => d.population !== undefined || d.households !== undefined, {
    message: 'give population or households (or both): coverage is counted in people',
    path: ['population'],
  });
export type DemandPoint = z.infer<typeof DemandPoint>;

export const PickupPointKind = z.enum(['parcel_agent', 'parcel_locker', 'post_office', 'other']);

/** A pickup point that exists today, such as a parcel agent in a shop. It stays open and costs nothing. */
export const PickupPoint = z
  .object({
    id: Id,
    name: z.string().optional(),
    kind: PickupPointKind.default('parcel_agent'),
    location: LonLat,
    openingHours: OpeningHours.optional(),
    capacityParcelsPerDay: NonNegative.optional(),
    operator: z.string().optional(),
    /** Every carrier served at this physical place (one shop listed once per carrier is one point). */
    carriers: z.array(z.string().min(1)).optional(),
    locationApproximate: z.boolean().optional(),
    note: z.string().optional(),
  })
  .strict();
export type PickupPoint = z.infer<typeof PickupPoint>;

export const SiteHost = z.enum([
  'library',
  'school',
  'community_hall',
  'bus_stop',
  'shop',
  'fuel_station',
  'sports_ground',
  'church',
  'municipal_office',
  'other',
]);

/** A place where a parcel box could stand. Costs are in the scenario's currency. */
export const CandidateSite = z
  .object({
    id: Id,
    name: z.string().optional(),
    location: LonLat,
    host: SiteHost,
    compartments: PositiveInt,
    investmentCost: Money,
    yearlyCost: Money,
    access247: z.boolean().default(true),
    locationApproximate: z.boolean().optional(),
    note: z.string().optional(),
  })
  .strict();
export type CandidateSite = z.infer<typeof CandidateSite>;

/** Where parcels arrive from the carriers' network, and when. */
export const Hub = z
  .object({
    id: Id,
    name: z.string().optional(),
    location: LonLat,
    parcelsArriveAt: ClockTime,
    days: z.array(Weekday).min(1).optional(),
    note: z.string().optional(),
  })
  .strict();
export type Hub = z.infer<typeof Hub>;

export const VehicleType = z
  .object({
    id: Id,
    name: z.string().optional(),
    count: PositiveInt,
    capacityParcels: PositiveInt,
    costPerKm: Money,
    costPerHour: Money,
    fixedCostPerDay: Money.default(0),
    co2GPerKm: NonNegative,
    shift: z.object({ start: ClockTime, end: ClockTime }).strict(),
    startHubId: Id,
    endHubId: Id.optional(),
    maxRouteDurationS: Positive.optional(),
    note: z.string().optional(),
  })
  .strict();
export type VehicleType = z.infer<typeof VehicleType>;

export const TransportKind = z.enum([
  'bus_line',
  'home_care',
  'library_bus',
  'school_transport',
  'grocery_delivery',
  /** Demand-responsive public transport ("anropsstyrd trafik", GTFS route_type 715 or 1501): may detour. */
  'on_demand',
  'other',
]);

/** A stop is either at a known place of the scenario (`at`: a hub, site or pickup point id) or at a location. */
export const RouteStop = z
  .object({
    name: z.string().optional(),
    at: Id.optional(),
    location: LonLat.optional(),
    time: ClockTime,
    /** The stop's stop_id in the GTFS feed the route was read from. */
    gtfsStopId: z.string().min(1).optional(),
  })
  .strict()
  .refine((s) => s.at !== undefined || s.location !== undefined, {
    message: 'a stop needs "at" (the id of a hub, site or pickup point) or "location" ([lon, lat])',
  });
export type RouteStop = z.infer<typeof RouteStop>;

/** A time in a timetable, HH:MM; GTFS times past 24:00 (25:10 is 01:10 the next morning) are kept as they are. */
export const ServiceTime = z
  .string()
  .regex(/^\d{2,3}:[0-5]\d$/, 'a timetable time is written HH:MM and may pass 24:00 (for example 25:10)');
export type ServiceTime = z.infer<typeof ServiceTime>;

export function serviceTimeToS(time: ServiceTime): number {
  const [h, m] = time.split(':').map(Number) as [number, number];
  return h * 3600 + m * 60;
}

/** One run of a route: the same stops, its own times (one per stop) and the days it runs. */
export const Departure = z
  .object({
    id: Id,
    days: z.array(Weekday).min(1, 'a departure runs on at least one day'),
    times: z.array(ServiceTime).min(2),
    /** The service dates it runs on in the week the timetable was read for (YYYY-MM-DD). */
    dates: z.array(z.iso.date()).optional(),
    /** The GTFS trips with these times (trips on different service calendars share one departure). */
    gtfsTripIds: z.array(z.string().min(1)).optional(),
    /**
     * Parcels this departure can take on each day it runs (a school-day trip is fuller than a
     * holiday one). Without it, the transport's `spareCapacityParcels`, itself an assumption when
     * `assumedFields` lists it.
     */
    spareCapacityParcels: NonNegativeInt.optional(),
  })
  .strict();
export type Departure = z.infer<typeof Departure>;

/** Where a route read from a GTFS feed came from. */
export const GtfsOrigin = z
  .object({
    feed: z.string().min(1),
    routeId: z.string().min(1),
    routeShortName: z.string().optional(),
    routeType: z.number().int(),
    agency: z.string().optional(),
    /** The dates the departures were resolved for (one date or an ISO week's seven). */
    serviceDates: z.array(z.iso.date()).min(1),
  })
  .strict();
export type GtfsOrigin = z.infer<typeof GtfsOrigin>;

/** A transport that already drives through the area and may carry parcels with its spare room. */
export const TransportRoute = z
  .object({
    id: Id,
    name: z.string().optional(),
    kind: TransportKind,
    operator: z.string().optional(),
    stops: z.array(RouteStop).min(2, 'a route has at least two stops'),
    days: z.array(Weekday).min(1, 'a route runs on at least one day'),
    loadingHubId: Id.optional(),
    spareCapacityParcels: NonNegativeInt,
    maxDetourMin: NonNegative,
    pricePerParcel: Money.default(0),
    pricePerStop: Money.default(0),
    co2GPerKm: NonNegative.optional(),
    /**
     * The timetable: each departure with its own times at `stops`. Without it the route runs once on
     * each of `days` at the stops' times. With it, the planner chooses which departure carries parcels.
     */
    departures: z.array(Departure).min(1).optional(),
    /**
     * Minutes parcels need at a transfer stop between the transport that brings them and this one
     * leaving (a route that passes no hub is loaded where another used line meets it). Without it,
     * the planner's default, an assumption (DEFAULT_MIN_TRANSFER_MIN, 10 min).
     */
    minTransferMin: NonNegative.optional(),
    gtfs: GtfsOrigin.optional(),
    /** Defaults that are assumptions, not facts of the transport (for example spare room read from no source). */
    assumedFields: z.array(z.enum(['spareCapacityParcels', 'maxDetourMin', 'pricePerParcel'])).optional(),
    note: z.string().optional(),
  })
  .strict()
  .superRefine((route, ctx) => {
    route.departures?.forEach((departure, i) => {
      if (departure.times.length !== route.stops.length) {
        ctx.addIssue({
          code: 'custom',
          path: ['departures', i, 'times'],
          message: `a departure has one time per stop: ${route.stops.length} stops, ${departure.times.length} times`,
        });
      }
      departure.times.forEach((time, j) => {
        if (j > 0 && serviceTimeToS(time) < serviceTimeToS(departure.times[j - 1]!)) {
          ctx.addIssue({
            code: 'custom',
            path: ['departures', i, 'times', j],
            message: `times must not go back (${time} comes after ${departure.times[j - 1]})`,
          });
        }
      });
      const extra = departure.days.filter((d) => !route.days.includes(d));
      if (extra.length > 0) {
        ctx.addIssue({
          code: 'custom',
          path: ['departures', i, 'days'],
          message: `the route's days do not include ${extra.join(', ')}`,
        });
      }
    });
  });
export type TransportRoute = z.infer<typeof TransportRoute>;

/** Policy fields without the cross-field rule, so that a variant can override some of them. */
export const PolicyFields = z
  .object({
    maxAccessDistanceM: Positive.optional(),
    maxAccessDurationMin: Positive.optional(),
    targetCoveredShare: Share.optional(),
    maxBoxes: NonNegativeInt.optional(),
    budgetPerYear: Money.optional(),
    deliveriesPerWeek: z.number().int().min(1).max(7),
    homeDeliveryOutsideCoverage: z.boolean().default(false),
    useExistingTransports: z.boolean().default(true),
    boxLifetimeYears: Positive.default(10),
    /** Mean days a parcel waits in a compartment before it is fetched: with compartments, the box's throughput. */
    dwellTimeDays: Positive.default(1.5),
  })
  .strict();

export const Policy = PolicyFields.refine(
  (p) => (p.maxAccessDistanceM === undefined) !== (p.maxAccessDurationMin === undefined),
  {
    message: 'give exactly one access limit: maxAccessDistanceM (metres) or maxAccessDurationMin (minutes)',
    path: ['maxAccessDistanceM'],
  },
);
export type Policy = z.infer<typeof Policy>;

export const TravelBackend = z.enum(['osrm', 'roadgraph', 'straightline']);
export type TravelBackend = z.infer<typeof TravelBackend>;

export const TravelSettings = z
  .object({
    backend: TravelBackend.default('straightline'),
    osrmUrl: z.url({ error: 'osrmUrl is a URL such as http://localhost:5000' }).optional(),
    osmFile: z.string().min(1).optional(),
    detourFactor: z
      .number()
      .min(1, 'a detour factor is at least 1 (roads are never shorter than a straight line)')
      .optional(),
    maxSnapDistanceM: Positive.optional(),
  })
  .strict()
  .superRefine((t, ctx) => {
    if (t.backend === 'osrm' && !t.osrmUrl) {
      ctx.addIssue({ code: 'custom', path: ['osrmUrl'], message: 'backend "osrm" needs osrmUrl' });
    }
    if (t.backend === 'roadgraph' && !t.osmFile) {
      ctx.addIssue({
        code: 'custom',
        path: ['osmFile'],
        message: 'backend "roadgraph" needs osmFile (.osm.pbf)',
      });
    }
  });
export type TravelSettings = z.infer<typeof TravelSettings>;

/** Stated assumptions for the footprint of households fetching parcels. */
export const Assumptions = z
  .object({
    pickupTripsByCarShare: Share.default(0.8),
    parcelsPerPickupTrip: Positive.default(1.5),
    carCo2GPerKm: NonNegative.default(120),
    peoplePerHousehold: Positive.default(2.1),
  })
  .strict();
export type Assumptions = z.infer<typeof Assumptions>;

/** The kinds of assumption that `paketbygd init` and a GTFS read state. */
export const StatedAssumptionCode = z.enum([
  'parcels_per_inhabitant',
  'points_left_out',
  'settlements',
  'settlements_refused',
  'spread_rule',
  'hub',
  'vehicles',
  'box_costs',
  'policy',
  'travel_straight_line',
  'no_transports',
  'gtfs_bus_room',
  'gtfs_on_demand_room',
  'gtfs_bus_keeps_line',
  'gtfs_bus_loading',
  'gtfs_on_demand_booked',
]);
export type StatedAssumptionCode = z.infer<typeof StatedAssumptionCode>;

/**
 * A value the scenario takes without a public source (a default, an estimate, a spreading rule),
 * stated in words so that a reader sees what is measured and what is assumed. Where the
 * assumption's error was measured, `measuredError` says how big it is and how it was measured.
 */
export const StatedAssumption = z
  .object({
    subject: z.string().min(1),
    statement: z.string().min(1),
    measuredError: z.string().min(1).optional(),
    /** What kind of assumption `init` or a GTFS read stated, so that a report words it in its language. */
    code: StatedAssumptionCode.optional(),
    /** Its figures and names (as a plan message's); `subject`, `statement` and `measuredError` are English. */
    params: z.record(z.string(), MessageParam).optional(),
  })
  .strict();
export type StatedAssumption = z.infer<typeof StatedAssumption>;

export const Scenario = z
  .object({
    kind: z.literal('scenario'),
    name: z.string().min(1),
    description: z.string().optional(),
    area: AreaGeometry,
    currency: Currency,
    period: z
      .object({ unit: z.literal('week'), startDate: z.iso.date().optional() })
      .strict()
      .default({ unit: 'week' }),
    demand: z.array(DemandPoint).min(1, 'a scenario needs at least one demand point'),
    pickupPoints: z.array(PickupPoint).default([]),
    candidateSites: z.array(CandidateSite).default([]),
    hubs: z.array(Hub).default([]),
    vehicles: z.array(VehicleType).default([]),
    transportRoutes: z.array(TransportRoute).default([]),
    policy: Policy,
    travel: TravelSettings.default({ backend: 'straightline' }),
    assumptions: Assumptions.default({
      pickupTripsByCarShare: 0.8,
      parcelsPerPickupTrip: 1.5,
      carCo2GPerKm: 120,
      peoplePerHousehold: 2.1,
    }),
    sources: z.array(Source).default([]),
    /** What is assumed rather than read from a source (the numeric household-trip figures are in `assumptions`). */
    statedAssumptions: z.array(StatedAssumption).default([]),
  })
  .strict();
export type Scenario = z.infer<typeof Scenario>;
export type ScenarioInput = z.input<typeof Scenario>;
