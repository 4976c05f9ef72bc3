import { JOB, PICKUP, type Instance } from '../instance/index';

/** VROOM's name of task t's kind. */
export function taskType(inst: Instance, t: number): 'job' | 'pickup' | 'delivery' {
  return inst.kind[t] === JOB ? 'job' : inst.kind[t] === PICKUP ? 'pickup' : 'delivery';
}

/**
 * What a route carries, per dimension: the load on board at its start (every job's delivery),
 * and VROOM's route `delivery` and `pickup` totals (jobs' amounts, shipments' amounts).
 */
export function routeAmounts(
  inst: Instance,
  tasks: Iterable<number>,
): { load: number[]; delivery: number[]; pickup: number[] } {
  const dims = inst.dims;
  const load = new Array<number>(dims).fill(0);
  const delivery = new Array<number>(dims).fill(0);
  const pickup = new Array<number>(dims).fill(0);
  for (const t of tasks) {
    for (let d = 0; d < dims; d++) {
      const start = inst.startLoad[t * dims + d]!;
      const change = inst.loadChange[t * dims + d]!;
      load[d]! += start;
      if (inst.kind[t] === JOB) {
        delivery[d]! += start;
        pickup[d]! += start + change;
      } else if (inst.kind[t] === PICKUP) pickup[d]! += change;
      else delivery[d]! -= change;
    }
  }
  return { load, delivery, pickup };
}
