import {
  ValidationError,
  type Problem,
  type RoutingProblem,
  type RoutingSolution,
  type VroomRoute,
  type VroomStep,
} from '@paketbygd/model';
import { DELIVERY, PICKUP, type Instance } from '../instance/index';
import type { Converted } from './converted';
import { RouteSums } from './route-sums';
import { instanceVehicle, taskIndexByKey } from './steps';
import { RequestTasks, routeAmounts, taskType } from './tasks';
import { planSummary, type Violation, violationTotals } from './violations';

type VehicleStep = NonNullable<RoutingProblem['vehicles'][number]['steps']>[number];

/** One stop of a given route: the start, a task, a break (by its index in `inst.breaks`) or the end. */
interface PlanItem {
  kind: 'start' | 'task' | 'break' | 'end';
  task: number;
  break: number;
  step: VehicleStep | undefined;
  /** Index of the step in the request (undefined: added, e.g. the vehicle's start without a "start" step). */
  stepIndex: number | undefined;
  /** As VROOM: a task's setup only when the vehicle arrives from another place (`withSetupAndService`). */
  setupS: number;
  serviceS: number;
}

/** Times of one item under one schedule. */
interface Timed {
  arrivalS: number;
  startS: number;
  lateS: number;
  earlyS: number;
}

/**
 * VROOM's plan mode (`-c`): the vehicles' `steps` are the routes, exactly; every constraint
 * becomes soft and is reported as a violation (per step, per route, in the summary), and the
 * `service_at` / `service_after` / `service_before` keys are hard. VROOM picks the ETAs with a
 * MIP (least total lead time and delay, then shortest routes, then earliest); here each route is
 * timed as early as possible after its departure (waiting for a window that opens later unless a
 * hard bound forbids it), and the departure is chosen among the times at which some step would
 * meet a window's start or end exactly (the breakpoints of the total violation), least total
 * violation first, then the shortest route, then the earliest.
 */
export function planRoutes(
  inst: Instance,
  problem: RoutingProblem,
  converted: Converted,
  loadingS: number,
): RoutingSolution {
  const t0 = performance.now();
  const byKey = taskIndexByKey(inst, problem);
  const request = new RequestTasks(problem, inst);
  const served = new Uint8Array(inst.nTasks);
  const routes: VroomRoute[] = [];
  const problems: Problem[] = [];
  problem.vehicles.forEach((vehicle, i) => {
    if (!vehicle.steps) return;
    const v = instanceVehicle(problem, i);
    const items = planItems(inst, request, v, vehicle.steps, byKey);
    if (!items.some((it) => it.kind === 'task' || it.kind === 'break')) return;
    for (const it of items) if (it.kind === 'task') served[it.task] = 1;
    const timed = bestSchedule(inst, v, items);
    if ('problem' in timed) {
      problems.push({ ...timed.problem, path: `vehicles[${i}].${timed.problem.path}` });
      return;
    }
    routes.push(describeRoute(inst, request, converted, v, items, timed.times));
  });
  if (problems.length > 0) throw new ValidationError('routing problem', problems);
  const unassigned = [];
  for (let t = 0; t < inst.nTasks; t++) {
    if (served[t]) continue;
    const position = converted.positions[inst.loc[t]!];
    unassigned.push({
      id: request.stop(t).id,
      type: request.kind(t),
      ...(position ? { location: position } : {}),
    });
  }
  const solvingS = (performance.now() - t0) / 1000;
  return {
    code: 0,
    summary: planSummary(routes, unassigned.length, inst.dims, converted.hasDistances, loadingS, solvingS),
    unassigned,
    routes,
  };
}

