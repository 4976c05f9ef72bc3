import {
  checkRoutingProblem,
  haversineM,
  ROAD_DETOUR_FACTOR,
  ValidationError,
  type Problem,
  type RoutingProblem,
  type RoutingSolution,
  type VroomRoute,
  type VroomStep,
} from '@paketbygd/model';
import { breakStart } from './instance/breaks';
import { buildInstance, JOB, PICKUP, type Instance } from './instance/index';
import { serviceStart } from './route';
import type { Converted } from './vroom/converted';
import { planRoutes } from './vroom/plan';
import { initialRoutesFromSteps } from './vroom/steps';
import { routeAmounts } from './vroom/tasks';
import { solveInstance, type Progress, type SearchParams } from './solver';
import type { SolvedRoute } from './options';
import {
  type BreakSpec,
  defaultVehicle,
  type JobSpec,
  type MatrixSet,
  type ShipmentSpec,
  type StopSpec,
  type VehicleSpec,
} from './spec';

/** Stand-in travel when a request gives positions but no matrices: straight line × the measured detour factor at 60 km/h. */
const DETOUR = ROAD_DETOUR_FACTOR;
const SPEED_M_PER_S = 60 / 3.6;

export type { Converted } from './vroom/converted';

type Placed = { location?: [number, number]; location_index?: number };

/** RoutingProblem (validated) → ModelSpec. Throws a ValidationError naming the path on what cannot be solved. */
export function toModelSpec(p: RoutingProblem): Converted {
  const problems: Problem[] = checkRoutingProblem(p);
  const straightLine = p.matrices === undefined;
  const positions: ([number, number] | undefined)[] = [];
  const coordIndex = new Map<string, number>();
  const place = (t: Placed | undefined, path: string): number | null => {
    if (!t) return null;
    if (!straightLine) {
      if (t.location_index === undefined) {
        if (t.location !== undefined)
          problems.push({ path, message: 'with "matrices", give "location_index" (the matrix row)' });
        return null;
      }
      if (t.location) positions[t.location_index] = t.location;
      return t.location_index;
    }
    if (!t.location) return null;
    const key = `${t.location[0]},${t.location[1]}`;
    let i = coordIndex.get(key);
    if (i === undefined) {
      i = positions.length;
      positions.push(t.location);
      coordIndex.set(key, i);
    }
    return i;
  };
  const stop = (
    s: { id: number; service?: number; setup?: number; time_windows?: [number, number][] } & Placed,
    path: string,
  ): StopSpec => ({
    id: s.id,
    location: place(s, path) ?? 0,
    // Setup is always counted: a conservative reading of VROOM's "when arriving from another location".
    serviceS: (s.service ?? 0) + (s.setup ?? 0),
    timeWindowsS: s.time_windows ?? [],
  });
  const jobs: JobSpec[] = p.jobs.map((j, i) => ({
    ...stop(j, `jobs[${i}]`),
    delivery: j.delivery ?? [],
    pickup: j.pickup ?? [],
    skills: j.skills ?? [],
    priority: j.priority ?? 0,
    ...(j.penalty !== undefined ? { penalty: j.penalty } : {}),
  }));
  const shipments: ShipmentSpec[] = p.shipments.map((s, i) => ({
    pickup: stop(s.pickup, `shipments[${i}].pickup`),
    delivery: stop(s.delivery, `shipments[${i}].delivery`),
    amount: s.amount ?? [],
    skills: s.skills ?? [],
    priority: s.priority ?? 0,
    ...(s.penalty !== undefined ? { penalty: s.penalty } : {}),
  }));
  const dims = Math.max(0, ...p.vehicles.map((v) => v.capacity?.length ?? 0));

  // Matrices: one set per (profile, speed factor).
  const matrices: MatrixSet[] = [];
  const matrixKey = new Map<string, number>();
  let hasDistances = straightLine;
  const size = straightLine
    ? 0
    : Math.max(
        0,
        ...Object.values(p.matrices!).map((m) => (m.durations ?? m.costs ?? m.distances ?? []).length),
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
    if (matrix === undefined && !straightLine) {
      const m = p.matrices![v.profile];
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
          id: v.id,
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
          ...(v.breaks ? { breaks: v.breaks.map(breakSpec) } : {}),
        }),
      );
    }
  });
  if (straightLine) {
    const n = positions.length;
    const distanceM = new Float64Array(n * n);
    const durationS = new Float64Array(n * n);
    for (let a = 0; a < n; a++) {
      for (let b = 0; b < n; b++) {
        const d = haversineM(positions[a]!, positions[b]!) * DETOUR;
        distanceM[a * n + b] = d;
        durationS[a * n + b] = d / SPEED_M_PER_S;
      }
    }
    // Speed factors scale durations, as with given matrices.
    const speeds = [...new Set(p.vehicles.map((v) => v.speed_factor ?? 1))];
    for (const sp of speeds) {
      matrixKey.set(`any:${sp}`, matrices.length);
      matrices.push({ size: n, distanceM, durationS: sp === 1 ? durationS : durationS.map((x) => x / sp) });
    }
    let k = 0;
    p.vehicles.forEach((v) => {
      const m = matrixKey.get(`any:${v.speed_factor ?? 1}`)!;
      for (let c = 0; c < (v.count ?? 1); c++) vehicles[k++]!.matrix = m;
    });
  }
  if (problems.length > 0) throw new ValidationError('routing problem', problems);
  return {
    spec: { matrices, dims, vehicles, jobs, shipments, objective: p.options?.objective ?? 'cost' },
    positions,
    straightLine,
    hasDistances,
  };
}

