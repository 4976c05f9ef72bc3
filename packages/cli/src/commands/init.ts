import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import {
  DATA_DIR_ENV,
  DataFileError,
  UnknownKommunError,
  initScenario,
  lenientName,
  resolveDataDir,
} from '@paketbygd/data';
import type { Scenario } from '@paketbygd/model';
import { CliError } from '../errors';

export interface InitFlags {
  kommun: string;
  out?: string;
  data?: string;
  quiet?: boolean;
}

function buildScenario(flags: InitFlags): Scenario {
  const dataDir = resolveDataDir(flags.data);
  try {
    return initScenario({ kommun: flags.kommun, dataDir });
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
  const people = scenario.demand.reduce((s, d) => s + (d.population ?? 0), 0);
  const parcels = scenario.demand.reduce((s, d) => s + d.parcelsPerWeek, 0);
  const lines = [
    scenario.name,
    `  ${scenario.demand.length} demand points, ${Math.round(people).toLocaleString('en')} people, ${Math.round(parcels).toLocaleString('en')} parcels a week`,
    `  ${scenario.pickupPoints.length} pickup points today, ${scenario.candidateSites.length} candidate sites, ${scenario.hubs.length} hub`,
    '  assumed (see statedAssumptions in the file):',
    ...scenario.statedAssumptions.map(
      (a) =>
        `    - ${a.subject}: ${a.statement}${a.measuredError ? `\n      error: ${a.measuredError}` : ''}`,
    ),
    `wrote ${file}`,
    `next: paketbygd plan ${file}`,
  ];
  return `${lines.join('\n')}\n`;
}

/** Writes a scenario for one kommun from public data; returns the file's path. */
export function runInit(flags: InitFlags): string {
  const scenario = buildScenario(flags);
  const folder = lenientName(scenario.name.split(' kommun')[0] ?? 'kommun').replace(/\s+/g, '-');
  const dir = resolve(flags.out ?? join('out', 'init', folder));
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'scenario.json');
  writeFileSync(file, `${JSON.stringify(scenario, null, 2)}\n`);
  if (!flags.quiet) process.stdout.write(summary(scenario, file));
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
    .option('--quiet', 'no summary')
    .action((flags: InitFlags) => {
      runInit(flags);
    });
}
