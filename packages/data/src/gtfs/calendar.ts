import type { Weekday } from '@paketbygd/model';

const WEEKDAY_OF_UTC_DAY: Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
/** GTFS calendar.txt's weekday columns, Monday first. */
export const CALENDAR_DAY_COLUMNS = [
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
] as const;
const WEEKDAYS_FROM_MONDAY: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** GTFS YYYYMMDD → YYYY-MM-DD, or undefined when it is no real date. */
const readDates = new Map<string, string | undefined>();

export function gtfsDate(text: string): string | undefined {
  // A feed repeats a few hundred dates thousands of times.
  if (readDates.has(text)) return readDates.get(text);
  const date = parseGtfsDate(text);
  if (readDates.size < 100_000) readDates.set(text, date);
  return date;
}

function parseGtfsDate(text: string): string | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(text.trim());
  if (!m) return undefined;
  const iso = `${m[1]}-${m[2]}-${m[3]}`;
  return isRealDate(iso) ? iso : undefined;
}

function isRealDate(iso: string): boolean {
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso;
}

export function weekdayOf(isoDate: string): Weekday {
  return WEEKDAY_OF_UTC_DAY[new Date(`${isoDate}T00:00:00Z`).getUTCDay()]!;
}

function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The seven dates (Monday first) of an ISO week written YYYY-Www, or undefined when there is no such week. */
export function isoWeekDates(week: string): string[] | undefined {
  const m = /^(\d{4})-W(\d{2})$/.exec(week);
  if (!m) return undefined;
  const year = Number(m[1]);
  const n = Number(m[2]);
  // Week 1 is the week with 4 January in it.
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const mondayOfWeek1 = addDays(jan4.toISOString().slice(0, 10), -((jan4.getUTCDay() + 6) % 7));
  const monday = addDays(mondayOfWeek1, (n - 1) * 7);
  if (n < 1 || n > 53 || isoWeekOf(monday) !== week) return undefined;
  return Array.from({ length: 7 }, (_, i) => addDays(monday, i));
}

/** The ISO week (YYYY-Www) a date falls in. */
export function isoWeekOf(isoDate: string): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  const thursday = addDays(isoDate, 3 - ((d.getUTCDay() + 6) % 7));
  const year = Number(thursday.slice(0, 4));
  const jan1 = Date.UTC(year, 0, 1);
  const week = Math.floor((Date.parse(`${thursday}T00:00:00Z`) - jan1) / 86_400_000 / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

export function singleDate(date: string): string[] | undefined {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) && isRealDate(date) ? [date] : undefined;
}

/** One calendar.txt row: weekly pattern between two dates. */
export interface WeeklyService {
  days: boolean[];
  startDate: string;
  endDate: string;
}

/** calendar.txt and calendar_dates.txt: which services run on which date. */
export interface ServiceCalendar {
  weekly: Map<string, WeeklyService>;
  /** Per service: date → true when added (exception_type 1), false when removed (2). */
  exceptions: Map<string, Map<string, boolean>>;
}

export function runsOn(calendar: ServiceCalendar, serviceId: string, isoDate: string): boolean {
  const exception = calendar.exceptions.get(serviceId)?.get(isoDate);
  if (exception !== undefined) return exception;
  const weekly = calendar.weekly.get(serviceId);
  if (!weekly || isoDate < weekly.startDate || isoDate > weekly.endDate) return false;
  return weekly.days[WEEKDAYS_FROM_MONDAY.indexOf(weekdayOf(isoDate))]!;
}

/** The first date any service runs on, to choose a week when none is asked for. */
export function firstServiceDate(calendar: ServiceCalendar): string | undefined {
  let first: string | undefined;
  for (const w of calendar.weekly.values())
    if (w.days.some(Boolean) && (!first || w.startDate < first)) first = w.startDate;
  for (const dates of calendar.exceptions.values())
    for (const [date, added] of dates) if (added && (!first || date < first)) first = date;
  return first;
}

/** The first whole ISO week from a date on (the date's own week when it is a Monday). */
export function firstWholeWeekFrom(isoDate: string): string {
  const offset = (7 - ((new Date(`${isoDate}T00:00:00Z`).getUTCDay() + 6) % 7)) % 7;
  return isoWeekOf(addDays(isoDate, offset));
}