function breakSpec(b: NonNullable<RoutingProblem['vehicles'][number]['breaks']>[number]): BreakSpec {
  return {
    id: b.id,
    timeWindowsS: b.time_windows ?? [],
    serviceS: b.service ?? 0,
    ...(b.max_load ? { maxLoad: b.max_load } : {}),
  };
}

export interface RoutingOptions {
  timeLimitS?: number;
  maxIterations?: number;
  /** Stop at convergence, `timeLimitS` (default 10) as a cap: for requests that give no limit. */
  untilConverged?: boolean;
  seed?: number;
  signal?: AbortSignal;
  onProgress?: (p: Progress) => void;
  /** Warm start: a previous answer to the same request; its routes are kept where still feasible. */
  initialSolution?: RoutingSolution;
  params?: Partial<SearchParams>;
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
    ? warmRoutes(inst, opts.initialSolution)
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

function warmRoutes(inst: Instance, s: RoutingSolution): { vehicle: number; tasks: number[] }[] {
  const byKey = new Map<string, number>();
  for (let t = 0; t < inst.nTasks; t++) {
    const type = inst.kind[t] === JOB ? 'job' : inst.kind[t] === PICKUP ? 'pickup' : 'delivery';
    byKey.set(`${type}:${inst.taskId[t]}`, t);
  }
  const vehicleOf = new Map<string, number>();
  for (let v = 0; v < inst.nVeh; v++) vehicleOf.set(`${inst.vehId[v]}:${inst.vehCopy[v]}`, v);
  return s.routes.flatMap((r) => {
    const vehicle = vehicleOf.get(`${r.vehicle}:${r.copy ?? 0}`);
    if (vehicle === undefined) return [];
    const tasks = r.steps.flatMap((st) => {
      const t = st.id === undefined ? undefined : byKey.get(`${st.type}:${st.id}`);
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
  const descriptions = new Map<number, string | undefined>();
  problem.jobs.forEach((j) => descriptions.set(j.id, j.description));
  const vehicleDescription = new Map(problem.vehicles.map((v) => [v.id, v.description]));
  const shipmentDescription = new Map<string, string | undefined>();
  problem.shipments.forEach((sh) => {
    shipmentDescription.set(`pickup:${sh.pickup.id}`, sh.pickup.description);
    shipmentDescription.set(`delivery:${sh.delivery.id}`, sh.delivery.description);
  });
  const describe = (t: number) =>
    inst.kind[t] === JOB
      ? descriptions.get(inst.taskId[t]!)
      : shipmentDescription.get(`${inst.kind[t] === PICKUP ? 'pickup' : 'delivery'}:${inst.taskId[t]}`);
  const position = (l: number) => (l === inst.virtualLoc ? undefined : converted.positions[l]);
  const withDistance = converted.hasDistances;
  const out: VroomRoute[] = [];
  const sum = (a: number[], b: ArrayLike<number>) => a.map((x, i) => x + (b[i] ?? 0));
  let totals = { cost: 0, setup: 0, service: 0, duration: 0, waiting: 0, priority: 0, distance: 0 };
  let totalDelivery = new Array<number>(dims).fill(0);
  let totalPickup = new Array<number>(dims).fill(0);
  const breakDescription = new Map<string, string | undefined>();
  problem.vehicles.forEach((v) =>
    v.breaks?.forEach((b) => breakDescription.set(`${v.id}:${b.id}`, b.description)),
  );
  for (const { vehicle: v, tasks, breaks: placed } of routes) {
    const m = inst.vehMatrixSet[v]!;
    const D = inst.durationS[m]!;
    const L = inst.distanceM[m]!;
    const C = inst.cost[m]!;
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
    let travel = 0;
    let distance = 0;
    let cost = 0;
    let service = 0;
    let waiting = 0;
    let priority = 0;
    let prev = inst.vehStart[v]!;
    const step = (type: VroomStep['type'], l: number, extra: Partial<VroomStep>): VroomStep => {
      const pos = position(l);
      return {
        type,
        ...(pos ? { location: pos } : {}),
        ...(l !== inst.virtualLoc && !converted.straightLine ? { location_index: l } : {}),
        arrival: Math.round(time),
        duration: Math.round(travel),
        setup: 0,
        service: 0,
        waiting_time: 0,
        load: [...load],
        ...(withDistance ? { distance: Math.round(distance) } : {}),
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
        const breakId = inst.breaks.id[b]!;
        const description = breakDescription.get(`${inst.vehId[v]}:${breakId}`);
        const st = step('break', prev, {
          id: breakId,
          ...(description !== undefined ? { description } : {}),
          service: inst.breaks.serviceS[b]!,
          waiting_time: Math.round(start - time),
        });
        delete st.location;
        delete st.location_index;
        steps.push(st);
        waiting += start - time;
        service += inst.breaks.serviceS[b]!;
        time = start + inst.breaks.serviceS[b]!;
      }
    };
    let gap = 0;
    for (const t of tasks) {
      takeBreaks(gap++);
      const a = prev * s + inst.loc[t]!;
      time += D[a]!;
      travel += D[a]!;
      distance += L[a]!;
      cost += C[a]!;
      const arrival = time;
      const start = serviceStart(inst, t, arrival);
      const wait = start - arrival;
      for (let d = 0; d < dims; d++) load[d]! += inst.loadChange[t * dims + d]!;
      const type = inst.kind[t] === JOB ? 'job' : inst.kind[t] === PICKUP ? 'pickup' : 'delivery';
      const description = describe(t);
      const st = step(type, inst.loc[t]!, {
        id: inst.taskId[t]!,
        ...(description !== undefined ? { description } : {}),
        service: inst.serviceS[t]!,
        waiting_time: Math.round(wait),
      });
      st.arrival = Math.round(arrival);
      steps.push(st);
      time = start + inst.serviceS[t]!;
      service += inst.serviceS[t]!;
      waiting += wait;
      priority += inst.priority[t]!;
      prev = inst.loc[t]!;
    }
    takeBreaks(tasks.length);
    const a = prev * s + inst.vehEnd[v]!;
    time += D[a]!;
    travel += D[a]!;
    distance += L[a]!;
    cost += C[a]!;
    if (inst.hasEnd[v]) steps.push(step('end', inst.vehEnd[v]!, {}));
    const routeCost = Math.round(cost + inst.fixed[v]!);
    const description = vehicleDescription.get(inst.vehId[v]!);
    out.push({
      vehicle: inst.vehId[v]!,
      ...(inst.vehCopy[v]! > 0 || problem.vehicles.find((x) => x.id === inst.vehId[v])?.count
        ? { copy: inst.vehCopy[v]! }
        : {}),
      ...(description !== undefined ? { description } : {}),
      cost: routeCost,
      setup: 0,
      service,
      duration: Math.round(travel),
      waiting_time: Math.round(waiting),
      priority,
      delivery,
      pickup,
      ...(withDistance ? { distance: Math.round(distance) } : {}),
      steps,
      violations: [],
      ...(problem.options?.g && steps.every((x) => x.location)
        ? { geometry: { type: 'LineString', coordinates: steps.map((x) => x.location!) } }
        : {}),
    });
    totals = {
      cost: totals.cost + routeCost,
      setup: 0,
      service: totals.service + service,
      duration: totals.duration + Math.round(travel),
      waiting: totals.waiting + Math.round(waiting),
      priority: totals.priority + priority,
      distance: totals.distance + Math.round(distance),
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
      setup: 0,
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
      const description = describe(task);
      return {
        id: inst.taskId[task]!,
        type:
          inst.kind[task] === JOB
            ? ('job' as const)
            : inst.kind[task] === PICKUP
              ? ('pickup' as const)
              : ('delivery' as const),
        ...(pos ? { location: pos } : {}),
        ...(description !== undefined ? { description } : {}),
        ...(reason ? { reason } : {}),
      };
    }),
    routes: out,
    ...(converted.straightLine
      ? {
          travel: {
            backend: 'straightline',
            note: `no "matrices" given: straight line × ${DETOUR} at 60 km/h; send matrices for road travel`,
          },
        }
      : {}),
  };
}
