import type { PlanMessage, Scenario, UnservedDemand } from '@paketbygd/model';
import { nearestPickup, type Access } from '../access';
import { assignDemand, type DemandAssignment } from '../assign-demand';
import type { SquareMatrix } from '../matrix';
import type { PlaceIndex } from '../places';
import { warn } from './messages';

export interface DemandAfterStage {
  /** Point index of each opened box. */
  boxPoints: number[];
  /** Today's pickup points, then the boxes. */
  pickupsAfter: number[];
  /** Each demand point's nearest pickup point after, whatever its room. */
  nearestAfter: Access[];
  /** Demand points the vans deliver to the door (outside coverage, if the policy says so). */
  homeDelivered: boolean[];
  boxCapacityPerWeek: number[];
  assignment: DemandAssignment;
  /** Parcels that reach no pickup point at all. */
  unserved: UnservedDemand[];
  warnings: PlanMessage[];
}

/** Demand → pickup points after placement: the new boxes within their capacity, then the existing points. */
export function assignDemandAfter(
  scenario: Scenario,
  places: PlaceIndex,
  m: SquareMatrix,
  openedSites: readonly number[],
): DemandAfterStage {
  const { policy } = scenario;
  const boxPoints = openedSites.map((j) => places.sites[j]!);
  const pickupsAfter = [...places.pickupPoints, ...boxPoints];
  const nearestAfter = places.demand.map((p) => nearestPickup(m, policy, p, pickupsAfter));
  const homeDelivered = scenario.demand.map(
    (_, i) => policy.homeDeliveryOutsideCoverage && !nearestAfter[i]!.covered,
  );
  const boxCapacityPerWeek = openedSites.map(
    (j) => (scenario.candidateSites[j]!.compartments * 7) / policy.dwellTimeDays,
  );
  const assignment = assignDemand(
    m,
    policy,
    places.demand,
    scenario.demand.map((d) => d.parcelsPerWeek),
    places.pickupPoints,
    boxPoints,
    boxCapacityPerWeek,
    homeDelivered,
  );
  const unserved: UnservedDemand[] = [];
  const overflowing: Parameters<typeof warn.nearestBoxFull>[0][number][] = [];
  scenario.demand.forEach((d, i) => {
    if (assignment.unreachable[i]! > 0) {
      unserved.push({ demandId: d.id, parcelsPerWeek: assignment.unreachable[i]!, reason: 'unreachable' });
    }
    const overflow = assignment.parts[i]!.find((p) => p.box < 0);
    if (overflow && boxPoints.includes(nearestAfter[i]!.pickup) && !homeDelivered[i]) {
      overflowing.push({
        demandId: d.id,
        name: d.name ?? d.id,
        parcels: overflow.parcelsPerWeek,
        ofParcels: d.parcelsPerWeek,
      });
    }
  });
  const warnings = overflowing.length > 0 ? [warn.nearestBoxFull(overflowing)] : [];
  return {
    boxPoints,
    pickupsAfter,
    nearestAfter,
    homeDelivered,
    boxCapacityPerWeek,
    assignment,
    unserved,
    warnings,
  };
}
