import { DELIVERY, JOB, PICKUP, type Instance } from '../instance/index';
import { Route } from '../route';
import type { Solution } from '../solution';

/**
 * The one or two routes a move would produce, as task sequences: priced by rebuilding them in
 * scratch routes (every constraint checked, the exact cost), applied by replacing the routes.
 */
export class CandidateRoutes {
  tasksA: Int32Array;
  tasksB: Int32Array;
  routeA = -1;
  lengthA = 0;
  /** -1 when the move changes one route only. */
  routeB = -1;
  lengthB = 0;
  private readonly scratchA = new Map<number, Route>();
  private readonly scratchB = new Map<number, Route>();
  /** Set when the instance has shipments: candidates must keep each pickup before its delivery. */
  private readonly seen: Int32Array | null;
  private stamp = 0;

  constructor(private readonly inst: Instance) {
    this.tasksA = new Int32Array(inst.nTasks + 2);
    this.tasksB = new Int32Array(inst.nTasks + 2);
    let shipments = false;
    for (let t = 0; t < inst.nTasks; t++) if (inst.kind[t] !== JOB) shipments = true;
    this.seen = shipments ? new Int32Array(inst.nTasks) : null;
  }

  /** Starts a candidate for route a (and route b, or -1). */
  reset(routeA: number, routeB: number): void {
    this.routeA = routeA;
    this.routeB = routeB;
    this.lengthA = 0;
    this.lengthB = 0;
  }

  /** Cost change of replacing the routes by the candidate; Infinity when a new route is infeasible. */
  price(sol: Solution): number {
    const newA = this.build(this.scratchA, this.routeA, this.tasksA, this.lengthA);
    if (newA === Infinity) return Infinity;
    let newCost = newA;
    let oldCost = sol.routes[this.routeA]!.cost;
    if (this.routeB >= 0) {
      const newB = this.build(this.scratchB, this.routeB, this.tasksB, this.lengthB);
      if (newB === Infinity) return Infinity;
      newCost += newB;
      oldCost += sol.routes[this.routeB]!.cost;
    }
    return newCost - oldCost;
  }

  apply(sol: Solution): void {
    sol.setRoute(this.routeA, this.tasksA, this.lengthA);
    if (this.routeB >= 0) sol.setRoute(this.routeB, this.tasksB, this.lengthB);
  }

  /** The cost of vehicle v serving `tasks`, or Infinity when it cannot. An empty route costs nothing. */
  private build(scratch: Map<number, Route>, v: number, tasks: Int32Array, length: number): number {
    if (length === 0) return 0;
    const base = v * this.inst.nTasks;
    for (let i = 0; i < length; i++) if (this.inst.compat[base + tasks[i]!] === 0) return Infinity;
    if (this.seen && !this.pairsInOrder(tasks, length)) return Infinity;
    let route = scratch.get(v);
    if (!route) {
      route = new Route(this.inst, v);
      scratch.set(v, route);
    }
    route.setTasks(tasks, length);
    return route.feasible ? route.cost : Infinity;
  }

  /** Appends route r's tasks from index `from` to before index `to` to sequence A or B. */
  append(toA: boolean, r: Route, from: number, to: number): void {
    const out = toA ? this.tasksA : this.tasksB;
    let length = toA ? this.lengthA : this.lengthB;
    for (let i = from; i < to; i++) out[length++] = r.tasks[i]!;
    if (toA) this.lengthA = length;
    else this.lengthB = length;
  }

  /** Appends one task to sequence A or B. */
  push(toA: boolean, task: number): void {
    if (toA) this.tasksA[this.lengthA++] = task;
    else this.tasksB[this.lengthB++] = task;
  }

  /** Every shipment task of the sequence has its partner in it, pickup first. */
  private pairsInOrder(tasks: Int32Array, length: number): boolean {
    const seen = this.seen!;
    const kind = this.inst.kind;
    if (this.stamp > 1 << 30) {
      seen.fill(0);
      this.stamp = 0;
    }
    const stamp = ++this.stamp;
    let open = 0;
    for (let i = 0; i < length; i++) {
      const t = tasks[i]!;
      if (kind[t] === PICKUP) {
        seen[t] = stamp;
        open++;
      } else if (kind[t] === DELIVERY) {
        if (seen[this.inst.partner[t]!] !== stamp) return false;
        open--;
      }
    }
    return open === 0;
  }
}
