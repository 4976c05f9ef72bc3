import {
  haversineM,
  WEEKDAYS,
  type Departure,
  type LonLat,
  type Lang,
  type RouteStop,
  type Scenario,
  type StatedAssumption,
  type TransportRoute,
} from '@paketbygd/model';
import { stated } from '../stated-assumptions';
import { initNames } from '../init/names';
import { areaFilter } from './area-filter';
import { runsOn, weekdayOf } from './calendar';
import {
  DEFAULT_MARGIN_M,
  DEFAULT_TRANSPORT_DEFAULTS,
  ON_DEMAND_ROUTE_TYPES,
  HUB_STOP_M,
  STOP_MATCH_M,
  type TransportDefaults,
} from './defaults';
import type { GtfsFeed } from './feed';
import { serviceTime } from './time';
import { filledTimes, rowsByTrip } from './trip-order';

export interface TransportsOptions {
  /** The dates whose departures are wanted: one date or the seven of an ISO week. */
  dates: readonly string[];
  marginM?: number;
  defaults?: Partial<TransportDefaults>;
  /** The language of the transports' names (default English); stop and line names are the feed's. */
  lang?: Lang;
}

export interface StopMatch {
  gtfsStopId: string;
  stopName: string;
  /** The hub or candidate site the stop is taken to be at. */
  at: string;
  atKind: 'hub' | 'site';
  distanceM: number;
}

export interface TransportsResult {
  transportRoutes: TransportRoute[];
  stopMatches: StopMatch[];
  /** Trips that run on the dates, and how many of them stop in the area. */
  tripsRunning: number;
  tripsInArea: number;
  linesInArea: number;
  assumptions: StatedAssumption[];
}

interface Pattern {
  route: number;
  stops: number[];
  departures: Map<string, { times: number[]; dates: Set<string>; tripIds: string[] }>;
}

/** The trip's run through the area: its first to last stop inside, stretched to take in a hub it passes. */
function spanInArea(stops: number[], inArea: boolean[], atHub: boolean[]): [number, number] | undefined {
  const inside = stops.flatMap((s, k) => (inArea[s] ? [k] : []));
  if (inside.length === 0) return undefined;
  let from = inside[0]!;
  let to = inside[inside.length - 1]!;
  const hub = stops.findIndex((s) => atHub[s]);
  if (hub >= 0) {
    from = Math.min(from, hub);
    to = Math.max(to, hub);
  }
  return to > from ? [from, to] : undefined;
}

function nearest(
  position: LonLat,
  places: readonly { id: string; location: LonLat }[],
  withinM = STOP_MATCH_M,
) {
  let best: { id: string; distanceM: number } | undefined;
  for (const p of places) {
    const d = haversineM(position, p.location);
    if (d <= withinM && (!best || d < best.distanceM)) best = { id: p.id, distanceM: d };
  }
  return best;
}

