import { WEEKDAYS, type Plan, type VanRoute } from '@paketbygd/model';
import { VAN_COLOURS, cycle } from './palette';

export interface VanGroup {
  /** Index into the plan's vanRoutes of every route in the group, in weekday order. */
  routeIndexes: number[];
  vehicleId: string;
  days: VanRoute['day'][];
  colour: string;
}

function signature(r: VanRoute): string {
  return JSON.stringify([r.vehicleId, r.stops.map((s) => [s.at, Math.round(s.arrivalS), s.parcels])]);
}

/**
 * Routes that are the same on several days (a planner that spreads parcels evenly makes
 * them so) are one group: one colour and one stop list, with the days named.
 */
export function groupVanRoutes(plan: Plan): { groups: VanGroup[]; groupOf: number[] } {
  const bySignature = new Map<string, VanGroup>();
  const groups: VanGroup[] = [];
  const order = plan.vanRoutes
    .map((r, i) => ({ r, i }))
    .sort((a, b) => WEEKDAYS.indexOf(a.r.day) - WEEKDAYS.indexOf(b.r.day) || a.i - b.i);
  for (const { r, i } of order) {
    const key = signature(r);
    let group = bySignature.get(key);
    if (!group) {
      group = {
        routeIndexes: [],
        vehicleId: r.vehicleId,
        days: [],
        colour: cycle(VAN_COLOURS, groups.length),
      };
      bySignature.set(key, group);
      groups.push(group);
    }
    group.routeIndexes.push(i);
    group.days.push(r.day);
  }
  const groupOf = plan.vanRoutes.map((_, i) => groups.findIndex((g) => g.routeIndexes.includes(i)));
  return { groups, groupOf };
}
