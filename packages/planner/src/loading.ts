import {
  clockTimeToS,
  haversineM,
  serviceTimeToS,
  WEEKDAYS,
  type Scenario,
  type TransportRoute,
  type Weekday,
} from '@paketbygd/model';
import type { PlaceIndex } from './places';

/**
 * Minutes parcels need at a transfer stop between the line that brings them and the line that takes
 * them on (unloading, a wait for a late bus). An assumption: a route may give its own `minTransferMin`.
 */
export const DEFAULT_MIN_TRANSFER_MIN = 10;
/** Stops of two lines this close are one transfer point (the drivers hand the parcels across). */
export const TRANSFER_STOP_M = 300;

/** The departure of another line that brings the parcels to a transfer stop. */
export interface Feeder {
  route: number;
  departure: number;
  /** The feeder's stop index at the transfer point. */
  stop: number;
  arrivesS: number;
  routeId: string;
  departureId: string;
  stopName: string;
  minTransferMin: number;
}

/** Where and from when a route can take parcels on board, on which days. */
export interface Loading {
  /** The route's stop index where the parcels go on board. */
  stop: number;
  /** The parcels are at that stop from this time of the service day. */
  readyS: number;
  days: readonly Weekday[];
  feeder?: Feeder;
}

/** Where the route takes parcels on board from its hub: its stop at the loading hub, else its first stop. */
export function loadingStop(route: TransportRoute): number {
  const k = route.loadingHubId === undefined ? -1 : route.stops.findIndex((s) => s.at === route.loadingHubId);
  return Math.max(0, k);
}

/** A route read from a timetable that passes no hub: it can only be loaded at a transfer stop. */
export function needsTransfer(route: TransportRoute): boolean {
  return route.departures !== undefined && route.gtfs !== undefined && route.loadingHubId === undefined;
}

/**
 * Where route r takes parcels on board: at its hub once the parcels arrive; or, when it passes no
 * hub, at each stop where a departure of a line loaded at a hub arrives (one transfer, no chains),
 * the transfer time after that departure gets there, on the days it runs.
 */
export function loadingsOf(scenario: Scenario, places: PlaceIndex, r: number): Loading[] {
  // Asked once per box and route; the transfers of a route compare every other line's stops with its own.
  let cached = computed.get(places);
  if (cached?.scenario !== scenario) computed.set(places, (cached = { scenario, byRoute: new Map() }));
  let loadings = cached.byRoute.get(r);
  if (!loadings) cached.byRoute.set(r, (loadings = findLoadings(scenario, places, r)));
  return loadings;
}

/** Loadings by route, per place index and the scenario it was made from (one of each per plan). */
const computed = new WeakMap<PlaceIndex, { scenario: Scenario; byRoute: Map<number, Loading[]> }>();

function findLoadings(scenario: Scenario, places: PlaceIndex, r: number): Loading[] {
  const route = scenario.transportRoutes[r]!;
  if (!needsTransfer(route)) {
    const hub = scenario.hubs.find((h) => h.id === route.loadingHubId);
    return [
      {
        stop: loadingStop(route),
        readyS: hub ? clockTimeToS(hub.parcelsArriveAt) : 0,
        days: hub?.days ?? WEEKDAYS,
      },
    ];
  }
  const minTransferMin = route.minTransferMin ?? DEFAULT_MIN_TRANSFER_MIN;
  const loadings: Loading[] = [];
  scenario.transportRoutes.forEach((feeder, f) => {
    const hub = scenario.hubs.find((h) => h.id === feeder.loadingHubId);
    if (f === r || !feeder.departures || !hub) return;
    const from = loadingStop(feeder);
    const parcelsArriveS = clockTimeToS(hub.parcelsArriveAt);
    for (let j = from + 1; j < feeder.stops.length; j++) {
      const at = places.points[places.routeStops[f]![j]!]!;
      // The last stop of the route is no loading point: nothing comes after it.
      for (let k = 0; k + 1 < route.stops.length; k++) {
        if (haversineM(at, places.points[places.routeStops[r]![k]!]!) > TRANSFER_STOP_M) continue;
        feeder.departures.forEach((departure, i) => {
          if (serviceTimeToS(departure.times[from]!) < parcelsArriveS) return;
          const days = departure.days.filter((d) => !hub.days || hub.days.includes(d));
          if (days.length === 0) return;
          const arrivesS = serviceTimeToS(departure.times[j]!);
          loadings.push({
            stop: k,
            readyS: arrivesS + minTransferMin * 60,
            days,
            feeder: {
              route: f,
              departure: i,
              stop: j,
              arrivesS,
              routeId: feeder.id,
              departureId: departure.id,
              stopName: route.stops[k]!.name ?? route.stops[k]!.at ?? `stop ${k + 1}`,
              minTransferMin,
            },
          });
        });
      }
    }
  });
  return loadings;
}
