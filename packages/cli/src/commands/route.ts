import { readFileSync, statSync } from 'node:fs';
import type { Command } from 'commander';
import {
  buildInstance,
  checkSolution,
  maxThreads,
  parseSolomon,
  parseVrplib,
  solveInstance,
  type Progress,
} from '@paketbygd/routing';
import { stringifyJson, withNumericIds, type JobProgress } from '@paketbygd/model';
import { routeTimeLimitS, routeUntilConverged, solveRouteJob } from '@paketbygd/planner';
import { CliError } from '../errors';
import { numberFlag, parseNumberFlag } from '../flags';
import { loadDocument } from '../read-document';
import { addTravelFlags, travelSettingsFromFlags, type TravelFlags } from './travel-flags';

interface RouteOptions extends TravelFlags {
  timeLimit?: number;
  untilConverged?: boolean;
  seed?: number;
  threads?: number;
  json?: boolean;
  quiet?: boolean;
}

type Format = 'vrplib' | 'solomon' | 'json';

function detectFormat(file: string, text: string): Format {
  if (/\.vrp$/i.test(file)) return 'vrplib';
  if (/\.json$/i.test(file)) return 'json';
  if (/\.txt$/i.test(file)) return 'solomon';
  const head = text.trimStart();
  if (head.startsWith('{')) return 'json';
  if (/^NAME\s*:/m.test(head)) return 'vrplib';
  if (/^\s*VEHICLE\s*$/m.test(head)) return 'solomon';
  throw new CliError(
    `${file}: cannot tell the format; use .vrp (VRPLIB), .txt (Solomon) or .json (VROOM request)`,
  );
}

/** Prints at most one progress line a second, so a long run shows it is alive. */
function throttledPrinter<T>(quiet: boolean | undefined, line: (progress: T) => string) {
  if (quiet) return undefined;
  let lastMs = -Infinity;
  return (progress: T) => {
    const now = performance.now();
    if (now - lastMs < 1000) return;
    lastMs = now;
    process.stderr.write(`route: ${line(progress)}\n`);
  };
}

const searchLine = (p: Progress) =>
  `${p.elapsedS.toFixed(1)} s, ${p.iterations} iterations, best cost ${round2(p.cost)}, ${p.vehicles} vehicles${p.unassigned ? `, ${p.unassigned} unassigned` : ''}`;

const jobLine = (p: JobProgress) =>
  `${p.percent.toFixed(0)} %, ${p.message ?? ''}${p.bestCost !== undefined ? `, best cost ${round2(p.bestCost)}` : ''}`;

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

function routeTextFile(
  file: string,
  text: string,
  format: 'vrplib' | 'solomon',
  options: RouteOptions,
): void {
  let parsed;
  try {
    parsed = format === 'vrplib' ? parseVrplib(text, file) : parseSolomon(text, file);
  } catch (error) {
    throw new CliError((error as Error).message);
  }
  const inst = buildInstance(parsed.spec);
  const onProgress = throttledPrinter(options.quiet, searchLine);
  // The search is synchronous in this thread, so Ctrl-C ends the process as usual.
  const untilConverged = options.untilConverged === true || options.timeLimit === undefined;
  const result = solveInstance(inst, {
    timeLimitS: options.timeLimit ?? 10,
    ...(untilConverged ? { untilConverged } : {}),
    seed: options.seed ?? 1,
    ...(options.threads !== undefined ? { threads: options.threads } : {}),
    ...(onProgress ? { onProgress } : {}),
  });
  const check = checkSolution(
    inst,
    result.routes,
    result.unassigned.map((u) => u.task),
  );
  if (check.violations.length > 0) {
    throw new CliError(
      `internal error: the solution fails its feasibility check:\n  ${check.violations.join('\n  ')}`,
      70,
    );
  }
  const routes = result.routes.map((r) => r.tasks.map((t) => parsed.customerIds[t]!));
  const unassigned = result.unassigned.map((u) => ({ id: parsed.customerIds[u.task]!, reason: u.reason }));
  const cost = parsed.format === 'solomon' ? round2(result.cost) : result.cost;
  if (!options.quiet) {
    process.stderr.write(
      `route: ${parsed.name}: cost ${cost}, ${result.vehicles} vehicles, ${result.iterations} iterations in ${result.elapsedS.toFixed(1)} s\n`,
    );
  }
  if (options.json) {
    process.stdout.write(
      `${JSON.stringify({ cost, vehicles: result.vehicles, routes, unassigned, timeS: round2(result.elapsedS) })}\n`,
    );
  } else {
    // CVRPLIB's solution format, so the output can be saved as a .sol file.
    routes.forEach((r, i) => process.stdout.write(`Route #${i + 1}: ${r.join(' ')}\n`));
    for (const u of unassigned) process.stdout.write(`Unassigned: ${u.id} (${u.reason})\n`);
    process.stdout.write(`Cost ${cost}\n`);
  }
}

