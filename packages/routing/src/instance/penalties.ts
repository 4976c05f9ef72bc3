import type { Tasks } from './tasks';
import { DELIVERY } from './types';

/**
 * Penalties large enough that no saving in travel pays for a lost mandatory task (or, in the
 * "vehicles" objective, for an extra vehicle), ordered as VROOM orders solutions (priorities, then
 * tasks), and the fixed costs as searched: plus a vehicle
 * weight in the "vehicles" objective.
 */
export function buildPenalties(
  tasks: Tasks,
  costMatrices: Float64Array[],
  fixed: Float64Array,
  objective: 'cost' | 'vehicles',
): { penalty: Float64Array; mandatory: Uint8Array; fixedSearch: Float64Array } {
  const nTasks = tasks.nTasks;
  const nVeh = fixed.length;
  let maxArc = 0;
  for (const cost of costMatrices)
    for (let x = 0; x < cost.length; x++)
      if (cost[x]! > maxArc && Number.isFinite(cost[x]!)) maxArc = cost[x]!;
  let sumFixed = 0;
  for (let v = 0; v < nVeh; v++) sumFixed += fixed[v]!;
  const routeBound = (nTasks + 2 * nVeh + 1) * Math.max(1, maxArc) + sumFixed;
  const vehicleWeight = objective === 'vehicles' ? 2 * routeBound : 0;
  const fixedSearch = new Float64Array(nVeh);
  for (let v = 0; v < nVeh; v++) fixedSearch[v] = fixed[v]! + vehicleWeight;
  const lost = 2 * (routeBound + vehicleWeight * (nVeh + 1)) + 1;
  // VROOM's order: the largest sum of assigned priorities first, then the most assigned tasks (a
  // shipment is two), then cost. One priority point outweighs losing every task; counted per task
  // like VROOM's sum, so a shipment's priority counts twice.
  let anyPriority = false;
  for (let t = 0; t < nTasks; t++) if (tasks.priority[t]! > 0) anyPriority = true;
  const priorityWeight = anyPriority ? nTasks + 1 : 0;
  const penalty = new Float64Array(nTasks);
  const mandatory = new Uint8Array(nTasks);
  for (let t = 0; t < nTasks; t++) {
    const optional = tasks.optionalPenalty[t];
    if (tasks.kind[t] === DELIVERY) continue;
    if (optional === undefined) {
      const count = tasks.partner[t]! >= 0 ? 2 : 1;
      mandatory[t] = 1;
      if (tasks.partner[t]! >= 0) mandatory[tasks.partner[t]!] = 1;
      penalty[t] = lost * count * (1 + priorityWeight * tasks.priority[t]!);
    } else penalty[t] = optional;
  }
  return { penalty, mandatory, fixedSearch };
}
