import type { UnassignedReason } from '@paketbygd/model';
import { DELIVERY, type Instance } from './instance/index';
import { bestInsertionInRoute, newBest } from './insertion';
import type { Rng } from '@paketbygd/random';
import { serviceStart } from './route';
import type { Solution } from './solution';

/** The tasks no vehicle can serve even alone (both tasks of a shipment), with the reason on the head task. */
export function tasksOutOfReach(inst: Instance): {
  outOfReach: Uint8Array;
  count: number;
  reasons: Map<number, UnassignedReason>;
} {
  const outOfReach = new Uint8Array(inst.nTasks);
  const reasons = new Map<number, UnassignedReason>();
  for (let t = 0; t < inst.nTasks; t++) {
    if (inst.kind[t] === DELIVERY) continue;
    const why = aloneReason(inst, t);
    if (why) {
      outOfReach[t] = 1;
      reasons.set(t, why);
      if (inst.partner[t]! >= 0) outOfReach[inst.partner[t]!] = 1;
    }
  }
  let count = 0;
  for (let t = 0; t < inst.nTasks; t++) count += outOfReach[t]!;
  return { outOfReach, count, reasons };
}

/** Why a task x (a job or a shipment's pickup) that fits alone on some vehicle was left out of `sol`. */
export function crowdedReason(inst: Instance, sol: Solution, x: number, rng: Rng): UnassignedReason {
  const best = newBest();
  for (const r of sol.routes) bestInsertionInRoute(inst, r, x, best, rng, 0);
  if (best.route >= 0) return 'not_profitable';
  const dims = inst.dims;
  const y = inst.partner[x]!;
  let tasksFull = false;
  for (const r of sol.routes) {
    if (!inst.compat[r.v * inst.nTasks + x]) continue;
    let room = true;
    for (let d = 0; d < dims; d++) {
      const need = inst.startLoad[x * dims + d]! + Math.max(0, inst.loadChange[x * dims + d]!);
      if (r.loadPrefixMax[(r.len + 1) * dims + d]! + need > inst.capacity[r.v * dims + d]!) room = false;
    }
    if (!room) continue;
    if (r.len + (y >= 0 ? 2 : 1) <= inst.maxTasks[r.v]!) return 'time_window';
    tasksFull = true;
  }
  return tasksFull ? 'max_tasks' : 'capacity';
}

/**
 * Why a task cannot be served even alone on any vehicle, or null when some vehicle could serve it
 * alone. Checked in the order a planner would fix things: skills, capacity, time, limits.
 */
export function aloneReason(inst: Instance, x: number): UnassignedReason | null {
  const y = inst.partner[x]!;
  const tasks = y >= 0 ? (inst.kind[x] === DELIVERY ? [y, x] : [x, y]) : [x];
  const found = new Set<UnassignedReason>();
  const dims = inst.dims;
  for (let v = 0; v < inst.nVeh; v++) {
    if (tasks.some((t) => inst.compat[v * inst.nTasks + t] === 0)) {
      found.add('skills');
      continue;
    }
    const m = inst.vehMatrixSet[v]!;
    const durationS = inst.durationS[m]!;
    const distanceM = inst.distanceM[m]!;
    const s = inst.stride;
    let loadOk = true;
    for (let d = 0; d < dims; d++) {
      let l = 0;
      for (const t of tasks) l += inst.startLoad[t * dims + d]!;
      let peak = l;
      for (const t of tasks) {
        l += inst.loadChange[t * dims + d]!;
        if (l > peak) peak = l;
      }
      if (peak > inst.capacity[v * dims + d]!) loadOk = false;
    }
    if (!loadOk) {
      found.add('capacity');
      continue;
    }
    if (tasks.length > inst.maxTasks[v]!) {
      found.add('max_tasks');
      continue;
    }
    const locs = [inst.vehStart[v]!, ...tasks.map((t) => inst.loc[t]!), inst.vehEnd[v]!];
    let time = inst.shiftStartS[v]!;
    let travel = 0;
    let distance = 0;
    let reachable = true;
    let windowOk = true;
    for (let k = 1; k < locs.length; k++) {
      const a = locs[k - 1]! * s + locs[k]!;
      if (!Number.isFinite(durationS[a]!) || !Number.isFinite(distanceM[a]!)) reachable = false;
      time += durationS[a]!;
      travel += durationS[a]!;
      distance += distanceM[a]!;
      if (k < locs.length - 1) {
        const t = tasks[k - 1]!;
        const start = serviceStart(inst, t, time);
        if (start === Infinity) windowOk = false;
        time = start + inst.serviceS[t]!;
      }
    }
    if (!reachable) found.add('unreachable');
    else if (!windowOk || time > inst.shiftEndS[v]!) found.add('time_window');
    else if (time > inst.deadlineS[v]!) found.add('max_duration');
    else if (travel > inst.maxTravelTimeS[v]!) found.add('max_travel_time');
    else if (distance > inst.maxDistanceM[v]!) found.add('max_distance');
    else return null;
  }
  // Report the reason of the vehicle that came closest: later checks passed the earlier ones.
  const order: UnassignedReason[] = [
    'max_distance',
    'max_travel_time',
    'max_duration',
    'time_window',
    'unreachable',
    'max_tasks',
    'capacity',
    'skills',
  ];
  for (const r of order) if (found.has(r)) return r;
  return 'no_vehicle';
}
