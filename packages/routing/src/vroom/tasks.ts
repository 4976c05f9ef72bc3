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

  /** Instance task by `${type}:${id}` as an answer names it (for a warm start from an answer). */
  byAnswerKey(): Map<string, number> {
    const out = new Map<string, number>();
    for (let t = 0; t < this.inst.nTasks; t++) out.set(`${this.kind(t)}:${String(this.stop(t).id)}`, t);
    return out;
  }
}
