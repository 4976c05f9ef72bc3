/**
 * HiGHS against javascript-lp-solver on the models the package builds (`method: 'mip'`, so the
 * backend alone decides): random p-median, coverage and capacity from 5 sites × 20 points to
 * 200 sites × 1000 points, and the Vingåker example. Every solve runs in a fresh worker thread,
 * as a fresh worker thread per request would, so HiGHS's WebAssembly load is paid and timed
 * each time; javascript-lp-solver checks its timeout only between branch-and-bound nodes, so
 * the worker is terminated at the time limit + 20 s.
 * Usage: pnpm bench:placement backends [--time-limit 30] [--repeat 5] [--only tiny,vingaker]
 *   [--backends highs,lp-solver] [--lp-max-cells 25000000]
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { parseOrThrow } from '@paketbygd/model';
import {
  loadHighsSolver,
  solvePlacementSync,
  type MipModel,
  type MipOptions,
  type MipResult,
  type MipSolver,
  type PlacementInstance,
  type PlacementOptions,
  type PlacementResult,
} from '@paketbygd/placement';
import { scenarioPlacement } from '@paketbygd/planner';
import { Mulberry32 } from '@paketbygd/random';
import { arg, machineLine, median } from './common';

type Backend = 'highs' | 'lp-solver';
type Model = 'pmedian' | 'coverage' | 'capacity';

interface CaseSpec {
  group: string;
  /** 'vingaker', or random with this many sites and points. */
  source: 'vingaker' | { sites: number; points: number; p: number; radiusM?: number };
  model: Model;
}

interface Outcome {
  loadS: number;
  firstS: number;
  medianS: number;
  runs: number;
  mipS: number;
  size: string;
  result: Pick<PlacementResult, 'status' | 'objective' | 'bound' | 'gapPct'>;
  mipStatus: string;
}

const VINGAKER = fileURLToPath(new URL('../../examples/vingaker/scenario.json', import.meta.url));
/** Random instances keep the density of the coverage benchmark (500 sites per 100 km square): ~4 sites within 5 km. */
const RADIUS_M = 5000;

async function build(spec: CaseSpec): Promise<{ instance: PlacementInstance; options: PlacementOptions }> {
  if (spec.source === 'vingaker') {
    const scenario = parseOrThrow('scenario', readFileSync(VINGAKER, 'utf8'), VINGAKER);
    const { instance, p, budgetPerYear, radiusM } = await scenarioPlacement(scenario);
    return { instance, options: { model: spec.model, p, budgetPerYear, radiusM, method: 'mip' } };
  }
  const { sites: m, points: n, p } = spec.source;
  const rng = new Mulberry32(1000 * m + n);
  const side = 100_000 * Math.sqrt(m / 500);
  const px = Float64Array.from({ length: n }, () => rng.next() * side);
  const py = Float64Array.from({ length: n }, () => rng.next() * side);
  const sx = Float64Array.from({ length: m }, () => rng.next() * side);
  const sy = Float64Array.from({ length: m }, () => rng.next() * side);
  const distanceM = new Float64Array(n * m);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < m; j++)
      distanceM[i * m + j] = Math.round(Math.hypot(px[i]! - sx[j]!, py[i]! - sy[j]!));
  const weights = Float64Array.from({ length: n }, () => 1 + Math.floor(rng.next() * 50));
  const demandLoad = Float64Array.from({ length: n }, () => 1 + Math.floor(rng.next() * 5));
  const totalLoad = demandLoad.reduce((s, x) => s + x, 0);
  const instance: PlacementInstance = {
    demandIds: Array.from({ length: n }, (_, i) => `d${i}`),
    weights,
    siteIds: Array.from({ length: m }, (_, j) => `s${j}`),
    fixedOpen: new Uint8Array(m),
    siteCostPerYear: new Float64Array(m).fill(1),
    distanceM,
    demandLoad,
    // p boxes hold at most 30 % of all parcels: capacity binds.
    siteCapacity: new Float64Array(m).fill(Math.ceil((0.3 * totalLoad) / p)),
  };
  return {
    instance,
    options: {
      model: spec.model,
      p,
      radiusM: spec.model === 'pmedian' ? undefined : (spec.source.radiusM ?? RADIUS_M),
      method: 'mip',
    },
  };
}

