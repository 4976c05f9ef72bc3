import type { Instance } from './instance/index';
import type { SolveOptions, SolveResult } from './options';
import { solveInParallel } from './parallel/parallel';
import { Search } from './sisr';

export type { Progress, SearchControl, SearchParams, SolveOptions, SolveResult } from './options';

/**
 * Slack induction by string removals (Christiaens & Vanden Berghe 2020): ruin a few strings of
 * neighbouring tasks, recreate by greedy insertion with blinks, accept by simulated annealing.
 * New best solutions are polished by a granular local search. With `threads` > 1, that many
 * searches run in worker threads and share their best solutions (`parallel/`).
 */
export function solveInstance(inst: Instance, options: SolveOptions = {}): SolveResult {
  // Any other count than 1 goes there, to be refused when it is not one.
  if ((options.threads ?? 1) !== 1) return solveInParallel(inst, options);
  const search = new Search(inst, options);
  search.run();
  return search.result();
}
