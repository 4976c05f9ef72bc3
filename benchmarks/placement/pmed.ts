/**
 * OR-Library pmed1–pmed40 through the public placement API: gap to the published optimum,
 * proven gap, time. Usage: pnpm bench:placement pmed [--time-limit S] [--only pmed1,pmed2]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  loadHighsThreadSolver,
  orLibraryToPlacement,
  parseOrLibraryPMedian,
  solvePlacementSync,
} from '@paketbygd/placement';
import { arg, machineLine, median, PMEDIAN_DIR, requireData } from './common';

requireData(join(PMEDIAN_DIR, 'pmed_optimal.csv'));
const timeLimitS = Number(arg('time-limit', '50'));
const only = arg('only')?.split(',');
const rows = readFileSync(join(PMEDIAN_DIR, 'pmed_optimal.csv'), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => line.split(','))
  .map(([name, n, , p, optimum, file]) => ({
    name: name!,
    n: Number(n),
    p: Number(p),
    optimum: Number(optimum),
    file: file!,
  }))
  .filter((r) => !only || only.includes(r.name));

const mip = await loadHighsThreadSolver();
console.log(`# OR-Library p-median, time limit ${timeLimitS} s per instance`);
console.log(machineLine());
console.log('');
console.log(
  '| instance | n | p | optimum | found | gap to optimum % | proven gap % | status | solve s | total s | method |',
);
console.log('|---|---|---|---|---|---|---|---|---|---|---|');
const results: { hit: boolean; gap: number; total: number }[] = [];
for (const row of rows) {
  const t0 = performance.now();
  const text = readFileSync(join(PMEDIAN_DIR, 'instances', row.file.replace(/^.*\//, '')), 'utf8');
  const parsed = parseOrLibraryPMedian(text, row.name);
  const result = solvePlacementSync(
    orLibraryToPlacement(parsed),
    { model: 'pmedian', p: parsed.p, timeLimitS, mipRelGap: 0, seed: 1 },
    mip,
  );
  const total = (performance.now() - t0) / 1000;
  const gap = (100 * (result.objective - row.optimum)) / row.optimum;
  results.push({ hit: result.objective === row.optimum, gap, total });
  const method = result.method.replace(/\|/g, '/');
  console.log(
    `| ${row.name} | ${row.n} | ${row.p} | ${row.optimum} | ${result.objective} | ${gap.toFixed(3)} | ${result.gapPct.toFixed(3)} | ${result.status} | ${result.timeS.toFixed(2)} | ${total.toFixed(2)} | ${method} |`,
  );
}
const hits = results.filter((r) => r.hit).length;
const meanGap = results.reduce((s, r) => s + r.gap, 0) / results.length;
const times = results.map((r) => r.total);
console.log('');
console.log(
  `optimum found on ${hits}/${results.length}; mean gap to optimum ${meanGap.toFixed(4)} %; total time per instance (parse + all-pairs shortest paths + solve): median ${median(times).toFixed(2)} s, max ${Math.max(...times).toFixed(2)} s`,
);
console.log(`finished: ${machineLine()}`);
