import type { ModelSpec } from '../spec';

/** The travel matrices the search reads, one set per distinct (matrix, cost rule). */
export interface MatrixSets {
  cost: Float64Array[];
  durationS: Float64Array[];
  distanceM: Float64Array[];
  /** Each vehicle's set. */
  vehMatrixSet: Int32Array;
}

/** A copy of a size × size matrix with one extra zero row and column (the virtual location). */
function padded(source: Float64Array, size: number): Float64Array {
  const stride = size + 1;
  const out = new Float64Array(stride * stride);
  for (let i = 0; i < size; i++) out.set(source.subarray(i * size, (i + 1) * size), i * stride);
  return out;
}

/**
 * Pads every matrix a vehicle uses and builds its cost matrix (explicit, or per hour · duration +
 * per km · distance). Vehicles with the same matrix and cost rule share one set; a duration
 * matrix that is also the distance matrix is padded once.
 */
export function buildMatrixSets(spec: ModelSpec): MatrixSets {
  const size = spec.matrices[0]?.size ?? 0;
  if (spec.matrices.some((m) => m.size !== size)) throw new Error('all matrices must have the same size');
  const stride = size + 1;
  const sets: MatrixSets = {
    cost: [],
    durationS: [],
    distanceM: [],
    vehMatrixSet: new Int32Array(spec.vehicles.length),
  };
  const setOfKey = new Map<string, number>();
  const paddedDuration = new Map<number, Float64Array>();
  const paddedDistance = new Map<number, Float64Array>();
  const durationOf = (matrix: number) => {
    let out = paddedDuration.get(matrix);
    if (!out) {
      const source = spec.matrices[matrix]!;
      out = padded(source.durationS, size);
      paddedDuration.set(matrix, out);
      if (source.distanceM === source.durationS) paddedDistance.set(matrix, out);
    }
    return out;
  };
  const distanceOf = (matrix: number) => {
    let out = paddedDistance.get(matrix);
    if (!out) {
      const source = spec.matrices[matrix]!;
      out = source.distanceM === source.durationS ? durationOf(matrix) : padded(source.distanceM, size);
      paddedDistance.set(matrix, out);
    }
    return out;
  };
  spec.vehicles.forEach((vehicle, index) => {
    const source = spec.matrices[vehicle.matrix];
    if (!source) throw new Error(`vehicle ${vehicle.id}: no matrix ${vehicle.matrix}`);
    const key = source.cost
      ? `${vehicle.matrix}:explicit`
      : `${vehicle.matrix}:${vehicle.costPerHour}:${vehicle.costPerKm}`;
    let set = setOfKey.get(key);
    if (set === undefined) {
      set = sets.cost.length;
      setOfKey.set(key, set);
      const durationS = durationOf(vehicle.matrix);
      const distanceM = distanceOf(vehicle.matrix);
      let cost: Float64Array;
      if (source.cost) cost = padded(source.cost, size);
      else if (vehicle.costPerKm === 0 && vehicle.costPerHour === 3600) cost = durationS;
      else if (vehicle.costPerHour === 0 && vehicle.costPerKm === 1000) cost = distanceM;
      else {
        cost = new Float64Array(stride * stride);
        const perSecond = vehicle.costPerHour / 3600;
        const perMetre = vehicle.costPerKm / 1000;
        for (let x = 0; x < cost.length; x++) cost[x] = perSecond * durationS[x]! + perMetre * distanceM[x]!;
      }
      sets.cost.push(cost);
      sets.durationS.push(durationS);
      sets.distanceM.push(distanceM);
    }
    sets.vehMatrixSet[index] = set;
  });
  return sets;
}
