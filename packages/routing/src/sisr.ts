import { Annealing } from './accept';
import { SearchClock } from './clock';
import { Convergence, CONVERGENCE_CAP_S, convergenceBudget } from './convergence';
import { Crossover } from './crossover/crossover';
import { RouteEliminator } from './eliminate';
import { DELIVERY, type Instance } from './instance/index';
import { DEFAULT_PARAMS, type SearchParams, type SolveOptions, type SolveResult } from './options';
import { Rng } from '@paketbygd/random';
import { tasksOutOfReach } from './reasons';
import { Recreate } from './recreate';
import { realCost, solveResult } from './result';
import { StringRemoval } from './ruin';
import { LocalSearch } from './search/local-search';
import { Solution } from './solution';
import { Squeeze } from './squeeze';
import { warmStart } from './warm-start';

/** Where a search stops an epoch early: at an iteration count or a time (`performance.now()`). */
export interface EpochEnd {
  iterations: number;
  timeMs: number;
}

const TO_THE_END: EpochEnd = { iterations: Infinity, timeMs: Infinity };

/**
 * One SISR search, run to its budget at once (`solveInstance`) or in epochs between which it may
 * adopt a better solution found elsewhere (`parallel/`). The constructor builds the first
 * solution and runs the route elimination phase.
 */
export class Search {
  readonly clock: SearchClock;
  /** Iterations of the annealing so far. */
  iterations = 0;
  bestTotal: number;
  /** True once the budget is spent (or there is nothing to move). */
  finished = false;
  private readonly params: SearchParams;
  private readonly rng: Rng;
  private readonly sol: Solution;
  private readonly reach: ReturnType<typeof tasksOutOfReach>;
  private readonly recreate: Recreate;
  private readonly ruin: StringRemoval;
  private readonly ls: LocalSearch | null;
  private readonly eliminated: number;
  private readonly annealing: Annealing;
  private readonly crossover: Crossover | null;
  private bestRoutes: number[][];
  private current: number;

  constructor(
    private readonly inst: Instance,
    private readonly options: SolveOptions,
    clock?: SearchClock,
  ) {
    const params = { ...DEFAULT_PARAMS, ...options.params };
    this.params = params;
    this.clock = clock ?? searchClock(inst, options);
    this.rng = new Rng(options.seed ?? 1);
    this.sol = new Solution(inst);
    // Tasks no vehicle can serve even alone stay out of the search.
    this.reach = tasksOutOfReach(inst);
    this.recreate = new Recreate(inst, this.sol, this.rng, params);
    this.ruin = new StringRemoval(inst, this.sol, this.rng, params, this.recreate.pending);
    this.ls = params.polish ? new LocalSearch(inst, params) : null;

    initialSolution(inst, this.sol, this.recreate, this.reach.outOfReach, options.initialRoutes);
    if (this.ls) {
      this.ls.run(this.sol, this.rng);
      this.sol.commit();
    }
    const complete = this.reach.count === this.sol.nUnassigned;
    this.eliminated = eliminateRoutes(inst, this.sol, this.ls, this.rng, this.clock, params, complete);
    if (params.squeezeAnnealing && inst.objective === 'vehicles' && RouteEliminator.applicable(inst))
      this.recreate.squeeze = new Squeeze(inst, this.sol);

    this.bestRoutes = this.sol.snapshot();
    this.bestTotal = this.sol.total();
    this.current = this.bestTotal;
    this.report();
    this.annealing = Annealing.forSolution(this.sol, params);
    this.crossover = params.crossover
      ? new Crossover(inst, this.sol, this.rng, this.recreate, this.ls, params.elites)
      : null;
    this.crossover?.offer(this.bestTotal);
  }

  /**
   * Runs the annealing until the budget is spent or the epoch ends (whichever first); `beat` is
   * called every 16 iterations (a parallel search's sign of life).
   */
  run(end: EpochEnd = TO_THE_END, beat?: () => void): void {
    const { inst, sol, params, clock, rng, reach } = this;
    const touched: number[] = [];
    while (this.iterations < end.iterations) {
      if ((this.iterations & 15) === 0) {
        beat?.();
        if (performance.now() >= end.timeMs) return;
      }
      // Nothing to move when every task is out of reach (or there are none).
      if (inst.nTasks === reach.count || !clock.next(this.iterations)) {
        this.finished = true;
        return;
      }
      this.iterations++;
      if (this.crossover && this.iterations % params.crossoverEvery === 0) {
        this.crossoverStep(this.crossover);
        continue;
      }
      sol.begin();
      this.ruin.run();
      this.recreate.bringBackUnassigned(reach.outOfReach, reach.count);
      this.recreate.run(params.blinkRate);
      const candidate = sol.total();
      if (!this.annealing.accepts(candidate, this.current, clock.spent, rng)) {
        sol.rollback();
        continue;
      }
      const polish =
        candidate < this.bestTotal - 1e-9 || (params.polishImproving && candidate < this.current - 1e-9);
      if (polish && this.ls) {
        // Polish only what this step changed; the rest was polished when it was last changed.
        touched.length = 0;
        touched.push(...sol.touchedRoutes());
        this.ls.run(sol, rng, touched);
      }
      sol.commit();
      this.current = sol.total();
      if (this.current < this.bestTotal - 1e-9) this.newBest();
    }
  }

