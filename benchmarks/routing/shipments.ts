/**
 * tsx benchmarks/routing/shipments.ts <iterations | seconds followed by s> [key=value search parameters…]
 * Pickup-and-delivery with jobs (the generated instances of the same-behaviour test, seeds 1–10:
 * 20 jobs, 25 shipments, two profiles, windows): solves each at a fixed iteration count (or
 * time limit, e.g. `1s`), seeds 1–3, and prints the mean cost and CPU time. No public pickup-and-delivery set is in
 * ../shared/benchmarks; this compares search variants on the same work.
 */
import { checkSolution, buildInstance, solveInstance, type SearchParams } from '@paketbygd/routing';
import { shipmentSpec } from '../../packages/routing/test/golden/cases';

const [iterationsArg = '3000', ...rest] = process.argv.slice(2);
const bySeconds = iterationsArg.endsWith('s');
const budget = Number(bySeconds ? iterationsArg.slice(0, -1) : iterationsArg);
if (!(budget > 0) || (!bySeconds && !Number.isInteger(budget)))
  throw new Error(`budget: a positive iteration count or seconds such as 1s, not ${iterationsArg}`);
const params: Partial<Record<keyof SearchParams, number | boolean>> = {};
for (const kv of rest) {
  const [k, v] = kv.split('=');
  params[k as keyof SearchParams] = v === 'true' ? true : v === 'false' ? false : Number(v);
}
const cpu0 = process.cpuUsage();
let total = 0;
let runs = 0;
const costs: string[] = [];
for (let instance = 1; instance <= 10; instance++) {
  const inst = buildInstance(shipmentSpec(instance));
  for (let seed = 1; seed <= 3; seed++) {
    const res = solveInstance(inst, {
      ...(bySeconds ? { timeLimitS: budget } : { maxIterations: budget }),
      seed,
      params: params as Partial<SearchParams>,
    });
    const check = checkSolution(
      inst,
      res.routes,
      res.unassigned.map((u) => u.task),
    );
    if (check.violations.length > 0)
      throw new Error(`instance ${instance} seed ${seed}: ${check.violations[0]}`);
    total += res.cost;
    runs++;
    costs.push(res.cost.toFixed(0));
  }
}
const cpu = process.cpuUsage(cpu0);
console.log(
  `${rest.join(' ') || 'defaults'}: mean cost ${(total / runs).toFixed(1)} over ${runs} runs, cpu ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s`,
);
console.log(costs.join(' '));
