import { readFileSync } from 'node:fs';
import {
  buildInstance,
  checkSolution,
  parseSolomon,
  parseVrplib,
  solveInstance,
} from '../../packages/routing/src/index';
const [file, tl] = process.argv.slice(2);
const text = readFileSync(file!, 'utf8');
const parsed = file!.endsWith('.vrp') ? parseVrplib(text, file) : parseSolomon(text, file);
const t0 = performance.now();
const inst = buildInstance(parsed.spec);
console.log('build', ((performance.now() - t0) / 1000).toFixed(2));
const res = solveInstance(inst, {
  timeLimitS: Number(tl ?? 5),
  seed: 1,
  onProgress: (p) =>
    process.stderr.write(`${p.elapsedS.toFixed(2)} ${p.iterations} ${p.cost.toFixed(2)} ${p.vehicles}\n`),
});
const chk = checkSolution(
  inst,
  res.routes,
  res.unassigned.map((u) => u.task),
);
console.log(
  res.cost,
  res.vehicles,
  res.iterations,
  res.elapsedS.toFixed(2),
  chk.violations.slice(0, 5),
  chk.cost,
);
