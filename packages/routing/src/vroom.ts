import {
  checkRoutingProblem,
  ValidationError,
  type Problem,
  type RoutingProblem,
  type RoutingSolution,
  type VroomRoute,
  type VroomStep,
} from '@paketbygd/model';
import { breakStart } from './instance/breaks';
import { buildInstance, type Instance } from './instance/index';
import { serviceStart } from './route';
import type { Converted } from './vroom/converted';
import { planRoutes } from './vroom/plan';
import { initialRoutesFromSteps } from './vroom/steps';
import { RouteSums } from './vroom/route-sums';
import { RequestTasks, routeAmounts } from './vroom/tasks';
import { solveInstance } from './solver';
import type { SearchControl, SolvedRoute } from './options';
import {
  type BreakSpec,
  defaultVehicle,
  type JobSpec,
  type MatrixSet,
  type ShipmentSpec,
  type StopSpec,
  type VehicleSpec,
} from './spec';

export type { Converted } from './vroom/converted';

type Placed = { location?: [number, number]; location_index?: number };

/**
 * RoutingProblem (validated) → ModelSpec. Throws a ValidationError naming the path on what cannot be
 * solved. The solver sees matrices only: a request with locations and no matrices gets them from
 * the travel package first (planner's `withTravelMatrix`, used by the CLI, the worker and the API).
 */
export function toModelSpec(p: RoutingProblem): Converted {
  const problems: Problem[] = checkRoutingProblem(p);
  if (p.matrices === undefined) {
    problems.push({
      path: 'matrices',
      message:
        'the solver needs "matrices" (or VROOM\'s "matrix"); requests with locations only get them from the travel backend (paketbygd route, POST /v1/routes)',
    });
    throw new ValidationError('routing problem', problems);
  }
  const matricesGiven = p.matrices;
  const positions: ([number, number] | undefined)[] = [];
  const place = (t: Placed | undefined, path: string): number | null => {
    if (!t) return null;
    if (t.location_index === undefined) {
      if (t.location !== undefined)
        problems.push({ path, message: 'with "matrices", give "location_index" (the matrix row)' });
      return null;
    }
    if (t.location) positions[t.location_index] = t.location;
    return t.location_index;
  };
  // Ids are the request's indices: the request's own ids are read back by RequestTasks.
  const stop = (
    index: number,
    s: { service?: number; setup?: number; time_windows?: [number, number][] } & Placed,
    path: string,
  ): StopSpec => ({
    id: index,
    location: place(s, path) ?? 0,
    // The search always counts setup: a conservative reading of VROOM's "when arriving from another
    // location". The answer (toRoutingSolution) applies it as VROOM does.
    serviceS: (s.service ?? 0) + (s.setup ?? 0),
    timeWindowsS: s.time_windows ?? [],
  });
  const jobs: JobSpec[] = p.jobs.map((j, i) => ({
    ...stop(i, j, `jobs[${i}]`),
    delivery: j.delivery ?? [],
    pickup: j.pickup ?? [],
    skills: j.skills ?? [],
    priority: j.priority ?? 0,
    ...(j.penalty !== undefined ? { penalty: j.penalty } : {}),
  }));
  const shipments: ShipmentSpec[] = p.shipments.map((s, i) => ({
    pickup: stop(i, s.pickup, `shipments[${i}].pickup`),
    delivery: stop(i, s.delivery, `shipments[${i}].delivery`),
    amount: s.amount ?? [],
    skills: s.skills ?? [],
    priority: s.priority ?? 0,
    ...(s.penalty !== undefined ? { penalty: s.penalty } : {}),
  }));
  const dims = Math.max(0, ...p.vehicles.map((v) => v.capacity?.length ?? 0));

  // Matrices: one set per (profile, speed factor).
  const matrices: MatrixSet[] = [];
  const matrixKey = new Map<string, number>();
  let hasDistances = false;
  const size = Math.max(
    0,
    ...Object.values(matricesGiven).map((m) => (m.durations ?? m.costs ?? m.distances ?? []).length),
  );
  const vehicles: VehicleSpec[] = [];
  p.vehicles.forEach((v, i) => {
    const path = `vehicles[${i}]`;
    const start = place(
      v.start !== undefined || v.start_index !== undefined
        ? { location: v.start, location_index: v.start_index }
        : undefined,
      `${path}.start`,
    );
    const end = place(
      v.end !== undefined || v.end_index !== undefined
        ? { location: v.end, location_index: v.end_index }
        : undefined,
      `${path}.end`,
    );
    const speed = v.speed_factor ?? 1;
    const key = `${v.profile}:${speed}`;
    let matrix = matrixKey.get(key);
    if (matrix === undefined) {
      const m = matricesGiven[v.profile];
      if (m) {
        const flat = (rows: number[][] | undefined, scale: number) => {
          if (!rows) return undefined;
          const out = new Float64Array(size * size);
          rows.forEach((row, r) => row.forEach((x, c) => (out[r * size + c] = x * scale)));
          return out;
        };
        const durationS = flat(m.durations, 1 / speed) ?? new Float64Array(size * size);
        const distanceM = flat(m.distances, 1) ?? new Float64Array(size * size);
        if (m.distances) hasDistances = true;
        const cost = flat(m.costs, 1);
        matrix = matrices.length;
        matrices.push({ size, durationS, distanceM, ...(cost ? { cost } : {}) });
        matrixKey.set(key, matrix);
      }
      if (!m?.distances) {
        if (v.max_distance !== undefined)
          problems.push({ path: `${path}.max_distance`, message: `needs "matrices.${v.profile}.distances"` });
        if ((v.costs?.per_km ?? 0) > 0)
          problems.push({ path: `${path}.costs.per_km`, message: `needs "matrices.${v.profile}.distances"` });
      }
    }
    for (let copy = 0; copy < (v.count ?? 1); copy++) {
      vehicles.push(
        defaultVehicle({
          id: i,
          copy,
          matrix: matrix ?? 0,
          start,
          end,
          capacity: v.capacity ?? [],
          skills: v.skills ?? [],
          shiftS: v.time_window ?? [0, Infinity],
          fixedCost: v.costs?.fixed ?? 0,
          costPerHour: v.costs?.per_hour ?? 3600,
          costPerKm: v.costs?.per_km ?? 0,
          maxTasks: v.max_tasks ?? Infinity,
          maxTravelTimeS: v.max_travel_time ?? Infinity,
          maxDistanceM: v.max_distance ?? Infinity,
          maxDurationS: v.max_duration ?? Infinity,
          ...(v.breaks ? { breaks: v.breaks.map((b, k) => breakSpec(b, k)) } : {}),
        }),
      );
    }
  });
  if (problems.length > 0) throw new ValidationError('routing problem', problems);
  return {
    spec: { matrices, dims, vehicles, jobs, shipments, objective: p.options?.objective ?? 'cost' },
    positions,
    hasDistances,
  };
}

