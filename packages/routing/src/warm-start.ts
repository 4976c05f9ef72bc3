import { DELIVERY, PICKUP, type Instance } from './instance/index';
import type { Solution } from './solution';

/** Keeps the given sequences, dropping each task whose addition would make its route infeasible. */
export function warmStart(
  inst: Instance,
  sol: Solution,
  routes: { vehicle: number; tasks: number[] }[],
  hopeless: Uint8Array,
): void {
  const n = inst.nTasks;
  const seen = new Uint8Array(n);
  for (const { vehicle, tasks } of routes) {
    if (vehicle < 0 || vehicle >= inst.nVeh || sol.routes[vehicle]!.len > 0) continue;
    const position = new Map<number, number>();
    tasks.forEach((t, i) => position.set(t, i));
    const kept: number[] = [];
    for (const t of tasks) {
      if (!Number.isInteger(t) || t < 0 || t >= n || seen[t] || hopeless[t]) continue;
      const partner = inst.partner[t]!;
      if (inst.kind[t] === PICKUP && !((position.get(partner) ?? -1) > (position.get(t) ?? 0))) continue;
      if (inst.kind[t] === DELIVERY && !kept.includes(partner)) continue;
      kept.push(t);
      sol.setRoute(vehicle, kept, kept.length);
      if (!sol.routes[vehicle]!.feasible && inst.kind[t] !== PICKUP) {
        kept.pop();
        if (inst.kind[t] === DELIVERY) kept.splice(kept.indexOf(partner), 1);
        sol.setRoute(vehicle, kept, kept.length);
      } else seen[t] = 1;
    }
    // A pickup whose delivery never made it in stays out.
    const final = kept.filter((t) => inst.kind[t] !== PICKUP || kept.includes(inst.partner[t]!));
    sol.setRoute(vehicle, final, final.length);
    if (!sol.routes[vehicle]!.feasible) sol.setRoute(vehicle, [], 0);
    for (const t of tasks) if (t >= 0 && t < n) seen[t] = sol.routeOf[t]! >= 0 ? 1 : 0;
  }
}
