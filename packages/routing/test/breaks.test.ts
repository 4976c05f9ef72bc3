import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Rng } from '@paketbygd/random';
import { RoutingProblem, type RoutingProblemInput } from '@paketbygd/model';
import { buildInstance, checkSolution, solveInstance, solveRoutingProblem, toModelSpec } from '../src/index';
import type { ModelSpec } from '../src/spec';
import { randomSpec } from './random-spec';
import { checkAnswer } from './helpers';

// Places on a line, 100 s apart; the depot is place 0.
const line = (n: number) =>
  Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => 100 * Math.abs(i - j)));

function problem(breaks: NonNullable<RoutingProblemInput['vehicles'][number]['breaks']>): RoutingProblem {
  return RoutingProblem.parse({
    vehicles: [{ id: 1, start_index: 0, end_index: 0, capacity: [10], time_window: [0, 2000], breaks }],
    jobs: [1, 2, 3].map((i) => ({ id: i, location_index: i, delivery: [2], service: 10 })),
    matrices: { car: { durations: line(4) } },
  });
}

describe('vehicle breaks in the search', () => {
  it('schedules a break in its window between stops, waiting for it if needed', () => {
    const answer = solveRoutingProblem(problem([{ id: 7, service: 60, time_windows: [[250, 260]] }]), {
      maxIterations: 50,
    });
    const steps = answer.routes[0]!.steps;
    expect(answer.unassigned).toEqual([]);
    const b = steps.find((s) => s.type === 'break')!;
    expect(b.arrival + b.waiting_time).toBeGreaterThanOrEqual(250);
    expect(b.arrival + b.waiting_time).toBeLessThanOrEqual(260);
    expect(answer.routes[0]!.service).toBe(3 * 10 + 60);
  });

  it('takes a break only where the load is within its max_load', () => {
    // 6 units leave the depot; the break allows at most 2 on board: after the second delivery.
    const answer = solveRoutingProblem(problem([{ id: 7, service: 30, max_load: [2] }]), {
      maxIterations: 50,
    });
    const steps = answer.routes[0]!.steps;
    const k = steps.findIndex((s) => s.type === 'break');
    expect(steps[k]!.load[0]).toBeLessThanOrEqual(2);
    expect(steps.slice(1, k).filter((s) => s.type === 'job')).toHaveLength(2);
  });

  it('leaves the tasks unassigned when no route can hold the break', () => {
    const answer = solveRoutingProblem(problem([{ id: 7, service: 60, time_windows: [[5000, 6000]] }]), {
      maxIterations: 20,
    });
    expect(answer.routes).toEqual([]);
    expect(answer.unassigned).toHaveLength(3);
  });
});

describe('the checker verifies breaks', () => {
  const p = problem([{ id: 7, service: 60, time_windows: [[250, 260]], max_load: [4] }]);
  const inst = buildInstance(toModelSpec(p).spec);
  const solved = solveInstance(inst, { maxIterations: 50 });
  const route = solved.routes[0]!;

  it("accepts the solver's placement", () => {
    expect(checkSolution(inst, solved.routes, []).violations).toEqual([]);
  });
  it('reports a missing break', () => {
    const violations = checkSolution(inst, [{ ...route, breaks: [] }], []).violations;
    // The instance numbers a vehicle's breaks by their index in `breaks` (request ids may be 64-bit).
    expect(violations.join()).toMatch(/break 0 is missing/);
  });
  it('reports a break after its windows and over its max_load', () => {
    const violations = checkSolution(inst, [{ ...route, breaks: [{ break: 0, after: 3 }] }], []).violations;
    expect(violations.join()).toMatch(/after its time windows/);
    const early = checkSolution(inst, [{ ...route, breaks: [{ break: 0, after: 0 }] }], []).violations;
    expect(early.join()).toMatch(/max_load/);
  });
});

/** Every feature at once, and one or two breaks on about half the vehicles, windows inside their shifts. */
function withRandomBreaks(spec: ModelSpec, seed: number): ModelSpec {
  const rng = new Rng(seed);
  return {
    ...spec,
    vehicles: spec.vehicles.map((v) => {
      if (rng.next() < 0.5) return v;
      const [open, close] = v.shiftS;
      const horizon = Number.isFinite(close) ? close - open : 10_000;
      const breaks = Array.from({ length: 1 + rng.int(2) }, (_, k) => {
        const start = open + rng.next() * horizon * 0.8;
        return {
          id: k + 1,
          serviceS: Math.round(rng.next() * horizon * 0.05),
          timeWindowsS: [[start, start + rng.next() * horizon * 0.3]] as [number, number][],
          ...(rng.next() < 0.3 ? { maxLoad: Array.from({ length: spec.dims }, () => rng.int(20)) } : {}),
        };
      });
      return { ...v, breaks };
    }),
  };
}

describe('breaks with every other feature (fast-check over random instances)', () => {
  it('copies of one vehicle with different breaks are not taken for one another', () => {
    // fast-check's counterexample: vehicles 2 and 3 are copies of id 1 with other breaks; the
    // insertion checked a new route on one copy and gave it to the other, which could not hold it.
    const seed = 1008138267;
    const inst = buildInstance(withRandomBreaks(randomSpec(seed), seed));
    expect(inst.vehClass[2]).not.toBe(inst.vehClass[3]);
    const res = solveInstance(inst, { maxIterations: 60, seed });
    expect(checkAnswer(inst, res).violations).toEqual([]);
  });

  it('a route that a removal leaves unable to hold its breaks is emptied, not kept', () => {
    // fast-check's counterexample: [7, 2, 6] waits at 6 for both breaks and returns at 3013, the
    // deadline 3049; without 6 it waits at 2, whose way back is 54 s longer, and returns at 3067.
    const seed = 940256311;
    const inst = buildInstance(withRandomBreaks(randomSpec(seed), seed));
    const res = solveInstance(inst, { maxIterations: 60, seed });
    expect(checkAnswer(inst, res).violations).toEqual([]);
  });

  it('every answer passes the independent checker, breaks included, with the default search and with SWAP*', () => {
    let placed = 0;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.boolean(), (seed, extras) => {
        const inst = buildInstance(withRandomBreaks(randomSpec(seed), seed));
        const res = solveInstance(inst, {
          maxIterations: 60,
          seed,
          params: extras ? { swapStar: true, shipmentRoutes: true } : {},
        });
        const check = checkAnswer(inst, res);
        expect(check.violations).toEqual([]);
        expect(res.cost).toBeCloseTo(check.cost, 6);
        for (const r of res.routes) placed += r.breaks?.length ?? 0;
      }),
      { numRuns: 40 },
    );
    // The runs did route vehicles with breaks.
    console.log(`breaks placed over the runs: ${placed}`);
    expect(placed).toBeGreaterThan(20);
  });
});
