/**
 * The solver's input in plain objects, one step before the typed arrays of `Instance`.
 * Converters (VROOM JSON, VRPLIB, Solomon) produce a `ModelSpec`; `buildInstance` compiles it.
 * Locations are row indices of the matrices.
 */

/** Square matrices over `size` locations, row-major: entry (i, j) at i * size + j. */
export interface MatrixSet {
  size: number;
  durationS: Float64Array;
  distanceM: Float64Array;
  /** Explicit travel costs; when absent a vehicle's cost is perHour · duration + perKm · distance. */
  cost?: Float64Array;
}

export interface VehicleSpec {
  id: number;
  /** Which copy of a vehicle type with a count (0 when there is one). */
  copy: number;
  matrix: number;
  start: number | null;
  end: number | null;
  capacity: number[];
  skills: number[];
  shiftS: [number, number];
  fixedCost: number;
  costPerHour: number;
  costPerKm: number;
  maxTasks: number;
  maxTravelTimeS: number;
  maxDistanceM: number;
  maxDurationS: number;
  /** Breaks the route must hold (VROOM's vehicle `breaks`); absent or empty: none. */
  breaks?: BreakSpec[];
}

/** A vehicle break: taken once, between two stops, starting in one of its windows. */
export interface BreakSpec {
  id: number;
  timeWindowsS: [number, number][];
  serviceS: number;
  /** The load on board during the break may not exceed this, per dimension; absent: no limit. */
  maxLoad?: number[];
}

export interface StopSpec {
  id: number;
  location: number;
  serviceS: number;
  timeWindowsS: [number, number][];
}

export interface JobSpec extends StopSpec {
  delivery: number[];
  pickup: number[];
  skills: number[];
  priority: number;
  /** Optional job: leaving it unserved costs this much. Absent: the job is mandatory. */
  penalty?: number;
}

export interface ShipmentSpec {
  pickup: StopSpec;
  delivery: StopSpec;
  amount: number[];
  skills: number[];
  priority: number;
  penalty?: number;
}

export interface ModelSpec {
  matrices: MatrixSet[];
  /** Number of capacity dimensions. */
  dims: number;
  vehicles: VehicleSpec[];
  jobs: JobSpec[];
  shipments: ShipmentSpec[];
  /** "vehicles": fewest vehicles first, then cost. */
  objective: 'cost' | 'vehicles';
}

export function defaultVehicle(partial: Partial<VehicleSpec> & { id: number }): VehicleSpec {
  return {
    copy: 0,
    matrix: 0,
    start: null,
    end: null,
    capacity: [],
    skills: [],
    shiftS: [0, Infinity],
    fixedCost: 0,
    costPerHour: 3600,
    costPerKm: 0,
    maxTasks: Infinity,
    maxTravelTimeS: Infinity,
    maxDistanceM: Infinity,
    maxDurationS: Infinity,
    ...partial,
  };
}
