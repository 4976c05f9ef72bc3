import { breakStart, hasBreaks } from './instance/breaks';
import type { Instance } from './instance/index';
import { serviceStart } from './instance/windows';

/** Where a break goes: break `break` (an index into `inst.breaks`) right after position `after` (0: the start). */
export interface BreakPlacement {
  break: number;
  after: number;
}

/** What the schedule reads of a route: its vehicle, tasks, locations by position and load after each position. */
export interface RouteView {
  v: number;
  len: number;
  tasks: ArrayLike<number>;
  locAt: ArrayLike<number>;
  load: ArrayLike<number>;
}

/**
 * Places vehicle v's breaks in a route, in their order, each after a stop (or the start) and
 * before the travel to the next one, as VROOM reports them: the break starts in one of its windows
 * (after waiting if needed) once the previous service is done, and the load on board then is
 * within its `max_load`. A dynamic programme over (position, breaks taken) keeping the earliest
 * time of each state: arriving earlier is never worse when waiting is allowed, so the route is
 * feasible iff the state "all breaks taken" reaches the end by the vehicle's deadline. O(len ×
 * breaks). Fills `out` (when given) with the placement of that earliest schedule.
 */
export function scheduleBreaks(
  inst: Instance,
  r: RouteView,
  startS: number,
  out: BreakPlacement[] | null,
): boolean {
  const v = r.v;
  if (!hasBreaks(inst.breaks, v)) return true;
  const breaks = inst.breaks;
  const first = breaks.offset[v]!;
  const nBreaks = breaks.offset[v + 1]! - first;
  const n = r.len;
  const dims = inst.dims;
  const durationS = inst.durationS[inst.vehMatrixSet[v]!]!;
  const width = nBreaks + 1;
  const timeS = new Float64Array(width).fill(Infinity);
  /** 1 when state (position g, b breaks taken) was reached by taking break b - 1 right after g. */
  const viaBreak = new Uint8Array((n + 1) * width);
  timeS[0] = startS;
  for (let g = 0; g <= n; g++) {
    for (let b = 0; b < nBreaks; b++) {
      if (timeS[b] === Infinity || !loadFits(inst, r.load, g, first + b, dims)) continue;
      const done = breakStart(breaks, first + b, timeS[b]!) + breaks.serviceS[first + b]!;
      if (done < timeS[b + 1]!) {
        timeS[b + 1] = done;
        viaBreak[g * width + b + 1] = 1;
      }
    }
    const travelS = durationS[r.locAt[g]! * inst.stride + r.locAt[g + 1]!]!;
    for (let b = 0; b <= nBreaks; b++) {
      if (timeS[b] === Infinity) continue;
      const arrivalS = timeS[b]! + travelS;
      if (g === n) timeS[b] = arrivalS;
      else {
        const t = r.tasks[g]!;
        timeS[b] = serviceStart(inst, t, arrivalS) + inst.serviceS[t]!;
      }
    }
  }
  if (!(timeS[nBreaks]! <= inst.deadlineS[v]!)) return false;
  if (out) {
    out.length = 0;
    for (let g = n, b = nBreaks; b > 0;) {
      if (viaBreak[g * width + b]) out.push({ break: first + --b, after: g });
      else g--;
    }
    out.reverse();
  }
  return true;
}

function loadFits(inst: Instance, load: ArrayLike<number>, g: number, b: number, dims: number): boolean {
  for (let d = 0; d < dims; d++) if (load[g * dims + d]! > inst.breaks.maxLoad[b * dims + d]!) return false;
  return true;
}
