import type { RoutingProblem, VroomShipment } from '@paketbygd/model';
import { JOB, PICKUP, type Instance } from '../instance/index';

type Kind = 'job' | 'pickup' | 'delivery';
type Stop = RoutingProblem['jobs'][number] | VroomShipment['pickup'];

/**
 * The request's task or vehicle behind each instance task and vehicle. The instance numbers tasks
 * by their index in the request (a job's index in `jobs`, a shipment's in `shipments`) and vehicles
 * by their index in `vehicles`, so the request's own ids (up to 2^64 − 1) never pass through its
 * 32-bit arrays; they are read back here for the answer.
 */
export class RequestTasks {
  constructor(
    private readonly problem: RoutingProblem,
    private readonly inst: Instance,
  ) {}

  kind(t: number): Kind {
    const k = this.inst.kind[t];
    return k === JOB ? 'job' : k === PICKUP ? 'pickup' : 'delivery';
  }

  /** The request's object for task t: the job, or the shipment's pickup or delivery. */
  stop(t: number): Stop {
    const index = this.inst.taskId[t]!;
    const kind = this.kind(t);
    if (kind === 'job') return this.problem.jobs[index]!;
    return this.problem.shipments[index]![kind];
  }

  /** The vehicle of the request behind instance vehicle v. */
  vehicle(v: number): RoutingProblem['vehicles'][number] {
    return this.problem.vehicles[this.inst.vehId[v]!]!;
  }

  /** The request's break behind instance break b of vehicle v (instance break ids are indices). */
  breakOf(v: number, b: number): NonNullable<RoutingProblem['vehicles'][number]['breaks']>[number] {
    return this.vehicle(v).breaks![this.inst.breaks.id[b]!]!;
  }

  /** Instance task by `${type}:${id}` as an answer names it (for a warm start from an answer). */
  byAnswerKey(): Map<string, number> {
    const out = new Map<string, number>();
    for (let t = 0; t < this.inst.nTasks; t++) out.set(`${this.kind(t)}:${String(this.stop(t).id)}`, t);
    return out;
  }
}

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
