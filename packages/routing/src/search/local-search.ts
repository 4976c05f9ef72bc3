import { JOB, type Instance } from '../instance/index';
import type { Rng } from '@paketbygd/random';
import type { Solution } from '../solution';
import { MovePair } from './move-pair';
import { Operators } from './neighbourhood';
import { EPS } from './operator';
import { SwapStar } from './swap-star';

/** Neighbours of each task that the local search pairs it with. */
export const LS_NEIGHBOURS = 20;

/**
 * Granular first-improvement local search (Toth & Vigo 2003 granularity; move set as in HGS):
 * the operators of `Operators` between each task and its nearest neighbours. Routes holding
 * shipments are searched or left to ruin and recreate (`shipmentRoutes`).
 */
export class LocalSearch {
  readonly operators: Operators;
  private readonly pair: MovePair;
  private readonly hasShipment: Uint8Array;
  private readonly queue: number[] = [];
  private readonly inQueue: Uint8Array;
  private readonly swapStar: SwapStar | null;
  private readonly routeFlag: Uint8Array;
  private readonly nearRoutes: number[] = [];
  private readonly shipmentRoutes: boolean;

  /**
   * With `swapStar`, a route where no operator helps also tries SWAP* with its neighbours' routes;
   * with `shipmentRoutes`, routes holding shipments are searched too (a move that separates a
   * pickup from its delivery, or puts the delivery first, is infeasible).
   */
  constructor(
    private readonly inst: Instance,
    options: { swapStar?: boolean; shipmentRoutes?: boolean } = {},
  ) {
    this.operators = new Operators(inst);
    this.swapStar = options.swapStar ? new SwapStar(inst, this.operators.candidate) : null;
    this.shipmentRoutes = options.shipmentRoutes ?? false;
    this.routeFlag = new Uint8Array(inst.nVeh);
    this.pair = new MovePair(inst);
    this.hasShipment = new Uint8Array(inst.nVeh);
    this.inQueue = new Uint8Array(inst.nVeh);
  }

  /**
   * Improves the routes in `routes` (all routes when omitted) until no move between one of their
   * tasks and its neighbours helps; routes changed by a move are examined again.
   */
  run(sol: Solution, rng: Rng, routes?: readonly number[], maxMoves = 50 * this.inst.nTasks + 100): void {
    const inst = this.inst;
    const neighbours = Math.min(LS_NEIGHBOURS, inst.granularK);
    this.markShipmentRoutes(sol);
    const queue = this.queue;
    queue.length = 0;
    if (routes) for (const v of routes) this.push(sol, v);
    else for (let v = 0; v < inst.nVeh; v++) this.push(sol, v);
    // Random order of the initial work, so that seeds explore differently.
    for (let i = queue.length - 1; i > 0; i--) {
      const j = rng.int(i + 1);
      const swapped = queue[i]!;
      queue[i] = queue[j]!;
      queue[j] = swapped;
    }
    let moves = 0;
    while (queue.length > 0 && moves < maxMoves) {
      const v = queue.pop()!;
      this.inQueue[v] = 0;
      const route = sol.routes[v]!;
      let changed = false;
      for (let i = 0; i < route.len && !changed; i++) {
        const u = route.tasks[i]!;
        for (let k = 0; k < neighbours; k++) {
          const w = inst.granular[u * inst.granularK + k]!;
          const routeW = sol.routeOf[w]!;
          if (routeW < 0 || this.hasShipment[routeW]) continue;
          if (this.improve(sol, u, w)) {
            moves++;
            changed = true;
            this.push(sol, v);
            this.push(sol, routeW);
            this.push(sol, sol.routeOf[u]!);
            break;
          }
        }
      }
      if (!changed && this.swapStar && this.improveBySwapStar(sol, v)) moves++;
    }
    for (const v of queue) this.inQueue[v] = 0;
    queue.length = 0;
  }

  private markShipmentRoutes(sol: Solution): void {
    this.hasShipment.fill(0);
    if (this.shipmentRoutes) return;
    for (let t = 0; t < this.inst.nTasks; t++)
      if (this.inst.kind[t] !== JOB && sol.routeOf[t]! >= 0) this.hasShipment[sol.routeOf[t]!] = 1;
  }

  private push(sol: Solution, v: number): void {
    if (!this.inQueue[v] && !this.hasShipment[v] && sol.routes[v]!.len > 0) {
      this.inQueue[v] = 1;
      this.queue.push(v);
    }
  }

  /** Applies the first operator that improves the pair (u, w). */
  private improve(sol: Solution, u: number, w: number): boolean {
    const pair = this.pair;
    pair.set(sol, u, w);
    for (const operator of this.operators.all) {
      if (operator.evaluate(pair, true) < -EPS) {
        operator.apply(pair);
        return true;
      }
    }
    return false;
  }

  /** SWAP* between route v and each route holding a neighbour of one of its tasks; the first that helps. */
  private improveBySwapStar(sol: Solution, v: number): boolean {
    const inst = this.inst;
    const neighbours = Math.min(LS_NEIGHBOURS, inst.granularK);
    const route = sol.routes[v]!;
    const nearRoutes = this.nearRoutes;
    nearRoutes.length = 0;
    for (let i = 0; i < route.len; i++) {
      const u = route.tasks[i]!;
      for (let k = 0; k < neighbours; k++) {
        const other = sol.routeOf[inst.granular[u * inst.granularK + k]!]!;
        if (other < 0 || other === v || this.hasShipment[other] || this.routeFlag[other]) continue;
        this.routeFlag[other] = 1;
        nearRoutes.push(other);
      }
    }
    for (const other of nearRoutes) this.routeFlag[other] = 0;
    for (const other of nearRoutes) {
      if (this.swapStar!.improve(sol, v, other)) {
        this.push(sol, v);
        this.push(sol, other);
        return true;
      }
    }
    return false;
  }
}
