import type { Instance } from './instance/index';
import type { Best } from './insertion';
import { Route } from './route';
import type { Rng } from '@paketbygd/random';

/**
 * Insertion for vehicles with breaks: a break's place depends on the whole route, so the O(1)
 * slack checks of `insertion.ts` do not hold. Each position (pair of positions for a shipment)
 * is tried by rebuilding the route in a scratch `Route`, which schedules the breaks
 * (`breaks.ts`) and checks everything: O(len) per position. Only these vehicles pay it.
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

function tryCandidate(
  inst: Instance,
  r: Route,
  x: number,
  p: number,
  y: number,
  q: number,
  best: Best,
  rng: Rng,
  blink: number,
): void {
  const { route, tasks } = scratch(inst, r.v);
  const length = withInserted(tasks, r, x, p, y, q);
  route.setTasks(tasks, length);
  if (!route.feasible) return;
  const delta = route.cost - r.cost;
  if (delta >= best.cost) return;
  if (blink > 0 && rng.next() < blink) return;
  best.cost = delta;
  best.route = r.v;
  best.p = p;
  best.q = y >= 0 ? q : -1;
}

/** The cheapest feasible position of job `task` in route r (compatibility and task count already checked). */
export function bestJobByRebuild(
  inst: Instance,
  r: Route,
  task: number,
  best: Best,
  rng: Rng,
  blink: number,
): void {
  for (let p = 0; p <= r.len; p++) tryCandidate(inst, r, task, p, -1, -1, best, rng, blink);
}

/** The cheapest feasible (pickup, delivery) positions of the shipment of `pickup` in route r. */
export function bestShipmentByRebuild(
  inst: Instance,
  r: Route,
  pickup: number,
  best: Best,
  rng: Rng,
  blink: number,
): void {
  const delivery = inst.partner[pickup]!;
  for (let p = 0; p <= r.len; p++)
    for (let q = p; q <= r.len; q++) tryCandidate(inst, r, pickup, p, delivery, q, best, rng, blink);
}
