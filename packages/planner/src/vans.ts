import {
  buildInstance,
  checkSolution,
  solveInstance,
  defaultVehicle,
  type JobSpec,
  type ModelSpec,
  type VehicleSpec,
} from '@paketbygd/routing';
import { clockTimeToS, type Scenario, type VanRoute, type Weekday } from '@paketbygd/model';
import { distanceM, durationS, type SquareMatrix } from './matrix';
import type { PlaceIndex } from './places';

/** Time at a stop: parking and filling a box, or handing over at a door. */
export const SERVICE_S = { box: 300, homePerParcel: 90 } as const;

export interface VanStopDemand {
  id: string;
  name?: string;
  point: number;
  kind: 'box' | 'home';
  parcelsPerDelivery: number;
}

export interface VanPlan {
  routes: VanRoute[];
  /** Stops (by id) the vans could not serve, with the solver's reason. */
  unserved: { id: string; parcelsPerDelivery: number; reason: string }[];
  /** Which vehicle type (id) serves each stop id. */
  servedBy: Map<string, string>;
  violations: string[];
}

/**
 * Routes the vans for one delivery day (every delivery day has the same parcels, so the same
 * routes) with the routing package, and repeats them for each day.
 */
export function planVans(
  scenario: Scenario,
  places: PlaceIndex,
  m: SquareMatrix,
  stops: readonly VanStopDemand[],
  days: readonly Weekday[],
  options: { timeLimitS: number; seed: number },
): VanPlan {
  const empty: VanPlan = { routes: [], unserved: [], servedBy: new Map(), violations: [] };
  if (stops.length === 0) return empty;
  if (scenario.vehicles.length === 0) {
    return {
      ...empty,
      unserved: stops.map((s) => ({
        id: s.id,
        parcelsPerDelivery: s.parcelsPerDelivery,
        reason: 'no_vehicle',
      })),
    };
  }

  // A sub-matrix over the hubs the vans use and the stops, so that big scenarios stay small here.
  const hubPoints = [
    ...new Set(scenario.vehicles.flatMap((v) => [v.startHubId, v.endHubId ?? v.startHubId])),
  ].map((id) => places.byId.get(id)!);
  const local: number[] = [...hubPoints];
  const localOf = new Map(local.map((p, i) => [p, i]));
  for (const s of stops) {
    if (!localOf.has(s.point)) {
      localOf.set(s.point, local.length);
      local.push(s.point);
    }
  }
  const size = local.length;
  const durationsS = new Float64Array(size * size);
  const distancesM = new Float64Array(size * size);
  for (let i = 0; i < size; i++) {
    for (let j = 0; j < size; j++) {
      durationsS[i * size + j] = durationS(m, local[i]!, local[j]!);
      distancesM[i * size + j] = distanceM(m, local[i]!, local[j]!);
    }
  }

  const vehicles: VehicleSpec[] = [];
  const vehicleType: number[] = [];
  scenario.vehicles.forEach((type, t) => {
    const hub = scenario.hubs.find((h) => h.id === type.startHubId)!;
    const startS = Math.max(clockTimeToS(type.shift.start), clockTimeToS(hub.parcelsArriveAt));
    for (let copy = 0; copy < type.count; copy++) {
      vehicles.push(
        defaultVehicle({
          id: t,
          copy,
          start: localOf.get(places.byId.get(type.startHubId)!)!,
          end: localOf.get(places.byId.get(type.endHubId ?? type.startHubId)!)!,
          capacity: [type.capacityParcels],
          shiftS: [startS, clockTimeToS(type.shift.end)],
          fixedCost: type.fixedCostPerDay,
          costPerHour: type.costPerHour,
          costPerKm: type.costPerKm,
          maxDurationS: type.maxRouteDurationS ?? Infinity,
        }),
      );
      vehicleType.push(t);
    }
  });

  // A stop with more parcels than the largest van holds is split into van loads.
  const largest = Math.max(...scenario.vehicles.map((v) => v.capacityParcels));
  const jobs: JobSpec[] = [];
  const jobStop: number[] = [];
  stops.forEach((s, i) => {
    let left = Math.ceil(s.parcelsPerDelivery - 1e-9);
    while (left > 0) {
      const load = Math.min(left, largest);
      jobs.push({
        id: jobs.length,
        location: localOf.get(s.point)!,
        serviceS: s.kind === 'box' ? SERVICE_S.box : SERVICE_S.homePerParcel * load,
        timeWindowsS: [],
        delivery: [load],
        pickup: [0],
        skills: [],
        priority: 0,
      });
      jobStop.push(i);
      left -= load;
    }
  });

  const spec: ModelSpec = {
    matrices: [{ size, durationS: durationsS, distanceM: distancesM }],
    dims: 1,
    vehicles,
    jobs,
    shipments: [],
    objective: 'cost',
  };
  const inst = buildInstance(spec);
  // Small days converge in a few thousand ruin-and-recreate steps; the time limit caps large ones.
  const result = solveInstance(inst, {
    timeLimitS: options.timeLimitS,
    maxIterations: 3000 + 300 * jobs.length,
    seed: options.seed,
  });
  const check = checkSolution(
    inst,
    result.routes,
    result.unassigned.map((u) => u.task),
  );

  const servedBy = new Map<string, string>();
  const routes: VanRoute[] = [];
  for (const route of result.routes) {
    if (route.tasks.length === 0) continue;
    const vehicle = vehicles[route.vehicle]!;
    const type = scenario.vehicles[vehicleType[route.vehicle]!]!;
    const startPoint = local[vehicle.start!]!;
    const endPoint = local[vehicle.end!]!;
    let clockS = vehicle.shiftS[0];
    let at = startPoint;
    let distance = 0;
    const visits: VanRoute['stops'] = [
      {
        at: type.startHubId,
        location: places.points[startPoint]!,
        arrivalS: clockS,
        parcels: 0,
        kind: 'hub',
      },
    ];
    for (const task of route.tasks) {
      const stop = stops[jobStop[task]!]!;
      clockS += durationS(m, at, stop.point);
      distance += distanceM(m, at, stop.point);
      visits.push({
        at: stop.id,
        ...(stop.name ? { name: stop.name } : {}),
        location: places.points[stop.point]!,
        arrivalS: clockS,
        parcels: jobs[task]!.delivery[0]!,
        kind: stop.kind,
      });
      clockS += jobs[task]!.serviceS;
      at = stop.point;
      servedBy.set(stop.id, type.id);
    }
    clockS += durationS(m, at, endPoint);
    distance += distanceM(m, at, endPoint);
    visits.push({
      at: type.endHubId ?? type.startHubId,
      location: places.points[endPoint]!,
      arrivalS: clockS,
      parcels: 0,
      kind: 'hub',
    });
    const durationTotalS = clockS - vehicle.shiftS[0];
    const cost =
      type.fixedCostPerDay + (type.costPerKm * distance) / 1000 + (type.costPerHour * durationTotalS) / 3600;
    for (const day of days) {
      routes.push({
        vehicleId: type.id,
        day,
        stops: visits,
        distanceM: distance,
        durationS: durationTotalS,
        cost,
        co2Kg: (type.co2GPerKm * distance) / 1e6,
        geometry: { type: 'LineString', coordinates: visits.map((v) => v.location) },
      });
    }
  }
  const unserved = new Map<string, { id: string; parcelsPerDelivery: number; reason: string }>();
  for (const u of result.unassigned) {
    const stop = stops[jobStop[u.task]!]!;
    const entry = unserved.get(stop.id) ?? { id: stop.id, parcelsPerDelivery: 0, reason: u.reason };
    entry.parcelsPerDelivery += jobs[u.task]!.delivery[0]!;
    unserved.set(stop.id, entry);
  }
  return { routes, unserved: [...unserved.values()], servedBy, violations: check.violations };
}
