import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseJsonText, RoutingProblem } from '@paketbygd/model';
import { solveRoutingProblem } from '../src/index';

const DOCS = join(import.meta.dirname, 'vroom-docs');
const read = (name: string): unknown => {
  const parsed = parseJsonText(readFileSync(join(DOCS, name), 'utf8'));
  if (!('value' in parsed)) throw new Error(`${name}: ${parsed.message}`);
  return parsed.value;
};

/** Every key of `expected` is in `actual` with the same kind of value (arrays element by element for objects). */
function missingShape(expected: unknown, actual: unknown, path = ''): string[] {
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return [`${path}: not an array`];
    return expected.flatMap((e, i) => (i < actual.length ? missingShape(e, actual[i], `${path}[${i}]`) : []));
  }
  if (expected !== null && typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object') return [`${path}: not an object`];
    return Object.entries(expected).flatMap(([key, value]) =>
      key in actual
        ? missingShape(value, (actual as Record<string, unknown>)[key], `${path}.${key}`)
        : [`${path}.${key}: missing`],
    );
  }
  return typeof expected === typeof actual ? [] : [`${path}: ${typeof actual}, VROOM has ${typeof expected}`];
}

interface Answer {
  summary: { cost: number };
  routes: { vehicle: number | string; steps: { type: string; id?: number | string }[] }[];
}
const routesOf = (a: Answer) =>
  a.routes.map((r) => ({ vehicle: r.vehicle, steps: r.steps.map((s) => `${s.type}${s.id ?? ''}`) }));

describe("VROOM's documented example 2 (custom matrices)", () => {
  const expected = read('example_2_sol.json') as Answer;
  const answer = solveRoutingProblem(RoutingProblem.parse(read('example_2.json')), { maxIterations: 200 });

  it("answers in VROOM's shape", () => {
    expect(missingShape(expected, answer)).toEqual([]);
  });

  it('with the same routes and cost as VROOM (5461 s is the optimum: the other order costs 5605 s)', () => {
    expect(answer.summary.cost).toBeLessThanOrEqual(expected.summary.cost);
    expect(routesOf(answer)).toEqual(routesOf(expected));
    // Every number VROOM reports for the route, step by step.
    const times = (a: Answer) =>
      (a.routes as unknown as { steps: Record<string, unknown>[] }[]).map((r) =>
        r.steps.map(({ arrival, duration, setup, service, waiting_time, job, location_index }) => ({
          arrival,
          duration,
          setup,
          service,
          waiting_time,
          job,
          location_index,
        })),
      );
    expect(times(answer)).toEqual(times(expected));
    expect(answer.summary).toMatchObject({ routes: 1, unassigned: 0, setup: 0, service: 0, duration: 5461 });
  });
});
