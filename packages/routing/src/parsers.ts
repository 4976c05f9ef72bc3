import type { ModelSpec } from './spec';
import { defaultVehicle } from './spec';

/**
 * Text formats of the standard benchmark sets. Pure: the caller reads the file and passes its text.
 * Errors name the line, so a broken file is fixed quickly.
 */

export interface ParsedInstance {
  name: string;
  format: 'vrplib' | 'solomon';
  spec: ModelSpec;
  /** Customer number (as written in solution files) of each task. */
  customerIds: number[];
}

class ParseError extends Error {
  constructor(source: string, line: number | null, message: string) {
    super(`${source}${line === null ? '' : `:${line}`}: ${message}`);
    this.name = 'ParseError';
  }
}

function euclideanMatrix(xs: number[], ys: number[], round: boolean): Float64Array {
  const n = xs.length;
  const m = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const d = Math.hypot(xs[i]! - xs[j]!, ys[i]! - ys[j]!);
      // TSPLIB "nint": floor(d + 0.5).
      m[i * n + j] = round ? Math.floor(d + 0.5) : d;
    }
  }
  return m;
}

/**
 * A benchmark's fleet: `count` copies of one vehicle based at the depot (place 0), priced by
 * distance alone (the matrices hold distances; × 1000 per km gives the distance as the cost).
 */
function depotFleet(count: number, capacity: number, shiftS?: [number, number]): ModelSpec['vehicles'] {
  return Array.from({ length: count }, (_, k) =>
    defaultVehicle({
      id: 1,
      copy: k,
      start: 0,
      end: 0,
      capacity: [capacity],
      ...(shiftS ? { shiftS } : {}),
      costPerHour: 0,
      costPerKm: 1000,
    }),
  );
}

/** CVRPLIB `.vrp` (TYPE CVRP, EDGE_WEIGHT_TYPE EUC_2D): unlimited fleet, distances rounded to the nearest integer. */
export function parseVrplib(text: string, source = 'input.vrp'): ParsedInstance {
  const lines = text.split(/\r?\n/);
  const header = new Map<string, string>();
  const coords = new Map<number, [number, number]>();
  const demands = new Map<number, number>();
  const depots: number[] = [];
  let section = '';
  lines.forEach((raw, i) => {
    const line = raw.trim();
    const lineNo = i + 1;
    if (line === '' || line === 'EOF') return;
    if (/^[A-Z_]+_SECTION\s*$/.test(line)) {
      section = line.replace(/\s+$/, '');
      return;
    }
    const kv = /^([A-Z_]+)\s*:\s*(.*)$/.exec(line);
    if (kv) {
      header.set(kv[1]!, kv[2]!.trim());
      section = '';
      return;
    }
    const nums = line.split(/\s+/).map(Number);
    if (nums.some((x) => !Number.isFinite(x)))
      throw new ParseError(source, lineNo, `expected numbers, got "${line}"`);
    if (section === 'NODE_COORD_SECTION') {
      if (nums.length < 3) throw new ParseError(source, lineNo, 'a coordinate line is "id x y"');
      coords.set(nums[0]!, [nums[1]!, nums[2]!]);
    } else if (section === 'DEMAND_SECTION') {
      if (nums.length < 2) throw new ParseError(source, lineNo, 'a demand line is "id demand"');
      demands.set(nums[0]!, nums[1]!);
    } else if (section === 'DEPOT_SECTION') {
      if (nums[0]! >= 0) depots.push(nums[0]!);
    } else {
      throw new ParseError(source, lineNo, `unexpected line "${line}" outside any section`);
    }
  });
  const type = header.get('TYPE');
  if (type !== undefined && !type.startsWith('CVRP'))
    throw new ParseError(source, null, `TYPE ${type} is not supported (CVRP only)`);
  const ewt = header.get('EDGE_WEIGHT_TYPE');
  if (ewt !== 'EUC_2D')
    throw new ParseError(
      source,
      null,
      `EDGE_WEIGHT_TYPE ${ewt ?? '(missing)'} is not supported (EUC_2D only)`,
    );
  const dimension = Number(header.get('DIMENSION'));
  if (!Number.isInteger(dimension) || dimension < 2)
    throw new ParseError(source, null, 'DIMENSION is missing or not a whole number ≥ 2');
  const capacity = Number(header.get('CAPACITY'));
  if (!Number.isFinite(capacity) || capacity <= 0)
    throw new ParseError(source, null, 'CAPACITY is missing or not positive');
  if (coords.size !== dimension)
    throw new ParseError(
      source,
      null,
      `NODE_COORD_SECTION has ${coords.size} nodes; DIMENSION says ${dimension}`,
    );
  const depot = depots[0] ?? 1;
  if (!coords.has(depot)) throw new ParseError(source, null, `depot ${depot} has no coordinates`);
  const nodes = [...coords.keys()].sort((a, b) => a - b);
  const order = [depot, ...nodes.filter((x) => x !== depot)];
  const xs = order.map((x) => coords.get(x)![0]);
  const ys = order.map((x) => coords.get(x)![1]);
  const m = euclideanMatrix(xs, ys, true);
  const customers = order.slice(1);
  const spec: ModelSpec = {
    matrices: [{ size: order.length, durationS: m, distanceM: m }],
    dims: 1,
    objective: 'cost',
    jobs: customers.map((node, i) => {
      const d = demands.get(node);
      if (d === undefined) throw new ParseError(source, null, `node ${node} has no demand in DEMAND_SECTION`);
      return {
        id: node - 1,
        location: i + 1,
        serviceS: 0,
        timeWindowsS: [],
        delivery: [d],
        pickup: [],
        skills: [],
        priority: 0,
      };
    }),
    shipments: [],
    // The fleet is unlimited: one vehicle per customer is enough for any solution.
    vehicles: depotFleet(customers.length, capacity),
  };
  return {
    name: header.get('NAME') ?? source,
    format: 'vrplib',
    spec,
    customerIds: customers.map((x) => x - 1),
  };
}