/** A break's id in the instance is its index in the vehicle's `breaks` (the request's id may be 64-bit). */
function breakSpec(
  b: NonNullable<RoutingProblem['vehicles'][number]['breaks']>[number],
  index: number,
): BreakSpec {
  return {
    id: index,
    timeWindowsS: b.time_windows ?? [],
    serviceS: b.service ?? 0,
    ...(b.max_load ? { maxLoad: b.max_load } : {}),
  };
}

/** `SearchControl`, with a warm start given as a previous answer to the same request (its routes are kept where still feasible). */
export interface RoutingOptions extends SearchControl {
  initialSolution?: RoutingSolution;
}

/**
 * Solves a validated VROOM-style request and answers in VROOM's format. Options given here override
 * `options.time_limit` (or VROOM's `l`) and `options.seed` of the request. Vehicles' `steps` are the
 * starting solution (an input error when one breaks a constraint: `vroom/steps.ts`); with
 * `options.c` (VROOM's plan mode) the given routes are timed and their violations reported,
 * without a search (`vroom/plan.ts`).
 */
export function solveRoutingProblem(problem: RoutingProblem, opts: RoutingOptions = {}): RoutingSolution {
  const t0 = performance.now();
  const converted = toModelSpec(problem);
  const inst = buildInstance(converted.spec);
  const loadingS = (performance.now() - t0) / 1000;
  if (problem.options?.c) return planRoutes(inst, problem, converted, loadingS);
  const initialRoutes = opts.initialSolution
    ? warmRoutes(inst, problem, opts.initialSolution)
    : initialRoutesFromSteps(inst, problem);
  const timeLimitS = opts.timeLimitS ?? problem.options?.time_limit ?? problem.options?.l;
  const result = solveInstance(inst, {
    ...(timeLimitS !== undefined ? { timeLimitS } : {}),
    ...(opts.maxIterations !== undefined ? { maxIterations: opts.maxIterations } : {}),
    ...(opts.untilConverged ? { untilConverged: true } : {}),
    seed: opts.seed ?? problem.options?.seed ?? 1,
    ...(opts.signal ? { signal: opts.signal } : {}),
    ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
    ...(initialRoutes ? { initialRoutes } : {}),
    ...(opts.params ? { params: opts.params } : {}),
    ...(opts.threads !== undefined ? { threads: opts.threads } : {}),
  });
  return toRoutingSolution(
    inst,
    problem,
    converted,
    result.routes,
    result.unassigned,
    loadingS,
    result.elapsedS,
  );
}

