import { describe, expect, it } from 'vitest';
import { RoutingProblem, RoutingSolution } from '@paketbygd/model';
import { solveRoutingProblem } from '../../src/index';
import request from './example-3.request.json';
import documented from './example-3.solution.json';
import { withDocumentedMatrix } from './docs-matrix';

const sorted = (violations: unknown[]) =>
  [...(violations as { cause: string }[])].sort((a, b) => a.cause.localeCompare(b.cause));

describe("VROOM's documented example 3 (plan mode: given steps, ETAs and violations)", () => {
  // VROOM's -c is a command-line flag; vroom-express passes it as options.c.
  const problem = RoutingProblem.parse({
    ...withDocumentedMatrix(request, documented),
    options: { c: true },
  });
  const answer = RoutingSolution.parse(solveRoutingProblem(problem));

  it('keeps the given routes and reports the documented ETAs, loads and violations per step', () => {
    expect(answer.code).toBe(0);
    expect(answer.routes.map((r) => r.vehicle)).toEqual(documented.routes.map((r) => r.vehicle));
    answer.routes.forEach((route, i) => {
      const expected = documented.routes[i]!;
      expect(route.steps.map((s) => [s.type, s.id])).toEqual(expected.steps.map((s) => [s.type, s.id]));
      expect(route.steps.map((s) => s.arrival)).toEqual(expected.steps.map((s) => s.arrival));
      expect(route.steps.map((s) => s.load)).toEqual(expected.steps.map((s) => s.load));
      expect(route.steps.map((s) => sorted(s.violations))).toEqual(
        expected.steps.map((s) => sorted(s.violations)),
      );
      expect(sorted(route.violations)).toEqual(sorted(expected.violations));
      expect(route.cost).toBe(expected.cost);
    });
  });

  it('sums the violations in the summary as VROOM does', () => {
    expect(sorted(answer.summary.violations)).toEqual(sorted(documented.summary.violations));
    expect(answer.summary.cost).toBe(documented.summary.cost);
    expect(answer.summary.service).toBe(documented.summary.service);
    expect(answer.unassigned).toEqual([]);
  });
});
