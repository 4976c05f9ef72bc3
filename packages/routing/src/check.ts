import { BreakChecker } from './check-breaks';
import { DELIVERY, JOB, PICKUP, type Instance } from './instance/index';
import type { SolvedRoute } from './options';

/**
 * An independent feasibility check: simulates each route from scratch with none of the search's
 * caches, and checks coverage, capacity, time windows, shifts, max duration, travel time,
 * distance and task count, skills, pickup-before-delivery on one vehicle, and breaks (placed
 * once each, in a window, within max_load: `check-breaks.ts`).
 * Returns the violations found (empty when feasible) and the recomputed cost.
 */
export function checkSolution(
  inst: Instance,
  routes: SolvedRoute[],
  unassigned: number[],
): { violations: string[]; cost: number; travelCost: number } {
  const violations: string[] = [];
  const seen = new Int32Array(inst.nTasks);
  const usedVehicle = new Set<number>();
  let travelCost = 0;
  let cost = 0;
  const dims = inst.dims;
  const s = inst.stride;
  for (const route of routes) {
    const { vehicle: v, tasks } = route;
    const where = `route of vehicle ${inst.vehId[v]}${inst.vehCopy[v] ? `#${inst.vehCopy[v]}` : ''}`;
    if (v < 0 || v >= inst.nVeh) {
      violations.push(`${where}: no such vehicle`);
      continue;
    }
    if (usedVehicle.has(v)) violations.push(`${where}: vehicle used twice`);
    usedVehicle.add(v);
    if (tasks.length === 0) continue;
    if (tasks.length > inst.maxTasks[v]!)
      violations.push(`${where}: ${tasks.length} tasks > max ${inst.maxTasks[v]}`);
    const m = inst.vehMatrixSet[v]!;
    const load: number[] = [];
    for (let d = 0; d < dims; d++) {
      let l = 0;
      for (const t of tasks) l += inst.startLoad[t * dims + d]!;
      load.push(l);
    }
    const checkLoad = (at: string) => {
      for (let d = 0; d < dims; d++) {
        if (load[d]! > inst.capacity[v * dims + d]! + 1e-9) {
          violations.push(
            `${where}: load ${load[d]} > capacity ${inst.capacity[v * dims + d]} (dimension ${d}) ${at}`,
          );
        }
      }
    };
    checkLoad('at the start');
    let time = inst.shiftStartS[v]!;
    let prev = inst.vehStart[v]!;
    let travel = 0;
    let distance = 0;
    const pickedAt = new Map<number, number>();
    const breaks = new BreakChecker(inst, route, where, violations);
    tasks.forEach((t, i) => {
      time = breaks.take(i, time, load);
      if (t < 0 || t >= inst.nTasks) {
        violations.push(`${where}: unknown task ${t}`);
        return;
      }
      seen[t]!++;
      if (!inst.compat[v * inst.nTasks + t])
        violations.push(`${where}: lacks a skill for task ${inst.taskId[t]}`);
      const a = prev * s + inst.loc[t]!;
      travelCost += inst.cost[m]![a]!;
      travel += inst.durationS[m]![a]!;
      distance += inst.distanceM[m]![a]!;
      time += inst.durationS[m]![a]!;
      let started = false;
      for (let w = inst.windowOffset[t]!; w < inst.windowOffset[t + 1]!; w++) {
        if (time <= inst.windowEndS[w]! + 1e-9) {
          time = Math.max(time, inst.windowStartS[w]!);
          started = true;
          break;
        }
      }
      if (!started)
        violations.push(
          `${where}: task ${inst.taskId[t]} reached at ${time.toFixed(2)}, after its time windows`,
        );
      time += inst.serviceS[t]!;
      for (let d = 0; d < dims; d++) load[d]! += inst.loadChange[t * dims + d]!;
      checkLoad(`after task ${inst.taskId[t]}`);
      if (inst.kind[t] === PICKUP) pickedAt.set(t, i);
      if (inst.kind[t] === DELIVERY) {
        const p = inst.partner[t]!;
        if (!pickedAt.has(p))
          violations.push(`${where}: delivery ${inst.taskId[t]} before its pickup or on another vehicle`);
      }
      prev = inst.loc[t]!;
    });
    for (const [p] of pickedAt) {
      if (!tasks.includes(inst.partner[p]!))
        violations.push(`${where}: pickup ${inst.taskId[p]} without its delivery`);
    }
    time = breaks.take(tasks.length, time, load);
    breaks.finish();
    const a = prev * s + inst.vehEnd[v]!;
    travelCost += inst.cost[m]![a]!;
    travel += inst.durationS[m]![a]!;
    distance += inst.distanceM[m]![a]!;
    time += inst.durationS[m]![a]!;
    if (time > inst.shiftEndS[v]! + 1e-9)
      violations.push(`${where}: ends at ${time.toFixed(2)}, after the shift ends (${inst.shiftEndS[v]})`);
    if (time - inst.shiftStartS[v]! > inst.maxDurationS[v]! + 1e-9)
      violations.push(`${where}: lasts longer than max duration`);
    if (travel > inst.maxTravelTimeS[v]! + 1e-9)
      violations.push(`${where}: travel time ${travel} > max ${inst.maxTravelTimeS[v]}`);
    if (distance > inst.maxDistanceM[v]! + 1e-9)
      violations.push(`${where}: distance ${distance} > max ${inst.maxDistanceM[v]}`);
    cost += inst.fixed[v]!;
  }
  for (const t of unassigned) seen[t]!++;
  for (let t = 0; t < inst.nTasks; t++) {
    const what = inst.kind[t] === JOB ? 'job' : inst.kind[t] === PICKUP ? 'pickup' : 'delivery';
    if (seen[t] === 0) violations.push(`${what} ${inst.taskId[t]} is neither served nor reported unassigned`);
    if (seen[t]! > 1) violations.push(`${what} ${inst.taskId[t]} appears ${seen[t]} times`);
  }
  cost += travelCost;
  for (const t of unassigned) if (!inst.mandatory[t]) cost += inst.penalty[t]!;
  return { violations, cost, travelCost };
}
