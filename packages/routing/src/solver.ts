import { Annealing } from './accept';
import { SearchClock } from './clock';
import { Convergence, CONVERGENCE_CAP_S, convergenceBudget } from './convergence';
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

export type { Progress, SearchParams, SolveOptions, SolveResult, SolvedRoute } from './options';

/**
 * Slack induction by string removals (Christiaens & Vanden Berghe 2020): ruin a few strings of
 * neighbouring tasks, recreate by greedy insertion with blinks, accept by simulated annealing.
 * New best solutions are polished by a granular local search.
 */
export function solveInstance(inst: Instance, options: SolveOptions = {}): SolveResult {
  const params = { ...DEFAULT_PARAMS, ...options.params };
  const clock = searchClock(inst, options);
  const rng = new Rng(options.seed ?? 1);
  const sol = new Solution(inst);
  // Tasks no vehicle can serve even alone stay out of the search.
  const reach = tasksOutOfReach(inst);
  const recreate = new Recreate(inst, sol, rng, params);
  const ruin = new StringRemoval(inst, sol, rng, params, recreate.pending);
  const ls = params.polish ? new LocalSearch(inst, params) : null;

  initialSolution(inst, sol, recreate, reach.outOfReach, options.initialRoutes);
  if (ls) {
    ls.run(sol, rng);
    sol.commit();
  }
  const eliminated = eliminateRoutes(inst, sol, ls, rng, clock, params, reach.count === sol.nUnassigned);
  if (params.squeezeAnnealing && inst.objective === 'vehicles' && RouteEliminator.applicable(inst))
    recreate.squeeze = new Squeeze(inst, sol);

  let bestRoutes = sol.snapshot();
  let bestTotal = sol.total();
  let current = sol.total();
  let iterations = 0;
  const report = () => reportProgress(inst, sol, options, clock, iterations);
  report();
  const annealing = Annealing.forSolution(sol, params);
  const touched: number[] = [];
  // Nothing to move when every task is out of reach (or there are none).
  while (inst.nTasks > reach.count && clock.next(iterations)) {
    iterations++;
    sol.begin();
    ruin.run();
    recreate.bringBackUnassigned(reach.outOfReach, reach.count);
    recreate.run(params.blinkRate);
    const candidate = sol.total();
    if (!annealing.accepts(candidate, current, clock.spent, rng)) {
      sol.rollback();
      continue;
    }
    const polish = candidate < bestTotal - 1e-9 || (params.polishImproving && candidate < current - 1e-9);
    if (polish && ls) {
      // Polish only what this step changed; the rest was polished when it was last changed.
      touched.length = 0;
      touched.push(...sol.touchedRoutes());
      ls.run(sol, rng, touched);
    }
    sol.commit();
    current = sol.total();
    if (current < bestTotal - 1e-9) {
      clock.convergence?.improved(iterations, bestTotal, current);
      bestTotal = current;
      bestRoutes = sol.snapshot();
      report();
    }
  }

  sol.load(bestRoutes);
  return {
    ...solveResult(inst, sol, reach.reasons, rng),
    iterations,
    eliminated,
    eliminationS: clock.phaseMs / 1000,
    elapsedS: clock.elapsedMs() / 1000,
    aborted: clock.aborted,
  };
}

/**
 * The budget: explicit limits as given (5 s when there are none), or, with `untilConverged`, the
 * convergence stop capped by the time limit (10 s when none is given).
 */
function searchClock(inst: Instance, options: SolveOptions): SearchClock {
  const maxIterations = options.maxIterations ?? Infinity;
  if (options.untilConverged) {
    const capS = options.timeLimitS ?? CONVERGENCE_CAP_S;
    const convergence = new Convergence(convergenceBudget(inst.nTasks));
    return new SearchClock(performance.now(), capS * 1000, maxIterations, options.signal, convergence);
  }
  const timeLimitS = options.timeLimitS ?? (options.maxIterations === undefined ? 5 : Infinity);
  return new SearchClock(performance.now(), timeLimitS * 1000, maxIterations, options.signal);
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
