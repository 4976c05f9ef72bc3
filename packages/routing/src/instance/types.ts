import type { Breaks } from './breaks';

/** Task kinds. A shipment is two tasks, a pickup and its delivery, tied by `partner`. */
export const JOB = 0;
export const PICKUP = 1;
export const DELIVERY = 2;

/**
 * The compiled problem: flat typed arrays, read-only during search.
 * Matrices have one extra row and column (`virtualLoc`) at zero cost, which stands for a
 * missing start or end (open routes), so that the hot loop needs no branch for it.
 */
export interface Instance {
  dims: number;
  stride: number;
  virtualLoc: number;
  /** One entry per distinct (matrix, cost rule); vehicles point to one. */
  cost: Float64Array[];
  durationS: Float64Array[];
  distanceM: Float64Array[];

  nTasks: number;
  kind: Uint8Array;
  taskId: Int32Array;
  loc: Int32Array;
  serviceS: Float64Array;
  /** Amount on board from the route start because of this task (a job's delivery), per dimension. */
  startLoad: Float64Array;
  /** Change of load at this task, per dimension. */
  loadChange: Float64Array;
  /** Task t's time windows are entries windowOffset[t] .. windowOffset[t + 1] - 1, in time order. */
  windowOffset: Int32Array;
  windowStartS: Float64Array;
  windowEndS: Float64Array;
  partner: Int32Array;
  /** Cost of leaving the task unserved (on the pickup for shipments, 0 on the delivery). */
  penalty: Float64Array;
  mandatory: Uint8Array;
  priority: Int32Array;
  /** Sum of amounts, used to order insertions. */
  totalAmount: Float64Array;

  nVeh: number;
  vehId: Int32Array;
  vehCopy: Int32Array;
  /** Vehicles of one class are interchangeable; only one empty one is tried per class. */
  vehClass: Int32Array;
  nClasses: number;
  /** Index into `cost`, `durationS` and `distanceM`. */
  vehMatrixSet: Int32Array;
  vehStart: Int32Array;
  vehEnd: Int32Array;
  hasStart: Uint8Array;
  hasEnd: Uint8Array;
  shiftStartS: Float64Array;
  /** min(shift end, shift start + max duration): route duration is measured from the shift start. */
  deadlineS: Float64Array;
  shiftEndS: Float64Array;
  maxDurationS: Float64Array;
  capacity: Float64Array;
  fixed: Float64Array;
  /** Fixed cost as searched: plus a vehicle weight in the "vehicles" objective. */
  fixedSearch: Float64Array;
  maxTasks: Float64Array;
  maxTravelTimeS: Float64Array;
  maxDistanceM: Float64Array;
  /** Vehicle v's breaks are entries breakOffset[v] .. breakOffset[v + 1] - 1 (see `instance/breaks.ts`). */
  breaks: Breaks;
  /** 1 when vehicle v may serve task t: compat[v * nTasks + t]. */
  compat: Uint8Array;

  /** Nearest tasks by travel cost, for string removal: near[t * nearK + k]. */
  near: Int32Array;
  nearK: number;
  /** Nearest tasks by a time-window-aware proximity, for granular search. */
  granular: Int32Array;
  granularK: number;
  /** A representative depot location, for ordering insertions by distance to it. */
  depotLoc: number;
  objective: 'cost' | 'vehicles';
}
