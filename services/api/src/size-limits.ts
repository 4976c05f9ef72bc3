import type { JobKind, Problem, RoutingProblem, Scenario } from '@paketbygd/model';
import type { JobInput } from './validation';

/**
 * Limits by meaning, not bytes: a worker's memory grows with the square of the locations (a full
 * travel matrix per profile, and the solver's own copies), and its time with jobs and vehicles.
 * Refused at submission with 413, before anything is queued.
 */
export interface SizeLimits {
  /** Distinct places of a request: matrix rows, or distinct coordinates; a scenario's demand, pickup points, candidate sites and hubs. */
  maxLocations: number;
  /** Entries of all matrices given, summed over profiles and kinds. */
  maxMatrixCells: number;
  /** Routing tasks: jobs, and shipments counted twice (pickup and delivery). */
  maxJobs: number;
  /** Vehicles, each counted `count` times. */
  maxVehicles: number;
}

/**
 * The defaults fit a worker with 1 GB per job (WORKER_THREAD_MAX_HEAP_MB): the issue's probe
 * measured +447 MB for 3,000 points, growing with their square, so 2,000 locations need about
 * 200 MB (an extrapolation, not a measurement); 12 million cells are three 2,000 × 2,000 matrices.
 */
export const DEFAULT_SIZE_LIMITS: SizeLimits = {
  maxLocations: 2_000,
  maxMatrixCells: 12_000_000,
  maxJobs: 2_000,
  maxVehicles: 500,
};

/** The API's environment variable of each limit, named in every refusal. */
export const SIZE_LIMIT_ENV: Record<keyof SizeLimits, string> = {
  maxLocations: 'MAX_LOCATIONS',
  maxMatrixCells: 'MAX_MATRIX_CELLS',
  maxJobs: 'MAX_JOBS',
  maxVehicles: 'MAX_VEHICLES',
};

type Sizes = Partial<Record<keyof SizeLimits, { count: number; path: string; what: string }>>;

function routingSizes(p: RoutingProblem): Sizes {
  const sizes: Sizes = {
    maxJobs: {
      count: p.jobs.length + 2 * p.shipments.length,
      path: 'jobs',
      what: 'jobs (shipments count twice)',
    },
    maxVehicles: {
      count: p.vehicles.reduce((n, v) => n + (v.count ?? 1), 0),
      path: 'vehicles',
      what: 'vehicles',
    },
  };
  if (p.matrices) {
    let rows = 0;
    let cells = 0;
    for (const m of Object.values(p.matrices)) {
      for (const matrix of [m.durations, m.distances, m.costs]) {
        if (!matrix) continue;
        rows = Math.max(rows, matrix.length);
        for (const row of matrix) cells += row.length;
      }
    }
    sizes.maxLocations = { count: rows, path: 'matrices', what: 'locations (matrix rows)' };
    sizes.maxMatrixCells = { count: cells, path: 'matrices', what: 'matrix entries' };
  } else {
    const places = new Set<string>();
    const add = (l: readonly number[] | undefined) => l && places.add(`${l[0]},${l[1]}`);
    for (const j of p.jobs) add(j.location);
    for (const s of p.shipments) {
      add(s.pickup.location);
      add(s.delivery.location);
    }
    for (const v of p.vehicles) {
      add(v.start);
      add(v.end);
    }
    sizes.maxLocations = { count: places.size, path: '(document)', what: 'distinct locations' };
  }
  return sizes;
}

function scenarioSizes(s: Scenario, prefix: string): Sizes {
  const places = s.demand.length + s.pickupPoints.length + s.candidateSites.length + s.hubs.length;
  return {
    maxLocations: {
      count: places,
      path: prefix || '(document)',
      what: 'locations (demand points, pickup points, candidate sites and hubs)',
    },
    maxVehicles: {
      count: s.vehicles.reduce((n, v) => n + v.count, 0),
      path: `${prefix ? `${prefix}.` : ''}vehicles`,
      what: 'vehicles',
    },
  };
}

function sizesOf<K extends JobKind>(kind: K, input: JobInput<K>): Sizes {
  switch (kind) {
    case 'route':
      return routingSizes(input as RoutingProblem);
    case 'plan':
      return scenarioSizes(input as Scenario, '');
    default:
      return scenarioSizes((input as { scenario: Scenario }).scenario, 'scenario');
  }
}

/** Every limit the input goes over, each saying its limit and how to raise it. */
export function sizeProblems<K extends JobKind>(kind: K, input: JobInput<K>, limits: SizeLimits): Problem[] {
  const problems: Problem[] = [];
  for (const [key, size] of Object.entries(sizesOf(kind, input)) as [
    keyof SizeLimits,
    Sizes[keyof SizeLimits],
  ][]) {
    if (!size || size.count <= limits[key]) continue;
    const n = (x: number) => x.toLocaleString('en-US');
    problems.push({
      path: size.path,
      message: `${n(size.count)} ${size.what}; this service takes at most ${n(limits[key])} per request (${SIZE_LIMIT_ENV[key]} on the API: its operator can raise it where the workers have the memory), or split the request`,
    });
  }
  return problems;
}