  /** The best solution so far: task indices per vehicle index. */
  best(): number[][] {
    return this.bestRoutes;
  }

  /** Goes on from `routes` (a better solution found by another search), as current and best. */
  adopt(routes: number[][]): void {
    this.sol.load(routes);
    this.current = this.sol.total();
    this.clock.convergence?.improved(this.iterations, this.bestTotal, this.current);
    this.bestTotal = this.current;
    this.bestRoutes = routes;
  }

  /** Reports the best solution to `onProgress`, as at a new best. */
  report(iterations = this.iterations): void {
    reportProgress(this.inst, this.sol, this.options, this.clock, iterations);
  }

  /** The answer: the best solution with its costs and the unassigned tasks' reasons. */
  result(iterations = this.iterations): SolveResult {
    this.sol.load(this.bestRoutes);
    return {
      ...solveResult(this.inst, this.sol, this.reach.reasons, this.rng),
      iterations,
      eliminated: this.eliminated,
      eliminationS: this.clock.phaseMs / 1000,
      elapsedS: this.clock.elapsedMs() / 1000,
      aborted: this.clock.aborted,
    };
  }

  private newBest(): void {
    this.clock.convergence?.improved(this.iterations, this.bestTotal, this.current);
    this.bestTotal = this.current;
    this.bestRoutes = this.sol.snapshot();
    this.crossover?.offer(this.bestTotal);
    this.report();
  }

  /** One iteration that breeds a child instead of ruining and recreating; accepted as any candidate. */
  private crossoverStep(crossover: Crossover): void {
    const { sol, reach, clock, rng } = this;
    sol.begin();
    if (!crossover.breed(reach.outOfReach, reach.count, this.params.blinkRate)) {
      sol.rollback();
      return;
    }
    const child = sol.total();
    if (!this.annealing.accepts(child, this.current, clock.spent, rng)) {
      sol.rollback();
      return;
    }
    sol.commit();
    this.current = child;
    if (this.current < this.bestTotal - 1e-9) this.newBest();
    else crossover.offer(this.current);
  }
}

/**
 * The budget: explicit limits as given (5 s when there are none), or, with `untilConverged`, the
 * convergence stop capped by the time limit (10 s when none is given); counted from `startMs`.
 */
export function searchClock(inst: Instance, options: SolveOptions, startMs = performance.now()): SearchClock {
  const maxIterations = options.maxIterations ?? Infinity;
  if (options.untilConverged) {
    const capS = options.timeLimitS ?? CONVERGENCE_CAP_S;
    const convergence = new Convergence(convergenceBudget(inst.nTasks));
    return new SearchClock(startMs, capS * 1000, maxIterations, options.signal, convergence);
  }
  const timeLimitS = options.timeLimitS ?? (options.maxIterations === undefined ? 5 : Infinity);
  return new SearchClock(startMs, timeLimitS * 1000, maxIterations, options.signal);
}

/** The warm start's feasible part, then greedy insertion of the rest; committed. */
function initialSolution(
  inst: Instance,
  sol: Solution,
  recreate: Recreate,
  outOfReach: Uint8Array,
  initialRoutes: SolveOptions['initialRoutes'],
): void {
  sol.begin();
  if (initialRoutes) warmStart(inst, sol, initialRoutes, outOfReach);
  for (let t = 0; t < inst.nTasks; t++) {
    if (inst.kind[t] === DELIVERY || sol.routeOf[t]! >= 0) continue;
    if (outOfReach[t]) {
      sol.markUnassigned(t);
      if (inst.partner[t]! >= 0) sol.markUnassigned(inst.partner[t]!);
    } else recreate.pending.push(t);
  }
  recreate.run(0);
  sol.commit();
}

/**
 * Fewest vehicles: take routes out first (the count then stays fixed: the vehicle weight in the
 * fixed cost keeps the annealing from opening a route unless a task fits nowhere else). Only when
 * the first solution serves every task that can be served. Returns the routes removed.
 */
function eliminateRoutes(
  inst: Instance,
  sol: Solution,
  ls: LocalSearch | null,
  rng: Rng,
  clock: SearchClock,
  params: SearchParams,
  complete: boolean,
): number {
  if (inst.objective !== 'vehicles' || !params.eliminate || !complete || !RouteEliminator.applicable(inst))
    return 0;
  const eliminator = new RouteEliminator(inst, sol, ls ?? new LocalSearch(inst), rng, params.squeeze);
  eliminator.run({
    deadlineMs: clock.startMs + clock.timeLimitMs * params.eliminateShare,
    maxSteps: Math.min(clock.maxIterations, clock.convergence?.budget.eliminationSteps ?? Infinity),
    maxFails: params.eliminateFails,
    stallMs: clock.timeLimitMs * params.eliminateStallShare,
    signal: clock.signal,
  });
  clock.phaseMs = clock.elapsedMs();
  return eliminator.removed;
}

function reportProgress(
  inst: Instance,
  sol: Solution,
  options: SolveOptions,
  clock: SearchClock,
  iterations: number,
): void {
  if (!options.onProgress) return;
  const real = realCost(inst, sol);
  let unassigned = 0;
  for (let t = 0; t < inst.nTasks; t++) unassigned += sol.unassigned[t]!;
  options.onProgress({
    elapsedS: clock.elapsedMs() / 1000,
    iterations,
    cost: real.cost,
    vehicles: real.vehicles,
    unassigned,
  });
}
