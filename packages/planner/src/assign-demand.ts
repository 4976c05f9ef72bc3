import type { Policy } from '@paketbygd/model';
import { nearestPickup, withinLimit, type Access } from './access';
import { distanceM, durationS, type SquareMatrix } from './matrix';

/** Where a share of a demand point's parcels is fetched. */
export interface DemandPart extends Access {
  parcelsPerWeek: number;
  /** Index into the boxes, or -1 for an existing pickup point. */
  box: number;
}

export interface DemandAssignment {
  parts: DemandPart[][];
  boxLoad: number[];
  /** Parcels per week of each demand point that reach no pickup point at all. */
  unreachable: number[];
}

/**
 * Households use the nearest pickup point that has room: boxes in order of distance, but never a
 * box farther than the nearest existing pickup point (nobody drives past the shop to a box); what
 * does not fit goes to the nearest existing pickup point, which has no limit here. Demand points
 * nearest to a box choose first, so that a box fills with the households it serves best.
 */
export function assignDemand(
  m: SquareMatrix,
  policy: Policy,
  demandPoints: readonly number[],
  parcelsPerWeek: readonly number[],
  existingPickups: readonly number[],
  boxPoints: readonly number[],
  boxCapacityPerWeek: readonly number[],
  skip: readonly boolean[],
): DemandAssignment {
  const boxLoad = boxPoints.map(() => 0);
  const parts: DemandPart[][] = demandPoints.map(() => []);
  const unreachable = demandPoints.map(() => 0);
  const nearestBoxM = demandPoints.map((p) =>
    Math.min(Infinity, ...boxPoints.map((b) => distanceM(m, p, b))),
  );
  const order = demandPoints.map((_, i) => i).sort((a, b) => nearestBoxM[a]! - nearestBoxM[b]!);
  for (const i of order) {
    if (skip[i]) continue;
    const origin = demandPoints[i]!;
    const agent = nearestPickup(m, policy, origin, existingPickups);
    let left = parcelsPerWeek[i]!;
    const boxes = boxPoints
      .map((point, b) => ({ b, point, d: distanceM(m, origin, point) }))
      .filter((x) => Number.isFinite(x.d) && x.d < agent.distanceM)
      .sort((x, y) => x.d - y.d);
    for (const { b, point, d } of boxes) {
      if (left <= 1e-9) break;
      const taken = Math.min(left, Math.max(0, boxCapacityPerWeek[b]! - boxLoad[b]!));
      if (taken <= 1e-9) continue;
      const t = durationS(m, origin, point);
      parts[i]!.push({
        pickup: point,
        distanceM: d,
        durationS: t,
        covered: withinLimit(policy, d, t),
        parcelsPerWeek: taken,
        box: b,
      });
      boxLoad[b] = boxLoad[b]! + taken;
      left -= taken;
    }
    if (left > 1e-9) {
      if (agent.pickup >= 0) parts[i]!.push({ ...agent, parcelsPerWeek: left, box: -1 });
      else unreachable[i] = left;
    }
  }
  return { parts, boxLoad, unreachable };
}

/** The part that carries most of a demand point's parcels, for a one-line summary per point. */
export function mainPart(parts: readonly DemandPart[]): DemandPart | undefined {
  return parts.reduce<DemandPart | undefined>(
    (best, p) => (!best || p.parcelsPerWeek > best.parcelsPerWeek ? p : best),
    undefined,
  );
}
