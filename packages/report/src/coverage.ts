import type { DemandAccess } from '@paketbygd/model';
import { t } from './i18n';
import { COLOURS } from './palette';

export type DemandStatus =
  'covered_before' | 'newly_covered' | 'lost' | 'home_delivery' | 'not_covered' | 'unknown';

export function demandStatus(access: DemandAccess | undefined): DemandStatus {
  if (!access) return 'unknown';
  if (access.after.covered) return access.before.covered ? 'covered_before' : 'newly_covered';
  if (access.homeDelivery) return 'home_delivery';
  return access.before.covered ? 'lost' : 'not_covered';
}

const STATUS_COLOURS: Record<DemandStatus, string> = {
  covered_before: COLOURS.coveredBefore,
  newly_covered: COLOURS.newlyCovered,
  home_delivery: COLOURS.homeDelivery,
  not_covered: COLOURS.notCovered,
  lost: COLOURS.notCovered,
  unknown: COLOURS.unknown,
};

/** A status's colour and its label in the language being rendered. */
export function statusStyle(status: DemandStatus): { colour: string; label: string } {
  return { colour: STATUS_COLOURS[status], label: t().status[status] };
}

export const DEMAND_STATUSES = Object.keys(STATUS_COLOURS) as DemandStatus[];
