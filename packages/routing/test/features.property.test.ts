import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildInstance, solveInstance } from '../src/index';
import { randomSpec } from './random-spec';
import { checkAnswer } from './helpers';

describe('every feature together (fast-check over random instances)', () => {
  it('every answer passes the independent checker, accounts for every task, and states a reason for each unassigned one', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), (seed) => {
        const spec = randomSpec(seed);
        const inst = buildInstance(spec);
        const res = solveInstance(inst, { maxIterations: 150, seed });
        const check = checkAnswer(inst, res);
        expect(check.violations).toEqual([]);
        expect(res.cost).toBeCloseTo(check.cost, 6);
        for (const u of res.unassigned) expect(u.reason).toMatch(/^[a-z_]+$/);
        // A task reported as needing skills nobody has really has no compatible vehicle.
        for (const u of res.unassigned) {
          if (u.reason === 'skills') {
            let any = false;
            for (let v = 0; v < inst.nVeh; v++)
              any ||=
                inst.compat[v * inst.nTasks + u.task] === 1 &&
                inst.compat[
                  v * inst.nTasks + (inst.partner[u.task]! >= 0 ? inst.partner[u.task]! : u.task)
                ] === 1;
            expect(any).toBe(false);
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it('with SWAP* and the local search on routes with shipments too, every answer passes the checker', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), (seed) => {
        const inst = buildInstance(randomSpec(seed));
        const res = solveInstance(inst, {
          maxIterations: 150,
          seed,
          params: { swapStar: true, shipmentRoutes: true },
        });
        const check = checkAnswer(inst, res);
        expect(check.violations).toEqual([]);
        expect(res.cost).toBeCloseTo(check.cost, 6);
      }),
      { numRuns: 60 },
    );
  });

  it('the same seed gives the same answer on a feature-rich instance', () => {
    const inst = buildInstance(randomSpec(4242));
    const a = solveInstance(inst, { maxIterations: 300, seed: 9 });
    const b = solveInstance(inst, { maxIterations: 300, seed: 9 });
    expect(b.routes).toEqual(a.routes);
    expect(b.unassigned).toEqual(a.unassigned);
  });
});
