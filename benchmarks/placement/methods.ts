/**
 * Which solver when: the full MIP (Elloumi formulation, HiGHS alone) against the default
 * (interchange + Lagrangian bound + HiGHS on the reduced model) on OR-Library instances, with
 * model size and the HiGHS WebAssembly heap after each solve.
 * Usage: pnpm bench:placement methods [--only pmed1,pmed6] [--time-limit 60]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  highsHeapBytes,
  loadHighsSolver,
  orLibraryToMedian,
  orLibraryToPlacement,
  parseOrLibraryPMedian,
  solvePlacementSync,
  buildMedianMip,
} from '@paketbygd/placement';
import { arg, machineLine, PMEDIAN_DIR, requireData } from './common';

requireData(PMEDIAN_DIR);
const names = (arg('only') ?? 'pmed1,pmed5,pmed6,pmed11,pmed15,pmed16,pmed20,pmed25,pmed40').split(',');
const timeLimitS = Number(arg('time-limit', '60'));
const mip = await loadHighsSolver();
console.log(`# Full MIP vs default, time limit ${timeLimitS} s`);
console.log(machineLine());
console.log('');
console.log(
  '| instance | n | p | full model cols / nonzeros | method | objective | status | proven gap % | time s | HiGHS heap MB after |',
);
console.log('|---|---|---|---|---|---|---|---|---|---|');
for (const name of names) {
  const parsed = parseOrLibraryPMedian(
    readFileSync(join(PMEDIAN_DIR, 'instances', `${name}.txt`), 'utf8'),
    name,
  );
  const size = buildMedianMip(orLibraryToMedian(parsed), { p: parsed.p }).model;
  const instance = orLibraryToPlacement(parsed);
  for (const method of ['mip', 'auto'] as const) {
    const r = solvePlacementSync(
      instance,
      { model: 'pmedian', p: parsed.p, timeLimitS, mipRelGap: 0, method },
      mip,
    );
    const heapMb = (await highsHeapBytes()) / 1024 / 1024;
    console.log(
      `| ${name} | ${parsed.nVertices} | ${parsed.p} | ${size.colCost.length} / ${size.rowIndices.length} | ${method} | ${r.objective} | ${r.status} | ${r.gapPct.toFixed(3)} | ${r.timeS.toFixed(2)} | ${heapMb.toFixed(0)} |`,
    );
  }
}
console.log(`finished: ${machineLine()}`);