/** In the worker: load the backend, build the case, solve it `repeat` times (fewer when slow). */
async function runInWorker(data: {
  spec: CaseSpec;
  backend: Backend;
  timeLimitS: number;
  repeat: number;
  maxCells?: number;
}) {
  const t0 = performance.now();
  // HiGHS: instantiating its WebAssembly; javascript-lp-solver: importing it (with tsx's transform of the backend file).
  const inner: MipSolver =
    data.backend === 'highs'
      ? await loadHighsSolver()
      : (await import('../../packages/placement/test/lp-solver-backend')).lpSolverBackend({
          maxTableauCells: data.maxCells,
        });
  const loadS = (performance.now() - t0) / 1000;
  const { instance, options } = await build(data.spec);
  const results: MipResult[] = [];
  const models: MipModel[] = [];
  const solver: MipSolver = {
    name: inner.name,
    solve(model: MipModel, o: MipOptions) {
      models.push(model);
      const r = inner.solve(model, o);
      results.push(r);
      return r;
    },
  };
  const times: number[] = [];
  let result: PlacementResult | undefined;
  let mipS = 0;
  for (let k = 0; k < data.repeat; k++) {
    results.length = 0;
    const t = performance.now();
    result = solvePlacementSync(instance, { ...options, timeLimitS: data.timeLimitS, mipRelGap: 0 }, solver);
    times.push((performance.now() - t) / 1000);
    mipS = results.reduce((s, r) => s + r.timeS, 0);
    // Repeats only where they are cheap: they measure the warm per-solve time.
    if (times[0]! > 2) break;
  }
  const model = models[0]!;
  const size = `${model.colCost.length} / ${model.rowLower.length} / ${model.rowIndices.length}`;
  const outcome: Outcome = {
    loadS,
    firstS: times[0]!,
    medianS: median(times),
    runs: times.length,
    mipS,
    size,
    result: {
      status: result!.status,
      objective: result!.objective,
      bound: result!.bound,
      gapPct: result!.gapPct,
    },
    mipStatus: results.map((r) => r.status + (r.message ? ` (${r.message})` : '')).join(', '),
  };
  parentPort!.postMessage(outcome);
}

const WORKER_CODE = `
const { workerData } = require('node:worker_threads');
import(workerData.tsx).then(({ tsImport }) => tsImport(workerData.self, workerData.self));
`;

function inWorker(
  spec: CaseSpec,
  backend: Backend,
  timeLimitS: number,
  repeat: number,
  maxCells: number | undefined,
): Promise<Outcome | { killed: number } | { error: string }> {
  const tsx = import.meta.resolve('tsx/esm/api');
  return new Promise((resolve) => {
    const worker = new Worker(WORKER_CODE, {
      eval: true,
      workerData: {
        backendsBench: true,
        tsx,
        self: import.meta.url,
        spec,
        backend,
        timeLimitS,
        repeat,
        maxCells,
      },
    });
    const started = performance.now();
    const killAfterS = timeLimitS + 20;
    const timer = setTimeout(() => {
      void worker.terminate();
      resolve({ killed: (performance.now() - started) / 1000 });
    }, killAfterS * 1000);
    worker.once('message', (m: Outcome) => {
      clearTimeout(timer);
      void worker.terminate();
      resolve(m);
    });
    worker.once('error', (e) => {
      clearTimeout(timer);
      resolve({ error: String(e.message ?? e).slice(0, 120) });
    });
  });
}

const fmt = (x: number, d = 3) => (Number.isFinite(x) ? x.toFixed(d) : String(x));