function collectPatterns(feed: GtfsFeed, scenario: Scenario, options: TransportsOptions) {
  const inAreaTest = areaFilter(scenario.area, options.marginM ?? DEFAULT_MARGIN_M);
  const inArea = feed.stops.map((s) => inAreaTest([s.lon, s.lat]));
  const atHub = feed.stops.map(
    (s, i) => inArea[i]! && nearest([s.lon, s.lat], scenario.hubs, HUB_STOP_M) !== undefined,
  );
  const serviceDates = new Map<string, string[]>();
  const datesOf = (serviceId: string) => {
    let dates = serviceDates.get(serviceId);
    if (!dates)
      serviceDates.set(serviceId, (dates = options.dates.filter((d) => runsOn(feed.calendar, serviceId, d))));
    return dates;
  };
  const { start, rows } = rowsByTrip(feed.stopTimes, feed.trips.length);
  const st = feed.stopTimes;
  const patterns = new Map<string, Pattern>();
  let tripsRunning = 0;
  let tripsInArea = 0;
  feed.trips.forEach((trip, t) => {
    const dates = datesOf(trip.serviceId);
    if (dates.length === 0 || start[t + 1]! - start[t]! < 2) return;
    tripsRunning++;
    const tripRows = Array.from(rows.subarray(start[t]!, start[t + 1]!));
    const stops = tripRows.map((r) => st.stop[r]!);
    const span = spanInArea(stops, inArea, atHub);
    if (!span) return;
    const times = filledTimes(tripRows.map((r) => st.departureS[r]!));
    if (!times) return;
    tripsInArea++;
    const spanStops = stops.slice(span[0], span[1] + 1);
    const spanTimes = times.slice(span[0], span[1] + 1);
    const key = `${trip.route}|${spanStops.join(',')}`;
    let pattern = patterns.get(key);
    if (!pattern)
      patterns.set(key, (pattern = { route: trip.route, stops: spanStops, departures: new Map() }));
    const timesKey = spanTimes.join(',');
    let departure = pattern.departures.get(timesKey);
    if (!departure)
      pattern.departures.set(timesKey, (departure = { times: spanTimes, dates: new Set(), tripIds: [] }));
    for (const d of dates) departure.dates.add(d);
    departure.tripIds.push(trip.id);
  });
  return { patterns: [...patterns.values()], tripsRunning, tripsInArea };
}

function routeStops(
  feed: GtfsFeed,
  scenario: Scenario,
  stops: number[],
  times: number[],
  matches: Map<string, StopMatch>,
): RouteStop[] {
  return stops.map((s, k) => {
    const stop = feed.stops[s]!;
    const position: LonLat = [stop.lon, stop.lat];
    const hub = nearest(position, scenario.hubs, HUB_STOP_M);
    const site = hub ? undefined : nearest(position, scenario.candidateSites);
    const match = hub ?? site;
    if (match && !matches.has(stop.id)) {
      matches.set(stop.id, {
        gtfsStopId: stop.id,
        stopName: stop.name,
        at: match.id,
        atKind: hub ? 'hub' : 'site',
        distanceM: Math.round(match.distanceM),
      });
    }
    // The route's stop times are its first departure's, within one day (the departures keep times past 24:00).
    const time = serviceTime(Math.min(times[k]!, 24 * 3600 - 60));
    return {
      name: stop.name,
      ...(match ? { at: match.id } : { location: position }),
      time,
      gtfsStopId: stop.id,
    };
  });
}

function toDeparture(id: string, d: { times: number[]; dates: Set<string>; tripIds: string[] }): Departure {
  const dates = [...d.dates].sort();
  const days = WEEKDAYS.filter((w) => dates.some((date) => weekdayOf(date) === w));
  return { id, days, times: d.times.map(serviceTime), dates, gtfsTripIds: d.tripIds };
}

function transportId(shortName: string, routeId: string, n: number, used: Set<string>): string {
  const base = `gtfs-${(shortName || routeId).replace(/[^A-Za-z0-9_.:-]+/g, '_')}`.slice(0, 100);
  let id = n === 0 ? base : `${base}-${n + 1}`;
  while (used.has(id)) id = `${id}_`;
  used.add(id);
  return id;
}

/**
 * A GTFS feed → the scenario's existing transports: each line that stops in the area (or within
 * the margin), one transport per stop pattern with its departures on the given dates. A bus keeps
 * its stops (no detour); an on-demand route may detour. Spare room and price are flagged assumptions.
 */
