/**
 * The search's budget when the caller gives no limit (`SolveOptions.untilConverged`): a request
 * should take as long as its size needs, not a fixed 10 s. The annealing cools over an iteration
 * budget that grows with the number of tasks; after it, the search goes on at the end temperature
 * as long as it still finds new best solutions, and stops once `stallIterations` pass without one.
 * A wall-clock cap bounds it all: once half the cap is used, the temperature follows the clock
 * where that is cooler, so a large instance still cools by the cap, as under a time limit.
 *
 * A run that ends within half the cap depends on iterations only, so its answer is a function of
 * the input and the seed, as under an iteration limit.
 */

/** Iterations of the cooling schedule per task, and its least length. */
const SCHEDULE_ITERATIONS_PER_TASK = 50;
const MIN_SCHEDULE_ITERATIONS = 250;
/** Iterations without a new best solution that end the search after the schedule, per task, and at least. */
const STALL_ITERATIONS_PER_TASK = 10;
const MIN_STALL_ITERATIONS = 100;
/**
 * Insertion/ejection steps of the route elimination phase per iteration of the schedule: a step
 * is one insertion scan, an iteration a ruin and ~10 insertions, so the phase gets a share of the
 * work like its share of a time limit.
 */
const ELIMINATION_STEPS_PER_ITERATION = 10;
/** The least relative gain that counts as a new best solution for the stall. */
const MIN_RELATIVE_GAIN = 1e-9;
/** The cap when the caller gives none. */
export const CONVERGENCE_CAP_S = 10;

export interface ConvergenceBudget {
  /** Iterations over which the temperature falls from its start to its end value. */
  scheduleIterations: number;
  /** Iterations without a new best solution, after the schedule, that end the search. */
  stallIterations: number;
  /** Most steps of the route elimination phase ("vehicles" objective). */
  eliminationSteps: number;
}

/** The budget for an instance of `nTasks` tasks (jobs, pickups and deliveries). */
export function convergenceBudget(nTasks: number): ConvergenceBudget {
  const scheduleIterations = Math.max(MIN_SCHEDULE_ITERATIONS, SCHEDULE_ITERATIONS_PER_TASK * nTasks);
  return {
    scheduleIterations,
    stallIterations: Math.max(MIN_STALL_ITERATIONS, STALL_ITERATIONS_PER_TASK * nTasks),
    eliminationSteps: ELIMINATION_STEPS_PER_ITERATION * scheduleIterations,
  };
}

/** Tracks the iteration of the last new best solution and says when the search has converged. */
export class Convergence {
  private lastBestIteration = 0;

  constructor(readonly budget: ConvergenceBudget) {}

  /** The share of the cooling schedule used after `iterations` (0..1). */
  scheduleSpent(iterations: number): number {
    return Math.min(1, iterations / this.budget.scheduleIterations);
  }

  /**
   * Call when iteration `iterations` found a new best solution, its total `nextTotal` below
   * `previousTotal`. A gain within rounding (a relative 1e-9: a search total that holds a large
   * vehicle weight changes by more than 1e-9 when the same routes are summed in another order)
   * does not count as progress.
   */
  improved(iterations: number, previousTotal: number, nextTotal: number): void {
    if (previousTotal - nextTotal > MIN_RELATIVE_GAIN * Math.abs(previousTotal))
      this.lastBestIteration = iterations;
  }

  /** True when the schedule is done and the last `stallIterations` found nothing better. */
  converged(iterations: number): boolean {
    return (
      iterations >= this.budget.scheduleIterations &&
      iterations - this.lastBestIteration >= this.budget.stallIterations
    );
  }
}
