import type { PlanMessage, Policy, UnservedDemand } from '@paketbygd/model';
import { nearestPickup } from '../access';
import type { DemandPart } from '../assign-demand';
import type { SquareMatrix } from '../matrix';
import type { UnfilledStop } from './fill-by-vans';
import { warn } from './messages';

export interface ReassignInput {
  m: SquareMatrix;
  policy: Policy;
  /** Id and point index of each demand point. */
  demand: readonly { id: string; point: number }[];
  /** Point indices of today's pickup points. */
  pickupPoints: readonly number[];
  /** Site id of each opened box, in box order. */
  boxSiteIds: readonly string[];
  deliveryDayCount: number;
  /** Where each demand point's parcels go before the vans are known (not changed here). */
  parts: readonly (readonly DemandPart[])[];
  boxLoad: readonly number[];
  /** The stops the vans left wholly or partly unserved. */
  unfilled: readonly UnfilledStop[];
}

export interface Reassigned {
  parts: DemandPart[][];
  boxLoad: number[];
  /** Parcels a week of each demand point that go into a box. */
  inBox: number[];
  unserved: UnservedDemand[];
  warnings: PlanMessage[];
}

/**
 * What no van could take: home deliveries stay unserved; a box no van fills is no use, so the share
 * of its parcels that no van takes goes back to where its households fetch them today.
 */
export function reassignUnfilled(input: ReassignInput): Reassigned {
  const out: Reassigned = {
    parts: input.parts.map((parts) => parts.map((p) => ({ ...p }))),
    boxLoad: [...input.boxLoad],
    inBox: input.parts.map((parts) => parts.reduce((s, p) => s + (p.box >= 0 ? p.parcelsPerWeek : 0), 0)),
    unserved: [],
    warnings: [],
  };
  for (const stop of input.unfilled) {
    if (stop.kind === 'home') {
      out.unserved.push({
        demandId: stop.id,
        parcelsPerWeek: stop.missedParcelsPerDelivery * input.deliveryDayCount,
        reason: 'no_vehicle_capacity',
        detail: stop.reason,
      });
      continue;
    }
    moveBoxShare(input, out, stop);
    out.warnings.push(warn.boxUnfilled(stop.id, stop.reason));
  }
  return out;
}

/** Moves the missed share of one box's parcels to each household's nearest existing pickup point. */
function moveBoxShare(input: ReassignInput, out: Reassigned, stop: UnfilledStop): void {
  const b = input.boxSiteIds.indexOf(stop.id);
  // A box a transport fills on some days misses only its van days' parcels.
  const vanDayShare = stop.vanDayCount / input.deliveryDayCount;
  const share =
    vanDayShare * Math.min(1, stop.missedParcelsPerDelivery / Math.max(1e-9, stop.plannedParcelsPerDelivery));
  out.parts.forEach((parts, i) => {
    const part = parts.find((x) => x.box === b);
    if (!part) return;
    const moved = part.parcelsPerWeek * share;
    part.parcelsPerWeek -= moved;
    out.boxLoad[b] = out.boxLoad[b]! - moved;
    out.inBox[i] = out.inBox[i]! - moved;
    const agent = nearestPickup(input.m, input.policy, input.demand[i]!.point, input.pickupPoints);
    if (agent.pickup >= 0) {
      const existing = parts.find((x) => x.box < 0 && x.pickup === agent.pickup);
      if (existing) existing.parcelsPerWeek += moved;
      else parts.push({ ...agent, parcelsPerWeek: moved, box: -1 });
    } else {
      out.unserved.push({
        demandId: input.demand[i]!.id,
        parcelsPerWeek: moved,
        reason: 'no_vehicle_capacity',
        detail: `box ${stop.id}: ${stop.reason}`,
      });
    }
    if (part.parcelsPerWeek <= 1e-9) parts.splice(parts.indexOf(part), 1);
  });
}
