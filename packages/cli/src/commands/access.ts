import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { AccessReport, type Scenario } from '@paketbygd/model';
import { analyseScenarioAccess, travelModelOf } from '@paketbygd/planner';
import { renderAccessReport, t } from '@paketbygd/report';
import { accessTable } from '../access-table';
import { wroteLines } from '../plan-summary';
import { CliError } from '../errors';
import { loadDocument } from '../read-document';
import { addTravelFlags, withTravelFlags, type TravelFlags } from './travel-flags';
import { runAccessAll } from './access-all';
import { parseLang } from './plan';
import { jsonText } from '../json-text';

export interface AccessFlags extends TravelFlags {
  json?: boolean;
  out?: string;
  all?: boolean;
  data?: string;
  lang?: string;
}

/** The access report of one scenario's points today. */
export async function accessReport(scenario: Scenario, now = new Date()): Promise<AccessReport> {
  const { analysis, attribution, warnings } = await analyseScenarioAccess(scenario);
  const { maxAccessDistanceM, maxAccessDurationMin } = scenario.policy;
  return AccessReport.parse({
    kind: 'access',
    scenarioName: scenario.name,
    createdAt: now.toISOString(),
    travel: { backend: scenario.travel.backend, ...(attribution ? { attribution } : {}) },
    accessLimit: {
      ...(maxAccessDistanceM !== undefined ? { maxAccessDistanceM } : {}),
      ...(maxAccessDurationMin !== undefined ? { maxAccessDurationMin } : {}),
    },
    analysis,
    warnings,
  });
}

async function runAccess(file: string, flags: AccessFlags): Promise<void> {
  const lang = parseLang(flags.lang);
  const scenario = withTravelFlags(loadDocument(file, 'scenario'), flags);
  const report = await accessReport(scenario);
  const out = process.stdout;
  if (flags.json) out.write(jsonText(report));
  else {
    const m = t(lang).cli;
    out.write(`\n${m.distancesBy(scenario.name, scenario.travel.backend)}\n\n`);
    out.write(`${accessTable(scenario, report, lang)}\n`);
    for (const w of report.warnings) out.write(`${m.warning(w)}\n`);
  }
  if (flags.out) {
    const dir = resolve(flags.out);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'access.json'), jsonText(report));
    // The travel model as plan and compare print it: backend, detour factor and speed bands.
    writeFileSync(
      join(dir, 'access.html'),
      renderAccessReport(scenario, report, travelModelOf(scenario.travel), lang),
    );
    // With --json, stdout is the document alone; where the files went goes to stderr.
    (flags.json ? process.stderr : out).write(
      `\n${wroteLines([join(dir, 'access.json'), join(dir, 'access.html')], lang)}\n`,
    );
  }
}

export function registerAccess(program: Command): void {
  addTravelFlags(
    program
      .command('access')
      .description(
        "access to today's pickup points as Region Dalarna's 2026 parcel study measures it: distance to the nearest, second nearest and nearest other-carrier point, people (and people 65+) within 2, 5 and 10 km, and what closing each point costs",
      )
      .argument('[scenario]', 'scenario JSON file')
      .option('--json', 'print the analysis as JSON')
      .option(
        '--out <dir>',
        'also write access.json and access.html (with --all: access-all.csv and access-all.html, default out/access-all)',
      )
      .option(
        '--all',
        "today's state of every kommun from public data, ranked; writes a CSV and an HTML table",
      )
      .option(
        '--data <dir>',
        'with --all: the geodata folder (default: $PAKETBYGD_DATA, else ../shared/geodata)',
      )
      .option(
        '--lang <sv|en>',
        'language of access.html and the printed tables (with --all: access-all.html only): sv (Swedish, Swedish numbers) or en',
        'en',
      ),
  ).action(async (file: string | undefined, flags: AccessFlags) => {
    if (flags.all) {
      if (file !== undefined) throw new CliError('give a scenario file or --all, not both', 2);
      await runAccessAll(flags);
      return;
    }
    if (file === undefined) throw new CliError('give a scenario file, or --all for every kommun', 2);
    await runAccess(file, flags);
  });
}
