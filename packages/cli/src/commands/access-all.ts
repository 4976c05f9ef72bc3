import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { ValidationError, problemToString, type AccessAnalysis, type Scenario } from '@paketbygd/model';
import { accessDemand, analyseScenarioAccess } from '@paketbygd/planner';
import { renderAccessRanking, t, type AccessRankingRow, type Lang } from '@paketbygd/report';
import { DATA_DIR_ENV, DataFileError, initScenario, listKommuner, resolveDataDir } from '@paketbygd/data';
import { CliError } from '../errors';
import { wroteLines } from '../plan-summary';
import { progressReporter } from '../progress';
import { rankingTable } from '../ranking-table';
import { parseLang } from './plan';
import { jsonText } from '../json-text';

/** Where the kommuner and their scenarios come from: public data through `initScenario`, or a test's. */
export interface KommunScenarios {
  kommuner: readonly { code: string; name: string }[];
  scenario(code: string): Scenario | Promise<Scenario>;
}

export interface KommunFailure {
  code: string;
  name: string;
  message: string;
}

export interface AccessRanking {
  rows: AccessRankingRow[];
  failed: KommunFailure[];
}

function rowOf(code: string, name: string, a: AccessAnalysis): AccessRankingRow {
  const worst = a.closures[0];
  return {
    code,
    name,
    population: a.population,
    pickupPointCount: a.pickupPointCount,
    nearestMeanM: a.nearest.meanM,
    secondNearestMeanM: a.secondNearest.meanM,
    otherCarrierMeanM: a.nearestOtherCarrier.meanM,
    withinShares: a.within.map((w) => w.populationShare),
    worstClosure:
      worst && worst.peopleLosingAccess > 0
        ? { name: worst.name ?? worst.pickupId, people: worst.peopleLosingAccess }
        : null,
  };
}

/** A kommun without any pickup point is a result (nobody within reach), not a failure. */
function noPoints(code: string, name: string, scenario: Scenario): AccessRankingRow {
  const population = accessDemand(scenario).reduce((s, d) => s + d.population, 0);
  return {
    code,
    name,
    population,
    pickupPointCount: 0,
    nearestMeanM: null,
    secondNearestMeanM: null,
    otherCarrierMeanM: null,
    withinShares: [0, 0, 0],
    worstClosure: null,
  };
}

function messageOf(error: unknown): string {
  if (error instanceof ValidationError) return error.problems.map(problemToString).join('; ');
  return (error as Error).message;
}

/**
 * Today's access in every kommun, ranked by the share of people within 5 km (lowest first, then
 * by name). A kommun whose scenario cannot be made is listed with the reason, never dropped.
 */
export async function rankKommuner(
  source: KommunScenarios,
  onProgress?: (done: number, total: number, name: string) => void,
): Promise<AccessRanking> {
  const rows: AccessRankingRow[] = [];
  const failed: KommunFailure[] = [];
  let done = 0;
  for (const { code, name } of source.kommuner) {
    try {
      const scenario = await source.scenario(code);
      rows.push(
        scenario.pickupPoints.length === 0
          ? noPoints(code, name, scenario)
          : rowOf(code, name, (await analyseScenarioAccess(scenario)).analysis),
      );
    } catch (error) {
      failed.push({ code, name, message: messageOf(error) });
    }
    onProgress?.(++done, source.kommuner.length, name);
  }
  rows.sort(
    (a, b) => (a.withinShares[1] ?? 0) - (b.withinShares[1] ?? 0) || a.name.localeCompare(b.name, 'sv'),
  );
  return { rows, failed };
}

const round = (x: number | null, decimals: number) => (x === null ? '' : x.toFixed(decimals));

