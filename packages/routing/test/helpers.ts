import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Rng } from '@paketbygd/random';
import {
  buildInstance,
  checkSolution,
  defaultVehicle,
  type Instance,
  type JobSpec,
  type ModelSpec,
  type VehicleSpec,
} from '../src/index';

export const SHARED = join(import.meta.dirname, '..', '..', '..', '..', 'shared', 'benchmarks');
export const HAVE_SHARED = existsSync(SHARED);
if (!HAVE_SHARED) console.warn(`routing tests: ${SHARED} is missing; benchmark-instance tests are skipped`);

export function readShared(...parts: string[]): string {
  return readFileSync(join(SHARED, ...parts), 'utf8');
}

/** A Euclidean matrix over points (rounded to integers when asked). */
export function matrixOf(points: [number, number][], round = true): Float64Array {
  const n = points.length;
  const m = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const d = Math.hypot(points[i]![0] - points[j]![0], points[i]![1] - points[j]![1]);
      m[i * n + j] = round ? Math.round(d) : d;
    }
  }
  return m;
}

export function job(id: number, location: number, extra: Partial<JobSpec> = {}): JobSpec {
  return {
    id,
    location,
    serviceS: 0,
    timeWindowsS: [],
    delivery: [],
    pickup: [],
    skills: [],
    priority: 0,
    ...extra,
  };
}

/** A one-depot problem over points (point 0 is the depot), distance = duration, cost = distance. */
export function simpleSpec(
  points: [number, number][],
  jobs: JobSpec[],
  vehicles: (Partial<VehicleSpec> & { id: number })[],
  dims = 1,
): ModelSpec {
  const m = matrixOf(points);
  return {
    matrices: [{ size: points.length, durationS: m, distanceM: m }],
    dims,
    objective: 'cost',
    jobs,
    shipments: [],
    vehicles: vehicles.map((v) => defaultVehicle({ start: 0, end: 0, costPerHour: 3600, ...v })),
  };
}

/** The independent checker's verdict on a solver's answer: its routes, with its unassigned tasks. */
export function checkAnswer(
  inst: Instance,
  answer: { routes: Parameters<typeof checkSolution>[1]; unassigned: { task: number }[] },
): ReturnType<typeof checkSolution> {
  return checkSolution(
    inst,
    answer.routes,
    answer.unassigned.map((u) => u.task),
  );
}

/**
 * A capacitated problem of `n` customers at random points, 4 units each, vehicles of 20: as many
 * as the load needs (n / 5) and a quarter more, or `vehicleCount`.
 */
export function randomCvrp(n: number, seed: number, vehicleCount = Math.ceil(n / 4)): Instance {
  const rng = new Rng(seed);
  const points: [number, number][] = Array.from({ length: n + 1 }, () => [rng.int(1000), rng.int(1000)]);
  const jobs = Array.from({ length: n }, (_, i) => job(i, i + 1, { delivery: [4] }));
  const vehicles = Array.from({ length: vehicleCount }, (_, id) => ({ id, capacity: [20] }));
  return buildInstance(simpleSpec(points, jobs, vehicles));
}
