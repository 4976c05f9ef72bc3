import type { Instance } from './instance/index';
import type { SolvedRoute } from './options';

/**
 * The checker's part for breaks (no code shared with the search's `breaks.ts`): each of the
 * vehicle's breaks is placed exactly once, at a gap of the route, in its order, starting within
 * one of its windows with the load on board within its `max_load`.
 */
export class BreakChecker {
  private readonly placed: Map<number, number[]>;
  private readonly first: number;
  private readonly end: number;
  private nextExpected: number;

  constructor(
    private readonly inst: Instance,
    private readonly route: SolvedRoute,
    private readonly where: string,
    private readonly violations: string[],
  ) {
    const v = route.vehicle;
    this.first = inst.breaks.offset[v]!;
    this.end = inst.breaks.offset[v + 1]!;
    this.nextExpected = this.first;
    this.placed = new Map();
    for (const { break: b, after } of route.breaks ?? []) {
      if (b < this.first || b >= this.end) {
        violations.push(`${where}: break #${b} is not one of this vehicle's`);
        continue;
      }
      if (!Number.isInteger(after) || after < 0 || after > route.tasks.length)
        violations.push(`${where}: break ${inst.breaks.id[b]} after position ${after}, outside the route`);
      this.placed.set(after, [...(this.placed.get(after) ?? []), b]);
    }
  }

  /** Takes the breaks placed after position `gap` (0: the start) when ready at `timeS`; returns the time after them. */
  take(gap: number, timeS: number, load: number[]): number {
    const breaks = this.inst.breaks;
    const dims = this.inst.dims;
    for (const b of this.placed.get(gap) ?? []) {
      const id = breaks.id[b];
      if (b !== this.nextExpected)
        this.violations.push(`${this.where}: break ${id} out of order or repeated`);
      this.nextExpected = b + 1;
      let startS = Infinity;
      for (let w = breaks.windowOffset[b]!; w < breaks.windowOffset[b + 1]!; w++) {
        if (timeS <= breaks.windowEndS[w]! + 1e-9) {
          startS = Math.max(timeS, breaks.windowStartS[w]!);
          break;
        }
      }
      if (startS === Infinity) {
        this.violations.push(
          `${this.where}: break ${id} ready at ${timeS.toFixed(2)}, after its time windows`,
        );
        startS = timeS;
      }
      for (let d = 0; d < dims; d++) {
        if (load[d]! > breaks.maxLoad[b * dims + d]! + 1e-9)
          this.violations.push(
            `${this.where}: load ${load[d]} during break ${id} > its max_load (dimension ${d})`,
          );
      }
      timeS = startS + breaks.serviceS[b]!;
    }
    return timeS;
  }

  /** After the route: every break was taken. */
  finish(): void {
    const taken = new Set([...this.placed.values()].flat());
    for (let b = this.first; b < this.end; b++)
      if (!taken.has(b)) this.violations.push(`${this.where}: break ${this.inst.breaks.id[b]} is missing`);
  }
}
