import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildInstance, checkSolution, solveInstance } from '../src/index';
import { CASES, goldenAnswer, runnable, type GoldenAnswer } from './golden/cases';

const recorded = JSON.parse(
  readFileSync(join(import.meta.dirname, 'golden', 'solutions.json'), 'utf8'),
) as Record<string, GoldenAnswer>;

describe('same behaviour: the recorded answers for fixed instances, seeds and iteration limits', () => {
  for (const c of CASES) {
    it(c.name, (ctx) => {
      if (!runnable(c)) ctx.skip(`${c.name} needs ../shared/benchmarks`);
      const inst = buildInstance(c.spec());
      const result = solveInstance(inst, { maxIterations: c.maxIterations, seed: c.seed });
      const check = checkSolution(
        inst,
        result.routes,
        result.unassigned.map((u) => u.task),
      );
      expect(check.violations).toEqual([]);
      expect(goldenAnswer(result)).toEqual(recorded[c.name]);
    });
  }
});
