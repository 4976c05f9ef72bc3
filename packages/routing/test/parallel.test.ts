import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { buildInstance, checkSolution, solveInstance, type Instance, type SolveResult } from '../src/index';
import { deadlineGraceMs } from '../src/parallel/parallel';
import { Team } from '../src/parallel/team';
import { absoluteNowMs } from '../src/parallel/protocol';
import { randomCvrp } from './helpers';
import { randomSpec } from './random-spec';

function expectChecked(inst: Instance, result: SolveResult): void {
  const check = checkSolution(
    inst,
    result.routes,
    result.unassigned.map((u) => u.task),
  );
  expect(check.violations).toEqual([]);
  expect(check.cost).toBeCloseTo(result.cost, 6);
}

// Each solve starts a worker thread (it loads tsx and the solver's sources: about 0.5 s, more under load).
describe('parallel search (threads > 1)', () => {
  it('gives the same answer on every run under an iteration limit, each search running the whole budget', () => {
    const inst = randomCvrp(60, 7);
    const options = { maxIterations: 800, seed: 3, threads: 2 };
    const first = solveInstance(inst, options);
    const second = solveInstance(inst, options);
    expectChecked(inst, first);
    expect(second.routes).toEqual(first.routes);
    expect(second.cost).toBe(first.cost);
    expect(first.iterations).toBe(2 * options.maxIterations);
  }, 20_000);

  it('answers a problem with every feature feasibly, the same on two runs', () => {
    const inst = buildInstance(randomSpec(4242));
    const options = { maxIterations: 400, seed: 4242, threads: 2 };
    const first = solveInstance(inst, options);
    expectChecked(inst, first);
    const second = solveInstance(inst, options);
    expect({ routes: second.routes, unassigned: second.unassigned }).toEqual({
      routes: first.routes,
      unassigned: first.unassigned,
    });
  }, 20_000);

  it('stops at the time limit', () => {
    const inst = randomCvrp(40, 2);
    const result = solveInstance(inst, { timeLimitS: 0.6, seed: 1, threads: 2 });
    expectChecked(inst, result);
    // The threads start within the limit; the answer comes at most one epoch's end later.
    expect(result.elapsedS).toBeLessThan(3);
    expect(result.iterations).toBeGreaterThan(0);
  }, 20_000);

  it('answers at most a twentieth of a short time limit late when a thread has not reported', () => {
    // 0.1 s is less than a thread takes to load (about 0.35 s), so the thread misses every
    // barrier: the answer waits 20 ms for it at the deadline. It came when the thread did (0.35 s).
    const inst = randomCvrp(40, 3);
    const result = solveInstance(inst, { timeLimitS: 0.1, seed: 1, threads: 2 });
    expectChecked(inst, result);
    expect(result.elapsedS).toBeLessThan(0.1 + 0.15);
    expect(result.iterations).toBeGreaterThan(0);
    expect(deadlineGraceMs(200)).toBe(20);
    expect(deadlineGraceMs(2_000)).toBe(100);
    expect(deadlineGraceMs(600_000)).toBe(250);
  }, 20_000);

  it('answers at once with what it has when the signal is aborted', () => {
    const inst = randomCvrp(40, 3);
    const result = solveInstance(inst, { timeLimitS: 60, seed: 1, threads: 2, signal: AbortSignal.abort() });
    expect(result.aborted).toBe(true);
    expect(result.elapsedS).toBeLessThan(5);
    expectChecked(inst, result);
  }, 20_000);

  it('refuses a thread count that is not a whole number from 1 to twice the cores', () => {
    const inst = randomCvrp(5, 1);
    for (const threads of [0, 1.5, 10_000, Number.NaN])
      expect(() => solveInstance(inst, { maxIterations: 10, threads })).toThrow(
        /threads must be a whole number/,
      );
  });

  it("turns a search thread's error into an error naming the thread, and stops the thread", async () => {
    // An instance the thread cannot search (no task kinds): its Search constructor throws.
    const broken = { ...randomCvrp(10, 1), kind: undefined } as unknown as Instance;
    const team = new Team(broken, { seed: 1, maxIterations: 10 }, 1, absoluteNowMs(), 30_000);
    team.command({ iterations: 10, timeMs: Infinity }, []);
    expect(() => team.collect(Infinity)).toThrow(/search thread 1 failed/);
    const exited = once(team.members[0]!.worker, 'exit');
    team.close();
    await exited;
  }, 20_000);
});