export function feedToTransports(
  feed: GtfsFeed,
  scenario: Scenario,
  options: TransportsOptions,
): TransportsResult {
  const defaults = { ...DEFAULT_TRANSPORT_DEFAULTS, ...options.defaults };
  const names = initNames(options.lang);
  const { patterns, tripsRunning, tripsInArea } = collectPatterns(feed, scenario, options);
  const matches = new Map<string, StopMatch>();
  const used = new Set(scenario.transportRoutes.filter((r) => !r.gtfs).map((r) => r.id));
  const byRoute = new Map<number, Pattern[]>();
  for (const p of patterns) byRoute.set(p.route, [...(byRoute.get(p.route) ?? []), p]);
  const transportRoutes: TransportRoute[] = [];
  for (const [r, list] of [...byRoute].sort((a, b) => routeOrder(feed, a[0], b[0]))) {
    const route = feed.routes[r]!;
    const onDemand = ON_DEMAND_ROUTE_TYPES.has(route.type);
    list.sort((a, b) => b.departures.size - a.departures.size || a.stops.length - b.stops.length);
    list.forEach((pattern, n) => {
      const id = transportId(route.shortName, route.id, n, used);
      const departures = [...pattern.departures.values()]
        .sort((a, b) => a.times[0]! - b.times[0]!)
        .map((d, i) => toDeparture(`${id}.${i + 1}`, d));
      const first = feed.stops[pattern.stops[0]!]!.name;
      const last = feed.stops[pattern.stops[pattern.stops.length - 1]!]!.name;
      const agency = feed.agencies.get(route.agencyId) ?? [...feed.agencies.values()][0];
      transportRoutes.push({
        id,
        name: names.transport(onDemand, route.shortName || route.longName || route.id, first, last),
        kind: onDemand ? 'on_demand' : 'bus_line',
        ...(agency ? { operator: agency } : {}),
        stops: routeStops(
          feed,
          scenario,
          pattern.stops,
          [...pattern.departures.values()].sort((a, b) => a.times[0]! - b.times[0]!)[0]!.times,
          matches,
        ),
        days: WEEKDAYS.filter((w) => departures.some((d) => d.days.includes(w))),
        ...loadingHub(scenario, pattern, feed),
        spareCapacityParcels: onDemand ? defaults.onDemandSpareParcels : defaults.busSpareParcels,
        maxDetourMin: onDemand ? defaults.onDemandMaxDetourMin : 0,
        pricePerParcel: onDemand ? defaults.onDemandPricePerParcel : defaults.busPricePerParcel,
        pricePerStop: 0,
        departures,
        gtfs: {
          feed: feed.version ? `${feed.name} (${feed.version})` : feed.name,
          routeId: route.id,
          ...(route.shortName ? { routeShortName: route.shortName } : {}),
          routeType: route.type,
          ...(agency ? { agency } : {}),
          serviceDates: [...options.dates],
        },
        assumedFields: onDemand
          ? ['spareCapacityParcels', 'maxDetourMin', 'pricePerParcel']
          : ['spareCapacityParcels', 'pricePerParcel'],
      });
    });
  }
  return {
    transportRoutes,
    stopMatches: [...matches.values()],
    tripsRunning,
    tripsInArea,
    linesInArea: byRoute.size,
    assumptions: describeDefaults(defaults, scenario.currency),
  };
}

function loadingHub(scenario: Scenario, pattern: Pattern, feed: GtfsFeed): { loadingHubId?: string } {
  for (const s of pattern.stops) {
    const hub = nearest([feed.stops[s]!.lon, feed.stops[s]!.lat], scenario.hubs, HUB_STOP_M);
    if (hub) return { loadingHubId: hub.id };
  }
  return {};
}

function routeOrder(feed: GtfsFeed, a: number, b: number): number {
  const x = feed.routes[a]!;
  const y = feed.routes[b]!;
  return x.shortName.localeCompare(y.shortName, 'sv', { numeric: true }) || x.id.localeCompare(y.id);
}

function describeDefaults(d: TransportDefaults, currency: string): StatedAssumption[] {
  return [
    stated.gtfsBusRoom(d.busSpareParcels, d.busPricePerParcel, currency),
    stated.gtfsOnDemandRoom(
      d.onDemandSpareParcels,
      d.onDemandPricePerParcel,
      currency,
      d.onDemandMaxDetourMin,
    ),
    stated.gtfsBusKeepsLine(STOP_MATCH_M),
    stated.gtfsBusLoading(HUB_STOP_M),
    stated.gtfsOnDemandBooked(),
  ];
}
