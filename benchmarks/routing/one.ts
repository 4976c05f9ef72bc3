/**
 * tsx benchmarks/routing/one.ts <file> [seconds | iNNN iterations] [seed] [key=value search parameters…]
 * Solves one instance and prints the progress (best cost over time) and the checked result.
 */
import { readFileSync } from 'node:fs';
// The package's public face. It also loads the VROOM converter and with it @paketbygd/model (zod),
// which the core does not need: about 35 MB more RSS than importing the solver's modules directly
// did (X-n101-k25, 2000 iterations: 89-93 MB then, 122-132 MB now; cost, vehicles and CPU time the
// same). RSS figures in RESULTS.md from before this change are lower by that much.
import {
  checkSolution,
  buildInstance,
  parseSolomon,
  parseVrplib,
  solveInstance,
  type SearchParams,
} from '@paketbygd/routing';

const [file, seconds = '5', seed = '1', ...rest] = process.argv.slice(2);
if (!file) throw new Error('usage: one.ts <file> [seconds] [seed] [key=value…]');
const params: Partial<Record<keyof SearchParams, number | boolean>> = {};
for (const kv of rest) {
  const [k, v] = kv.split('=');
  params[k as keyof SearchParams] = v === 'true' ? true : v === 'false' ? false : Number(v);
}
const text = readFileSync(file, 'utf8');
const parsed = file.endsWith('.vrp') ? parseVrplib(text, file) : parseSolomon(text, file);
const t0 = performance.now();
const inst = buildInstance(parsed.spec);
const buildS = (performance.now() - t0) / 1000;
let last = 0;
// "i20000" means 20 000 iterations instead of seconds: a fixed amount of work whose CPU time
// compares code versions on a busy machine.
const byIterations = seconds.startsWith('i');
const cpu0 = process.cpuUsage();
const res = solveInstance(inst, {
  ...(byIterations ? { maxIterations: Number(seconds.slice(1)) } : { timeLimitS: Number(seconds) }),
  seed: Number(seed),
  params: params as Partial<SearchParams>,
  onProgress: (p) => {
    if (p.elapsedS - last > 1) {
      last = p.elapsedS;
      console.log(
        `  ${p.elapsedS.toFixed(1)} s  it ${p.iterations}  cost ${p.cost.toFixed(2)}  veh ${p.vehicles}`,
      );
    }
  },
});
const check = checkSolution(
  inst,
  res.routes,
  res.unassigned.map((u) => u.task),
);
const cpu = process.cpuUsage(cpu0);
console.log(
  `cpu ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s ${parsed.name}: cost ${res.cost.toFixed(2)} vehicles ${res.vehicles} iterations ${res.iterations} build ${buildS.toFixed(2)} s solve ${res.elapsedS.toFixed(2)} s rss ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB violations ${check.violations.length}`,
);
