/**
 * tsx benchmarks/routing/breaks.ts [iterations=2000] [instances=R101,C101,RC101,R201]
 * What vehicle breaks cost the search: each Solomon instance solved at a fixed iteration count
 * (seed 1) as it is, then with one break per vehicle (10 % of the horizon long, in a window around
 * its middle), which sends those vehicles through whole-route evaluation (`src/breaks.ts`,
 * `src/insertion-rebuild.ts`). Prints CPU time, cost and routes of both, and checks every answer.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildInstance,
  checkSolution,
  parseSolomon,
  solveInstance,
  type ModelSpec,
} from '@paketbygd/routing';

const [iterationsArg = '2000', namesArg = 'R101,C101,RC101,R201'] = process.argv.slice(2);
const iterations = Number(iterationsArg);
const ROOT = join(import.meta.dirname, '..', '..', '..', 'shared', 'benchmarks', 'vrptw');

function withBreaks(spec: ModelSpec): ModelSpec {
  return {
    ...spec,
    vehicles: spec.vehicles.map((v) => {
      const [open, close] = v.shiftS;
      const horizon = close - open;
      const middle = open + horizon / 2;
      return {
        ...v,
        breaks: [
          { id: 1, serviceS: horizon / 10, timeWindowsS: [[middle - horizon / 4, middle + horizon / 8]] },
        ],
      };
    }),
  };
}

function run(spec: ModelSpec): { cpuS: number; cost: number; routes: number; unassigned: number } {
  const inst = buildInstance(spec);
  const cpu0 = process.cpuUsage();
  const res = solveInstance(inst, { maxIterations: iterations, seed: 1 });
  const cpu = process.cpuUsage(cpu0);
  const check = checkSolution(
    inst,
    res.routes,
    res.unassigned.map((u) => u.task),
  );
  if (check.violations.length > 0) throw new Error(check.violations[0]);
  return {
    cpuS: (cpu.user + cpu.system) / 1e6,
    cost: res.cost,
    routes: res.vehicles,
    unassigned: res.unassigned.length,
  };
}

console.log(
  `| instance | plain cpu s | plain cost | with breaks cpu s | ratio | cost | routes | unassigned |`,
);
console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
for (const name of namesArg.split(',')) {
  const spec = parseSolomon(readFileSync(join(ROOT, `${name}.txt`), 'utf8'), name).spec;
  const plain = run(spec);
  const breaks = run(withBreaks(spec));
  console.log(
    `| ${name} | ${plain.cpuS.toFixed(2)} | ${plain.cost.toFixed(1)} | ${breaks.cpuS.toFixed(2)} | ${(breaks.cpuS / plain.cpuS).toFixed(1)} | ${breaks.cost.toFixed(1)} | ${breaks.routes} | ${breaks.unassigned} |`,
  );
}
