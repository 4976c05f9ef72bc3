import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import {
  describeSkipped,
  GtfsError,
  loadTransports,
  type DatesChosen,
  type LoadedTransports,
} from '@paketbygd/data';
import type { Lang, Scenario } from '@paketbygd/model';
import { CliError } from '../errors';
import { parseNumberFlag } from '../flags';
import { loadDocument } from '../read-document';
import { jsonText } from '../json-text';

export interface TransportsFlags {
  scenario: string;
  date?: string;
  week?: string;
  out?: string;
  marginM?: string;
  allowSkipped?: boolean;
}

/** Reads the feed for the scenario's area; a bad feed becomes a CliError with file:line. */
export async function readTransports(feed: string, flags: TransportsFlags): Promise<LoadedTransports> {
  return readTransportsFor(feed, loadDocument(flags.scenario, 'scenario'), flags);
}

/** The same for a scenario in memory (init --gtfs); skipped rows stop it unless allowed. */
export async function readTransportsFor(
  feed: string,
  scenario: Scenario,
  flags: Omit<TransportsFlags, 'scenario'>,
  lang: Lang = 'en',
): Promise<LoadedTransports> {
  let result: LoadedTransports;
  try {
    result = await loadTransports(feed, scenario, {
      ...(flags.date !== undefined ? { date: flags.date } : {}),
      ...(flags.week !== undefined ? { week: flags.week } : {}),
      ...(flags.marginM !== undefined ? { marginM: parseNumberFlag(flags.marginM, '--margin-m') } : {}),
      lang,
    });
  } catch (error) {
    if (error instanceof GtfsError) throw new CliError(error.message, 1);
    throw error;
  }
  const skipped = result.feed.skipped.reduce((s, x) => s + x.count, 0);
  if (skipped > 0 && !flags.allowSkipped) {
    throw new CliError(
      `${result.feed.skipped.map(describeSkipped).join('\n')}\n${skipped} row${skipped === 1 ? ' was' : 's were'} skipped: fix the feed, or pass --allow-skipped to use it without them`,
      1,
    );
  }
  return result;
}

/** The dates read and how they were chosen, in the command's own terms (its flags). */
export function datesChosenLine(chosen: DatesChosen): string {
  const range = chosen.dates.length > 1 ? `${chosen.dates[0]} – ${chosen.dates.at(-1)}` : chosen.dates[0];
  switch (chosen.how) {
    case 'given-date':
      return `${range} (--date; ISO week ${chosen.isoWeek})`;
    case 'given-week':
      return `week ${chosen.isoWeek} (--week), ${range}`;
    case 'first-whole-week':
      return `week ${chosen.isoWeek}, ${range}: the feed's first whole week of service (service starts ${chosen.firstServiceDate}; --week or --date chooses another)`;
  }
}

/** What was read, what was skipped and which transports came out, as lines of text. */
export function transportsSummary(result: LoadedTransports): string[] {
  const lines = [
    `feed ${result.feed.name}${result.feed.version ? ` (version ${result.feed.version})` : ''}: ${Object.entries(
      result.feed.rowsRead,
    )
      .map(([file, n]) => `${file} ${n.toLocaleString('en')}`)
      .join(', ')} rows`,
    `departures of ${datesChosenLine(result.datesChosen)}`,
    `${result.tripsRunning} trips run, ${result.tripsInArea} stop in the area, on ${result.linesInArea} lines`,
    ...result.feed.skipped.map(describeSkipped),
    '',
    ...result.transportRoutes.map((t) => {
      const sites = t.stops.filter((s) => s.at !== undefined).map((s) => s.at);
      return `${t.id.padEnd(14)} ${t.name ?? ''} | ${t.days.join(' ')} | ${t.departures?.length ?? 1} departure${t.departures?.length === 1 ? '' : 's'} (${t.departures?.map((d) => d.times[0]).join(', ')}) | ${t.stops.length} stops${sites.length ? `, at ${[...new Set(sites)].join(', ')}` : ''}`;
    }),
    '',
    ...result.assumptions.map((a) => `note: ${a.statement}`),
  ];
  return lines;
}

export async function runTransports(feed: string, flags: TransportsFlags): Promise<LoadedTransports> {
  const result = await readTransports(feed, flags);
  for (const line of transportsSummary(result)) process.stdout.write(`${line}\n`);
  if (flags.out) {
    writeFileSync(flags.out, jsonText(result.scenario));
    process.stdout.write(
      `\nwrote ${flags.out}: the scenario with ${result.transportRoutes.length} transports from the timetable\n`,
    );
  }
  return result;
}

export function registerTransports(program: Command): void {
  program
    .command('transports')
    .description(
      "the scenario's existing transports from a GTFS timetable (folder or .zip): the lines that stop in its area, with their departures",
    )
    .argument('<feed>', 'GTFS feed: a folder of .txt files or a .zip')
    .requiredOption('--scenario <file>', 'scenario JSON whose area and sites the lines are matched to')
    .option('--date <YYYY-MM-DD>', 'departures of this day')
    .option('--week <YYYY-Www>', "departures of this ISO week (default: the feed's first whole week)")
    .option('--out <file>', 'write the scenario with these transports (earlier GTFS transports replaced)')
    .option('--margin-m <m>', 'lines that stop this close outside the area count too', '2000')
    .option('--allow-skipped', 'use the feed even when rows had to be skipped (they are listed)')
    .action(async (feed: string, flags: TransportsFlags) => {
      await runTransports(feed, flags);
    });
}
