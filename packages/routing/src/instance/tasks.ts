import type { ModelSpec, StopSpec } from '../spec';
import { DELIVERY, JOB, PICKUP, type Instance } from './types';

/** The task arrays of the instance, and what the vehicles and penalties still need of each task. */
export type Tasks = Pick<
  Instance,
  | 'nTasks'
  | 'kind'
  | 'taskId'
  | 'loc'
  | 'serviceS'
  | 'startLoad'
  | 'loadChange'
  | 'windowOffset'
  | 'windowStartS'
  | 'windowEndS'
  | 'partner'
  | 'priority'
  | 'totalAmount'
> & {
  /** Skills each task needs. */
  skills: number[][];
  /** The optional penalty of each task as given (undefined: mandatory, or a shipment's delivery). */
  optionalPenalty: (number | undefined)[];
};

/** Jobs first, then each shipment as its pickup followed by its delivery. */
export function buildTasks(spec: ModelSpec): Tasks {
  const dims = spec.dims;
  const nTasks = spec.jobs.length + 2 * spec.shipments.length;
  const tasks: Tasks = {
    nTasks,
    kind: new Uint8Array(nTasks),
    taskId: new Int32Array(nTasks),
    loc: new Int32Array(nTasks),
    serviceS: new Float64Array(nTasks),
    startLoad: new Float64Array(nTasks * dims),
    loadChange: new Float64Array(nTasks * dims),
    windowOffset: new Int32Array(nTasks + 1),
    windowStartS: new Float64Array(0),
    windowEndS: new Float64Array(0),
    partner: new Int32Array(nTasks).fill(-1),
    priority: new Int32Array(nTasks),
    totalAmount: new Float64Array(nTasks),
    skills: [],
    optionalPenalty: [],
  };
  const windows: [number, number][][] = [];
  const setStop = (task: number, stop: StopSpec) => {
    tasks.taskId[task] = stop.id;
    tasks.loc[task] = stop.location;
    tasks.serviceS[task] = stop.serviceS;
    windows.push(stop.timeWindowsS);
  };
  let task = 0;
  for (const job of spec.jobs) {
    tasks.kind[task] = JOB;
    setStop(task, job);
    for (let d = 0; d < dims; d++) {
      const delivery = job.delivery[d] ?? 0;
      const pickup = job.pickup[d] ?? 0;
      tasks.startLoad[task * dims + d] = delivery;
      tasks.loadChange[task * dims + d] = pickup - delivery;
      tasks.totalAmount[task] = tasks.totalAmount[task]! + delivery + pickup;
    }
    tasks.priority[task] = job.priority;
    tasks.skills.push(job.skills);
    tasks.optionalPenalty.push(job.penalty);
    task++;
  }
  for (const shipment of spec.shipments) {
    const pickup = task;
    const delivery = task + 1;
    tasks.kind[pickup] = PICKUP;
    tasks.kind[delivery] = DELIVERY;
    tasks.partner[pickup] = delivery;
    tasks.partner[delivery] = pickup;
    setStop(pickup, shipment.pickup);
    setStop(delivery, shipment.delivery);
    for (const end of [pickup, delivery]) {
      tasks.skills.push(shipment.skills);
      tasks.priority[end] = shipment.priority;
    }
    for (let d = 0; d < dims; d++) {
      const amount = shipment.amount[d] ?? 0;
      tasks.loadChange[pickup * dims + d] = amount;
      tasks.loadChange[delivery * dims + d] = -amount;
      tasks.totalAmount[pickup] = tasks.totalAmount[pickup]! + amount;
      tasks.totalAmount[delivery] = tasks.totalAmount[delivery]! + amount;
    }
    tasks.optionalPenalty.push(shipment.penalty, undefined);
    task += 2;
  }
  setWindows(tasks, windows);
  return tasks;
}

/** Flattens the windows; a task without any gets one that is always open. */
function setWindows(tasks: Tasks, windows: [number, number][][]): void {
  let count = 0;
  for (let t = 0; t < tasks.nTasks; t++) {
    tasks.windowOffset[t] = count;
    count += Math.max(1, windows[t]!.length);
  }
  tasks.windowOffset[tasks.nTasks] = count;
  tasks.windowStartS = new Float64Array(count);
  tasks.windowEndS = new Float64Array(count);
  for (let t = 0; t < tasks.nTasks; t++) {
    const offset = tasks.windowOffset[t]!;
    const own = windows[t]!;
    if (own.length === 0) {
      tasks.windowStartS[offset] = 0;
      tasks.windowEndS[offset] = Infinity;
    }
    own.forEach(([open, close], k) => {
      tasks.windowStartS[offset + k] = open;
      tasks.windowEndS[offset + k] = close;
    });
  }
}
