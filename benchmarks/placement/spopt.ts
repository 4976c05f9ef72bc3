/**
 * Reproduces spopt's published San Francisco results (its tests TestRealWorldLocate):
 * p-median p = 4: mean distance 2982.1268579890657 m; MCLP 5000 m, p = 4: 89.75609756097561 % of tracts covered.
 * Usage: pnpm bench:placement spopt
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadHighsThreadSolver, solvePlacementSync, type PlacementInstance } from '@paketbygd/placement';
import { machineLine, PMEDIAN_DIR, requireData } from './common';

const file = join(PMEDIAN_DIR, 'spopt_sf', 'SF_network_distance_candidateStore_16_censusTract_205_new.csv');
requireData(file);
const lines = readFileSync(file, 'utf8').trim().split('\n').slice(1);
const records = lines.map((line) => {
  const [distance, store, tract, demand] = line.split(',');
  return { distance: Number(distance), store: store!, tract: tract!, demand: Number(demand) };
});
// spopt pivots the table with tracts and stores in name order.
const tracts = [...new Set(records.map((r) => r.tract))].sort();
const stores = [...new Set(records.map((r) => r.store))].sort();
const n = tracts.length;
const m = stores.length;
const distanceM = new Float64Array(n * m).fill(NaN);
const weights = new Float64Array(n);
for (const r of records) {
  const i = tracts.indexOf(r.tract);
  distanceM[i * m + stores.indexOf(r.store)] = r.distance;
  weights[i] = r.demand;
}
const instance: PlacementInstance = {
  demandIds: tracts,
  weights,
  siteIds: stores,
  fixedOpen: new Uint8Array(m),
  siteCostPerYear: new Float64Array(m),
  distanceM,
};
const mip = await loadHighsThreadSolver();
console.log(`# spopt San Francisco (${n} tracts × ${m} stores)`);
console.log(machineLine());
console.log('');
console.log('| model | method | ours | spopt | status | proven gap % | time s | open |');
console.log('|---|---|---|---|---|---|---|---|');
for (const method of ['auto', 'mip'] as const) {
  const pm = solvePlacementSync(
    instance,
    { model: 'pmedian', p: 4, timeLimitS: 60, mipRelGap: 0, method },
    mip,
  );
  const mean = pm.objective / pm.totalWeight;
  console.log(
    `| p-median p=4, mean distance m | ${method} | ${mean.toFixed(10)} | 2982.1268579890657 | ${pm.status} | ${pm.gapPct.toFixed(4)} | ${pm.timeS.toFixed(2)} | ${pm.open.join(' ')} |`,
  );
  const cov = solvePlacementSync(
    instance,
    { model: 'coverage', p: 4, radiusM: 5000, timeLimitS: 60, mipRelGap: 0, method },
    mip,
  );
  let coveredTracts = 0;
  for (let i = 0; i < n; i++) {
    const j = cov.assignedSite[i]!;
    if (j >= 0 && distanceM[i * m + j]! <= 5000) coveredTracts++;
  }
  console.log(
    `| MCLP 5000 m p=4, % of tracts covered | ${method} | ${((100 * coveredTracts) / n).toFixed(10)} (${coveredTracts}/${n}; population ${cov.objective}) | 89.75609756097561 (184/205; population 875247) | ${cov.status} | ${cov.gapPct.toFixed(4)} | ${cov.timeS.toFixed(2)} | ${cov.open.join(' ')} |`,
  );
}
