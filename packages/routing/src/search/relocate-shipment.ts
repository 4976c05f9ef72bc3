import { DELIVERY, PICKUP } from '../instance/index';
import { bestShipmentInRoute, newBest } from '../insertion';
import { Rng } from '@paketbygd/random';
import type { CandidateRoutes } from './candidate';
import type { MovePair } from './move-pair';
import { EPS, type Operator } from './operator';

/**
 * Relocate a whole shipment: u (its pickup or its delivery) leaves with its partner, and the pair
 * goes to its cheapest feasible pickup and delivery positions in w's route (the O(len²) pair
 * insertion of the recreate step). The only move that takes a shipment to another route.
 */
export class RelocateShipment implements Operator {
  readonly name = 'relocate shipment';
  private readonly best = newBest();
  /** Insertions here never blink, so this generator is never drawn from. */
  private readonly noBlink = new Rng(0);
  private pickup = -1;

  constructor(private readonly candidate: CandidateRoutes) {}

  evaluate(pair: MovePair, onlyImproving: boolean): number {
    const inst = pair.inst;
    if (pair.sameRoute()) return Infinity;
    const kind = inst.kind[pair.u];
    if (kind !== PICKUP && kind !== DELIVERY) return Infinity;
    const pickup = kind === PICKUP ? pair.u : inst.partner[pair.u]!;
    const delivery = inst.partner[pickup]!;
    const candidate = this.candidate;
    candidate.reset(pair.routeU, -1);
    for (let i = 0; i < pair.a.len; i++) {
      const t = pair.a.tasks[i]!;
      if (t !== pickup && t !== delivery) candidate.push(true, t);
    }
    const removal = candidate.price(pair.sol);
    if (removal === Infinity) return Infinity;
    const best = this.best;
    // Improving only: positions must beat the removal's saving.
    best.cost = onlyImproving ? -removal - EPS : Infinity;
    best.route = -1;
    bestShipmentInRoute(inst, pair.b, pickup, best, this.noBlink, 0);
    if (best.route < 0) return Infinity;
    this.pickup = pickup;
    return removal + best.cost;
  }

  apply(pair: MovePair): void {
    this.candidate.apply(pair.sol);
    pair.sol.insertShipment(pair.routeW, this.pickup, this.best.p, this.best.q);
  }
}
