import { CALENDAR_DAY_COLUMNS, gtfsDate, type ServiceCalendar } from './calendar';
import { GtfsError, SkipTally, type SkippedRows } from './problems';
import type { FeedSource } from './source';
import { readTable, type Columns } from './table';
import { gtfsTimeS } from './time';

export interface GtfsStop {
  id: string;
  name: string;
  lon: number;
  lat: number;
}

export interface GtfsRoute {
  id: string;
  shortName: string;
  longName: string;
  type: number;
  agencyId: string;
}

export interface GtfsTrip {
  id: string;
  route: number;
  serviceId: string;
  headsign: string;
}

/** stop_times.txt in columns of numbers (stops and trips by index), so that millions of rows stay small. */
export interface StopTimes {
  count: number;
  trip: Int32Array;
  stop: Int32Array;
  sequence: Int32Array;
  /** Seconds from the service day's start; -1 when the feed leaves the time to be interpolated. */
  arrivalS: Int32Array;
  departureS: Int32Array;
}

export interface GtfsFeed {
  name: string;
  version?: string;
  agencies: Map<string, string>;
  stops: GtfsStop[];
  routes: GtfsRoute[];
  trips: GtfsTrip[];
  calendar: ServiceCalendar;
  stopTimes: StopTimes;
  /** Rows read per file (after the header). */
  rowsRead: Record<string, number>;
  /** stop_times rows of trips the caller did not ask for (not errors). */
  stopTimesFiltered: number;
  skipped: SkippedRows[];
}

export interface ReadFeedOptions {
  /** Keep the stop_times of this trip? Others are counted but not held (for a week's timetable of one area). */
  keepTrip?: (trip: GtfsTrip, feed: Pick<GtfsFeed, 'calendar' | 'routes'>) => boolean;
}

const SPACE = 32;

const field = (fields: string[], columns: Columns, name: string): string => {
  const i = columns[name]!;
  if (i < 0) return '';
  const value = fields[i] ?? '';
  // trim() only where there is something to trim: most values have no spaces, and this runs per field.
  return value.charCodeAt(0) <= SPACE || value.charCodeAt(value.length - 1) <= SPACE ? value.trim() : value;
};

function growStopTimes(st: StopTimes): void {
  const size = st.trip.length * 2;
  for (const key of ['trip', 'stop', 'sequence', 'arrivalS', 'departureS'] as const) {
    const bigger = new Int32Array(size);
    bigger.set(st[key]);
    st[key] = bigger;
  }
}

async function readStops(
  source: FeedSource,
  tally: SkipTally,
  feed: GtfsFeed,
  stopIndex: Map<string, number>,
) {
  const file = 'stops.txt';
  feed.rowsRead[file] = await readTable(
    source,
    { file, required: ['stop_id'], optional: ['stop_name', 'stop_lat', 'stop_lon'] },
    tally,
    (f, c, line) => {
      const id = field(f, c, 'stop_id');
      const lat = Number(field(f, c, 'stop_lat'));
      const lon = Number(field(f, c, 'stop_lon'));
      if (!id) return tally.skip(file, line, 'empty stop_id');
      if (stopIndex.has(id)) return tally.skip(file, line, 'stop_id already given on an earlier line');
      if (!field(f, c, 'stop_lat') || !(Math.abs(lat) <= 90) || !(Math.abs(lon) <= 180)) {
        return tally.skip(
          file,
          line,
          'no valid stop_lat/stop_lon (a generic node or entrance cannot hold a parcel)',
        );
      }
      stopIndex.set(id, feed.stops.length);
      feed.stops.push({ id, name: field(f, c, 'stop_name') || id, lon, lat });
    },
  );
}

