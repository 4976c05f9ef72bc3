import type { Convergence } from './convergence';

/** Share of the cap after which, until converged, the clock may speed up the cooling. */
const CLOCK_STEERS_AFTER = 0.5;

/**
 * The search's budget: a wall-clock limit, an iteration limit, an AbortSignal and, without an
 * explicit limit, the convergence stop (`convergence.ts`). `spent` is the share of the budget
 * used, measured after the route elimination phase when there was one.
 */
export class SearchClock {
  /** Share of the budget used (0..1), updated by `next`. */
  spent = 0;
  aborted = false;
  /** Milliseconds taken by a phase before the annealing (it starts its schedule after it). */
  phaseMs = 0;

  constructor(
    readonly startMs: number,
    readonly timeLimitMs: number,
    readonly maxIterations: number,
    readonly signal: AbortSignal | undefined,
    readonly convergence?: Convergence,
  ) {}

  elapsedMs(): number {
    return performance.now() - this.startMs;
  }

  /** False when the search must stop before iteration `iterations` + 1; the clock is read every 16. */
  next(iterations: number): boolean {
    if (iterations >= this.maxIterations) return false;
    if (this.convergence) return this.nextUntilConverged(iterations, this.convergence);
    if ((iterations & 15) === 0) {
      const timeSpent = this.readTime();
      if (timeSpent < 0) return false;
      this.spent = Math.max(timeSpent, iterations / this.maxIterations);
    } else if (this.maxIterations !== Infinity && this.timeLimitMs === Infinity)
      this.spent = iterations / this.maxIterations;
    return true;
  }

  /**
   * `next` without an explicit limit: the schedule's share of iterations; once half the cap is
   * used, the cap's share when that is more (a large instance then cools by the clock). Before
   * that the clock does not steer the search, so a run that ends within half the cap is a
   * function of (input, seed).
   */
  private nextUntilConverged(iterations: number, convergence: Convergence): boolean {
    if (convergence.converged(iterations)) return false;
    const scheduleSpent = convergence.scheduleSpent(iterations);
    if ((iterations & 15) === 0) {
      const timeSpent = this.readTime();
      if (timeSpent < 0) return false;
      this.spent = timeSpent >= CLOCK_STEERS_AFTER ? Math.max(timeSpent, scheduleSpent) : scheduleSpent;
    } else this.spent = Math.max(this.spent, scheduleSpent);
    return true;
  }

  /** The share of the time limit used after the phase (0..1), or -1 when aborted or out of time. */
  private readTime(): number {
    if (this.signal?.aborted) {
      this.aborted = true;
      return -1;
    }
    const elapsedMs = this.elapsedMs();
    if (elapsedMs >= this.timeLimitMs) return -1;
    const phaseMs = this.phaseMs;
    return phaseMs > 0 ? (elapsedMs - phaseMs) / (this.timeLimitMs - phaseMs) : elapsedMs / this.timeLimitMs;
  }
}