/** Solomon VRPTW text: fixed fleet, Euclidean distances unrounded, travel time = distance. */
export function parseSolomon(text: string, source = 'input.txt'): ParsedInstance {
  const lines = text.split(/\r?\n/);
  const name = lines.find((l) => l.trim() !== '')?.trim() ?? source;
  let vehicles = NaN;
  let capacity = NaN;
  const rows: { line: number; v: number[] }[] = [];
  let mode = '';
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (line === '') return;
    if (/^VEHICLE/i.test(line)) return void (mode = 'vehicle');
    if (/^CUSTOMER/i.test(line)) return void (mode = 'customer');
    if (/^[A-Za-z]/.test(line)) return;
    const nums = line.split(/\s+/).map(Number);
    if (nums.some((x) => !Number.isFinite(x)))
      throw new ParseError(source, i + 1, `expected numbers, got "${line}"`);
    if (mode === 'vehicle') {
      if (nums.length !== 2) throw new ParseError(source, i + 1, 'the VEHICLE line is "number capacity"');
      [vehicles, capacity] = nums as [number, number];
    } else if (mode === 'customer') {
      if (nums.length !== 7)
        throw new ParseError(source, i + 1, 'a customer line has 7 numbers: no x y demand ready due service');
      rows.push({ line: i + 1, v: nums });
    } else throw new ParseError(source, i + 1, 'numbers before the VEHICLE or CUSTOMER section');
  });
  if (!Number.isInteger(vehicles) || vehicles < 1)
    throw new ParseError(source, null, 'VEHICLE NUMBER is missing');
  if (!(capacity > 0)) throw new ParseError(source, null, 'VEHICLE CAPACITY is missing');
  if (rows.length < 2)
    throw new ParseError(source, null, 'needs the depot (row 0) and at least one customer');
  for (const r of rows) {
    if (r.v[4]! > r.v[5]!) throw new ParseError(source, r.line, 'READY TIME is after DUE DATE');
  }
  const depot = rows[0]!.v;
  const m = euclideanMatrix(
    rows.map((r) => r.v[1]!),
    rows.map((r) => r.v[2]!),
    false,
  );
  const spec: ModelSpec = {
    matrices: [{ size: rows.length, durationS: m, distanceM: m }],
    dims: 1,
    objective: 'cost',
    jobs: rows.slice(1).map((r, i) => ({
      id: r.v[0]!,
      location: i + 1,
      serviceS: r.v[6]!,
      timeWindowsS: [[r.v[4]!, r.v[5]!]],
      delivery: [r.v[3]!],
      pickup: [],
      skills: [],
      priority: 0,
    })),
    shipments: [],
    vehicles: depotFleet(vehicles, capacity, [depot[4]!, depot[5]!]),
  };
  return { name, format: 'solomon', spec, customerIds: rows.slice(1).map((r) => r.v[0]!) };
}

/** Reads a VRPLIB `.sol` file: routes of customer numbers and the stated cost. */
export function parseVrplibSolution(
  text: string,
  source = 'input.sol',
): { routes: number[][]; cost: number | null } {
  const routes: number[][] = [];
  let cost: number | null = null;
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    const route = /^Route\s*#\d+\s*:(.*)$/i.exec(line);
    if (route) {
      const ids = route[1]!.trim().split(/\s+/).filter(Boolean).map(Number);
      if (ids.some((x) => !Number.isInteger(x)))
        throw new ParseError(source, i + 1, 'route entries are customer numbers');
      routes.push(ids);
    } else if (/^Cost/i.test(line)) cost = Number(line.split(/\s+/)[1]);
  });
  return { routes, cost };
}
