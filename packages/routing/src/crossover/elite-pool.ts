import type { Rng } from '@paketbygd/random';
import type { Solution } from '../solution';

/**
 * Two solutions closer than this (share of tasks whose successor differs) count as one: the
 * better of them stays. A new best found by the annealing is usually a small step from the last
 * one, so without it the pool would fill with near-copies of one solution, and a crossover of
 * near-copies gives nothing new.
 */
export const SAME_SOLUTION_DISTANCE = 0.05;

/** A solution kept for crossover: its routes (task indices per vehicle index) and where each task is. */
export interface Elite {
  routes: number[][];
  cost: number;
  /** Route of each task (-1 when unassigned). */
  routeOf: Int32Array;
  /** Successor of each task in its route (-1 at the route end or when unassigned). */
  successor: Int32Array;
}

/**
 * The best solutions the search has passed through that differ from each other (Vidal et al.
 * 2012 keep a population diverse by the broken-pairs distance; this keeps it by a floor on it):
 * at most `capacity`, the worst giving way to a better one.
 */
export class ElitePool {
  readonly elites: Elite[] = [];
  private readonly scratch: Int32Array;

  constructor(
    private readonly nTasks: number,
    private readonly capacity: number,
  ) {
    this.scratch = new Int32Array(nTasks);
  }

  /** Offers the solution in `sol` (its total is `cost`); returns whether it was kept. */
  offer(sol: Solution, cost: number): boolean {
    const successor = this.successorsOf(sol, this.scratch);
    let closest = -1;
    let closestDistance = Infinity;
    for (let i = 0; i < this.elites.length; i++) {
      const distance = brokenPairs(successor, this.elites[i]!.successor);
      if (distance < closestDistance) {
        closestDistance = distance;
        closest = i;
      }
    }
    if (closest >= 0 && closestDistance < SAME_SOLUTION_DISTANCE) {
      if (cost >= this.elites[closest]!.cost) return false;
      this.elites[closest] = this.elite(sol, cost);
      return true;
    }
    if (this.elites.length < this.capacity) {
      this.elites.push(this.elite(sol, cost));
      return true;
    }
    const worst = this.worst();
    if (cost >= this.elites[worst]!.cost) return false;
    this.elites[worst] = this.elite(sol, cost);
    return true;
  }

  /** A random elite that differs from the solution in `sol` (by the floor above), or null. */
  partnerFor(sol: Solution, rng: Rng): Elite | null {
    const successor = this.successorsOf(sol, this.scratch);
    let count = 0;
    let chosen: Elite | null = null;
    // Reservoir sampling over the elites far enough away: one pass, no list.
    for (const elite of this.elites) {
      if (brokenPairs(successor, elite.successor) < SAME_SOLUTION_DISTANCE) continue;
      count++;
      if (rng.int(count) === 0) chosen = elite;
    }
    return chosen;
  }

  private worst(): number {
    let worst = 0;
    for (let i = 1; i < this.elites.length; i++)
      if (this.elites[i]!.cost > this.elites[worst]!.cost) worst = i;
    return worst;
  }

  private elite(sol: Solution, cost: number): Elite {
    return {
      routes: sol.snapshot(),
      cost,
      routeOf: sol.routeOf.slice(),
      successor: this.successorsOf(sol, new Int32Array(this.nTasks)),
    };
  }

  private successorsOf(sol: Solution, into: Int32Array): Int32Array {
    into.fill(-1);
    for (const r of sol.routes) for (let i = 0; i + 1 < r.len; i++) into[r.tasks[i]!] = r.tasks[i + 1]!;
    return into;
  }
}

/** Share of tasks whose successor differs between two solutions. */
export function brokenPairs(a: Int32Array, b: Int32Array): number {
  let differ = 0;
  for (let t = 0; t < a.length; t++) if (a[t] !== b[t]) differ++;
  return a.length > 0 ? differ / a.length : 0;
}
