import type { Instance } from '../instance/index';
import type { Route } from '../route';
import type { Solution } from '../solution';

/**
 * A task u and one of its neighbours w, both in routes, with what every operator reads about
 * them: their routes, positions (in `Route.locAt` terms: the first task is 1) and the locations
 * around them. Filled once per pair, then offered to each operator.
 */
export class MovePair {
  sol!: Solution;
  u = -1;
  w = -1;
  routeU = -1;
  routeW = -1;
  a!: Route;
  b!: Route;
  posU = 0;
  posW = 0;
  costA!: Float64Array;
  costB!: Float64Array;
  uPrev = 0;
  uLoc = 0;
  uNext = 0;
  wPrev = 0;
  wLoc = 0;
  wNext = 0;

  constructor(readonly inst: Instance) {}

  set(sol: Solution, u: number, w: number): void {
    const inst = this.inst;
    this.sol = sol;
    this.u = u;
    this.w = w;
    this.routeU = sol.routeOf[u]!;
    this.routeW = sol.routeOf[w]!;
    this.a = sol.routes[this.routeU]!;
    this.b = sol.routes[this.routeW]!;
    this.posU = sol.posOf[u]! + 1;
    this.posW = sol.posOf[w]! + 1;
    this.costA = inst.cost[inst.vehMatrixSet[this.routeU]!]!;
    this.costB = inst.cost[inst.vehMatrixSet[this.routeW]!]!;
    const locA = this.a.locAt;
    const locB = this.b.locAt;
    this.uPrev = locA[this.posU - 1]!;
    this.uLoc = locA[this.posU]!;
    this.uNext = locA[this.posU + 1]!;
    this.wPrev = locB[this.posW - 1]!;
    this.wLoc = locB[this.posW]!;
    this.wNext = locB[this.posW + 1]!;
  }

  /** Cost of the arc from → to with route u's vehicle. */
  arcA(from: number, to: number): number {
    return this.costA[from * this.inst.stride + to]!;
  }

  /** Cost of the arc from → to with route w's vehicle. */
  arcB(from: number, to: number): number {
    return this.costB[from * this.inst.stride + to]!;
  }

  sameRoute(): boolean {
    return this.routeU === this.routeW;
  }
}
