/**
 * pnpm bench:routing [--time-limit S] [--until-converged] [--set cvrp|vrptw] [--instances A,B] [--seed N]
 *   [--objective vehicles] [--param key=value …] [--variant key=value,… …] [--threads N[,M…]]
 *   [--max-iterations N]
 *
 * Solves the CVRPLIB X instances and the Solomon instances in ../shared/benchmarks one after the
 * other in this process (one core), checks every solution with the independent checker, and prints
 * a Markdown table: instance, best known, cost, gap %, vehicles, time, peak memory.
 * `--threads 1,2` solves each instance with each thread count in turn (interleaved, so that both
 * see the same load) and adds the CPU seconds each used (all threads of the process).
 * `--variant default --variant polishImproving=true,swapStar=true` does the same for sets of
 * search parameters (on top of `--param`): each variant in turn on each instance.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
// The package's public face. It also loads the VROOM converter and with it @paketbygd/model (zod),
// which the core does not need: about 35 MB more RSS than importing the solver's modules directly
// did (X-n101-k25, 2000 iterations: 89-93 MB then, 122-132 MB now; cost, vehicles and CPU time the
// same). RSS figures in RESULTS.md from before this change are lower by that much.
import {
  checkSolution,
  buildInstance,
  maxThreads,
  parseSolomon,
  parseVrplib,
  solveInstance,
  type SearchParams,
} from '@paketbygd/routing';

const ROOT = join(import.meta.dirname, '..', '..', '..', 'shared', 'benchmarks');

const { values } = parseArgs({
  options: {
    'time-limit': { type: 'string' },
    // Stop at convergence (SolveOptions.untilConverged), the time limit as the cap.
    'until-converged': { type: 'boolean', default: false },
    set: { type: 'string' },
    instances: { type: 'string' },
    seed: { type: 'string', default: '1' },
    // "vehicles": the hierarchical objective, compared with Solomon's hierarchical best known.
    objective: { type: 'string', default: 'cost' },
    // Search parameters (SearchParams), e.g. --param swapStar=true: to compare variants.
    param: { type: 'string', multiple: true, default: [] },
    // Variants compared instance by instance: "default" or key=value,key=value on top of --param.
    variant: { type: 'string', multiple: true, default: ['default'] },
    // Searches in parallel (SolveOptions.threads); a list compares thread counts instance by instance.
    threads: { type: 'string', default: '1' },
    // An iteration limit per search (each thread's), the time limit then only a cap: the work a
    // run would do on free cores, whatever the load.
    'max-iterations': { type: 'string' },
  },
});
const threadCounts = values.threads.split(',').map(Number);
for (const n of threadCounts)
  if (!Number.isInteger(n) || n < 1 || n > maxThreads())
    throw new Error(`--threads ${values.threads}: whole numbers from 1 to ${maxThreads()}, comma-separated`);
type Params = Partial<Record<keyof SearchParams, number | boolean>>;
function parseParams(pairs: string[], flag: string): Params {
  const parsed: Params = {};
  for (const kv of pairs) {
    const [key, value] = kv.split('=');
    if (!key || value === undefined) throw new Error(`${flag} ${kv}: use key=value`);
    parsed[key as keyof SearchParams] = value === 'true' ? true : value === 'false' ? false : Number(value);
  }
  return parsed;
}
const params = parseParams(values.param, '--param');
const variants = values.variant.map((name) => ({
  name,
  params: { ...params, ...(name === 'default' ? {} : parseParams(name.split(','), '--variant')) },
}));
/** What each instance is solved with, in turn: every variant at every thread count. */
const configs = variants.flatMap((variant) => threadCounts.map((threads) => ({ variant, threads })));
type Config = (typeof configs)[number];
const sets = values.set ? [values.set] : ['cvrp', 'vrptw'];
for (const s of sets) if (s !== 'cvrp' && s !== 'vrptw') throw new Error(`--set ${s}: use cvrp or vrptw`);
const only = values.instances ? new Set(values.instances.split(',')) : null;
const seed = Number(values.seed);
const maxIterations = values['max-iterations'] === undefined ? undefined : Number(values['max-iterations']);
if (maxIterations !== undefined && !(Number.isInteger(maxIterations) && maxIterations > 0))
  throw new Error(`--max-iterations ${values['max-iterations']}: a whole number greater than 0`);
