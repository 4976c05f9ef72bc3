import type { ModelSpec } from '../spec';
import { buildBreaks } from './breaks';
import { buildMatrixSets } from './matrices';
import { buildNeighbours } from './neighbours';
import { buildPenalties } from './penalties';
import { buildTasks } from './tasks';
import type { Instance } from './types';
import { buildVehicles } from './vehicles';

export { JOB, PICKUP, DELIVERY, type Instance } from './types';

/** Compiles a `ModelSpec` to the typed arrays of an `Instance`. */
export function buildInstance(spec: ModelSpec): Instance {
  const size = spec.matrices[0]?.size ?? 0;
  const stride = size + 1;
  const virtualLoc = size;
  const matrices = buildMatrixSets(spec);
  const { skills, optionalPenalty, ...tasks } = buildTasks(spec);
  const vehicles = buildVehicles(spec, virtualLoc, skills);
  const penalties = buildPenalties(
    { ...tasks, skills, optionalPenalty },
    matrices.cost,
    vehicles.fixed,
    spec.objective,
  );
  const depotLoc =
    vehicles.nVeh > 0 ? (vehicles.hasStart[0] ? vehicles.vehStart[0]! : vehicles.vehEnd[0]!) : virtualLoc;
  const neighbours = buildNeighbours(
    { ...tasks, skills, optionalPenalty },
    matrices.cost[0] ?? new Float64Array(1),
    matrices.durationS[0] ?? new Float64Array(1),
    stride,
  );
  return {
    dims: spec.dims,
    stride,
    virtualLoc,
    ...matrices,
    ...tasks,
    ...vehicles,
    ...penalties,
    ...neighbours,
    breaks: buildBreaks(spec),
    depotLoc,
    objective: spec.objective,
  };
}
