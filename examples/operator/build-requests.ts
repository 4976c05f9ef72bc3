/**
 * Builds the three VROOM-format routing requests in this folder. Deterministic (seeded).
 * Run: pnpm exec tsx examples/operator/build-requests.ts
 * Matrices: straight line × the measured detour factor at 60 km/h (README.md), so each request runs as it is.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Mulberry32, type Rng } from '@paketbygd/random';
import {
  distanceOutsideAreaM,
  haversineM,
  ROAD_DETOUR_FACTOR,
  validate,
  type LonLat,
  type RoutingProblemInput,
  type Scenario,
} from '@paketbygd/model';

const here = dirname(fileURLToPath(import.meta.url));
const DETOUR_FACTOR = ROAD_DETOUR_FACTOR;
const SPEED_M_PER_S = 60 / 3.6;

function matrices(points: LonLat[]) {
  const distances = points.map((a) => points.map((b) => Math.round(haversineM(a, b) * DETOUR_FACTOR)));
  const durations = distances.map((row) => row.map((d) => Math.round(d / SPEED_M_PER_S)));
  return { car: { durations, distances } };
}

const scenario = JSON.parse(readFileSync(join(here, '..', 'vingaker', 'scenario.json'), 'utf8')) as Scenario;
const depot: LonLat = [16.208056, 58.996389];
const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

function pointsInArea(count: number, random: Rng): LonLat[] {
  const out: LonLat[] = [];
  while (out.length < count) {
    const p: LonLat = [round6(15.62 + random.next() * 0.54), round6(58.95 + random.next() * 0.185)];
    if (distanceOutsideAreaM(p, scenario.area) === 0) out.push(p);
  }
  return out;
}

const hour = 3600;

function smallCvrp(): RoutingProblemInput {
  const random = new Mulberry32(1);
  const stops = pointsInArea(12, random);
  const points = [depot, ...stops];
  return {
    vehicles: [0, 1].map((id) => ({
      id,
      description: `van ${id + 1}`,
      start_index: 0,
      end_index: 0,
      start: depot,
      end: depot,
      capacity: [40],
      costs: { fixed: 500, per_hour: 450, per_km: 3 },
    })),
    jobs: stops.map((location, i) => ({
      id: i + 1,
      description: `parcel drop ${i + 1}`,
      location,
      location_index: i + 1,
      service: 180,
      delivery: [3 + Math.floor(random.next() * 8)],
    })),
    matrices: matrices(points),
  };
}

function timeWindowsWithShipments(): RoutingProblemInput {
  const random = new Mulberry32(2);
  const stops = pointsInArea(16, random);
  const town: LonLat = [15.871556, 59.043372];
  const points = [depot, town, ...stops];
  const jobs = stops.slice(0, 8).map((location, i) => {
    const open = 8 * hour + Math.floor(random.next() * 5) * hour;
    return {
      id: i + 1,
      description: `box or home delivery ${i + 1}`,
      location,
      location_index: i + 2,
      service: 240,
      delivery: [2 + Math.floor(random.next() * 6), 0],
      time_windows: [[open, open + 2 * hour]] as [number, number][],
      ...(i % 4 === 0 ? { skills: [1] } : {}),
    };
  });
  const shipments = stops.slice(8).map((location, i) => ({
    pickup: {
      id: 100 + i,
      description: `pickup at the town agent for ${i + 1}`,
      location: town,
      location_index: 1,
      service: 120,
      time_windows: [[9 * hour, 12 * hour]] as [number, number][],
    },
    delivery: {
      id: 200 + i,
      description: `home delivery ${i + 1}`,
      location,
      location_index: i + 10,
      service: 180,
      time_windows: [[11 * hour, 16 * hour]] as [number, number][],
    },
    amount: [0, 1 + Math.floor(random.next() * 3)],
  }));
  return {
    vehicles: [
      {
        id: 1,
        description: 'refrigerated van (skill 1: chilled groceries)',
        start_index: 0,
        end_index: 0,
        start: depot,
        end: depot,
        capacity: [30, 10],
        skills: [1],
        time_window: [7 * hour, 16 * hour],
        costs: { fixed: 600, per_hour: 480, per_km: 3.5 },
      },
      {
        id: 2,
        description: 'electric van',
        start_index: 0,
        end_index: 0,
        start: depot,
        end: depot,
        capacity: [30, 10],
        time_window: [7 * hour, 15 * hour],
        costs: { fixed: 500, per_hour: 450, per_km: 2.5 },
      },
      {
        id: 3,
        description: 'car from the town agent (open end)',
        start_index: 1,
        start: town,
        capacity: [5, 6],
        time_window: [10 * hour, 17 * hour],
        max_tasks: 8,
        costs: { fixed: 200, per_hour: 300, per_km: 2 },
      },
    ],
    jobs,
    shipments,
    matrices: matrices(points),
    options: { seed: 1, time_limit: 5 },
  };
}

function day200(): RoutingProblemInput {
  const random = new Mulberry32(3);
  const stops = pointsInArea(200, random);
  const points = [depot, ...stops];
  return {
    vehicles: [1, 2, 3, 4, 5].map((id) => ({
      id,
      description: `van ${id}`,
      start_index: 0,
      end_index: 0,
      start: depot,
      end: depot,
      capacity: [90],
      time_window: [7 * hour, 16 * hour] as [number, number],
      costs: { fixed: 800, per_hour: 450, per_km: 3 },
    })),
    jobs: stops.map((location, i) => ({
      id: i + 1,
      location,
      location_index: i + 1,
      service: 90 + Math.floor(random.next() * 120),
      delivery: [1 + Math.floor(random.next() * 3)],
      ...(random.next() < 0.2
        ? {
            time_windows: [random.next() < 0.5 ? [8 * hour, 12 * hour] : [12 * hour, 16 * hour]] as [
              number,
              number,
            ][],
          }
        : {}),
    })),
    matrices: matrices(points),
    options: { seed: 1, time_limit: 10 },
  };
}

for (const [file, problem] of [
  ['small-cvrp.json', smallCvrp()],
  ['time-windows-shipments.json', timeWindowsWithShipments()],
  ['day-200-stops.json', day200()],
] as const) {
  const result = validate('routing-problem', problem);
  if (!result.ok) throw new Error(`${file} is not valid: ${JSON.stringify(result.problems)}`);
  writeFileSync(join(here, file), `${JSON.stringify(problem)}\n`);
  process.stdout.write(`wrote ${file}\n`);
}