const hierarchical = values.objective === 'vehicles';
if (!hierarchical && values.objective !== 'cost')
  throw new Error(`--objective ${values.objective}: use cost or vehicles`);

/** The code measured: HEAD, and whether the routing sources differ from it. */
function commit(): string {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', 'packages/routing', 'benchmarks/routing'], {
      encoding: 'utf8',
    }).trim();
    return dirty ? `${head} + uncommitted routing changes` : head;
  } catch {
    return 'unknown (no git)';
  }
}

function readCsv(file: string): Record<string, string>[] {
  const [head, ...rows] = readFileSync(file, 'utf8').trim().split(/\r?\n/);
  const keys = head!.split(',');
  return rows.map((r) => Object.fromEntries(r.split(',').map((v, i) => [keys[i]!, v])));
}

interface Row {
  instance: string;
  config: Config;
  bks: number;
  cost: number;
  gap: number;
  vehicles: number;
  timeS: number;
  iterations: number;
  cpuS: number;
  rssMb: number;
  ok: boolean;
}

function runSet(set: 'cvrp' | 'vrptw'): void {
  const dir = join(ROOT, set);
  if (!existsSync(dir)) {
    console.log(`skipped ${set}: ${dir} is missing`);
    return;
  }
  const untilConverged = values['until-converged'];
  // Until converged, the cap is the solver's own default (10 s) unless a limit is given.
  const timeLimitS = Number(values['time-limit'] ?? (untilConverged ? 10 : set === 'cvrp' ? 5 : 10));
  const bks = readCsv(join(dir, 'bks.csv')).filter((r) =>
    set === 'cvrp' ? r.file_in_this_folder === 'yes' : true,
  );
  const rows: Row[] = [];
  console.log(
    `\n## ${set === 'cvrp' ? 'CVRPLIB X' : `Solomon VRPTW (${hierarchical ? 'hierarchical' : 'distance-only'} BKS)`}, ${untilConverged ? `until converged (cap ${timeLimitS} s)` : `${timeLimitS} s`} per instance, seed ${seed}`,
  );
  console.log(`commit ${commit()}`);
  if (values.param.length > 0) console.log(`search parameters: ${values.param.join(' ')}`);
  if (variants.length > 1) console.log(`variants: ${values.variant.join(' | ')}`);
  if (maxIterations !== undefined) console.log(`iteration limit: ${maxIterations} per search`);
  console.log(
    `load average at start: ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}\n`,
  );
  if (hierarchical)
    console.log(
      'objective: fewest vehicles, then distance; BKS is the hierarchical one (vehicles / distance)\n',
    );
  const variantColumn = variants.length > 1;
  console.log(
    `| instance |${variantColumn ? ' variant |' : ''} threads | BKS | cost | gap % | vehicles | time s | CPU s | iterations | RSS MB | check |`,
  );
  console.log(`|---|${variantColumn ? '---|' : ''}---:|---:|---:|---:|---:|---:|---:|---:|---:|---|`);
  for (const b of bks) {
    if (only && !only.has(b.instance!)) continue;
    const file = join(dir, set === 'cvrp' ? `${b.instance}.vrp` : `${b.instance}.txt`);
    if (!existsSync(file)) continue;
    const text = readFileSync(file, 'utf8');
    // Each variant and thread count in turn on this instance, so that they run under the same load.
    for (const config of configs) rows.push(solveRow(set, b, file, text, config, timeLimitS));
  }
  if (rows.length === 0) return;
  console.log('');
  for (const config of configs) {
    const of = rows.filter((r) => r.config === config);
    const mean = (key: 'gap' | 'timeS' | 'cpuS') => of.reduce((a, r) => a + r[key], 0) / of.length;
    console.log(
      `${configLabel(config)}mean gap ${mean('gap').toFixed(2)} % over ${of.length} instances, mean time ${mean('timeS').toFixed(2)} s, mean CPU ${mean('cpuS').toFixed(2)} s; ${of.filter((r) => !r.ok).length} failed checks`,
    );
  }
  console.log(
    `load average at end: ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}`,
  );
}

