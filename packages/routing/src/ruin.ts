import { DELIVERY, type Instance } from './instance/index';
import type { SearchParams } from './options';
import type { Rng } from '@paketbygd/random';
import type { Solution } from './solution';

/**
 * The ruin step of SISR (Christiaens & Vanden Berghe 2020): remove strings of consecutive tasks
 * from the routes nearest a random seed task, one string per route, sometimes keeping a small
 * substring in the middle ("split string"). Removed tasks (a shipment by its pickup) go to
 * `pending`.
 */
export class StringRemoval {
  private readonly removedFlag: Uint8Array;
  private readonly ruinedRoute: Uint8Array;
  private readonly touchedRoutes: number[] = [];

  constructor(
    private readonly inst: Instance,
    private readonly sol: Solution,
    private readonly rng: Rng,
    private readonly params: Pick<SearchParams, 'avgRemoved' | 'maxString' | 'splitRate' | 'splitDepth'>,
    private readonly pending: number[],
  ) {
    this.removedFlag = new Uint8Array(inst.nTasks);
    this.ruinedRoute = new Uint8Array(inst.nVeh);
  }

  run(): void {
    const { inst, sol, rng } = this;
    let assigned = 0;
    let used = 0;
    for (const r of sol.routes) {
      if (r.len > 0) {
        used++;
        assigned += r.len;
      }
    }
    if (assigned === 0) return;
    const maxStringLength = Math.min(this.params.maxString, assigned / used);
    const maxStrings = (4 * this.params.avgRemoved) / (1 + maxStringLength) - 1;
    const strings = Math.floor(rng.next() * maxStrings) + 1;
    let seed = rng.int(inst.nTasks);
    for (let tries = 0; sol.routeOf[seed]! < 0 && tries < 4 * inst.nTasks; tries++)
      seed = rng.int(inst.nTasks);
    if (sol.routeOf[seed]! < 0) return;
    const touched = this.touchedRoutes;
    touched.length = 0;
    for (let k = -1; k < inst.nearK && touched.length < strings; k++) {
      const task = k < 0 ? seed : inst.near[seed * inst.nearK + k]!;
      const v = sol.routeOf[task]!;
      if (v < 0 || this.removedFlag[task] || this.ruinedRoute[v]) continue;
      this.removeString(v, sol.posOf[task]!, maxStringLength);
      this.ruinedRoute[v] = 1;
      touched.push(v);
    }
    // Partners of removed shipment tasks may sit in the same route only; remove in one pass per route.
    for (const v of touched) {
      sol.removeFlagged(v, this.removedFlag);
      this.emptyIfInfeasible(v);
      this.ruinedRoute[v] = 0;
    }
    for (const t of this.pending) {
      this.removedFlag[t] = 0;
      if (inst.partner[t]! >= 0) this.removedFlag[inst.partner[t]!] = 0;
    }
  }

  /** Flags a string of route v that covers position `pos`, or a split string around a kept part. */
  private removeString(v: number, pos: number, maxStringLength: number): void {
    const rng = this.rng;
    const r = this.sol.routes[v]!;
    const len = r.len;
    const length = Math.floor(rng.next() * Math.min(len, maxStringLength)) + 1;
    if (length === len || rng.next() < 1 - this.params.splitRate) {
      const lo = Math.max(0, pos - length + 1);
      const hi = Math.min(pos, len - length);
      const start = lo + rng.int(hi - lo + 1);
      for (let i = start; i < start + length; i++) this.flag(r.tasks[i]!);
      return;
    }
    let kept = 1;
    while (length + kept < len && rng.next() > this.params.splitDepth) kept++;
    const total = length + kept;
    const lo = Math.max(0, pos - total + 1);
    const hi = Math.min(pos, len - total);
    const start = lo + rng.int(hi - lo + 1);
    const keepAt = start + rng.int(length + 1);
    for (let i = start; i < start + total; i++) if (i < keepAt || i >= keepAt + kept) this.flag(r.tasks[i]!);
  }

  /**
   * Removal keeps a route feasible except with breaks: a break is taken after a stop, so a stop
   * that was removed may have been where the vehicle waited for a break's window, and the route
   * now waits elsewhere and returns later than its deadline. Such a route gives up all its tasks.
   */
  private emptyIfInfeasible(v: number): void {
    const r = this.sol.routes[v]!;
    if (r.feasible) return;
    for (let i = 0; i < r.len; i++) this.flag(r.tasks[i]!);
    this.sol.removeFlagged(v, this.removedFlag);
  }

  private flag(t: number): void {
    if (this.removedFlag[t]) return;
    this.removedFlag[t] = 1;
    const partner = this.inst.partner[t]!;
    if (partner >= 0) this.removedFlag[partner] = 1;
    this.pending.push(this.inst.kind[t] === DELIVERY ? partner : t);
  }
}
