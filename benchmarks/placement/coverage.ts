/**
 * Random maximal-covering models, 500 sites × 5000 demand points (default), uniform in a
 * 100 km square, weights 1–100. Target: proven optimal within 10 s.
 * Usage: pnpm bench:placement coverage [--sites 500] [--points 5000] [--time-limit 10]
 *   [--radius 5000,7500,10000] [--p 10,25,50] [--methods auto,mip]
 */
import { loadHighsThreadSolver, solvePlacementSync, type PlacementInstance } from '@paketbygd/placement';
import { Mulberry32 } from '@paketbygd/random';
import { arg, machineLine } from './common';

const nSites = Number(arg('sites', '500'));
const nPoints = Number(arg('points', '5000'));
const timeLimitS = Number(arg('time-limit', '10'));
const sideM = 100_000;
// 5 km: about 4 sites within reach of a point; 7.5 km: about 9; 10 km: about 16.
const radiiM = arg('radius', '5000,7500,10000')!.split(',').map(Number);
const ps = arg('p', '10,25,50')!.split(',').map(Number);
const methods = arg('methods', 'auto,mip')!.split(',') as ('auto' | 'mip')[];
const radiusAndP = radiiM.flatMap((r) => ps.map((p) => [r, p] as const));

function randomInstance(seed: number): PlacementInstance {
  const rng = new Mulberry32(seed);
  const px = Float64Array.from({ length: nPoints }, () => rng.next() * sideM);
  const py = Float64Array.from({ length: nPoints }, () => rng.next() * sideM);
  const sx = Float64Array.from({ length: nSites }, () => rng.next() * sideM);
  const sy = Float64Array.from({ length: nSites }, () => rng.next() * sideM);
  const distanceM = new Float64Array(nPoints * nSites);
  for (let i = 0; i < nPoints; i++) {
    for (let j = 0; j < nSites; j++) distanceM[i * nSites + j] = Math.hypot(px[i]! - sx[j]!, py[i]! - sy[j]!);
  }
  return {
    demandIds: Array.from({ length: nPoints }, (_, i) => `d${i}`),
    weights: Float64Array.from({ length: nPoints }, () => 1 + Math.floor(rng.next() * 100)),
    siteIds: Array.from({ length: nSites }, (_, j) => `s${j}`),
    fixedOpen: new Uint8Array(nSites),
    siteCostPerYear: new Float64Array(nSites),
    distanceM,
  };
}

const mip = await loadHighsThreadSolver();
console.log(
  `# Random coverage ${nSites} sites × ${nPoints} points, ${sideM / 1000} km square, time limit ${timeLimitS} s`,
);
console.log(machineLine());
console.log('');
console.log('| seed | radius m | p | method | covered % | proven gap % | status | time s |');
console.log('|---|---|---|---|---|---|---|---|');
for (const seed of [1, 2, 3]) {
  const inst = randomInstance(seed);
  for (const [radiusM, p] of radiusAndP) {
    for (const method of methods) {
      const r = solvePlacementSync(
        inst,
        { model: 'coverage', p, radiusM, timeLimitS, mipRelGap: 0, method, seed },
        mip,
      );
      console.log(
        `| ${seed} | ${radiusM} | ${p} | ${method} | ${((100 * r.objective) / r.totalWeight).toFixed(3)} | ${r.gapPct.toFixed(4)} | ${r.status} | ${r.timeS.toFixed(2)} |`,
      );
    }
  }
}
console.log(`finished: ${machineLine()}`);