/** The route's items: the steps in order, with the vehicle's start and end where the steps leave them out. */
function planItems(
  inst: Instance,
  request: RequestTasks,
  v: number,
  steps: VehicleStep[],
  byKey: Map<string, number>,
): PlanItem[] {
  const items: PlanItem[] = [];
  const item = (
    kind: PlanItem['kind'],
    step?: VehicleStep,
    stepIndex?: number,
    task = -1,
    b = -1,
  ): PlanItem => ({
    kind,
    task,
    break: b,
    step,
    stepIndex,
    setupS: 0,
    serviceS: 0,
  });
  if (inst.hasStart[v] && steps[0]?.type !== 'start') items.push(item('start'));
  steps.forEach((step, k) => {
    if (step.type === 'start' || step.type === 'end') {
      if (inst[step.type === 'start' ? 'hasStart' : 'hasEnd'][v]) items.push(item(step.type, step, k));
      return;
    }
    if (step.type === 'break') {
      let b = inst.breaks.offset[v]!;
      while (b < inst.breaks.offset[v + 1]! && String(request.breakOf(v, b).id) !== String(step.id)) b++;
      items.push(item('break', step, k, -1, b));
      return;
    }
    items.push(item('task', step, k, byKey.get(`${step.type}:${String(step.id)}`)!));
  });
  if (inst.hasEnd[v] && steps[steps.length - 1]?.type !== 'end') items.push(item('end'));
  return withSetupAndService(inst, request, v, items);
}

/**
 * Each item's setup and service, once the order is known. The instance folds a task's setup into
 * its service (the search counts it always); the answer, like VROOM, counts it only when the
 * vehicle arrives from another place, as toRoutingSolution does.
 */
function withSetupAndService(
  inst: Instance,
  request: RequestTasks,
  v: number,
  items: PlanItem[],
): PlanItem[] {
  let loc = inst.vehStart[v]!;
  for (const it of items) {
    const next = locationOf(inst, v, it, loc);
    if (it.kind === 'task') {
      const task = request.stop(it.task);
      it.setupS = next === loc ? 0 : (task.setup ?? 0);
      it.serviceS = task.service ?? 0;
    } else if (it.kind === 'break') it.serviceS = inst.breaks.serviceS[it.break]!;
    loc = next;
  }
  return items;
}

/** Windows of an item: a task's, a break's, or the vehicle's shift for its start and end. */
function windowsOf(inst: Instance, v: number, it: PlanItem): [number, number][] {
  if (it.kind === 'task') {
    const out: [number, number][] = [];
    for (let w = inst.windowOffset[it.task]!; w < inst.windowOffset[it.task + 1]!; w++)
      out.push([inst.windowStartS[w]!, inst.windowEndS[w]!]);
    return out;
  }
  if (it.kind === 'break') {
    const out: [number, number][] = [];
    for (let w = inst.breaks.windowOffset[it.break]!; w < inst.breaks.windowOffset[it.break + 1]!; w++)
      out.push([inst.breaks.windowStartS[w]!, inst.breaks.windowEndS[w]!]);
    return out;
  }
  return [[inst.shiftStartS[v]!, inst.shiftEndS[v]!]];
}

function locationOf(inst: Instance, v: number, it: PlanItem, previous: number): number {
  if (it.kind === 'start') return inst.vehStart[v]!;
  if (it.kind === 'end') return inst.vehEnd[v]!;
  if (it.kind === 'task') return inst.loc[it.task]!;
  return previous; // a break is taken where the vehicle is
}

/** The schedule from departure `departS`, or the step whose hard bound it misses. */
function schedule(
  inst: Instance,
  v: number,
  items: PlanItem[],
  departS: number,
): Timed[] | { stepIndex: number } {
  const durationS = inst.durationS[inst.vehMatrixSet[v]!]!;
  const times: Timed[] = [];
  let timeS = departS;
  let loc = inst.vehStart[v]!;
  for (const it of items) {
    const next = locationOf(inst, v, it, loc);
    const arrivalS = it.kind === 'start' ? departS : timeS + durationS[loc * inst.stride + next]!;
    loc = next;
    const step = it.step;
    const lower = step?.service_at ?? step?.service_after ?? -Infinity;
    const upper = step?.service_at ?? step?.service_before ?? Infinity;
    let startS = Math.max(arrivalS, lower);
    if (startS > upper) return { stepIndex: it.stepIndex ?? 0 };
    const windows = windowsOf(inst, v, it);
    const open = windows.find(([, end]) => startS <= end);
    // Wait for a window that opens later, unless the hard upper bound forbids it (then it is early).
    if (open && startS < open[0] && open[0] <= upper && it.kind !== 'start' && it.kind !== 'end')
      startS = open[0];
    const last = windows[windows.length - 1]!;
    const earlyS = open && startS < open[0] ? open[0] - startS : 0;
    const lateS = open ? 0 : startS - last[1];
    times.push({ arrivalS, startS, lateS, earlyS });
    timeS = startS + it.setupS + it.serviceS;
  }
  return times;
}

