import type { Command } from 'commander';
import { Option } from 'commander';
import { parseJsonText, validate, ValidationError } from '@paketbygd/model';
import { placeScenario } from '@paketbygd/planner';
import {
  DEFAULT_TIME_LIMIT_S,
  orLibraryToPlacement,
  parseOrLibraryPMedian,
  PLACEMENT_MODELS,
  solvePlacement,
  type DistanceSource,
  type PlacementModel,
  type PlacementResult,
} from '@paketbygd/placement';
import { CliError } from '../errors';
import { numberFlag } from '../flags';
import { readTextFile } from '../read-document';

interface PlaceFlags {
  model?: PlacementModel;
  p?: number;
  radius?: number;
  budget?: number;
  decay?: 'linear' | 'exponential';
  decayScale?: number;
  timeLimit: number;
  gap: number;
  json?: boolean;
}

export interface PlaceReport {
  file: string;
  kind: 'scenario' | 'or-library';
  result: PlacementResult;
  notes: string[];
}

function readText(file: string): string {
  const read = readTextFile(file);
  if (!('text' in read)) throw new CliError(read.message);
  return read.text;
}

/**
 * Places boxes for a Scenario file or an OR-Library p-median file. `distances` lets the planner
 * (or a test) pass a road matrix; without it a scenario uses its travel backend (`placeScenario`).
 */
export async function placeFile(
  file: string,
  flags: PlaceFlags,
  distances?: DistanceSource,
): Promise<PlaceReport> {
  const text = readText(file);
  if (text.trimStart().startsWith('{')) {
    const json = parseJsonText(text);
    if (!('value' in json)) throw new ValidationError(file, [json]);
    const checked = validate('scenario', json.value);
    if (!checked.ok) throw new ValidationError(file, checked.problems);
    const { result, notes } = await placeScenario(
      checked.value,
      {
        model: flags.model ?? 'lexicographic',
        timeLimitS: flags.timeLimit,
        mipRelGap: flags.gap,
        p: flags.p,
        budgetPerYear: flags.budget,
        radiusM: flags.radius,
        decay: flags.decay ? { kind: flags.decay, scaleM: flags.decayScale ?? flags.radius } : undefined,
      },
      distances ? { distances } : {},
    );
    return { file, kind: 'scenario', result, notes: [...notes, ...result.notes] };
  }
  const parsed = parseOrLibraryPMedian(text, file);
  const result = await solvePlacement(orLibraryToPlacement(parsed), {
    model: flags.model ?? 'pmedian',
    timeLimitS: flags.timeLimit,
    mipRelGap: flags.gap,
    p: flags.p ?? parsed.p,
    budgetPerYear: flags.budget,
    radiusM: flags.radius,
    decay: flags.decay ? { kind: flags.decay, scaleM: flags.decayScale ?? flags.radius ?? NaN } : undefined,
  });
  return { file, kind: 'or-library', result, notes: result.notes };
}

const OBJECTIVE_WORDS: Record<PlacementModel, string> = {
  pmedian: 'total weighted access distance',
  coverage: 'weight within the access limit',
  lexicographic: 'total weighted distance at the largest coverage',
  capacity: 'weight served within the access limit and box capacity',
  decay: 'expected users (distance decay)',
};

function formatNumber(x: number): string {
  return Number.isInteger(x) ? String(x) : x.toFixed(Math.abs(x) >= 100 ? 2 : 4);
}

