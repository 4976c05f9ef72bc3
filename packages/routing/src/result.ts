import type { UnassignedReason } from '@paketbygd/model';
import { DELIVERY, type Instance } from './instance/index';
import type { SolveResult } from './options';
import type { Rng } from '@paketbygd/random';
import { crowdedReason } from './reasons';
import type { Solution } from './solution';
import type { Route } from './route';
import { scheduleBreaks, type BreakPlacement } from './breaks';
import { hasBreaks } from './instance/breaks';

/** The objective without the internal vehicle weight and without mandatory-task penalties. */
export function realCost(inst: Instance, sol: Solution): { cost: number; travel: number; vehicles: number } {
  let travel = 0;
  let cost = 0;
  let vehicles = 0;
  for (const r of sol.routes) {
    if (r.len === 0) continue;
    vehicles++;
    travel += r.travelCost;
    cost += r.travelCost + inst.fixed[r.v]!;
  }
  for (let t = 0; t < inst.nTasks; t++) if (sol.unassigned[t] && !inst.mandatory[t]) cost += inst.penalty[t]!;
  return { cost, travel, vehicles };
}

/** Where route r takes its vehicle's breaks (nothing when it has none). */
function placedBreaks(inst: Instance, r: Route): { breaks?: BreakPlacement[] } {
  if (!hasBreaks(inst.breaks, r.v)) return {};
  const breaks: BreakPlacement[] = [];
  scheduleBreaks(inst, r, inst.shiftStartS[r.v]!, breaks);
  return { breaks };
}

/** The routes, costs and unassigned tasks (each with its reason) of `sol`. */
export function solveResult(
  inst: Instance,
  sol: Solution,
  outOfReachReasons: Map<number, UnassignedReason>,
  rng: Rng,
): Pick<SolveResult, 'routes' | 'unassigned' | 'cost' | 'travelCost' | 'vehicles'> {
  const real = realCost(inst, sol);
  const unassigned: { task: number; reason: UnassignedReason }[] = [];
  for (let t = 0; t < inst.nTasks; t++) {
    if (!sol.unassigned[t]) continue;
    const head = inst.kind[t] === DELIVERY ? inst.partner[t]! : t;
    unassigned.push({ task: t, reason: outOfReachReasons.get(head) ?? crowdedReason(inst, sol, head, rng) });
  }
  return {
    routes: sol.routes
      .filter((r) => r.len > 0)
      .map((r) => ({
        vehicle: r.v,
        tasks: Array.from(r.tasks.subarray(0, r.len)),
        ...placedBreaks(inst, r),
      })),
    unassigned,
    cost: real.cost,
    travelCost: real.travel,
    vehicles: real.vehicles,
  };
}
