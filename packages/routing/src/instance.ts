import type { ModelSpec } from './spec';

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
  dur: Float64Array[];
  dist: Float64Array[];

  nTasks: number;
  kind: Uint8Array;
  taskId: Int32Array;
  loc: Int32Array;
  service: Float64Array;
  /** Amount on board from the route start because of this task (a job's delivery), per dimension. */
  startLoad: Float64Array;
  /** Change of load at this task, per dimension. */
  delta: Float64Array;
  twOff: Int32Array;
  twStart: Float64Array;
  twEnd: Float64Array;
  partner: Int32Array;
  /** Cost of leaving the task unserved (on the pickup for shipments, 0 on the delivery). */
  penalty: Float64Array;
  mandatory: Uint8Array;
  priority: Int32Array;
  /** Sum of amounts, used to order insertions. */
  size: Float64Array;

  nVeh: number;
  vehId: Int32Array;
  vehCopy: Int32Array;
  /** Vehicles of one class are interchangeable; only one empty one is tried per class. */
  vehClass: Int32Array;
  nClasses: number;
  vehMat: Int32Array;
  vehStart: Int32Array;
  vehEnd: Int32Array;
  hasStart: Uint8Array;
  hasEnd: Uint8Array;
  shiftStart: Float64Array;
  /** min(shift end, shift start + max duration): route duration is measured from the shift start. */
  deadline: Float64Array;
  shiftEnd: Float64Array;
  maxDurationS: Float64Array;
  capacity: Float64Array;
  fixed: Float64Array;
  /** Fixed cost as searched: plus a vehicle weight in the "vehicles" objective. */
  fixedSearch: Float64Array;
  maxTasks: Float64Array;
  maxTravel: Float64Array;
  maxDist: Float64Array;
  /** 1 when vehicle v may serve task t: compat[v * nTasks + t]. */
  compat: Uint8Array;

  /** Nearest tasks by travel cost, for string removal. */
  adj: Int32Array;
  adjK: number;
  /** Nearest tasks by a time-window-aware proximity, for granular search. */
  gran: Int32Array;
  granK: number;
  /** A representative depot location, for ordering insertions by distance to it. */
  depotLoc: number;
  objective: 'cost' | 'vehicles';
}

function padded(src: Float64Array, size: number): Float64Array {
  const stride = size + 1;
  const out = new Float64Array(stride * stride);
  for (let i = 0; i < size; i++) out.set(src.subarray(i * size, (i + 1) * size), i * stride);
  return out;
}

