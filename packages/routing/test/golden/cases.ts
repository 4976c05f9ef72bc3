/**
 * The fixed instances, seeds and iteration limits of the same-behaviour test: `generate.ts` records
 * what the solver answers on them in `solutions.json`, `golden.test.ts` asserts that it still does.
 * They cover every feature the solver supports: CVRP, VRPTW, the "vehicles" objective (route
 * elimination), shipments, several time windows, skills, two load dimensions, open routes, limits,
 * optional jobs and two travel profiles.
 */
import { defaultVehicle, parseSolomon, parseVrplib, type ModelSpec, type SolveResult } from '../../src/index';
import { Rng } from '@paketbygd/random';
import { HAVE_SHARED, matrixOf, readShared } from '../helpers';
import { randomSpec } from '../random-spec';

export interface GoldenCase {
  name: string;
  /** Needs the benchmark files beside the checkout. */
  shared: boolean;
  spec: () => ModelSpec;
  maxIterations: number;
  seed: number;
}

/** What is recorded of an answer: everything a search decision can change. */
export type GoldenAnswer = Pick<
  SolveResult,
  'routes' | 'unassigned' | 'cost' | 'travelCost' | 'vehicles' | 'iterations' | 'eliminated'
>;

export function goldenAnswer(result: SolveResult): GoldenAnswer {
  const { routes, unassigned, cost, travelCost, vehicles, iterations, eliminated } = result;
  return { routes, unassigned, cost, travelCost, vehicles, iterations, eliminated };
}

/** Pickup-and-delivery with jobs, two profiles (a slower van), windows on most stops. */
export function shipmentSpec(seed: number): ModelSpec {
  const rng = new Rng(seed);
  const nJobs = 20;
  const nShipments = 25;
  const nPoints = 1 + nJobs + 2 * nShipments;
  const points: [number, number][] = Array.from({ length: nPoints }, () => [rng.int(1000), rng.int(1000)]);
  const fast = matrixOf(points);
  const slow = fast.map((x) => Math.round(x * 1.4));
  const window = (): [number, number][] => {
    if (rng.next() < 0.3) return [];
    const open = rng.int(6000);
    return [[open, open + 1500 + rng.int(3000)]];
  };
  return {
    matrices: [
      { size: nPoints, durationS: fast, distanceM: fast },
      { size: nPoints, durationS: slow, distanceM: fast },
    ],
    dims: 1,
    objective: 'cost',
    jobs: Array.from({ length: nJobs }, (_, i) => ({
      id: i,
      location: 1 + i,
      serviceS: 30,
      timeWindowsS: window(),
      delivery: [1 + rng.int(4)],
      pickup: [],
      skills: [],
      priority: 0,
    })),
    shipments: Array.from({ length: nShipments }, (_, i) => ({
      pickup: { id: 100 + i, location: 1 + nJobs + 2 * i, serviceS: 60, timeWindowsS: window() },
      delivery: { id: 200 + i, location: 2 + nJobs + 2 * i, serviceS: 60, timeWindowsS: window() },
      amount: [1 + rng.int(5)],
      skills: [],
      priority: 0,
    })),
    vehicles: Array.from({ length: 6 }, (_, c) =>
      defaultVehicle({
        id: 1 + (c % 2),
        copy: c >> 1,
        matrix: c % 2,
        start: 0,
        end: 0,
        capacity: [20],
        shiftS: [0, 12_000],
        fixedCost: 500,
      }),
    ),
  };
}

const solomon =
  (name: string, objective: 'cost' | 'vehicles' = 'cost') =>
  () => {
    const spec = parseSolomon(readShared('vrptw', `${name}.txt`)).spec;
    spec.objective = objective;
    return spec;
  };
const vrplib = (name: string) => () => parseVrplib(readShared('cvrp', `${name}.vrp`)).spec;

export const CASES: GoldenCase[] = [
  { name: 'X-n101-k25', shared: true, spec: vrplib('X-n101-k25'), maxIterations: 5000, seed: 1 },
  { name: 'X-n256-k16', shared: true, spec: vrplib('X-n256-k16'), maxIterations: 3000, seed: 2 },
  { name: 'C101', shared: true, spec: solomon('C101'), maxIterations: 3000, seed: 1 },
  { name: 'R101', shared: true, spec: solomon('R101'), maxIterations: 3000, seed: 3 },
  { name: 'RC201', shared: true, spec: solomon('RC201'), maxIterations: 3000, seed: 1 },
  { name: 'R111 vehicles', shared: true, spec: solomon('R111', 'vehicles'), maxIterations: 5000, seed: 1 },
  { name: 'shipments 1', shared: false, spec: () => shipmentSpec(1), maxIterations: 2000, seed: 1 },
  { name: 'shipments 2', shared: false, spec: () => shipmentSpec(2), maxIterations: 2000, seed: 5 },
  ...[3, 17, 4242, 90001, 123456, 777, 31337, 2024].map((seed) => ({
    name: `every feature ${seed}`,
    shared: false,
    spec: () => randomSpec(seed),
    maxIterations: 1000,
    seed,
  })),
];

export const runnable = (c: GoldenCase) => !c.shared || HAVE_SHARED;
