/**
 * What a timetable does not say: how many parcels fit and what carrying one costs. These are
 * assumptions, flagged on every transport they are used for (`assumedFields`), to be replaced with
 * the operator's figures.
 */
export interface TransportDefaults {
  /** Parcels a bus trip can take in its luggage room beside the passengers' bags. Assumption. */
  busSpareParcels: number;
  /** Price per parcel paid to the bus operator (currency of the scenario). Assumption: no published tariff. */
  busPricePerParcel: number;
  /** Parcels a booked on-demand (taxi) trip can take. Assumption. */
  onDemandSpareParcels: number;
  onDemandPricePerParcel: number;
  /** Minutes an on-demand trip may leave its stops to reach a box. Assumption. */
  onDemandMaxDetourMin: number;
}

export const DEFAULT_TRANSPORT_DEFAULTS: TransportDefaults = {
  busSpareParcels: 10,
  busPricePerParcel: 25,
  onDemandSpareParcels: 4,
  onDemandPricePerParcel: 40,
  onDemandMaxDetourMin: 10,
};

/** GTFS route types of demand-responsive transport: 715 (extended "demand and response bus"), 1501 (communal taxi). */
export const ON_DEMAND_ROUTE_TYPES: ReadonlySet<number> = new Set([715, 1501]);

/** A stop this close to a candidate site is taken to be at it. Same as the planner's same-stop distance. */
export const STOP_MATCH_M = 300;

/**
 * A stop this close to a hub is where the hub's parcels are put on the bus: a parcel hub is seldom at
 * the bus station itself, but in the same town. Assumption (the hub's staff carry the parcels over).
 */
export const HUB_STOP_M = 1500;

/** Lines that stop this close outside the kommun's boundary count too (their stops serve border villages). */
export const DEFAULT_MARGIN_M = 2000;