export function buildInstance(spec: ModelSpec): Instance {
  const size = spec.matrices[0]?.size ?? 0;
  if (spec.matrices.some((m) => m.size !== size)) throw new Error('all matrices must have the same size');
  const stride = size + 1;
  const dims = spec.dims;

  // Cost matrix sets: one per (matrix, cost rule).
  const cost: Float64Array[] = [];
  const dur: Float64Array[] = [];
  const dist: Float64Array[] = [];
  const setKey = new Map<string, number>();
  const paddedDur = new Map<number, Float64Array>();
  const paddedDist = new Map<number, Float64Array>();
  const getDur = (m: number) => {
    let a = paddedDur.get(m);
    if (!a) {
      const ms = spec.matrices[m]!;
      a = padded(ms.durationS, size);
      paddedDur.set(m, a);
      if (ms.distanceM === ms.durationS) paddedDist.set(m, a);
    }
    return a;
  };
  const getDist = (m: number) => {
    let a = paddedDist.get(m);
    if (!a) {
      const ms = spec.matrices[m]!;
      a = ms.distanceM === ms.durationS ? getDur(m) : padded(ms.distanceM, size);
      paddedDist.set(m, a);
    }
    return a;
  };
  const vehMat = new Int32Array(spec.vehicles.length);
  spec.vehicles.forEach((v, i) => {
    const ms = spec.matrices[v.matrix];
    if (!ms) throw new Error(`vehicle ${v.id}: no matrix ${v.matrix}`);
    const key = ms.cost ? `${v.matrix}:explicit` : `${v.matrix}:${v.costPerHour}:${v.costPerKm}`;
    let k = setKey.get(key);
    if (k === undefined) {
      k = cost.length;
      setKey.set(key, k);
      const d = getDur(v.matrix);
      const di = getDist(v.matrix);
      let c: Float64Array;
      if (ms.cost) c = padded(ms.cost, size);
      else if (v.costPerKm === 0 && v.costPerHour === 3600) c = d;
      else if (v.costPerHour === 0 && v.costPerKm === 1000) c = di;
      else {
        c = new Float64Array(stride * stride);
        const ph = v.costPerHour / 3600;
        const pk = v.costPerKm / 1000;
        for (let x = 0; x < c.length; x++) c[x] = ph * d[x]! + pk * di[x]!;
      }
      cost.push(c);
      dur.push(d);
      dist.push(di);
    }
    vehMat[i] = k;
  });

  // Tasks.
  const nTasks = spec.jobs.length + 2 * spec.shipments.length;
  const kind = new Uint8Array(nTasks);
  const taskId = new Int32Array(nTasks);
  const loc = new Int32Array(nTasks);
  const service = new Float64Array(nTasks);
  const startLoad = new Float64Array(nTasks * dims);
  const delta = new Float64Array(nTasks * dims);
  const partner = new Int32Array(nTasks).fill(-1);
  const penalty = new Float64Array(nTasks);
  const mandatory = new Uint8Array(nTasks);
  const priority = new Int32Array(nTasks);
  const sizeArr = new Float64Array(nTasks);
  const windows: [number, number][][] = [];
  const skills: number[][] = [];
  const optionalPenalty: (number | undefined)[] = [];
  let t = 0;
  for (const j of spec.jobs) {
    kind[t] = JOB;
    taskId[t] = j.id;
    loc[t] = j.location;
    service[t] = j.serviceS;
    for (let d = 0; d < dims; d++) {
      const del = j.delivery[d] ?? 0;
      const pick = j.pickup[d] ?? 0;
      startLoad[t * dims + d] = del;
      delta[t * dims + d] = pick - del;
      sizeArr[t] = sizeArr[t]! + del + pick;
    }
    priority[t] = j.priority;
    windows.push(j.timeWindowsS);
    skills.push(j.skills);
    optionalPenalty.push(j.penalty);
    t++;
  }
  for (const s of spec.shipments) {
    const p = t;
    const q = t + 1;
    kind[p] = PICKUP;
    kind[q] = DELIVERY;
    partner[p] = q;
    partner[q] = p;
    for (const [x, stop] of [
      [p, s.pickup],
      [q, s.delivery],
    ] as const) {
      taskId[x] = stop.id;
      loc[x] = stop.location;
      service[x] = stop.serviceS;
      windows.push(stop.timeWindowsS);
      skills.push(s.skills);
      priority[x] = s.priority;
    }
    for (let d = 0; d < dims; d++) {
      const a = s.amount[d] ?? 0;
      delta[p * dims + d] = a;
      delta[q * dims + d] = -a;
      sizeArr[p] = sizeArr[p]! + a;
      sizeArr[q] = sizeArr[q]! + a;
    }
    optionalPenalty.push(s.penalty, undefined);
    t += 2;
  }
  const twOff = new Int32Array(nTasks + 1);
  let nw = 0;
  for (let i = 0; i < nTasks; i++) {
    twOff[i] = nw;
    nw += Math.max(1, windows[i]!.length);
  }
  twOff[nTasks] = nw;
  const twStart = new Float64Array(nw);
  const twEnd = new Float64Array(nw);
  for (let i = 0; i < nTasks; i++) {
    const w = windows[i]!;
    if (w.length === 0) {
      twStart[twOff[i]!] = 0;
      twEnd[twOff[i]!] = Infinity;
    } else {
      w.forEach(([a, b], k) => {
        twStart[twOff[i]! + k] = a;
        twEnd[twOff[i]! + k] = b;
      });
    }
  }

  // Vehicles.
  const nVeh = spec.vehicles.length;
  const virtualLoc = size;
  const vehId = new Int32Array(nVeh);
  const vehCopy = new Int32Array(nVeh);
  const vehClass = new Int32Array(nVeh);
  const vehStart = new Int32Array(nVeh);
  const vehEnd = new Int32Array(nVeh);
  const hasStart = new Uint8Array(nVeh);
  const hasEnd = new Uint8Array(nVeh);
  const shiftStart = new Float64Array(nVeh);
  const shiftEnd = new Float64Array(nVeh);
  const deadline = new Float64Array(nVeh);
  const maxDurationS = new Float64Array(nVeh);
  const capacity = new Float64Array(nVeh * dims);
  const fixed = new Float64Array(nVeh);
  const fixedSearch = new Float64Array(nVeh);
  const maxTasks = new Float64Array(nVeh);
  const maxTravel = new Float64Array(nVeh);
  const maxDist = new Float64Array(nVeh);
  const compat = new Uint8Array(nVeh * nTasks);
  const classOf = new Map<number, number>();
  spec.vehicles.forEach((v, i) => {
    vehId[i] = v.id;
    vehCopy[i] = v.copy;
    let c = classOf.get(v.id);
    if (c === undefined) {
      c = classOf.size;
      classOf.set(v.id, c);
    }
    vehClass[i] = c;
    vehStart[i] = v.start ?? virtualLoc;
    vehEnd[i] = v.end ?? virtualLoc;
    hasStart[i] = v.start === null ? 0 : 1;
    hasEnd[i] = v.end === null ? 0 : 1;
    shiftStart[i] = v.shiftS[0];
    shiftEnd[i] = v.shiftS[1];
    maxDurationS[i] = v.maxDurationS;
    deadline[i] = Math.min(v.shiftS[1], v.shiftS[0] + v.maxDurationS);
    for (let d = 0; d < dims; d++) capacity[i * dims + d] = v.capacity[d] ?? 0;
    fixed[i] = v.fixedCost;
    maxTasks[i] = v.maxTasks;
    maxTravel[i] = v.maxTravelTimeS;
    maxDist[i] = v.maxDistanceM;
    const have = new Set(v.skills);
    for (let x = 0; x < nTasks; x++) compat[i * nTasks + x] = skills[x]!.every((s) => have.has(s)) ? 1 : 0;
  });

  // Penalties large enough that no saving in travel pays for a lost mandatory task
  // (or, in the "vehicles" objective, for an extra vehicle).
  let maxArc = 0;
  for (const c of cost)
    for (let x = 0; x < c.length; x++) if (c[x]! > maxArc && Number.isFinite(c[x]!)) maxArc = c[x]!;
  let sumFixed = 0;
  for (let i = 0; i < nVeh; i++) sumFixed += fixed[i]!;
  const routeBound = (nTasks + 2 * nVeh + 1) * Math.max(1, maxArc) + sumFixed;
  const vehicleWeight = spec.objective === 'vehicles' ? 2 * routeBound : 0;
  for (let i = 0; i < nVeh; i++) fixedSearch[i] = fixed[i]! + vehicleWeight;
  const lost = 2 * (routeBound + vehicleWeight * (nVeh + 1)) + 1;
  for (let x = 0; x < nTasks; x++) {
    const opt = optionalPenalty[x];
    if (kind[x] === DELIVERY) continue;
    if (opt === undefined) {
      mandatory[x] = 1;
      if (partner[x]! >= 0) mandatory[partner[x]!] = 1;
      penalty[x] = lost * (1 + priority[x]!);
    } else {
      penalty[x] = opt;
    }
  }

  const depotLoc = nVeh > 0 ? (hasStart[0] ? vehStart[0]! : vehEnd[0]!) : virtualLoc;
  const { adj, adjK, gran, granK } = neighbours(
    nTasks,
    loc,
    cost[0] ?? new Float64Array(1),
    stride,
    service,
    twOff,
    twStart,
    twEnd,
    dur[0] ?? new Float64Array(1),
  );

  return {
    dims,
    stride,
    virtualLoc,
    cost,
    dur,
    dist,
    nTasks,
    kind,
    taskId,
    loc,
    service,
    startLoad,
    delta,
    twOff,
    twStart,
    twEnd,
    partner,
    penalty,
    mandatory,
    priority,
    size: sizeArr,
    nVeh,
    vehId,
    vehCopy,
    vehClass,
    nClasses: classOf.size,
    vehMat,
    vehStart,
    vehEnd,
    hasStart,
    hasEnd,
    shiftStart,
    shiftEnd,
    deadline,
    maxDurationS,
    capacity,
    fixed,
    fixedSearch,
    maxTasks,
    maxTravel,
    maxDist,
    compat,
    adj,
    adjK,
    gran,
    granK,
    depotLoc,
    objective: spec.objective,
  };
}

