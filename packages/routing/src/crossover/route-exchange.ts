import { DELIVERY, type Instance } from '../instance/index';
import type { Rng } from '@paketbygd/random';
import type { Solution } from '../solution';
import type { Elite } from './elite-pool';

/**
 * Selective route exchange (Nagata & Kobayashi's SREX, as in HGS-CVRP and PyVRP), on the
 * solution in `sol` as the first parent: a few of its routes near a random task are replaced by
 * the other parent's routes near the same task; the tasks those routes bring are taken out of
 * the first parent's other routes, and the tasks of the replaced routes that the new ones do not
 * serve become pending, for the recreate step. HGS picks neighbouring routes by polar angle
 * around the depot; the nearest-task lists pick them here, as the ruin step does, so that no
 * coordinates are needed.
 */
export class RouteExchange {
  private readonly removeFlag: Uint8Array;
  private readonly routeFlag: Uint8Array;
  private readonly routesA: number[] = [];
  private readonly routesB: number[] = [];
  private readonly emptied: number[] = [];

  constructor(
    private readonly inst: Instance,
    private readonly sol: Solution,
    private readonly rng: Rng,
    private readonly pending: number[],
  ) {
    this.removeFlag = new Uint8Array(inst.nTasks);
    this.routeFlag = new Uint8Array(inst.nVeh);
  }

  /** Builds the child in `sol` (within the caller's undoable step); returns the number of routes exchanged. */
  run(other: Elite): number {
    const { inst, sol } = this;
    let used = 0;
    for (const r of sol.routes) if (r.len > 0) used++;
    let seed = this.rng.int(inst.nTasks);
    for (let tries = 0; sol.routeOf[seed]! < 0 && tries < 4 * inst.nTasks; tries++)
      seed = this.rng.int(inst.nTasks);
    if (sol.routeOf[seed]! < 0 || used === 0) return 0;
    // As HGS: any number of routes, here up to half of them, so that the child keeps most of the current.
    const wanted = 1 + this.rng.int(Math.max(1, Math.floor(used / 2)));
    this.nearRoutes(seed, sol.routeOf, wanted, this.routesA);
    this.nearRoutes(seed, other.routeOf, wanted, this.routesB);
    const moved = Math.min(this.routesA.length, this.routesB.length);
    this.routesA.length = moved;
    this.routesB.length = moved;
    if (moved === 0) return 0;
    this.takeOut(other);
    this.placeRoutesOf(other);
    return moved;
  }

  /** The first `wanted` distinct routes met walking out from `seed` along its nearest tasks. */
  private nearRoutes(seed: number, routeOf: Int32Array, wanted: number, into: number[]): void {
    const inst = this.inst;
    into.length = 0;
    for (let k = -1; k < inst.nearK && into.length < wanted; k++) {
      const v = routeOf[k < 0 ? seed : inst.near[seed * inst.nearK + k]!]!;
      if (v < 0 || this.routeFlag[v]) continue;
      this.routeFlag[v] = 1;
      into.push(v);
    }
    for (const v of into) this.routeFlag[v] = 0;
  }

  /**
   * Removes the first parent's chosen routes and, from its other routes, the tasks the second
   * parent's chosen routes serve; the removed tasks those routes do not serve become pending.
   */
  private takeOut(other: Elite): void {
    const { inst, sol, removeFlag } = this;
    const emptied = this.emptied;
    emptied.length = 0;
    for (const vb of this.routesB) for (const t of other.routes[vb]!) removeFlag[t] = 1;
    for (const v of this.routesA) {
      const r = sol.routes[v]!;
      for (let i = 0; i < r.len; i++) {
        const t = r.tasks[i]!;
        if (!removeFlag[t] && inst.kind[t] !== DELIVERY) this.pending.push(t);
      }
      for (let i = 0; i < r.len; i++) removeFlag[r.tasks[i]!] = 1;
      this.routeFlag[v] = 1;
      emptied.push(v);
    }
    for (const vb of this.routesB) {
      for (const t of other.routes[vb]!) {
        const v = sol.routeOf[t]!;
        if (v >= 0 && !this.routeFlag[v]) {
          this.routeFlag[v] = 1;
          emptied.push(v);
        }
      }
    }
    for (const v of emptied) {
      sol.removeFlagged(v, removeFlag);
      this.routeFlag[v] = 0;
    }
    removeFlag.fill(0);
  }

  /**
   * Puts the second parent's chosen routes on free vehicles of the same class (interchangeable
   * ones: same vehicle, same breaks), its own vehicle when free; tasks of a route that finds no
   * vehicle, or that does not hold on it, become pending.
   */
  private placeRoutesOf(other: Elite): void {
    const { inst, sol, removeFlag } = this;
    for (const vb of this.routesB) {
      const tasks = other.routes[vb]!;
      for (const t of tasks) if (sol.unassigned[t]) sol.takeUnassigned(t);
      const v = this.freeVehicle(vb);
      if (v >= 0) {
        sol.setRoute(v, tasks, tasks.length);
        if (sol.routes[v]!.feasible) continue;
        for (const t of tasks) removeFlag[t] = 1;
        sol.removeFlagged(v, removeFlag);
        for (const t of tasks) removeFlag[t] = 0;
      }
      for (const t of tasks) if (inst.kind[t] !== DELIVERY) this.pending.push(t);
    }
  }

  private freeVehicle(vb: number): number {
    const { inst, sol } = this;
    if (sol.routes[vb]!.len === 0) return vb;
    const vehicleClass = inst.vehClass[vb]!;
    for (let v = 0; v < inst.nVeh; v++)
      if (inst.vehClass[v] === vehicleClass && sol.routes[v]!.len === 0) return v;
    return -1;
  }
}