function printText(report: PlaceReport): void {
  const { result: r } = report;
  const out = (line: string) => process.stdout.write(`${line}\n`);
  out(
    `${report.file}: ${r.model}, ${r.open.length} new site${r.open.length === 1 ? '' : 's'} open — ${r.status}`,
  );
  out(
    `  objective ${formatNumber(r.objective)} (${OBJECTIVE_WORDS[r.model]}, ${r.sense === 'min' ? 'lower' : 'higher'} is better)`,
  );
  out(`  bound ${formatNumber(r.bound)}, gap ${Number.isFinite(r.gapPct) ? r.gapPct.toFixed(3) : '—'} %`);
  if (r.coveredWeight !== undefined) {
    out(
      `  covered ${formatNumber(r.coveredWeight)} of ${formatNumber(r.totalWeight)} (${((100 * r.coveredWeight) / Math.max(1e-12, r.totalWeight)).toFixed(2)} %)`,
    );
  }
  out(
    `  mean access distance ${r.meanDistanceM.toFixed(0)} m; new boxes cost ${formatNumber(r.costPerYear)} per year`,
  );
  if (r.unservedWeight) {
    const unserved = r.unservedWeight.reduce((s, x) => s + x, 0);
    out(`  unserved (beyond reach or capacity): ${formatNumber(unserved)}`);
  }
  out(`  open: ${r.open.join(', ') || '(none)'}`);
  out(`  time ${r.timeS.toFixed(2)} s; ${r.method}`);
  for (const note of report.notes) out(`  note: ${note}`);
}

function toJson(report: PlaceReport): Record<string, unknown> {
  const r = report.result;
  const finite = (x: number) => (Number.isFinite(x) ? x : null);
  return {
    objective: finite(r.objective),
    open: r.open,
    bound: finite(r.bound),
    gapPct: finite(r.gapPct),
    timeS: r.timeS,
    status: r.status,
    model: r.model,
    sense: r.sense,
    file: report.file,
    kind: report.kind,
    totalWeight: r.totalWeight,
    coveredWeight: r.coveredWeight ?? null,
    meanDistanceM: r.meanDistanceM,
    costPerYear: r.costPerYear,
    unservedWeight: r.unservedWeight ? r.unservedWeight.reduce((s, x) => s + x, 0) : null,
    method: r.method,
    notes: report.notes,
  };
}

export function registerPlace(program: Command): void {
  program
    .command('place')
    .description(
      'choose parcel-box sites for a scenario or an OR-Library p-median file; prints the objective, the bound and the gap',
    )
    .argument('<file>', 'scenario (JSON) or OR-Library p-median file (pmedN.txt)')
    .addOption(
      new Option(
        '--model <model>',
        'model (default: lexicographic for a scenario, pmedian for OR-Library)',
      ).choices([...PLACEMENT_MODELS]),
    )
    .option(
      '--p <n>',
      'number of new boxes (default: policy.maxBoxes, or p from the OR-Library file)',
      numberFlag('--p', { integer: true }),
    )
    .option('--radius <m>', 'access limit in metres (default: the scenario policy)', numberFlag('--radius'))
    .option(
      '--budget <amount>',
      'yearly budget for new boxes, instead of p (default: policy.budgetPerYear)',
      numberFlag('--budget', { zero: true }),
    )
    .addOption(
      new Option('--decay <kind>', 'distance decay for --model decay').choices(['linear', 'exponential']),
    )
    .option(
      '--decay-scale <m>',
      'decay distance in metres (default: the access limit)',
      numberFlag('--decay-scale'),
    )
    .option(
      '--time-limit <s>',
      'seconds; the best solution and its gap come back when time is up',
      numberFlag('--time-limit'),
      DEFAULT_TIME_LIMIT_S,
    )
    .option(
      '--gap <pct>',
      'stop at this relative MIP gap, in percent',
      numberFlag('--gap', { zero: true }),
      0,
    )
    .option('--json', 'print JSON: {objective, open, bound, gapPct, timeS, status, …}')
    .action(async (file: string, flags: PlaceFlags) => {
      const report = await placeFile(file, { ...flags, gap: flags.gap / 100 });
      if (flags.json) process.stdout.write(`${JSON.stringify(toJson(report), null, 2)}\n`);
      else printText(report);
      const { status } = report.result;
      if (status === 'infeasible') throw new CliError(`${file}: no placement satisfies the constraints`);
      if (status === 'time_limit_no_solution')
        throw new CliError(`${file}: no solution found within ${flags.timeLimit} s`);
    });
}
