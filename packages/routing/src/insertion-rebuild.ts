import type { Instance } from './instance/index';
import { Route } from './route';

/**
 * Insertion for vehicles with breaks: a break's place depends on the whole route, so the O(1)
 * slack checks of `insertion.ts` (made without breaks) are necessary but not sufficient. A
 * position that passes them and would be the best so far is confirmed by rebuilding the route
 * in a scratch `Route`, which schedules the breaks (`breaks.ts`) and checks everything: O(len).
 * Only these vehicles pay it.
 */
interface Scratch {
  routes: Map<number, Route>;
  tasks: Int32Array;
}
const scratchOf = new WeakMap<Instance, Scratch>();

function scratch(inst: Instance, v: number): { route: Route; tasks: Int32Array } {
  let s = scratchOf.get(inst);
  if (!s) {
    s = { routes: new Map(), tasks: new Int32Array(inst.nTasks + 2) };
    scratchOf.set(inst, s);
  }
  let route = s.routes.get(v);
  if (!route) {
    route = new Route(inst, v);
    s.routes.set(v, route);
  }
  return { route, tasks: s.tasks };
}

/** Route r's tasks with x inserted after position p (and y after original position q ≥ p, when y ≥ 0). */
function withInserted(out: Int32Array, r: Route, x: number, p: number, y: number, q: number): number {
  let k = 0;
  for (let i = 0; i < r.len; i++) {
    out[k++] = r.tasks[i]!;
    if (i + 1 === p) out[k++] = x;
    if (y >= 0 && i + 1 === q) out[k++] = y;
  }
  if (p === 0) {
    out.copyWithin(1, 0, k);
    out[0] = x;
    k++;
    if (y >= 0 && q === 0) {
      out.copyWithin(2, 1, k);
      out[1] = y;
      k++;
    }
  }
  return k;
}

/**
 * Whether route r with x inserted after position p (and y after original position q ≥ p, when
 * y ≥ 0) is feasible, breaks included. The caller has already checked the insertion without
 * breaks in O(1): breaks only add time and load limits, so that check is a valid filter.
 */
export function feasibleWithBreaks(
  inst: Instance,
  r: Route,
  x: number,
  p: number,
  y: number,
  q: number,
): boolean {
  const { route, tasks } = scratch(inst, r.v);
  route.setTasks(tasks, withInserted(tasks, r, x, p, y, q));
  return route.feasible;
}
