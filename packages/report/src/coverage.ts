import type { DemandAccess } from '@paketbygd/model';
import { COLOURS } from './palette';

export type DemandStatus =
  'covered_before' | 'newly_covered' | 'lost' | 'home_delivery' | 'not_covered' | 'unknown';

export function demandStatus(access: DemandAccess | undefined): DemandStatus {
  if (!access) return 'unknown';
  if (access.after.covered) return access.before.covered ? 'covered_before' : 'newly_covered';
  if (access.homeDelivery) return 'home_delivery';
  return access.before.covered ? 'lost' : 'not_covered';
}

export const STATUS_STYLE: Record<DemandStatus, { colour: string; label: string }> = {
  covered_before: { colour: COLOURS.coveredBefore, label: 'Covered already today' },
  newly_covered: { colour: COLOURS.newlyCovered, label: 'Newly covered by a box' },
  home_delivery: { colour: COLOURS.homeDelivery, label: 'Not covered: home delivery' },
  not_covered: { colour: COLOURS.notCovered, label: 'Not covered' },
  lost: { colour: COLOURS.notCovered, label: 'Covered today, not after' },
  unknown: { colour: COLOURS.unknown, label: 'Not in the plan' },
};
