/**
 * Random maximal-covering models, 500 sites × 5000 demand points (default), uniform in a
 * 100 km square, weights 1–100. Target: proven optimal within 10 s.
 * Usage: pnpm bench:placement coverage [--sites 500] [--points 5000] [--time-limit 10]
 */
import {
  loadHighsSolver,
  solvePlacementSync,
  type PlacementInstance,
} from '../../packages/placement/src/index';
import { createRng } from '../../packages/placement/src/heuristics/random';
import { arg, machineLine } from './common';

const nSites = Number(arg('sites', '500'));
const nPoints = Number(arg('points', '5000'));
const timeLimitS = Number(arg('time-limit', '10'));
const sideM = 100_000;

function randomInstance(seed: number): PlacementInstance {
  const rng = createRng(seed);
  const px = Float64Array.from({ length: nPoints }, () => rng() * sideM);
  const py = Float64Array.from({ length: nPoints }, () => rng() * sideM);
  const sx = Float64Array.from({ length: nSites }, () => rng() * sideM);
  const sy = Float64Array.from({ length: nSites }, () => rng() * sideM);
  const distanceM = new Float64Array(nPoints * nSites);
  for (let i = 0; i < nPoints; i++) {
    for (let j = 0; j < nSites; j++) distanceM[i * nSites + j] = Math.hypot(px[i]! - sx[j]!, py[i]! - sy[j]!);
  }
  return {
    demandIds: Array.from({ length: nPoints }, (_, i) => `d${i}`),
    weights: Float64Array.from({ length: nPoints }, () => 1 + Math.floor(rng() * 100)),
    siteIds: Array.from({ length: nSites }, (_, j) => `s${j}`),
    fixedOpen: new Uint8Array(nSites),
    siteCostPerYear: new Float64Array(nSites),
    distanceM,
  };
}

const mip = await loadHighsSolver();
console.log(
  `# Random coverage ${nSites} sites × ${nPoints} points, ${sideM / 1000} km square, time limit ${timeLimitS} s`,
);
console.log(machineLine());
console.log('');
console.log('| seed | radius m | p | method | covered % | proven gap % | status | time s |');
console.log('|---|---|---|---|---|---|---|---|');
for (const seed of [1, 2, 3]) {
  const inst = randomInstance(seed);
  for (const [radiusM, p] of [
    [5000, 10],
    [5000, 25],
    [5000, 50],
    [10000, 25],
  ] as const) {
    for (const method of ['auto', 'mip'] as const) {
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
