import type { Scenario, Source } from '@paketbygd/model';
import {
  firstServiceDate,
  firstWholeWeekFrom,
  isoWeekDates,
  isoWeekOf,
  runsOn,
  singleDate,
} from './calendar';
import { readGtfsFeed, type GtfsFeed } from './feed';
import type { FeedLimits } from './limits';
import { GtfsError } from './problems';
import { openFeed, type ZipInMemory } from './source';
import { GTFS_SUBJECT } from '../stated-assumptions';
import { feedToTransports, type TransportsOptions, type TransportsResult } from './transports';

export interface LoadTransportsOptions extends Omit<TransportsOptions, 'dates'> {
  /** YYYY-MM-DD: that day's departures. */
  date?: string;
  /** YYYY-Www: that ISO week's. Without date or week, the feed's first whole week. */
  week?: string;
  limits?: FeedLimits;
}

/**
 * Which dates of the timetable were read, and how they were chosen: the date or the ISO week
 * asked for, or (when neither was) the feed's first whole week of service. Data, not a sentence:
 * the CLI, the API and the web page word it each in their own way and language.
 */
export interface DatesChosen {
  how: 'given-date' | 'given-week' | 'first-whole-week';
  /** The dates read, YYYY-MM-DD: one date, or a week Monday first. */
  dates: string[];
  /** The ISO week (YYYY-Www) the dates fall in. */
  isoWeek: string;
  /** With `first-whole-week`: the first date any service runs, from which the week was found. */
  firstServiceDate?: string;
}

export interface LoadedTransports extends TransportsResult {
  feed: Pick<GtfsFeed, 'name' | 'version' | 'rowsRead' | 'skipped' | 'stopTimesFiltered'>;
  /** The dates read (the same as `datesChosen.dates`). */
  dates: string[];
  datesChosen: DatesChosen;
  /** The scenario with these transports in place of the ones from an earlier GTFS read. */
  scenario: Scenario;
}

/** The choice in plain English, without any command's flags (the scenario's source line, the API's text). */
export function datesChosenText(chosen: DatesChosen): string {
  switch (chosen.how) {
    case 'given-date':
      return `the date ${chosen.dates[0]}`;
    case 'given-week':
      return `the week ${chosen.isoWeek}`;
    case 'first-whole-week':
      return `the feed's first whole week of service, ${chosen.isoWeek}`;
  }
}

function chooseDates(options: LoadTransportsOptions, feed: Pick<GtfsFeed, 'calendar'>): DatesChosen {
  if (options.date !== undefined && options.week !== undefined)
    throw new GtfsError('(options)', 'give a date or a week, not both');
  if (options.date !== undefined) {
    const dates = singleDate(options.date);
    if (!dates) throw new GtfsError('(options)', `date ${options.date} is not a date written YYYY-MM-DD`);
    return { how: 'given-date', dates, isoWeek: isoWeekOf(options.date) };
  }
  if (options.week !== undefined) {
    const dates = isoWeekDates(options.week);
    if (!dates)
      throw new GtfsError(
        '(options)',
        `week ${options.week} is not an ISO week written YYYY-Www (for example 2023-W03)`,
      );
    return { how: 'given-week', dates, isoWeek: options.week };
  }
  const first = firstServiceDate(feed.calendar);
  if (!first) throw new GtfsError('calendar_dates.txt', 'no service runs on any date: nothing to read');
  const week = firstWholeWeekFrom(first);
  return { how: 'first-whole-week', dates: isoWeekDates(week)!, isoWeek: week, firstServiceDate: first };
}

/** A feed folder or .zip + a scenario → the scenario's transports from the timetable, streaming the feed. */
export async function loadTransports(
  path: string | ZipInMemory,
  scenario: Scenario,
  options: LoadTransportsOptions = {},
): Promise<LoadedTransports> {
  const source = await openFeed(path, options.limits);
  let chosen: DatesChosen | undefined;
  const serviceRuns = new Map<string, boolean>();
  try {
    const feed = await readGtfsFeed(source, {
      // Only trips that run on the dates are held: a national feed's other weeks are never kept.
      keepTrip: (trip, f) => {
        chosen ??= chooseDates(options, f);
        let runs = serviceRuns.get(trip.serviceId);
        if (runs === undefined) {
          runs = chosen.dates.some((d) => runsOn(f.calendar, trip.serviceId, d));
          serviceRuns.set(trip.serviceId, runs);
        }
        return runs;
      },
    });
    chosen ??= chooseDates(options, feed);
    const result = feedToTransports(feed, scenario, { ...options, dates: chosen.dates });
    const provenance: Source = {
      title: `GTFS timetable ${feed.name}${feed.version ? ` (version ${feed.version})` : ''}, ${datesChosenText(chosen)}`,
      note: `${result.transportRoutes.length} transports from ${result.linesInArea} lines that stop in the area; spare room and price per parcel are assumptions`,
    };
    return {
      ...result,
      feed: {
        name: feed.name,
        version: feed.version,
        rowsRead: feed.rowsRead,
        skipped: feed.skipped,
        stopTimesFiltered: feed.stopTimesFiltered,
      },
      dates: chosen.dates,
      datesChosen: chosen,
      scenario: {
        ...scenario,
        transportRoutes: [...scenario.transportRoutes.filter((r) => !r.gtfs), ...result.transportRoutes],
        sources: [...scenario.sources.filter((s) => !s.title.startsWith('GTFS timetable ')), provenance],
        statedAssumptions: [
          // init's "no existing transport is known" no longer holds once the timetable gave some.
          ...scenario.statedAssumptions.filter(
            (a) =>
              a.subject !== GTFS_SUBJECT &&
              !(a.subject === 'transportRoutes' && result.transportRoutes.length > 0),
          ),
          ...result.assumptions,
        ],
      },
    };
  } finally {
    source.close();
  }
}