function warmRoutes(
  inst: Instance,
  problem: RoutingProblem,
  s: RoutingSolution,
): { vehicle: number; tasks: number[] }[] {
  const request = new RequestTasks(problem, inst);
  const byKey = request.byAnswerKey();
  const vehicleOf = new Map<string, number>();
  for (let v = 0; v < inst.nVeh; v++) vehicleOf.set(`${String(request.vehicle(v).id)}:${inst.vehCopy[v]}`, v);
  return s.routes.flatMap((r) => {
    const vehicle = vehicleOf.get(`${String(r.vehicle)}:${r.copy ?? 0}`);
    if (vehicle === undefined) return [];
    const tasks = r.steps.flatMap((st) => {
      const t = st.id === undefined ? undefined : byKey.get(`${st.type}:${String(st.id)}`);
      return t === undefined ? [] : [t];
    });
    return [{ vehicle, tasks }];
  });
}

/** Builds VROOM's answer by simulating each route: arrivals, waiting, loads, distances. */
export function toRoutingSolution(
  inst: Instance,
  problem: RoutingProblem,
  converted: Converted,
  routes: SolvedRoute[],
  unassigned: { task: number; reason: RoutingSolution['unassigned'][number]['reason'] }[],
  loadingS: number,
  solvingS: number,
): RoutingSolution {
  const dims = inst.dims;
  const s = inst.stride;
  const request = new RequestTasks(problem, inst);
  const position = (l: number) => (l === inst.virtualLoc ? undefined : converted.positions[l]);
  const withDistance = converted.hasDistances;
  const out: VroomRoute[] = [];
  const sum = (a: number[], b: ArrayLike<number>) => a.map((x, i) => x + (b[i] ?? 0));
  let totals = { cost: 0, setup: 0, service: 0, duration: 0, waiting: 0, priority: 0, distance: 0 };
  let totalDelivery = new Array<number>(dims).fill(0);
  let totalPickup = new Array<number>(dims).fill(0);
  for (const { vehicle: v, tasks, breaks: placed } of routes) {
    const D = inst.durationS[inst.vehMatrixSet[v]!]!;
    const { load, delivery, pickup } = routeAmounts(inst, tasks);
    // Leave as late as possible without moving the first service: no waiting at the first stop
    // (a route with breaks leaves at the shift start, where its break schedule was made).
    let time = inst.shiftStartS[v]!;
    if (tasks.length > 0 && !placed?.length) {
      const first = tasks[0]!;
      const travel0 = D[inst.vehStart[v]! * s + inst.loc[first]!]!;
      const s0 = serviceStart(inst, first, time + travel0);
      if (Number.isFinite(s0)) time = Math.max(time, s0 - travel0);
    }
    const steps: VroomStep[] = [];
    const sums = new RouteSums(inst, v);
    let prev = inst.vehStart[v]!;
    const step = (type: VroomStep['type'], l: number, extra: Partial<VroomStep>): VroomStep => {
      const pos = position(l);
      return {
        type,
        ...(pos ? { location: pos } : {}),
        ...(l !== inst.virtualLoc ? { location_index: l } : {}),
        arrival: Math.round(time),
        duration: Math.round(sums.travelS),
        setup: 0,
        service: 0,
        waiting_time: 0,
        load: [...load],
        ...(withDistance ? { distance: Math.round(sums.distanceM) } : {}),
        violations: [],
        ...extra,
      };
    };
    if (inst.hasStart[v]) steps.push(step('start', prev, {}));
    /** The break steps placed after position `gap` (0: the start), as VROOM reports them: no location, before the travel. */
    const takeBreaks = (gap: number) => {
      for (const { break: b, after } of placed ?? []) {
        if (after !== gap) continue;
        const start = breakStart(inst.breaks, b, time);
        const { id: breakId, description } = request.breakOf(v, b);
        const st = step('break', prev, {
          id: breakId,
          ...(description !== undefined ? { description } : {}),
          service: inst.breaks.serviceS[b]!,
          waiting_time: Math.round(start - time),
        });
        delete st.location;
        delete st.location_index;
        steps.push(st);
        sums.waitingS += start - time;
        sums.serviceS += inst.breaks.serviceS[b]!;
        time = start + inst.breaks.serviceS[b]!;
      }
    };
    let gap = 0;
    for (const t of tasks) {
      takeBreaks(gap++);
      time += sums.drive(prev, inst.loc[t]!);
      const arrival = time;
      const start = serviceStart(inst, t, arrival);
      const wait = start - arrival;
      for (let d = 0; d < dims; d++) load[d]! += inst.loadChange[t * dims + d]!;
      const type = request.kind(t);
      const task = request.stop(t);
      // As VROOM: setup only when arriving from another place (a route without a start comes from
      // the virtual place, so its first task has its setup).
      const stepSetup = prev === inst.loc[t] ? 0 : (task.setup ?? 0);
      const stepService = task.service ?? 0;
      const st = step(type, inst.loc[t]!, {
        id: task.id,
        ...(type === 'job' ? { job: task.id } : {}),
        ...(task.description !== undefined ? { description: task.description } : {}),
        setup: stepSetup,
        service: stepService,
        waiting_time: Math.round(wait),
      });
      st.arrival = Math.round(arrival);
      steps.push(st);
      time = start + stepSetup + stepService;
      sums.setupS += stepSetup;
      sums.serviceS += stepService;
      sums.waitingS += wait;
      sums.priority += inst.priority[t]!;
      prev = inst.loc[t]!;
    }
    takeBreaks(tasks.length);
    time += sums.drive(prev, inst.vehEnd[v]!);
    if (inst.hasEnd[v]) steps.push(step('end', inst.vehEnd[v]!, {}));
    const vehicle = request.vehicle(v);
    const route = sums.totals(delivery, pickup, withDistance);
    out.push({
      vehicle: vehicle.id,
      ...(inst.vehCopy[v]! > 0 || vehicle.count ? { copy: inst.vehCopy[v]! } : {}),
      ...(vehicle.description !== undefined ? { description: vehicle.description } : {}),
      ...route,
      steps,
      violations: [],
    });
    totals = {
      cost: totals.cost + route.cost,
      setup: totals.setup + route.setup,
      service: totals.service + route.service,
      duration: totals.duration + route.duration,
      waiting: totals.waiting + route.waiting_time,
      priority: totals.priority + route.priority,
      distance: totals.distance + Math.round(sums.distanceM),
    };
    totalDelivery = sum(totalDelivery, delivery);
    totalPickup = sum(totalPickup, pickup);
  }
  return {
    code: 0,
    summary: {
      cost: totals.cost,
      routes: out.length,
      unassigned: unassigned.length,
      setup: totals.setup,
      service: totals.service,
      duration: totals.duration,
      waiting_time: totals.waiting,
      priority: totals.priority,
      delivery: totalDelivery,
      pickup: totalPickup,
      ...(withDistance ? { distance: totals.distance } : {}),
      violations: [],
      computing_times: { loading: Math.round(loadingS * 1000), solving: Math.round(solvingS * 1000) },
    },
    unassigned: unassigned.map(({ task, reason }) => {
      const pos = position(inst.loc[task]!);
      const { id, description } = request.stop(task);
      return {
        id,
        type: request.kind(task),
        ...(pos ? { location: pos } : {}),
        ...(description !== undefined ? { description } : {}),
        ...(reason ? { reason } : {}),
      };
    }),
    routes: out,
  };
}
