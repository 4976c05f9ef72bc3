import type { SearchParams } from './options';
import type { Rng } from '@paketbygd/random';
import type { Solution } from './solution';

/**
 * Simulated annealing: a candidate is accepted when it costs less than the current solution plus
 * T · (−ln U), U uniform. T falls geometrically from `startTemperature` to `endTemperature` as
 * the budget is spent. Both scale with the mean arc cost of the first solution, so one setting
 * fits any unit of distance.
 */
export class Annealing {
  private constructor(
    readonly startTemperature: number,
    readonly endTemperature: number,
  ) {}

  static forSolution(sol: Solution, params: SearchParams): Annealing {
    let arcs = 0;
    let travel = 0;
    for (const r of sol.routes) {
      if (r.len > 0) {
        arcs += r.len + 1;
        travel += r.travelCost;
      }
    }
    const meanArc = arcs > 0 ? travel / arcs : 1;
    return new Annealing(Math.max(1e-9, params.t0 * meanArc), Math.max(1e-12, params.tf * meanArc));
  }

  /** Whether to move from `current` to `candidate` when `spent` (0..1) of the budget is used. */
  accepts(candidate: number, current: number, spent: number, rng: Rng): boolean {
    const temperature = this.startTemperature * Math.pow(this.endTemperature / this.startTemperature, spent);
    return candidate < current - temperature * Math.log(rng.next());
  }
}
