/**
 * pnpm bench:data [--kommuner a,b,…] [--fresh N]
 *
 * 1. `initScenario` for every kommun (or those given), in one process: "cold" forgets every file
 *    read before each kommun (so each init reads and parses all files again, as a fresh
 *    `paketbygd init` does), "warm" keeps them.
 * 2. The same, cold, in a fresh Node process for the N first kommuner of the issue (module loading
 *    not counted), and the whole `paketbygd init` command's wall time for them.
 * 3. `plan` (straight line, 1 s) on every scenario of step 1: does init then plan work on all of them.
 * 4. The spread rules' error on Dalarna against SCB's grid: share of people within 2/5/10 km of
 *    today's points, mean and max absolute error in percentage points, and the default rule per kommun.
 * Prints Markdown with the machine's load before and after. Run under the bench lock:
 *   flock /tmp/paketbygd-bench.lock pnpm bench:data
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Scenario } from '@paketbygd/model';
import { plan } from '@paketbygd/planner';
import {
  clearDataCache,
  DEFAULT_SPREAD_RULE,
  initScenario,
  listKommuner,
  measureSpreadError,
  resolveDataDir,
  SPREAD_RULES,
} from '@paketbygd/data';

const ROOT = join(import.meta.dirname, '..', '..');
const NAMED = ['Vingåker', 'Ludvika', '2506', 'Sorsele', 'Munkedal', 'Flen'];
const { values } = parseArgs({
  options: {
    kommuner: { type: 'string' },
    fresh: { type: 'string', default: String(NAMED.length) },
    'no-plan': { type: 'boolean', default: false },
  },
});

const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(', ');
const out = (line = '') => process.stdout.write(`${line}\n`);
const quantile = (xs: number[], q: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
};
const ms = (x: number) => Math.round(x).toLocaleString('en');

const dataDir = resolveDataDir();
const all = listKommuner(dataDir);
const chosen = values.kommuner ? values.kommuner.split(',').map((k) => k.trim()) : all.map((k) => k.code);

out(`# bench:data (${new Date().toISOString()})`);
out();
out(`load before: ${load()} (${process.platform}, Node ${process.version})`);
out();

// 1. All kommuner in one process, cold and warm.
const scenarios: Scenario[] = [];
const rows: {
  name: string;
  coldMs: number;
  coldCpuMs: number;
  warmMs: number;
  demand: number;
  points: number;
  sites: number;
}[] = [];
for (const kommun of chosen) {
  clearDataCache();
  let t = performance.now();
  const cpu = process.cpuUsage();
  const scenario = initScenario({ kommun, dataDir });
  const used = process.cpuUsage(cpu);
  const coldMs = performance.now() - t;
  const coldCpuMs = (used.user + used.system) / 1000;
  t = performance.now();
  initScenario({ kommun, dataDir });
  const warmMs = performance.now() - t;
  scenarios.push(scenario);
  rows.push({
    name: scenario.name.split(':')[0]!,
    coldMs,
    coldCpuMs,
    warmMs,
    demand: scenario.demand.length,
    points: scenario.pickupPoints.length,
    sites: scenario.candidateSites.length,
  });
}
const cold = rows.map((r) => r.coldMs);
const coldCpu = rows.map((r) => r.coldCpuMs);
const warm = rows.map((r) => r.warmMs);
out(`## init, ${rows.length} kommuner in one process`);
out();
out('| | median ms | p90 ms | max ms | over 3 s |');
out('|---|---|---|---|---|');
for (const [label, xs] of [
  ['cold (every file read again), wall', cold],
  ['cold, CPU time of this process', coldCpu],
  ['warm (files already read)', warm],
] as const) {
  out(
    `| ${label} | ${ms(quantile(xs, 0.5))} | ${ms(quantile(xs, 0.9))} | ${ms(Math.max(...xs))} | ${xs.filter((x) => x > 3000).length} |`,
  );
}
const slowest = [...rows].sort((a, b) => b.coldMs - a.coldMs).slice(0, 5);
out();
out(
  `slowest cold: ${slowest.map((r) => `${r.name} ${ms(r.coldMs)} ms (${r.demand} demand, ${r.points} points, ${r.sites} sites)`).join('; ')}`,
);
out();

// 2. Fresh processes.
const fresh = Number(values.fresh);
if (fresh > 0) {
  const dir = mkdtempSync(join(tmpdir(), 'bench-data-'));
  out(`## init in a fresh process (${fresh} kommuner)`);
  out();
  out('| kommun | initScenario wall ms (cold, modules loaded) | its CPU ms | `paketbygd init` wall ms |');
  out('|---|---|---|---|');
  for (const kommun of NAMED.slice(0, fresh)) {
    const one = JSON.parse(
      execFileSync(
        process.execPath,
        ['--import', 'tsx', join(ROOT, 'benchmarks', 'data', 'one.ts'), kommun],
        {
          cwd: ROOT,
          encoding: 'utf8',
        },
      ),
    ) as { kommun: string; initMs: number; cpuMs: number };
    const started = performance.now();
    execFileSync(
      process.execPath,
      [
        '--import',
        'tsx',
        join(ROOT, 'packages', 'cli', 'src', 'main.ts'),
        'init',
        '--kommun',
        kommun,
        '--out',
        join(dir, kommun),
        '--quiet',
      ],
      { cwd: ROOT, env: { ...process.env, INIT_CWD: '' } },
    );
    const wallMs = performance.now() - started;
    out(`| ${one.kommun.split(':')[0]} | ${ms(one.initMs)} | ${ms(one.cpuMs)} | ${ms(wallMs)} |`);
  }
  rmSync(dir, { recursive: true, force: true });
  out();
}

// 3. Plan every scenario.
if (!values['no-plan']) {
  const planMs: number[] = [];
  const failures: string[] = [];
  let covered = 0;
  for (const scenario of scenarios) {
    const t = performance.now();
    try {
      const result = await plan(scenario, { timeLimitS: 1, seed: 1 });
      // Equal shares may differ in the last bits of a float sum.
      const { before, after } = result.kpis;
      if (after.access.coveredPopulationShare >= before.access.coveredPopulationShare - 1e-9) {
        covered++;
      }
    } catch (error) {
      failures.push(`${scenario.name.split(':')[0]}: ${(error as Error).message}`);
    }
    planMs.push(performance.now() - t);
  }
  out(`## plan (straight line, --time-limit 1) on the ${scenarios.length} scenarios`);
  out();
  out(
    `planned: ${scenarios.length - failures.length} of ${scenarios.length}; coverage after ≥ before: ${covered}; plan ms median ${ms(quantile(planMs, 0.5))}, p90 ${ms(quantile(planMs, 0.9))}, max ${ms(Math.max(...planMs))}`,
  );
  for (const f of failures) out(`- failed: ${f}`);
  out();
}

// 4. The spread rules on Dalarna.
out("## The spread rules against SCB's grid on Dalarna's 15 kommuner");
out();
out(
  "Share of people within 2 / 5 / 10 km of today's points (2026), modelled − real, absolute, percentage points.",
);
out();
out('| rule | mean 2 km | mean 5 km | mean 10 km | max 2 km | max 5 km | max 10 km |');
out('|---|---|---|---|---|---|---|');
const pp = (x: number) => x.toFixed(2);
for (const rule of SPREAD_RULES) {
  const r = measureSpreadError(rule, dataDir);
  out(
    `| ${rule}${rule === DEFAULT_SPREAD_RULE ? ' (default)' : ''} | ${pp(r.meanAbsErrorPp[2])} | ${pp(r.meanAbsErrorPp[5])} | ${pp(r.meanAbsErrorPp[10])} | ${pp(r.maxAbsErrorPp[2])} | ${pp(r.maxAbsErrorPp[5])} | ${pp(r.maxAbsErrorPp[10])} |`,
  );
}
out();
const byKommun = measureSpreadError(DEFAULT_SPREAD_RULE, dataDir);
out(`Per kommun, rule "${DEFAULT_SPREAD_RULE}" (real share → error in pp):`);
out();
out('| kommun | people | real 2 km | real 5 km | real 10 km | error 2 km | error 5 km | error 10 km |');
out('|---|---|---|---|---|---|---|---|');
const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
const signed = (x: number) => `${x >= 0 ? '+' : ''}${x.toFixed(1)}`;
for (const k of byKommun.kommuner) {
  out(
    `| ${k.name} (${k.code}) | ${k.population.toLocaleString('en')} | ${pct(k.real[2])} | ${pct(k.real[5])} | ${pct(k.real[10])} | ${signed(k.errorPp[2])} | ${signed(k.errorPp[5])} | ${signed(k.errorPp[10])} |`,
  );
}
out();
out(`load after: ${load()}`);