/** A VROOM request the way the service solves it (`solveRouteJob`): the same matrix, time limit and solver. */
async function routeJsonFile(file: string, options: RouteOptions): Promise<void> {
  const problem = loadDocument(file, 'routing-problem');
  const onProgress = throttledPrinter(options.quiet, jobLine);
  const untilConverged =
    options.untilConverged === true || (options.timeLimit === undefined && routeUntilConverged(problem));
  const solution = await solveRouteJob(problem, {
    travel: travelSettingsFromFlags(options),
    timeLimitS: options.timeLimit ?? routeTimeLimitS(problem),
    ...(untilConverged ? { untilConverged } : {}),
    ...(options.seed !== undefined ? { seed: options.seed } : {}),
    ...(options.threads !== undefined ? { threads: options.threads } : {}),
    ...(onProgress ? { onProgress } : {}),
  });
  if (!options.quiet) {
    process.stderr.write(
      `route: ${file}: cost ${solution.summary.cost}, ${solution.summary.routes} routes, ${solution.summary.unassigned} unassigned\n`,
    );
  }
  if (options.json) {
    // Ids above 2^53 − 1 are held as strings and written as JSON numbers, as VROOM writes them.
    process.stdout.write(`${stringifyJson(withNumericIds(solution), 2)}\n`);
    return;
  }
  for (const r of solution.routes) {
    const stops = r.steps
      .filter((s) => s.id !== undefined)
      .map((s) => `${s.type === 'job' ? '' : `${s.type} `}${s.id}`);
    process.stdout.write(
      `vehicle ${r.vehicle}${r.copy !== undefined ? `#${r.copy}` : ''}: ${stops.join(', ')} (cost ${r.cost})\n`,
    );
  }
  for (const u of solution.unassigned)
    process.stdout.write(`unassigned ${u.type} ${u.id}${u.reason ? `: ${u.reason}` : ''}\n`);
  process.stdout.write(`cost ${solution.summary.cost}\n`);
}

/** `--threads`: a whole number from 1 to twice the cores (`maxThreads`). */
function threadsFlag(value: string): number {
  const threads = parseNumberFlag(value, '--threads', { integer: true });
  if (threads > maxThreads())
    throw new CliError(`--threads must be at most ${maxThreads()} (twice the cores), not "${value}"`, 2);
  return threads;
}

export function registerRoute(program: Command): void {
  addTravelFlags(
    program
      .command('route')
      .description(
        'solve a vehicle-routing problem: VRPLIB .vrp, Solomon .txt or a VROOM JSON request (solved as POST /v1/routes does)',
      )
      .argument('<file>', 'the problem file'),
    'travel backend for a JSON request with locations and no matrices (default straightline)',
  )
    .option(
      '--time-limit <seconds>',
      "search time (for JSON the request's options.time_limit if it has one; without either, the search stops when it converges, at most 10 s)",
      numberFlag('--time-limit'),
    )
    .option(
      '--until-converged',
      'stop when the search converges (no new best for a while, growing with the size), with --time-limit as the cap',
    )
    .option(
      '--seed <n>',
      'random seed; the same seed and input give the same search',
      numberFlag('--seed', { integer: true, zero: true }),
    )
    .option(
      '--threads <n>',
      `searches at once, sharing their best solutions, 1 to ${maxThreads()} (twice the cores); default 1`,
      threadsFlag,
    )
    .option(
      '--json',
      'print JSON: {cost, vehicles, routes, unassigned, timeS} for .vrp/.txt, a RoutingSolution for JSON requests',
    )
    .option('--quiet', 'no progress lines on stderr')
    .action(async (file: string, options: RouteOptions) => {
      let isFile: boolean;
      try {
        isFile = statSync(file).isFile();
      } catch {
        throw new CliError(`${file} does not exist`);
      }
      if (!isFile) throw new CliError(`${file} is not a file`);
      const text = /\.json$/i.test(file) ? '' : readFileSync(file, 'utf8');
      const format = detectFormat(file, text);
      if (format === 'json') return routeJsonFile(file, options);
      routeTextFile(file, text, format, options);
    });
}