async function readRoutesAndTrips(
  source: FeedSource,
  tally: SkipTally,
  feed: GtfsFeed,
  tripIndex: Map<string, number>,
  skippedTrips: Set<string>,
) {
  const routeIndex = new Map<string, number>();
  feed.rowsRead['routes.txt'] = await readTable(
    source,
    {
      file: 'routes.txt',
      required: ['route_id', 'route_type'],
      optional: ['route_short_name', 'route_long_name', 'agency_id'],
    },
    tally,
    (f, c, line) => {
      const id = field(f, c, 'route_id');
      const type = Number(field(f, c, 'route_type'));
      if (!id) return tally.skip('routes.txt', line, 'empty route_id');
      if (!Number.isInteger(type) || field(f, c, 'route_type') === '') {
        return tally.skip('routes.txt', line, 'route_type is not a whole number');
      }
      routeIndex.set(id, feed.routes.length);
      feed.routes.push({
        id,
        type,
        shortName: field(f, c, 'route_short_name'),
        longName: field(f, c, 'route_long_name'),
        agencyId: field(f, c, 'agency_id'),
      });
    },
  );
  feed.rowsRead['trips.txt'] = await readTable(
    source,
    { file: 'trips.txt', required: ['route_id', 'service_id', 'trip_id'], optional: ['trip_headsign'] },
    tally,
    (f, c, line) => {
      const id = field(f, c, 'trip_id');
      const route = routeIndex.get(field(f, c, 'route_id'));
      if (!id) return tally.skip('trips.txt', line, 'empty trip_id');
      if (tripIndex.has(id)) return tally.skip('trips.txt', line, 'trip_id already given on an earlier line');
      if (route === undefined) {
        skippedTrips.add(id);
        return tally.skip('trips.txt', line, 'route_id not in routes.txt');
      }
      tripIndex.set(id, feed.trips.length);
      feed.trips.push({
        id,
        route,
        serviceId: field(f, c, 'service_id'),
        headsign: field(f, c, 'trip_headsign'),
      });
    },
  );
}

async function readCalendar(source: FeedSource, tally: SkipTally, feed: GtfsFeed) {
  if (!source.has('calendar.txt') && !source.has('calendar_dates.txt')) {
    throw new GtfsError(
      'calendar.txt',
      `feed ${source.name} has neither calendar.txt nor calendar_dates.txt: no service days`,
    );
  }
  if (source.has('calendar.txt')) {
    feed.rowsRead['calendar.txt'] = await readTable(
      source,
      { file: 'calendar.txt', required: ['service_id', ...CALENDAR_DAY_COLUMNS, 'start_date', 'end_date'] },
      tally,
      (f, c, line) => {
        const startDate = gtfsDate(field(f, c, 'start_date'));
        const endDate = gtfsDate(field(f, c, 'end_date'));
        const flags = CALENDAR_DAY_COLUMNS.map((d) => field(f, c, d));
        if (!startDate || !endDate)
          return tally.skip('calendar.txt', line, 'start_date or end_date is not a YYYYMMDD date');
        if (flags.some((x) => x !== '0' && x !== '1'))
          return tally.skip('calendar.txt', line, 'a weekday column is neither 0 nor 1');
        feed.calendar.weekly.set(field(f, c, 'service_id'), {
          days: flags.map((x) => x === '1'),
          startDate,
          endDate,
        });
      },
    );
  }
  if (source.has('calendar_dates.txt')) {
    feed.rowsRead['calendar_dates.txt'] = await readTable(
      source,
      { file: 'calendar_dates.txt', required: ['service_id', 'date', 'exception_type'] },
      tally,
      (f, c, line) => {
        const date = gtfsDate(field(f, c, 'date'));
        const type = field(f, c, 'exception_type');
        if (!date) return tally.skip('calendar_dates.txt', line, 'date is not a YYYYMMDD date');
        if (type !== '1' && type !== '2')
          return tally.skip('calendar_dates.txt', line, 'exception_type is neither 1 nor 2');
        const serviceId = field(f, c, 'service_id');
        let dates = feed.calendar.exceptions.get(serviceId);
        if (!dates) feed.calendar.exceptions.set(serviceId, (dates = new Map()));
        dates.set(date, type === '1');
      },
    );
  }
}

