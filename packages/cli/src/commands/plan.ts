import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { Command } from 'commander';
import { plan, planToGeoJSON, travelModelOf } from '@paketbygd/planner';
import { isLang, renderPlanReport, t, type Lang } from '@paketbygd/report';
import { ValidationError, type Scenario } from '@paketbygd/model';
import { CliError, explainTravelError } from '../errors';
import { parseNumberFlag } from '../flags';
import { planSummary } from '../plan-summary';
import { progressReporter } from '../progress';
import { planProgressText } from '../progress-words';
import { loadDocument } from '../read-document';
import { addTravelFlags, withTravelFlags, type TravelFlags } from './travel-flags';
import { jsonText } from '../json-text';

export interface PlanFlags extends TravelFlags {
  out?: string;
  timeLimit: string;
  seed: string;
  tileUrl?: string;
  quiet?: boolean;
  lang?: string;
}

/** The report language from --lang (default English). */
export function parseLang(value: string | undefined): Lang {
  if (value === undefined) return 'en';
  if (!isLang(value)) throw new CliError(`--lang must be sv or en, not "${value}"`, 2);
  return value;
}

/** A scenario whose demand is all zero has nothing to plan: refused like any other invalid input. */
export function checkSomeDemand(scenario: Scenario, file: string): void {
  if (scenario.demand.some((d) => d.parcelsPerWeek > 0)) return;
  throw new ValidationError(file, [
    {
      path: 'demand',
      message: `all ${scenario.demand.length} demand points have 0 parcels a week: there is nothing to plan; give each place its parcels per week`,
    },
  ]);
}

/** Plans one scenario file and writes plan.json, plan.geojson and report.html; returns the report's path. */
export async function runPlan(file: string, flags: PlanFlags): Promise<{ dir: string; report: string }> {
  const timeLimitS = parseNumberFlag(flags.timeLimit, '--time-limit');
  const lang = parseLang(flags.lang);
  const seed = parseNumberFlag(flags.seed, '--seed', { integer: true, zero: true });
  const scenario = withTravelFlags(loadDocument(file, 'scenario'), flags);
  checkSomeDemand(scenario, file);
  const dir = resolve(flags.out ?? join('out', basename(file).replace(/\.json$/i, '')));
  const progress = progressReporter(flags.quiet ?? false);
  const result = await plan(scenario, {
    timeLimitS,
    seed,
    onProgress: (p) => progress.update(p.percent, planProgressText(p, lang)),
  }).catch((error: unknown) => {
    progress.end();
    throw explainTravelError(error, scenario);
  });
  progress.update(100, t(lang).cli.progress.writing);
  progress.end();
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'plan.json'), jsonText(result));
  writeFileSync(join(dir, 'plan.geojson'), `${JSON.stringify(planToGeoJSON(scenario, result))}\n`);
  const report = join(dir, 'report.html');
  writeFileSync(
    report,
    renderPlanReport({
      scenario,
      plan: result,
      lang,
      travelModel: travelModelOf(scenario.travel),
      ...(flags.tileUrl ? { tileUrl: flags.tileUrl } : {}),
    }),
  );
  if (!flags.quiet)
    process.stdout.write(
      planSummary(scenario, result, [join(dir, 'plan.json'), join(dir, 'plan.geojson'), report], lang),
    );
  return { dir, report };
}

export function registerPlan(program: Command): void {
  addTravelFlags(
    program
      .command('plan')
      .description(
        'plan a scenario: box sites, carriers, van routes, KPIs; writes plan.json, plan.geojson and report.html',
      )
      .argument('<scenario>', 'scenario JSON file')
      .option('--out <dir>', 'folder for the results (default: out/<scenario file name>)'),
  )
    .option('--time-limit <s>', 'seconds for the whole plan', '30')
    .option('--seed <n>', 'random seed: the same seed and input give the same plan', '1')
    .option(
      '--tile-url <url>',
      'raster tile URL template for the report map ({z}/{x}/{y}), if you have a tile server',
    )
    .option('--quiet', 'no progress and no summary')
    .option(
      '--lang <sv|en>',
      'language of the report, the summary and the progress: sv (Swedish, Swedish numbers) or en',
      'en',
    )
    .action(async (file: string, flags: PlanFlags) => {
      await runPlan(file, flags);
    });
}
