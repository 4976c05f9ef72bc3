import type { Instance } from '../instance/index';
import type { Rng } from '@paketbygd/random';
import type { Recreate } from '../recreate';
import type { LocalSearch } from '../search/local-search';
import type { Solution } from '../solution';
import { ElitePool } from './elite-pool';
import { RouteExchange } from './route-exchange';

/**
 * Crossover for the annealing (`params.crossover`), after the genetic part of HGS (Vidal et al.
 * 2012, 2022): the search keeps a small pool of good solutions that differ from each other, and
 * now and then breeds a child of its current solution and one of them by selective route
 * exchange, repaired by the recreate step and polished by the local search. The caller decides,
 * as for any candidate, whether the annealing goes on from it.
 */
export class Crossover {
  private readonly pool: ElitePool;
  private readonly exchange: RouteExchange;

  constructor(
    inst: Instance,
    private readonly sol: Solution,
    private readonly rng: Rng,
    private readonly recreate: Recreate,
    private readonly ls: LocalSearch | null,
    poolSize: number,
  ) {
    this.pool = new ElitePool(inst.nTasks, poolSize);
    this.exchange = new RouteExchange(inst, sol, rng, recreate.pending);
  }

  /** Offers the solution in `sol` (committed; its total `cost`) to the pool. */
  offer(cost: number): void {
    this.pool.offer(this.sol, cost);
  }

  /**
   * Builds a child of the solution in `sol` within the caller's undoable step (`sol.begin()`
   * first): false when the pool holds no solution different enough to breed with.
   */
  breed(outOfReach: Uint8Array, outOfReachCount: number, blink: number): boolean {
    const partner = this.pool.partnerFor(this.sol, this.rng);
    if (!partner || this.exchange.run(partner) === 0) return false;
    this.recreate.bringBackUnassigned(outOfReach, outOfReachCount);
    this.recreate.run(blink);
    this.ls?.run(this.sol, this.rng, this.sol.touchedRoutes().slice());
    return true;
  }
}