const ADJ_K = 100;
const GRAN_K = 40;

/** Indices of the k smallest keys (ties by index), ascending; `scratch` has the keys' length. */
function smallest(
  key: Float64Array,
  k: number,
  scratch: Float64Array,
  out: Int32Array,
  outOff: number,
): void {
  if (k === 0) return;
  scratch.set(key);
  scratch.sort();
  const threshold = scratch[k - 1]!;
  const picked: number[] = [];
  for (let j = 0; j < key.length && picked.length < k; j++) if (key[j]! < threshold) picked.push(j);
  for (let j = 0; j < key.length && picked.length < k; j++) if (key[j] === threshold) picked.push(j);
  picked.sort((a, b) => key[a]! - key[b]! || a - b);
  for (let x = 0; x < k; x++) out[outOff + x] = picked[x]!;
}

function neighbours(
  n: number,
  loc: Int32Array,
  cost: Float64Array,
  stride: number,
  service: Float64Array,
  twOff: Int32Array,
  twStart: Float64Array,
  twEnd: Float64Array,
  dur: Float64Array,
) {
  const adjK = Math.max(0, Math.min(n - 1, ADJ_K));
  const granK = Math.max(0, Math.min(n - 1, GRAN_K));
  const adj = new Int32Array(n * adjK);
  const gran = new Int32Array(n * granK);
  const key = new Float64Array(n);
  const scratch = new Float64Array(n);
  const earliest = new Float64Array(n);
  const latest = new Float64Array(n);
  for (let x = 0; x < n; x++) {
    earliest[x] = twStart[twOff[x]!]!;
    latest[x] = twEnd[twOff[x + 1]! - 1]!;
  }
  for (let i = 0; i < n; i++) {
    const li = loc[i]! * stride;
    for (let j = 0; j < n; j++) {
      const a = cost[li + loc[j]!]!;
      const b = cost[loc[j]! * stride + loc[i]!]!;
      key[j] = j === i ? Infinity : a < b ? a : b;
    }
    smallest(key, adjK, scratch, adj, i * adjK);
    // Proximity after Vidal et al. (2013): travel plus the waiting (weight 0.2) or lateness (weight 1)
    // that serving the pair in that order forces; the smaller of the two orders.
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      const lj = loc[j]! * stride;
      const dij = dur[li + loc[j]!]!;
      const dji = dur[lj + loc[i]!]!;
      const waitIJ = earliest[j]! - service[i]! - dij - latest[i]!;
      const lateIJ = earliest[i]! + service[i]! + dij - latest[j]!;
      const waitJI = earliest[i]! - service[j]! - dji - latest[j]!;
      const lateJI = earliest[j]! + service[j]! + dji - latest[i]!;
      const pij = cost[li + loc[j]!]! + (waitIJ > 0 ? 0.2 * waitIJ : 0) + (lateIJ > 0 ? lateIJ : 0);
      const pji = cost[lj + loc[i]!]! + (waitJI > 0 ? 0.2 * waitJI : 0) + (lateJI > 0 ? lateJI : 0);
      key[j] = pij < pji ? pij : pji;
    }
    smallest(key, granK, scratch, gran, i * granK);
  }
  return { adj, adjK, gran, granK };
}
