import type { VroomRoute } from '@paketbygd/model';
import type { Instance } from '../instance/index';

/**
 * What one route of an answer adds up over its steps, in the request's units (seconds, metres,
 * its cost), and the route's totals in VROOM's shape. The optimising answer and plan mode both
 * sum a route this way.
 */
export class RouteSums {
  travelS = 0;
  distanceM = 0;
  cost = 0;
  setupS = 0;
  serviceS = 0;
  waitingS = 0;
  priority = 0;

  constructor(
    private readonly inst: Instance,
    private readonly vehicle: number,
  ) {}

  /** Drives from place `from` to place `to` in the vehicle's matrices; returns the travel time. */
  drive(from: number, to: number): number {
    const { inst } = this;
    const m = inst.vehMatrixSet[this.vehicle]!;
    const a = from * inst.stride + to;
    const durationS = inst.durationS[m]![a]!;
    this.travelS += durationS;
    this.distanceM += inst.distanceM[m]![a]!;
    this.cost += inst.cost[m]![a]!;
    return durationS;
  }

  /** The route's totals as VROOM orders them, between its vehicle and its steps; cost includes the fixed cost. */
  totals(
    delivery: number[],
    pickup: number[],
    withDistance: boolean,
  ): Pick<
    VroomRoute,
    | 'cost'
    | 'setup'
    | 'service'
    | 'duration'
    | 'waiting_time'
    | 'priority'
    | 'delivery'
    | 'pickup'
    | 'distance'
  > {
    return {
      cost: Math.round(this.cost + this.inst.fixed[this.vehicle]!),
      setup: this.setupS,
      service: this.serviceS,
      duration: Math.round(this.travelS),
      waiting_time: Math.round(this.waitingS),
      priority: this.priority,
      delivery,
      pickup,
      ...(withDistance ? { distance: Math.round(this.distanceM) } : {}),
    };
  }
}