/** The departure with the least total lead time and delay, then the shortest route, then the earliest. */
function bestSchedule(
  inst: Instance,
  v: number,
  items: PlanItem[],
): { times: Timed[] } | { problem: Problem } {
  const first = schedule(inst, v, items, 0);
  // Offsets of each item from the departure when nothing waits: the breakpoints follow from them.
  const offsets = 'stepIndex' in first ? items.map(() => 0) : first.map((t) => t.arrivalS - first[0]!.startS);
  const candidates = new Set<number>([inst.shiftStartS[v]!]);
  const startStep = items[0]?.kind === 'start' ? items[0].step : undefined;
  for (const bound of [startStep?.service_at, startStep?.service_after, startStep?.service_before])
    if (bound !== undefined) candidates.add(bound);
  items.forEach((it, k) => {
    for (const [open, close] of windowsOf(inst, v, it)) {
      if (Number.isFinite(open)) candidates.add(open - offsets[k]!);
      if (Number.isFinite(close)) candidates.add(close - offsets[k]!);
    }
  });
  let best: { times: Timed[]; violation: number; span: number; departS: number } | null = null;
  // The earliest departure is the one least held back by service_before: its broken step is the one named.
  let broken = { departS: Infinity, stepIndex: 0 };
  for (const candidate of candidates) {
    if (!Number.isFinite(candidate)) continue;
    // VROOM's times are unsigned: nothing departs before 0.
    const departS = Math.max(0, candidate);
    const times = schedule(inst, v, items, departS);
    if ('stepIndex' in times) {
      if (departS < broken.departS) broken = { departS, stepIndex: times.stepIndex };
      continue;
    }
    const violation = times.reduce((sum, t) => sum + t.lateS + t.earlyS, 0);
    const span = times[times.length - 1]!.startS - departS;
    if (
      !best ||
      violation < best.violation - 1e-9 ||
      (Math.abs(violation - best.violation) <= 1e-9 &&
        (span < best.span - 1e-9 || (Math.abs(span - best.span) <= 1e-9 && departS < best.departS)))
    )
      best = { times, violation, span, departS };
  }
  if (best) return { times: best.times };
  return {
    problem: {
      path: `steps[${broken.stepIndex}]`,
      message: 'its service_at / service_after / service_before cannot be met after the steps before it',
    },
  };
}

