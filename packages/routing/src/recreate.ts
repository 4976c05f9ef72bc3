import { DELIVERY, PICKUP, type Instance } from './instance/index';
import { bestInsertionInRoute, newBest } from './insertion';
import type { SearchParams } from './options';
import type { Rng } from '@paketbygd/random';
import type { Solution } from './solution';
import type { Squeeze } from './squeeze';

/**
 * The recreate step of SISR: the pending tasks are inserted one by one at their cheapest feasible
 * place, in an order drawn at random (random, largest amount, farthest from or closest to the
 * depot), skipping a better place with probability `blink`. An optional task goes in only when
 * that costs less than its penalty; a task that fits nowhere is marked unassigned.
 */
export class Recreate {
  /** Tasks (jobs and shipment pickups) waiting to be inserted. */
  readonly pending: number[] = [];
  private readonly best = newBest();
  private readonly order: Int32Array;
  private readonly sortKey: Float64Array;
  private readonly candidateFlag: Uint8Array;
  private readonly candidates: number[] = [];
  private readonly classMembers: number[][];
  private readonly byKey = (a: number, b: number) => this.sortKey[a]! - this.sortKey[b]! || a - b;
  /**
   * When set ("vehicles" objective, `params.squeezeAnnealing`): a job whose cheapest place would
   * open a route is squeezed into the used ones instead when the repair succeeds, so the search
   * at a reduced vehicle count is not confined to what plain insertion can reach.
   */
  squeeze: Squeeze | null = null;

  constructor(
    private readonly inst: Instance,
    private readonly sol: Solution,
    private readonly rng: Rng,
    private readonly params: Pick<SearchParams, 'insertNeighbours' | 'allRoutes'>,
  ) {
    this.order = new Int32Array(inst.nTasks);
    this.sortKey = new Float64Array(inst.nTasks);
    this.candidateFlag = new Uint8Array(inst.nVeh);
    this.classMembers = Array.from({ length: inst.nClasses }, () => []);
    for (let v = 0; v < inst.nVeh; v++) this.classMembers[inst.vehClass[v]!]!.push(v);
  }

  /** Inserts every pending task, in one of the four orders. */
  run(blink: number): void {
    const inst = this.inst;
    const rng = this.rng;
    const order = this.order;
    const count = this.pending.length;
    const mode = rng.next() * 11;
    for (let i = 0; i < count; i++) order[i] = this.pending[i]!;
    if (mode < 4) {
      for (let i = count - 1; i > 0; i--) {
        const j = rng.int(i + 1);
        const swapped = order[i]!;
        order[i] = order[j]!;
        order[j] = swapped;
      }
    } else {
      const cost = inst.cost[0]!;
      const depot = inst.depotLoc * inst.stride;
      for (let i = 0; i < count; i++) {
        const t = order[i]!;
        this.sortKey[t] =
          mode < 8
            ? -inst.totalAmount[t]!
            : mode < 10
              ? -cost[depot + inst.loc[t]!]!
              : cost[depot + inst.loc[t]!]!;
      }
      order.subarray(0, count).sort(this.byKey);
    }
    for (let i = 0; i < count; i++) this.insert(order[i]!, blink);
    this.pending.length = 0;
  }

  /** Takes back every unassigned task that could be served (not in `outOfReach`) as pending. */
  bringBackUnassigned(outOfReach: Uint8Array, outOfReachCount: number): void {
    const sol = this.sol;
    const inst = this.inst;
    if (sol.nUnassigned <= outOfReachCount) return;
    for (let t = 0; t < inst.nTasks; t++) {
      if (sol.unassigned[t] && !outOfReach[t] && inst.kind[t] !== DELIVERY) {
        sol.takeUnassigned(t);
        if (inst.partner[t]! >= 0) sol.takeUnassigned(inst.partner[t]!);
        this.pending.push(t);
      }
    }
  }

  /** Inserts x at its cheapest place, or leaves it unassigned when that costs more than its penalty. */
  private insert(x: number, blink: number): void {
    const inst = this.inst;
    const sol = this.sol;
    const best = this.best;
    best.cost = inst.penalty[x]!;
    best.route = -1;
    const candidates = this.collectCandidates(x);
    for (const v of candidates) bestInsertionInRoute(inst, sol.routes[v]!, x, best, this.rng, blink);
    for (const members of this.classMembers) {
      for (const v of members) {
        if (sol.routes[v]!.len === 0) {
          bestInsertionInRoute(inst, sol.routes[v]!, x, best, this.rng, blink);
          break;
        }
      }
    }
    if (best.route < 0) {
      for (const r of sol.routes)
        if (r.len > 0 && !this.candidateFlag[r.v]) bestInsertionInRoute(inst, r, x, best, this.rng, 0);
    }
    for (const v of candidates) this.candidateFlag[v] = 0;
    if (this.squeeze && best.route >= 0 && sol.routes[best.route]!.len === 0 && this.squeeze.run(x)) return;
    if (best.route < 0) {
      sol.markUnassigned(x);
      if (inst.partner[x]! >= 0) sol.markUnassigned(inst.partner[x]!);
    } else if (inst.kind[x] === PICKUP) sol.insertShipment(best.route, x, best.p, best.q);
    else sol.insertJob(best.route, x, best.p);
  }

  /** Granular: the routes that hold one of x's nearest neighbours (or every used route), flagged. */
  private collectCandidates(x: number): number[] {
    const inst = this.inst;
    const sol = this.sol;
    const candidates = this.candidates;
    candidates.length = 0;
    const allRoutes = this.params.allRoutes;
    if (allRoutes) {
      for (const r of sol.routes) {
        if (r.len > 0) {
          this.candidateFlag[r.v] = 1;
          candidates.push(r.v);
        }
      }
    }
    const neighbours = allRoutes ? 0 : Math.min(inst.granularK, this.params.insertNeighbours);
    for (let k = 0; k < neighbours; k++) {
      const v = sol.routeOf[inst.granular[x * inst.granularK + k]!]!;
      if (v >= 0 && !this.candidateFlag[v]) {
        this.candidateFlag[v] = 1;
        candidates.push(v);
      }
    }
    return candidates;
  }
}
