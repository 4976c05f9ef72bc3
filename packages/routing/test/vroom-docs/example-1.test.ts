import { describe, expect, it } from 'vitest';
import { RoutingProblem, RoutingSolution } from '@paketbygd/model';
import {
  buildInstance,
  checkSolution,
  solveInstance,
  solveRoutingProblem,
  toModelSpec,
} from '../../src/index';
import request from './example-1.request.json';
import documented from './example-1.solution.json';
import { withDocumentedMatrix } from './docs-matrix';

const taskKeys = (s: RoutingSolution | typeof documented) =>
  s.routes.map(
    (r) =>
      `${r.vehicle}: ${r.steps.map((x) => `${x.type}${'id' in x && x.id !== undefined ? x.id : ''}`).join(' ')}`,
  );

describe("VROOM's documented example 1 (a break on vehicle 2)", () => {
  const problem = RoutingProblem.parse(withDocumentedMatrix(request, documented));
  const answer = RoutingSolution.parse(solveRoutingProblem(problem, { maxIterations: 200, seed: 1 }));

  it("answers in VROOM's shape with the break as a step, and the same routes or a better cost", () => {
    console.log(
      'example 1:',
      taskKeys(answer).join(' | '),
      'cost',
      answer.summary.cost,
      'documented',
      documented.summary.cost,
    );
    expect(answer.code).toBe(0);
    expect(answer.unassigned).toEqual([]);
    expect(answer.summary.cost).toBeLessThanOrEqual(documented.summary.cost);
    const vehicle2 = answer.routes.find((r) => r.vehicle === 2)!;
    const breakStep = vehicle2.steps.find((s) => s.type === 'break')!;
    expect(breakStep).toMatchObject({ id: 2, service: 300 });
    expect(breakStep.location).toBeUndefined();
    // The break starts in its window [1600423200, 1600425000].
    const breakStartS = breakStep.arrival + breakStep.waiting_time;
    expect(breakStartS).toBeGreaterThanOrEqual(1600423200);
    expect(breakStartS).toBeLessThanOrEqual(1600425000);
    // Service totals count the break, as VROOM's do (2100 = six tasks and one break of 300 s).
    expect(answer.summary.service).toBe(documented.summary.service);
    if (answer.summary.cost === documented.summary.cost)
      expect(taskKeys(answer)).toEqual(taskKeys(documented));
  });

  it('passes the independent checker, breaks included', () => {
    const inst = buildInstance(toModelSpec(problem).spec);
    // The lower level gives the solver's routes with their break placements.
    const solved = solveInstance(inst, { maxIterations: 200, seed: 1 });
    expect(
      checkSolution(
        inst,
        solved.routes,
        solved.unassigned.map((u) => u.task),
      ).violations,
    ).toEqual([]);
    expect(
      solved.routes.find((r) => problem.vehicles[inst.vehId[r.vehicle]!]!.id === 2)?.breaks,
    ).toHaveLength(1);
  });
});
