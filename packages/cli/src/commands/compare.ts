import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import {
  ValidationError,
  checkBidAgainstScenario,
  validateDocument,
  type Bid,
  type Scenario,
  type ScoringDocument,
} from '@paketbygd/model';
import { compare, type ScenarioVariantInput } from '@paketbygd/planner';
import { renderComparisonReport } from '@paketbygd/report';
import { explainTravelError } from '../errors';
import { parseNumberFlag } from '../flags';
import { compareSummary } from '../compare-summary';
import { progressReporter } from '../progress';
import { compareProgressText } from '../progress-words';
import { loadDocument, readJsonFile } from '../read-document';
import { checkSomeDemand, parseLang } from './plan';
import { addTravelFlags, withTravelFlags, type TravelFlags } from './travel-flags';
import { jsonText } from '../json-text';

export interface CompareFlags extends TravelFlags {
  weights?: string;
  out?: string;
  timeLimit: string;
  quiet?: boolean;
  lang?: string;
}

/** Bid files are bids; scenario files are variants of the first scenario (their name and policy). */
function loadEntries(scenario: Scenario, files: string[]): { bids: Bid[]; variants: ScenarioVariantInput[] } {
  const bids: Bid[] = [];
  const variants: ScenarioVariantInput[] = [];
  for (const file of files) {
    const read = readJsonFile(file);
    if (!('value' in read)) throw new ValidationError(file, [read]);
    const result = validateDocument(read.value);
    if (!result.ok) throw new ValidationError(file, result.problems);
    if (result.kind === 'bid') {
      const bid = result.value as Bid;
      const problems = checkBidAgainstScenario(bid, scenario);
      if (problems.length > 0) throw new ValidationError(file, problems);
      bids.push(bid);
    } else if (result.kind === 'scenario') {
      const variant = result.value as Scenario;
      variants.push({ name: variant.name, policy: variant.policy });
    } else {
      throw new ValidationError(file, [
        { path: 'kind', message: `is a ${result.kind}; compare takes bids or scenario variants` },
      ]);
    }
  }
  return { bids, variants };
}

export async function runCompare(
  scenarioFile: string,
  files: string[],
  flags: CompareFlags,
): Promise<{ dir: string; report: string }> {
  const lang = parseLang(flags.lang);
  const scenario = withTravelFlags(loadDocument(scenarioFile, 'scenario'), flags);
  checkSomeDemand(scenario, scenarioFile);
  const { bids, variants } = loadEntries(scenario, files);
  const scoring: ScoringDocument | undefined = flags.weights
    ? loadDocument(flags.weights, 'scoring')
    : undefined;
  const dir = resolve(flags.out ?? join('out', 'comparison'));
  const progress = progressReporter(flags.quiet ?? false);
  const result = await compare(
    { scenario, bids, variants, ...(scoring ? { scoring } : {}) },
    {
      timeLimitS: parseNumberFlag(flags.timeLimit, '--time-limit'),
      onProgress: (_message, percent, step) => progress.update(percent, compareProgressText(step, lang)),
    },
  ).catch((error: unknown) => {
    progress.end();
    // Every entry shares the scenario's demand and pickup points, which come first in each matrix.
    throw explainTravelError(error, scenario, true);
  });
  progress.end();
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'comparison.json'), jsonText(result));
  const report = join(dir, 'comparison.html');
  writeFileSync(report, renderComparisonReport({ scenario, comparison: result, lang }));
  if (!flags.quiet)
    process.stdout.write(compareSummary(result, [join(dir, 'comparison.json'), report], lang));
  return { dir, report };
}

export function registerCompare(program: Command): void {
  addTravelFlags(
    program
      .command('compare')
      .description(
        'compare bids or scenario variants on the same demand; writes comparison.json and comparison.html',
      )
      .argument('<scenario>', 'scenario JSON file: the demand every bid or variant is evaluated on')
      .argument('<entries...>', 'bid files, or scenario files whose policy is a variant')
      .option('--weights <file>', 'scoring file (kind "scoring"): criteria, weights and levels')
      .option('--out <dir>', 'folder for the results (default: out/comparison)'),
  )
    .option('--time-limit <s>', 'seconds for each plan', '10')
    .option('--quiet', 'no progress and no summary')
    .option(
      '--lang <sv|en>',
      'language of the report, the summary and the progress: sv (Swedish, Swedish numbers) or en',
      'en',
    )
    .action(async (scenarioFile: string, files: string[], flags: CompareFlags) => {
      await runCompare(scenarioFile, files, flags);
    });
}
