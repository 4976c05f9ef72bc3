import type { ModelSpec } from '../spec';

/** The vehicle arrays of the instance (fixed costs as given; the search's weight comes later). */
export interface Vehicles {
  nVeh: number;
  vehId: Int32Array;
  vehCopy: Int32Array;
  vehClass: Int32Array;
  nClasses: number;
  vehStart: Int32Array;
  vehEnd: Int32Array;
  hasStart: Uint8Array;
  hasEnd: Uint8Array;
  shiftStartS: Float64Array;
  shiftEndS: Float64Array;
  deadlineS: Float64Array;
  maxDurationS: Float64Array;
  capacity: Float64Array;
  fixed: Float64Array;
  maxTasks: Float64Array;
  maxTravelTimeS: Float64Array;
  maxDistanceM: Float64Array;
  compat: Uint8Array;
}

/** A missing start or end becomes `virtualLoc`; copies of one vehicle id with the same breaks form a class. */
export function buildVehicles(spec: ModelSpec, virtualLoc: number, taskSkills: number[][]): Vehicles {
  const nVeh = spec.vehicles.length;
  const dims = spec.dims;
  const nTasks = taskSkills.length;
  const out: Vehicles = {
    nVeh,
    vehId: new Int32Array(nVeh),
    vehCopy: new Int32Array(nVeh),
    vehClass: new Int32Array(nVeh),
    nClasses: 0,
    vehStart: new Int32Array(nVeh),
    vehEnd: new Int32Array(nVeh),
    hasStart: new Uint8Array(nVeh),
    hasEnd: new Uint8Array(nVeh),
    shiftStartS: new Float64Array(nVeh),
    shiftEndS: new Float64Array(nVeh),
    deadlineS: new Float64Array(nVeh),
    maxDurationS: new Float64Array(nVeh),
    capacity: new Float64Array(nVeh * dims),
    fixed: new Float64Array(nVeh),
    maxTasks: new Float64Array(nVeh),
    maxTravelTimeS: new Float64Array(nVeh),
    maxDistanceM: new Float64Array(nVeh),
    compat: new Uint8Array(nVeh * nTasks),
  };
  const classOf = new Map<string, number>();
  spec.vehicles.forEach((vehicle, v) => {
    out.vehId[v] = vehicle.id;
    out.vehCopy[v] = vehicle.copy;
    // Copies that must take different breaks are not interchangeable: a route checked on one
    // copy would be given to another whose breaks it cannot hold.
    const classKey = `${vehicle.id} ${JSON.stringify(vehicle.breaks ?? [])}`;
    let vehicleClass = classOf.get(classKey);
    if (vehicleClass === undefined) {
      vehicleClass = classOf.size;
      classOf.set(classKey, vehicleClass);
    }
    out.vehClass[v] = vehicleClass;
    out.vehStart[v] = vehicle.start ?? virtualLoc;
    out.vehEnd[v] = vehicle.end ?? virtualLoc;
    out.hasStart[v] = vehicle.start === null ? 0 : 1;
    out.hasEnd[v] = vehicle.end === null ? 0 : 1;
    out.shiftStartS[v] = vehicle.shiftS[0];
    out.shiftEndS[v] = vehicle.shiftS[1];
    out.maxDurationS[v] = vehicle.maxDurationS;
    out.deadlineS[v] = Math.min(vehicle.shiftS[1], vehicle.shiftS[0] + vehicle.maxDurationS);
    for (let d = 0; d < dims; d++) out.capacity[v * dims + d] = vehicle.capacity[d] ?? 0;
    out.fixed[v] = vehicle.fixedCost;
    out.maxTasks[v] = vehicle.maxTasks;
    out.maxTravelTimeS[v] = vehicle.maxTravelTimeS;
    out.maxDistanceM[v] = vehicle.maxDistanceM;
    const has = new Set(vehicle.skills);
    for (let t = 0; t < nTasks; t++)
      out.compat[v * nTasks + t] = taskSkills[t]!.every((skill) => has.has(skill)) ? 1 : 0;
  });
  out.nClasses = classOf.size;
  return out;
}
