/**
 * The types shared by the carrier step and the timetable, in a module of their own so that
 * neither imports the other's (a type-only loop is a loop too: .dependency-cruiser.cjs).
 */
import type { TransportNotUsed, Weekday } from '@paketbygd/model';
import type { Feeder } from './loading';

export interface DayDeparture {
  day: Weekday;
  departure: number;
  /** Leaves its loading stop (the hub's, or the transfer stop) at. */
  leavesS: number;
  arrivesS: number;
  /** The route's stop index where the parcels go on board. */
  loadingStop: number;
  feeder?: Feeder;
}

export interface BoxDemand {
  siteId: string;
  name?: string;
  point: number;
  parcelsPerWeek: number;
}

export interface RoutePosition {
  /** The box is inserted after this stop (k) and before the next; `atStop` when it stands at stop k. */
  afterStop: number;
  atStop: boolean;
  detourS: number;
  detourM: number;
}

export interface CarrierOption extends RoutePosition {
  route: number;
  deliveriesPerWeek: number;
  parcelsPerTrip: number;
  costPerWeek: number;
  /** Days the transport fills the box. */
  days: Weekday[];
  /** Days a van fills it instead (partial filling: the transport does not run then, or has no room). */
  vanDays: Weekday[];
  vanDayReasons?: { day: Weekday; reason: 'no_usable_departure' | 'too_little_room' }[];
  /** With a timetable: the departure used on each of `days`. */
  departures?: DayDeparture[];
}

export interface CarrierRejection {
  route: number;
  code: Exclude<TransportNotUsed['reason'], 'costlier'>;
  reason: string;
}
