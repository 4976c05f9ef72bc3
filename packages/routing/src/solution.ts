import type { Instance } from './instance/index';
import { Route } from './route';

/**
 * The search state: one route per vehicle, where every task is, what is unassigned, and the
 * objective split into route costs and penalties. Changes within one iteration can be undone.
 */
export class Solution {
  readonly routes: Route[];
  readonly routeOf: Int32Array;
  readonly posOf: Int32Array;
  readonly unassigned: Uint8Array;
  routeCost = 0;
  penaltyCost = 0;
  /** Number of unassigned tasks. */
  nUnassigned = 0;

  private readonly touchedFlag: Uint8Array;
  private readonly touched: number[] = [];
  private readonly saved: Int32Array[];
  private readonly savedLen: Int32Array;
  private savedRouteCost = 0;
  private savedPenaltyCost = 0;
  private savedUnassigned = 0;
  private readonly changedTasks: number[] = [];

  constructor(readonly inst: Instance) {
    this.routes = [];
    for (let v = 0; v < inst.nVeh; v++) this.routes.push(new Route(inst, v));
    this.routeOf = new Int32Array(inst.nTasks).fill(-1);
    this.posOf = new Int32Array(inst.nTasks).fill(-1);
    this.unassigned = new Uint8Array(inst.nTasks);
    this.touchedFlag = new Uint8Array(inst.nVeh);
    this.saved = Array.from({ length: inst.nVeh }, () => new Int32Array(0));
    this.savedLen = new Int32Array(inst.nVeh);
  }

  total(): number {
    return this.routeCost + this.penaltyCost;
  }

  /** Routes changed since `begin`. */
  touchedRoutes(): readonly number[] {
    return this.touched;
  }

  /** Starts an undoable step. */
  begin(): void {
    for (const v of this.touched) this.touchedFlag[v] = 0;
    this.touched.length = 0;
    this.changedTasks.length = 0;
    this.savedRouteCost = this.routeCost;
    this.savedPenaltyCost = this.penaltyCost;
    this.savedUnassigned = this.nUnassigned;
  }

  private touch(v: number): void {
    if (this.touchedFlag[v]) return;
    this.touchedFlag[v] = 1;
    this.touched.push(v);
    const r = this.routes[v]!;
    if (this.saved[v]!.length < r.len) this.saved[v] = new Int32Array(Math.max(8, r.tasks.length));
    this.saved[v]!.set(r.tasks.subarray(0, r.len));
    this.savedLen[v] = r.len;
  }

  /** Undoes everything since `begin`. */
  rollback(): void {
    for (const t of this.changedTasks) {
      this.routeOf[t] = -1;
      this.unassigned[t] = 0;
    }
    for (const v of this.touched) {
      const r = this.routes[v]!;
      r.setTasks(this.saved[v]!, this.savedLen[v]!);
      this.index(r);
      this.touchedFlag[v] = 0;
    }
    for (const t of this.changedTasks) if (this.routeOf[t] === -1) this.unassigned[t] = 1;
    this.touched.length = 0;
    this.changedTasks.length = 0;
    this.routeCost = this.savedRouteCost;
    this.penaltyCost = this.savedPenaltyCost;
    this.nUnassigned = this.savedUnassigned;
  }

  private index(r: Route): void {
    for (let i = 0; i < r.len; i++) {
      const t = r.tasks[i]!;
      this.routeOf[t] = r.v;
      this.posOf[t] = i;
    }
  }

  private refresh(r: Route): void {
    this.routeCost -= r.cost;
    r.update();
    this.routeCost += r.cost;
    this.index(r);
  }

  /** Removes the flagged tasks of route v (flags[t] = 1) in one pass; they become pending. */
  removeFlagged(v: number, flags: Uint8Array): void {
    this.touch(v);
    const r = this.routes[v]!;
    let k = 0;
    for (let i = 0; i < r.len; i++) {
      const t = r.tasks[i]!;
      if (flags[t]) {
        this.routeOf[t] = -1;
        this.posOf[t] = -1;
        this.changedTasks.push(t);
      } else r.tasks[k++] = t;
    }
    r.len = k;
    this.refresh(r);
  }

  /** Takes an unassigned task out of the unassigned set, pending reinsertion. */
  takeUnassigned(t: number): void {
    if (!this.unassigned[t]) return;
    this.unassigned[t] = 0;
    this.nUnassigned--;
    this.penaltyCost -= this.inst.penalty[t]!;
    this.changedTasks.push(t);
  }

  markUnassigned(t: number): void {
    this.unassigned[t] = 1;
    this.nUnassigned++;
    this.routeOf[t] = -1;
    this.penaltyCost += this.inst.penalty[t]!;
    this.changedTasks.push(t);
  }

  /** Inserts job t after position p of route v. */
  insertJob(v: number, t: number, p: number): void {
    this.touch(v);
    const r = this.routes[v]!;
    r.insertAt(p, t);
    this.changedTasks.push(t);
    this.refresh(r);
  }

  /** Inserts pickup x after position p and its delivery after original position q (q >= p). */
  insertShipment(v: number, x: number, p: number, q: number): void {
    this.touch(v);
    const r = this.routes[v]!;
    r.insertAt(p, x);
    r.insertAt(q + 1, this.inst.partner[x]!);
    this.changedTasks.push(x, this.inst.partner[x]!);
    this.refresh(r);
  }

  /** Replaces route v's tasks wholesale (local search moves). */
  setRoute(v: number, tasks: ArrayLike<number>, n: number): void {
    this.touch(v);
    const r = this.routes[v]!;
    r.ensure(n);
    for (let i = 0; i < n; i++) r.tasks[i] = tasks[i]!;
    r.len = n;
    this.refresh(r);
  }

  /** Accepts the step: nothing to undo any more. */
  commit(): void {
    this.begin();
  }

  snapshot(): number[][] {
    return this.routes.map((r) => Array.from(r.tasks.subarray(0, r.len)));
  }

  load(routes: number[][]): void {
    this.begin();
    this.routeCost = 0;
    this.penaltyCost = 0;
    this.nUnassigned = 0;
    this.routeOf.fill(-1);
    this.unassigned.fill(0);
    routes.forEach((tasks, v) => {
      const r = this.routes[v]!;
      r.setTasks(tasks);
      this.routeCost += r.cost;
      this.index(r);
    });
    for (let t = 0; t < this.inst.nTasks; t++) {
      if (this.routeOf[t] === -1) {
        this.unassigned[t] = 1;
        this.nUnassigned++;
        this.penaltyCost += this.inst.penalty[t]!;
      }
    }
    this.begin();
  }
}
