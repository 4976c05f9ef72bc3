import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import {
  DATA_DIR_ENV,
  DataFileError,
  UnknownKommunError,
  findKommun,
  initScenario,
  lenientName,
  listKommuner,
  resolveDataDir,
} from '@paketbygd/data';
import type { Scenario } from '@paketbygd/model';
import { formatNumber, t, withLang, wordStatedAssumption, type Lang } from '@paketbygd/report';
import { CliError } from '../errors';
import { parseLang } from './plan';
import { readTransportsFor, transportsSummary } from './transports';
import { jsonText } from '../json-text';

export interface InitFlags {
  kommun: string;
  out?: string;
  data?: string;
  quiet?: boolean;
  /** A GTFS feed (folder or .zip) whose lines in the kommun become its existing transports. */
  gtfs?: string;
  week?: string;
  date?: string;
  lang?: string;
}

/** The scenario, and its kommun's name for the default folder (the scenario's name is in the language asked for). */
function buildScenario(flags: InitFlags, lang: Lang): { scenario: Scenario; kommunName: string } {
  const dataDir = resolveDataDir(flags.data);
  try {
    const scenario = initScenario({ kommun: flags.kommun, dataDir, lang });
    return { scenario, kommunName: findKommun(flags.kommun, listKommuner(dataDir)).name };
  } catch (error) {
    if (error instanceof UnknownKommunError) throw new CliError(error.message, 1);
    if (error instanceof DataFileError) {
      throw new CliError(
        `${error.message}\n(the geodata folder is ${dataDir}; give another with --data DIR or ${DATA_DIR_ENV})`,
        1,
      );
    }
    throw error;
  }
}

function summary(scenario: Scenario, file: string): string {
  const w = t().initSummary;
  const people = scenario.demand.reduce((s, d) => s + (d.population ?? 0), 0);
  const parcels = scenario.demand.reduce((s, d) => s + d.parcelsPerWeek, 0);
  const lines = [
    scenario.name,
    `  ${w.counts(scenario.demand.length, formatNumber(people), formatNumber(parcels))}`,
    `  ${w.places(scenario.pickupPoints.length, scenario.candidateSites.length, scenario.hubs.length)}`,
    `  ${w.assumed}`,
    ...scenario.statedAssumptions
      .map(wordStatedAssumption)
      .map(
        (a) =>
          `    - ${a.subject}: ${a.statement}${a.measuredError ? `\n      ${w.error}: ${a.measuredError}` : ''}`,
      ),
    w.wrote(file),
    w.next(file),
  ];
  return `${lines.join('\n')}\n`;
}

/** Writes a scenario for one kommun from public data; returns the file's path. */
export async function runInit(flags: InitFlags): Promise<string> {
  const lang = parseLang(flags.lang);
  const built = buildScenario(flags, lang);
  let scenario = built.scenario;
  if (flags.gtfs) {
    const transports = await readTransportsFor(flags.gtfs, scenario, flags, lang);
    if (!flags.quiet) for (const line of transportsSummary(transports)) process.stdout.write(`${line}\n`);
    scenario = transports.scenario;
  }
  const folder = lenientName(built.kommunName).replace(/\s+/g, '-');
  const dir = resolve(flags.out ?? join('out', 'init', folder));
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'scenario.json');
  writeFileSync(file, jsonText(scenario));
  if (!flags.quiet) process.stdout.write(withLang(lang, () => summary(scenario, file)));
  return file;
}

export function registerInit(program: Command): void {
  program
    .command('init')
    .description(
      'a plannable scenario for one of the 290 kommuner from public data (pickup points, demand, parcels, candidate sites); every value with its source or stated as an assumption',
    )
    .requiredOption('--kommun <name|code>', 'kommun name (Vingåker, Vingaker) or four-digit code (0428)')
    .option('--out <dir>', 'folder for scenario.json (default: out/init/<kommun>)')
    .option('--data <dir>', `geodata folder (default: $${DATA_DIR_ENV}, else ../shared/geodata)`)
    .option(
      '--gtfs <feed>',
      "GTFS timetable (folder or .zip): its lines in the kommun become the scenario's transports",
    )
    .option(
      '--week <YYYY-Www>',
      "with --gtfs: that ISO week's departures (default: the feed's first whole week)",
    )
    .option('--date <YYYY-MM-DD>', "with --gtfs: that day's departures")
    .option(
      '--lang <sv|en>',
      "language of the scenario's name, description and generated place names, and of the summary: sv (Swedish) or en",
      'en',
    )
    .option('--quiet', 'no summary')
    .action(async (flags: InitFlags) => {
      await runInit(flags);
    });
}
