import type { Instance } from './instance/index';
import type { SolveOptions, SolveResult } from './options';
import { Search } from './sisr';

export type { Progress, SearchParams, SolveOptions, SolveResult, SolvedRoute } from './options';

/**
 * Slack induction by string removals (Christiaens & Vanden Berghe 2020): ruin a few strings of
 * neighbouring tasks, recreate by greedy insertion with blinks, accept by simulated annealing.
 * New best solutions are polished by a granular local search.
 */
export function solveInstance(inst: Instance, options: SolveOptions = {}): SolveResult {
  const search = new Search(inst, options);
  search.run();
  return search.result();
}
