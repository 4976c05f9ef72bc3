import type { Instance } from '../instance/index';
import type { Route } from '../route';
import type { Solution } from '../solution';
import type { CandidateRoutes } from './candidate';
import { EPS } from './operator';

/** Cheapest insertion places kept per task and route (Vidal 2022 keeps three). */
const TOP = 3;
/** Most promising exchanges checked exactly per route pair: the best by arcs may break a window. */
const CHECKED = 4;

/**
 * SWAP* (T. Vidal, "Hybrid genetic search for the CVRP: open-source implementation and SWAP*
 * neighborhood", Computers & Operations Research 140, 2022): exchange a task u of route a with a
 * task v of route b, each going to its best place in the other route rather than to the other's
 * place. For every task the three cheapest insertion places in the other route are found first,
 * so that all |a|·|b| exchanges are priced in O(1) each by their changed arcs; the most promising
 * ones are then rebuilt as candidates (every constraint checked).
 */
export class SwapStar {
  /** Per task index of a route: the best TOP insertion costs and places in the other route. */
  private readonly topCost: Float64Array;
  private readonly topPlace: Int32Array;
  private readonly removalA: Float64Array;
  private readonly removalB: Float64Array;
  private readonly best: { delta: number; i: number; j: number; placeU: number; placeV: number }[] = [];

  constructor(
    private readonly inst: Instance,
    private readonly candidate: CandidateRoutes,
  ) {
    const size = 2 * (inst.nTasks + 2) * TOP;
    this.topCost = new Float64Array(size);
    this.topPlace = new Int32Array(size);
    this.removalA = new Float64Array(inst.nTasks + 2);
    this.removalB = new Float64Array(inst.nTasks + 2);
    for (let k = 0; k < CHECKED; k++)
      this.best.push({ delta: Infinity, i: -1, j: -1, placeU: -1, placeV: -1 });
  }

  /** Applies the best feasible improving exchange between routes a and b; false when there is none. */
  improve(sol: Solution, routeA: number, routeB: number): boolean {
    const a = sol.routes[routeA]!;
    const b = sol.routes[routeB]!;
    if (a.len === 0 || b.len === 0) return false;
    this.removalGains(a, this.removalA);
    this.removalGains(b, this.removalB);
    // Rows 0..a.len-1: a's tasks into b; rows a.len..: b's tasks into a.
    for (let i = 0; i < a.len; i++) this.topPlaces(a.tasks[i]!, b, i);
    for (let j = 0; j < b.len; j++) this.topPlaces(b.tasks[j]!, a, a.len + j);
    for (const entry of this.best) entry.delta = Infinity;
    for (let i = 0; i < a.len; i++) {
      for (let j = 0; j < b.len; j++) {
        const [costU, placeU] = this.bestPlace(i, a.tasks[i]!, b, j);
        const [costV, placeV] = this.bestPlace(a.len + j, b.tasks[j]!, a, i);
        const delta = costU + costV - this.removalA[i]! - this.removalB[j]!;
        if (delta < -EPS) this.remember(delta, i, j, placeU, placeV);
      }
    }
    this.best.sort((x, y) => x.delta - y.delta);
    for (const move of this.best) {
      if (move.delta === Infinity) break;
      this.build(a, b, move.i, move.j, move.placeU, move.placeV);
      if (this.candidate.price(sol) < -EPS) {
        this.candidate.apply(sol);
        return true;
      }
    }
    return false;
  }

  private arc(r: Route, from: number, to: number): number {
    return this.inst.cost[this.inst.vehMatrixSet[r.v]!]![from * this.inst.stride + to]!;
  }

  private removalGains(r: Route, out: Float64Array): void {
    const at = r.locAt;
    for (let i = 0; i < r.len; i++)
      out[i] =
        this.arc(r, at[i]!, at[i + 1]!) +
        this.arc(r, at[i + 1]!, at[i + 2]!) -
        this.arc(r, at[i]!, at[i + 2]!);
  }

  /** The TOP cheapest places (after locAt position p) of task t in route r, into row `row`. */
  private topPlaces(t: number, r: Route, row: number): void {
    const base = row * TOP;
    for (let k = 0; k < TOP; k++) {
      this.topCost[base + k] = Infinity;
      this.topPlace[base + k] = -1;
    }
    const at = r.locAt;
    const loc = this.inst.loc[t]!;
    for (let p = 0; p <= r.len; p++) {
      const cost = this.arc(r, at[p]!, loc) + this.arc(r, loc, at[p + 1]!) - this.arc(r, at[p]!, at[p + 1]!);
      if (cost >= this.topCost[base + TOP - 1]!) continue;
      let k = TOP - 1;
      while (k > 0 && this.topCost[base + k - 1]! > cost) {
        this.topCost[base + k] = this.topCost[base + k - 1]!;
        this.topPlace[base + k] = this.topPlace[base + k - 1]!;
        k--;
      }
      this.topCost[base + k] = cost;
      this.topPlace[base + k] = p;
    }
  }

  /**
   * Cheapest place of task t (row `row`) in route r once r's task index `removed` is out: one of
   * the top places not next to it, or the removed task's own place. Places are locAt positions
   * of r before the removal (insert after position p).
   */
  private bestPlace(row: number, t: number, r: Route, removed: number): [number, number] {
    const at = r.locAt;
    const loc = this.inst.loc[t]!;
    let bestCost =
      this.arc(r, at[removed]!, loc) +
      this.arc(r, loc, at[removed + 2]!) -
      this.arc(r, at[removed]!, at[removed + 2]!);
    let bestPlace = removed;
    const base = row * TOP;
    for (let k = 0; k < TOP; k++) {
      const place = this.topPlace[base + k]!;
      if (place < 0) break;
      if (place === removed || place === removed + 1) continue;
      if (this.topCost[base + k]! < bestCost) {
        bestCost = this.topCost[base + k]!;
        bestPlace = place;
      }
      break;
    }
    return [bestCost, bestPlace];
  }

  private remember(delta: number, i: number, j: number, placeU: number, placeV: number): void {
    let worst = this.best[0]!;
    for (const entry of this.best) if (entry.delta > worst.delta) worst = entry;
    if (delta >= worst.delta) return;
    worst.delta = delta;
    worst.i = i;
    worst.j = j;
    worst.placeU = placeU;
    worst.placeV = placeV;
  }

  /** Route a without task i and with b's task j after position placeV; the converse for b. */
  private build(a: Route, b: Route, i: number, j: number, placeU: number, placeV: number): void {
    const candidate = this.candidate;
    candidate.reset(a.v, b.v);
    for (let k = 0; k <= a.len; k++) {
      if (k === placeV) candidate.push(true, b.tasks[j]!);
      if (k < a.len && k !== i) candidate.push(true, a.tasks[k]!);
    }
    for (let k = 0; k <= b.len; k++) {
      if (k === placeU) candidate.push(false, a.tasks[i]!);
      if (k < b.len && k !== j) candidate.push(false, b.tasks[k]!);
    }
  }
}