/** The route in VROOM's shape, with its violations per step and for the route. */
function describeRoute(
  inst: Instance,
  request: RequestTasks,
  converted: Converted,
  v: number,
  items: PlanItem[],
  times: Timed[],
): VroomRoute {
  const dims = inst.dims;
  const { load, delivery, pickup } = routeAmounts(
    inst,
    items.filter((it) => it.kind === 'task').map((it) => it.task),
  );
  const routeViolations: Violation[] = [];
  const picked = new Set<number>();
  const inRoute = new Set(items.filter((it) => it.kind === 'task').map((it) => it.task));
  const steps: VroomStep[] = [];
  let loc = inst.vehStart[v]!;
  const sums = new RouteSums(inst, v);
  let tasks = 0;
  items.forEach((it, k) => {
    sums.setupS += it.setupS;
    sums.serviceS += it.serviceS;
    const next = locationOf(inst, v, it, loc);
    if (it.kind !== 'start') sums.drive(loc, next);
    loc = next;
    const violations: Violation[] = [];
    const t = it.task;
    if (it.kind === 'task') {
      tasks++;
      for (let d = 0; d < dims; d++) load[d]! += inst.loadChange[t * dims + d]!;
      if (!inst.compat[v * inst.nTasks + t]) violations.push({ cause: 'skills' });
      if (inst.kind[t] === PICKUP) {
        picked.add(t);
        if (!inRoute.has(inst.partner[t]!)) violations.push({ cause: 'precedence' });
      } else if (inst.kind[t] === DELIVERY && !picked.has(inst.partner[t]!))
        violations.push({ cause: 'precedence' });
      sums.priority += inst.priority[t]!;
    }
    if (it.kind === 'break') {
      for (let d = 0; d < dims; d++)
        if (load[d]! > inst.breaks.maxLoad[it.break * dims + d]!) violations.push({ cause: 'max_load' });
    }
    for (let d = 0; d < dims; d++)
      if (load[d]! > inst.capacity[v * dims + d]!) violations.push({ cause: 'load' });
    const time = times[k]!;
    if (time.earlyS > 0) violations.push({ cause: 'lead_time', duration: Math.round(time.earlyS) });
    if (time.lateS > 0) violations.push({ cause: 'delay', duration: Math.round(time.lateS) });
    const wait = time.startS - time.arrivalS;
    sums.waitingS += wait;
    steps.push(
      planStep(
        inst,
        request,
        converted,
        v,
        it,
        next,
        time,
        Math.round(sums.travelS),
        sums.distanceM,
        [...load],
        violations,
        wait,
      ),
    );
    routeViolations.push(...dedupe(violations));
  });
  if (tasks > inst.maxTasks[v]!) routeViolations.push({ cause: 'max_tasks' });
  if (sums.travelS > inst.maxTravelTimeS[v]!) routeViolations.push({ cause: 'max_travel_time' });
  if (sums.distanceM > inst.maxDistanceM[v]!) routeViolations.push({ cause: 'max_distance' });
  const taken = new Set(items.filter((it) => it.kind === 'break').map((it) => it.break));
  for (let b = inst.breaks.offset[v]!; b < inst.breaks.offset[v + 1]!; b++)
    if (!taken.has(b)) routeViolations.push({ cause: 'missing_break' });
  const { id: vehicleId, description } = request.vehicle(v);
  return {
    vehicle: vehicleId,
    ...(description !== undefined ? { description } : {}),
    ...sums.totals(delivery, pickup, converted.hasDistances),
    steps,
    violations: violationTotals(routeViolations),
  };
}

/** A step reports "load" once even when several dimensions are over. */
function dedupe(violations: Violation[]): Violation[] {
  return violations.filter(
    (x, i) => x.duration !== undefined || violations.findIndex((y) => y.cause === x.cause) === i,
  );
}

function planStep(
  inst: Instance,
  request: RequestTasks,
  converted: Converted,
  v: number,
  it: PlanItem,
  loc: number,
  time: Timed,
  durationS: number,
  distance: number,
  load: number[],
  violations: Violation[],
  waitS: number,
): VroomStep {
  const type: VroomStep['type'] = it.kind === 'task' ? taskType(inst, it.task) : it.kind;
  const located = it.kind !== 'break' && loc !== inst.virtualLoc;
  const position = located ? converted.positions[loc] : undefined;
  const described =
    it.kind === 'task'
      ? request.stop(it.task)
      : it.kind === 'break'
        ? request.breakOf(v, it.break)
        : undefined;
  const id = described?.id;
  const description = described?.description;
  return {
    type,
    ...(id !== undefined ? { id } : {}),
    ...(description !== undefined ? { description } : {}),
    ...(position ? { location: position } : {}),
    ...(located ? { location_index: loc } : {}),
    arrival: Math.round(it.kind === 'start' ? time.startS : time.arrivalS),
    duration: durationS,
    setup: it.setupS,
    service: it.serviceS,
    waiting_time: Math.round(it.kind === 'start' ? 0 : waitS),
    load,
    ...(converted.hasDistances ? { distance: Math.round(distance) } : {}),
    violations: dedupe(violations),
  };
}
