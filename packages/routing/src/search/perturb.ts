import type { Instance } from '../instance/index';
import type { Rng } from '@paketbygd/random';
import type { Solution } from '../solution';
import { LS_NEIGHBOURS } from './local-search';
import { MovePair } from './move-pair';
import type { Operators } from './neighbourhood';
import type { Operator } from './operator';

/**
 * Random feasible moves whatever their cost (relocate, swap, 2-opt* between a random task and
 * one of its neighbours in another route): the perturbation of the route elimination phase.
 * Tasks outside every route (its ejection pool) are left alone.
 */
export class Perturbation {
  private readonly pair: MovePair;
  private readonly moves: readonly Operator[];

  constructor(
    private readonly inst: Instance,
    private readonly operators: Operators,
  ) {
    this.pair = new MovePair(inst);
    this.moves = [operators.relocateAfter, operators.swap, operators.twoOptStarAfter];
  }

  /** Up to `tries` random moves; each is applied when it keeps every route feasible. */
  run(sol: Solution, rng: Rng, tries: number): void {
    const inst = this.inst;
    const neighbours = Math.min(LS_NEIGHBOURS, inst.granularK);
    if (neighbours === 0) return;
    for (let t = 0; t < tries; t++) {
      const u = rng.int(inst.nTasks);
      const w = inst.granular[u * inst.granularK + rng.int(neighbours)]!;
      const routeU = sol.routeOf[u]!;
      const routeW = sol.routeOf[w]!;
      const move = this.moves[rng.int(3)]!;
      if (routeU < 0 || routeW < 0 || routeU === routeW) continue;
      this.pair.set(sol, u, w);
      // A relocation may empty u's route (one route fewer); a 2-opt* that empties one may not.
      if (move === this.operators.twoOptStarAfter && this.emptiesARoute()) continue;
      if (move.evaluate(this.pair, false) < Infinity) move.apply(this.pair);
    }
  }

  /** True when the 2-opt* after u and w leaves one of the two routes without tasks. */
  private emptiesARoute(): boolean {
    const { posU, posW, a, b } = this.pair;
    return posU + b.len - posW === 0 || posW + a.len - posU === 0;
  }
}