async function readOptionalInfo(source: FeedSource, tally: SkipTally, feed: GtfsFeed) {
  if (source.has('agency.txt')) {
    feed.rowsRead['agency.txt'] = await readTable(
      source,
      { file: 'agency.txt', required: ['agency_name'], optional: ['agency_id'] },
      tally,
      (f, c) => void feed.agencies.set(field(f, c, 'agency_id'), field(f, c, 'agency_name')),
    );
  }
  if (source.has('feed_info.txt')) {
    feed.rowsRead['feed_info.txt'] = await readTable(
      source,
      { file: 'feed_info.txt', required: [], optional: ['feed_version'] },
      tally,
      (f, c) => {
        feed.version = field(f, c, 'feed_version') || undefined;
      },
    );
  }
}

/**
 * Reads a GTFS feed, streaming every file (stop_times.txt is never held as text or as row objects).
 * Rows that cannot be used are skipped and counted with their reason and lines, never silently.
 */
export async function readGtfsFeed(source: FeedSource, options: ReadFeedOptions = {}): Promise<GtfsFeed> {
  const tally = new SkipTally();
  const initial = 1 << 16;
  const feed: GtfsFeed = {
    name: source.name,
    agencies: new Map(),
    stops: [],
    routes: [],
    trips: [],
    calendar: { weekly: new Map(), exceptions: new Map() },
    stopTimes: {
      count: 0,
      trip: new Int32Array(initial),
      stop: new Int32Array(initial),
      sequence: new Int32Array(initial),
      arrivalS: new Int32Array(initial),
      departureS: new Int32Array(initial),
    },
    rowsRead: {},
    stopTimesFiltered: 0,
    skipped: [],
  };
  const stopIndex = new Map<string, number>();
  const tripIndex = new Map<string, number>();
  const skippedTrips = new Set<string>();
  await readOptionalInfo(source, tally, feed);
  await readStops(source, tally, feed, stopIndex);
  await readRoutesAndTrips(source, tally, feed, tripIndex, skippedTrips);
  await readCalendar(source, tally, feed);
  const keep = feed.trips.map((trip) => options.keepTrip?.(trip, feed) ?? true);
  const st = feed.stopTimes;
  const file = 'stop_times.txt';
  feed.rowsRead[file] = await readTable(
    source,
    { file, required: ['trip_id', 'stop_id', 'stop_sequence'], optional: ['arrival_time', 'departure_time'] },
    tally,
    (f, c, line) => {
      const tripId = field(f, c, 'trip_id');
      const trip = tripIndex.get(tripId);
      if (trip === undefined) {
        return tally.skip(
          file,
          line,
          skippedTrips.has(tripId) ? 'its trip was skipped in trips.txt' : 'trip_id not in trips.txt',
        );
      }
      const stop = stopIndex.get(field(f, c, 'stop_id'));
      if (stop === undefined) return tally.skip(file, line, 'stop_id not in stops.txt (or skipped there)');
      const sequence = Number(field(f, c, 'stop_sequence'));
      if (!Number.isInteger(sequence) || sequence < 0)
        return tally.skip(file, line, 'stop_sequence is not a whole number ≥ 0');
      const arrivalText = field(f, c, 'arrival_time');
      const departureText = field(f, c, 'departure_time');
      const arrival = arrivalText ? gtfsTimeS(arrivalText) : -1;
      const departure = departureText ? gtfsTimeS(departureText) : -1;
      if (arrival === undefined || departure === undefined) {
        return tally.skip(file, line, 'arrival_time or departure_time is not H:MM:SS');
      }
      if (!keep[trip]) {
        feed.stopTimesFiltered++;
        return;
      }
      if (st.count === st.trip.length) growStopTimes(st);
      const i = st.count++;
      st.trip[i] = trip;
      st.stop[i] = stop;
      st.sequence[i] = sequence;
      st.arrivalS[i] = arrival >= 0 ? arrival : departure;
      st.departureS[i] = departure >= 0 ? departure : arrival;
    },
  );
  feed.skipped = tally.list();
  return feed;
}