/** The ranking as CSV: one row per kommun, distances in km, shares 0..1; failures at the end with their reason. */
export function rankingCsv({ rows, failed }: AccessRanking): string {
  return stringify([
    [
      'rank',
      'kommun_code',
      'kommun',
      'population',
      'pickup_points',
      'mean_nearest_km',
      'mean_second_nearest_km',
      'mean_nearest_other_carrier_km',
      'share_within_2km',
      'share_within_5km',
      'share_within_10km',
      'worst_closure_point',
      'worst_closure_people_losing_access',
      'error',
    ],
    ...rows.map((r, i) => [
      i + 1,
      r.code,
      r.name,
      Math.round(r.population),
      r.pickupPointCount,
      round(r.nearestMeanM === null ? null : r.nearestMeanM / 1000, 2),
      round(r.secondNearestMeanM === null ? null : r.secondNearestMeanM / 1000, 2),
      round(r.otherCarrierMeanM === null ? null : r.otherCarrierMeanM / 1000, 2),
      ...r.withinShares.map((s) => s.toFixed(4)),
      r.worstClosure?.name ?? '',
      r.worstClosure ? Math.round(r.worstClosure.people) : '',
      '',
    ]),
    ...failed.map((f) => ['', f.code, f.name, '', '', '', '', '', '', '', '', '', '', f.message]),
  ]);
}

/** Writes access-all.csv and access-all.html to `dir`; returns their paths. */
export function writeRanking(
  ranking: AccessRanking,
  dir: string,
  now = new Date(),
  lang: Lang = 'en',
): { csv: string; html: string } {
  const out = resolve(dir);
  mkdirSync(out, { recursive: true });
  const csv = join(out, 'access-all.csv');
  const html = join(out, 'access-all.html');
  writeFileSync(csv, rankingCsv(ranking));
  writeFileSync(html, renderAccessRanking(ranking.rows, ranking.failed, now.toISOString(), lang));
  return { csv, html };
}

export interface AccessAllFlags {
  json?: boolean;
  out?: string;
  data?: string;
  quiet?: boolean;
  lang?: string;
}

/** Every kommun from public data, each scenario made by `initScenario` as `paketbygd init` makes it. */
export function publicDataScenarios(dataDir: string): KommunScenarios {
  let kommuner;
  try {
    kommuner = listKommuner(dataDir);
  } catch (error) {
    if (error instanceof DataFileError) {
      throw new CliError(
        `${error.message}\n(the geodata folder is ${dataDir}; give another with --data DIR or ${DATA_DIR_ENV})`,
        1,
      );
    }
    throw error;
  }
  return {
    kommuner: kommuner.map((k) => ({ code: k.code, name: k.name })),
    scenario: (code) => initScenario({ kommun: code, dataDir }),
  };
}

const PROGRESS_EVERY = 10;

/** `paketbygd access --all`: ranks today's access in every kommun; writes access-all.csv and .html. */
export async function runAccessAll(flags: AccessAllFlags, source?: KommunScenarios): Promise<AccessRanking> {
  const lang = parseLang(flags.lang);
  const kommuner = source ?? publicDataScenarios(resolveDataDir(flags.data));
  const progress = progressReporter(flags.quiet ?? false);
  const ranking = await rankKommuner(kommuner, (done, total, name) => {
    if (done % PROGRESS_EVERY === 0 || done === total)
      progress.update((done / total) * 100, t(lang).cli.progress.measured(done, total, name));
  });
  progress.end();
  if (ranking.rows.length === 0) {
    throw new CliError(
      `no kommun could be measured; the first reason: ${ranking.failed[0]?.message ?? 'no kommuner listed'}`,
      1,
    );
  }
  const paths = writeRanking(ranking, flags.out ?? join('out', 'access-all'), new Date(), lang);
  const out = process.stdout;
  if (flags.json) out.write(jsonText(ranking));
  else if (!flags.quiet) out.write(`\n${rankingTable(ranking.rows, ranking.failed, TOP_ROWS, lang)}\n`);
  (flags.json ? process.stderr : out).write(`\n${wroteLines([paths.csv, paths.html], lang)}\n`);
  return ranking;
}

const TOP_ROWS = 10;
