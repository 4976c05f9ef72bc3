/**
 * tsx packages/routing/test/golden/generate.ts
 * Records the solver's answers on the golden cases in solutions.json. Run it only when a commit
 * changes search decisions on purpose, and say why in that commit.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildInstance, solveInstance } from '../../src/index';
import { CASES, goldenAnswer, runnable, type GoldenAnswer } from './cases';

const answers: Record<string, GoldenAnswer> = {};
for (const c of CASES) {
  if (!runnable(c)) throw new Error(`${c.name}: the benchmark files are missing; cannot record it`);
  const start = performance.now();
  const result = solveInstance(buildInstance(c.spec()), { maxIterations: c.maxIterations, seed: c.seed });
  answers[c.name] = goldenAnswer(result);
  console.log(`${c.name}: cost ${result.cost} in ${((performance.now() - start) / 1000).toFixed(1)} s`);
}
writeFileSync(join(import.meta.dirname, 'solutions.json'), `${JSON.stringify(answers, null, 1)}\n`);