/** "variant, threads N: " for the summary lines, as far as more than one was compared. */
function configLabel(config: Config): string {
  const parts = [
    ...(variants.length > 1 ? [config.variant.name] : []),
    ...(threadCounts.length > 1 ? [`threads ${config.threads}`] : []),
  ];
  return parts.length > 0 ? `${parts.join(', ')}: ` : '';
}

/** Solves one instance with the config's searches and parameters, checks the answer, prints its row. */
function solveRow(
  set: 'cvrp' | 'vrptw',
  b: Record<string, string>,
  file: string,
  text: string,
  config: Config,
  timeLimitS: number,
): Row {
  const threads = config.threads;
  const untilConverged = values['until-converged'];
  const parsed = set === 'cvrp' ? parseVrplib(text, file) : parseSolomon(text, file);
  if (hierarchical) parsed.spec.objective = 'vehicles';
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  const inst = buildInstance(parsed.spec);
  // The limit covers building the instance too: matrix and neighbour lists are part of the work.
  const buildS = (performance.now() - start) / 1000;
  const result = solveInstance(inst, {
    timeLimitS: Math.max(0.01, timeLimitS - buildS),
    ...(untilConverged ? { untilConverged } : {}),
    ...(maxIterations !== undefined ? { maxIterations } : {}),
    seed,
    params: config.variant.params as Partial<SearchParams>,
    threads,
  });
  const timeS = (performance.now() - start) / 1000;
  // The whole process: every search thread's CPU time, so a reader sees whether N threads got N cores.
  const cpu = process.cpuUsage(cpuStart);
  const check = checkSolution(
    inst,
    result.routes,
    result.unassigned.map((u) => u.task),
  );
  const best = Number(set === 'cvrp' ? b.bks_cost : hierarchical ? b.bks_hier_distance : b.bks_dist_distance);
  const bestVehicles = hierarchical && set === 'vrptw' ? ` (${b.bks_hier_vehicles} veh)` : '';
  // A distance gap means little when the vehicle counts differ; say so beside it.
  const extraVehicles = hierarchical && set === 'vrptw' ? result.vehicles - Number(b.bks_hier_vehicles) : 0;
  const vehicleDiff = extraVehicles !== 0 ? ` (${extraVehicles > 0 ? '+' : ''}${extraVehicles} veh)` : '';
  const cost = set === 'vrptw' ? Math.round(result.cost * 100) / 100 : result.cost;
  const ok =
    check.violations.length === 0 &&
    result.unassigned.length === 0 &&
    Math.abs(check.cost - result.cost) < 1e-6;
  const row: Row = {
    instance: b.instance!,
    config,
    bks: best,
    cost,
    gap: (100 * (cost - best)) / best,
    vehicles: result.vehicles,
    timeS,
    iterations: result.iterations,
    cpuS: (cpu.user + cpu.system) / 1e6,
    rssMb: process.memoryUsage().rss / 1024 / 1024,
    ok,
  };
  const why = ok
    ? 'ok'
    : `FAIL: ${[...check.violations.slice(0, 3), result.unassigned.length ? `${result.unassigned.length} unassigned` : ''].join('; ')}`;
  console.log(
    `| ${row.instance} |${variants.length > 1 ? ` ${config.variant.name} |` : ''} ${threads} | ${best}${bestVehicles} | ${cost} | ${row.gap.toFixed(2)}${vehicleDiff} | ${row.vehicles} | ${timeS.toFixed(2)} | ${row.cpuS.toFixed(2)} | ${row.iterations} | ${row.rssMb.toFixed(0)} | ${why} |`,
  );
  return row;
}

for (const s of sets) runSet(s as 'cvrp' | 'vrptw');