async function main() {
  const timeLimitS = Number(arg('time-limit', '30'));
  const repeat = Number(arg('repeat', '5'));
  const only = arg('only')?.split(',');
  const backends = (arg('backends') ?? 'highs,lp-solver').split(',') as Backend[];
  // javascript-lp-solver refuses models whose dense tableau exceeds this (default 25 M cells).
  const maxCells = arg('lp-max-cells') !== undefined ? Number(arg('lp-max-cells')) : undefined;
  const random = (sites: number, points: number, p: number, radiusM?: number) => ({
    sites,
    points,
    p,
    radiusM,
  });
  const specs: CaseSpec[] = [];
  const add = (group: string, source: CaseSpec['source'], models: Model[]) => {
    for (const model of models) specs.push({ group, source, model });
  };
  add('tiny', random(5, 20, 2), ['pmedian', 'coverage', 'capacity']);
  add('vingaker', 'vingaker', ['pmedian', 'coverage', 'capacity']);
  add('small', random(20, 100, 3), ['pmedian', 'coverage', 'capacity']);
  add('medium', random(50, 500, 5), ['pmedian', 'coverage', 'capacity']);
  add('large', random(100, 1000, 10), ['pmedian', 'coverage']);
  add('xlarge', random(200, 1000, 10), ['pmedian', 'coverage']);
  // A 10 km radius: ~16 sites in reach per point, a fractional LP (the coverage benchmark's hard case).
  add('dense', random(50, 500, 5, 10_000), ['coverage', 'capacity']);
  add('dense', random(200, 1000, 10, 10_000), ['coverage']);

  console.log(
    `# HiGHS vs javascript-lp-solver, method 'mip', time limit ${timeLimitS} s${maxCells ? `, lp-solver tableau limit ${maxCells / 1e6} M cells` : ''}`,
  );
  console.log(machineLine());
  console.log('');
  console.log(
    '| case | model | sites × points | p | MIP cols / rows / nonzeros | backend | load s | first solve s | median solve s (runs) | load + first s | status | objective | gap % | backend status |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|---|---|---|---|---|');
  for (const spec of specs) {
    if (only && !only.includes(spec.group)) continue;
    const dims =
      spec.source === 'vingaker'
        ? '16 × 24 (2 fixed), r 5 km'
        : `${spec.source.sites} × ${spec.source.points}${spec.model === 'pmedian' ? '' : `, r ${(spec.source.radiusM ?? RADIUS_M) / 1000} km`}`;
    const p = spec.source === 'vingaker' ? '5, budget' : String(spec.source.p);
    let highsObjective = NaN;
    for (const backend of backends) {
      const o = await inWorker(spec, backend, timeLimitS, repeat, maxCells);
      const head = `| ${spec.group} | ${spec.model} | ${dims} | ${p}`;
      if ('killed' in o) {
        console.log(`${head} | | ${backend} | | | | | killed at ${fmt(o.killed, 1)} s (no answer) | | | |`);
        continue;
      }
      if ('error' in o) {
        console.log(`${head} | | ${backend} | | | | | error | | | ${o.error} |`);
        continue;
      }
      if (backend === 'highs') highsObjective = o.result.objective;
      const same =
        backend === 'lp-solver' && Number.isFinite(o.result.objective) && Number.isFinite(highsObjective)
          ? Math.abs(o.result.objective - highsObjective) <= 1e-6 * Math.max(1, Math.abs(highsObjective))
            ? ' (= HiGHS)'
            : ' (≠ HiGHS)'
          : '';
      console.log(
        `${head} | ${o.size} | ${backend} | ${fmt(o.loadS)} | ${fmt(o.firstS)} | ${fmt(o.medianS)} (${o.runs}) | ${fmt(o.loadS + o.firstS)} | ${o.result.status} | ${fmt(o.result.objective, 2)}${same} | ${fmt(o.result.gapPct)} | ${o.mipStatus} |`,
      );
    }
  }
  console.log(`finished: ${machineLine()}`);
}

if (isMainThread) await main();
else if ((workerData as { backendsBench?: boolean } | null)?.backendsBench)
  await runInWorker(workerData as Parameters<typeof runInWorker>[0]);
