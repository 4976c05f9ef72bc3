import {
  WEEKDAYS,
  type BoxFilling,
  type PlanMessage,
  type Scenario,
  type TransportNotUsed,
  type TransportRoute,
  type Weekday,
  sToClockTime,
} from '@paketbygd/model';
import type { CarrierAssignment, CarrierOption } from './carriers';
import { DEFAULT_MIN_TRANSFER_MIN } from './loading';
import { assume } from './plan/messages';
import type { VanPlan, VanStopDemand } from './vans';

/**
 * Plans the vans once per group of days with the same stops (a box a transport fills on some days
 * is on the vans' list only on the others), and puts the groups' routes together.
 */
export function planVansByDays<S extends VanStopDemand & { days: readonly Weekday[] }>(
  stops: readonly S[],
  planDays: (stops: S[], days: Weekday[]) => VanPlan,
): VanPlan {
  const groups = new Map<string, { stops: S[]; days: Weekday[] }>();
  for (const day of WEEKDAYS) {
    const onDay = stops.filter((s) => s.days.includes(day));
    if (onDay.length === 0) continue;
    const key = onDay.map((s) => s.id).join('\u0000');
    const group = groups.get(key);
    if (group) group.days.push(day);
    else groups.set(key, { stops: onDay, days: [day] });
  }
  const merged: VanPlan = { routes: [], unserved: [], servedBy: new Map(), violations: [] };
  for (const group of groups.values()) {
    const planned = planDays(group.stops, group.days);
    merged.routes.push(...planned.routes);
    for (const u of planned.unserved)
      if (!merged.unserved.some((x) => x.id === u.id)) merged.unserved.push(u);
    for (const [id, vehicle] of planned.servedBy)
      if (!merged.servedBy.has(id)) merged.servedBy.set(id, vehicle);
    merged.violations.push(...planned.violations);
  }
  return merged;
}

/** A timetabled transport's filling of a box: the departure of each day, and the van days of a partial filling. */
export function timetableFilling(
  route: TransportRoute,
  carrier: CarrierOption,
  vanVehicleId: string | undefined,
): Pick<
  Extract<BoxFilling, { kind: 'carrier' }>,
  'days' | 'departures' | 'vanDays' | 'vanDayReasons' | 'vanVehicleId'
> {
  return {
    days: carrier.days,
    departures: (carrier.departures ?? []).map((d) => ({
      day: d.day,
      departureId: route.departures![d.departure]!.id,
      leavesAt: sToClockTime(d.leavesS),
      arrivesAt: sToClockTime(d.arrivesS),
      ...(d.feeder
        ? {
            transfer: {
              stopName: d.feeder.stopName,
              fromRouteId: d.feeder.routeId,
              fromDepartureId: d.feeder.departureId,
              fromArrivesAt: sToClockTime(d.feeder.arrivesS),
              minTransferMin: d.feeder.minTransferMin,
            },
          }
        : {}),
    })),
    ...(carrier.vanDays.length > 0
      ? {
          vanDays: carrier.vanDays,
          ...(carrier.vanDayReasons ? { vanDayReasons: carrier.vanDayReasons } : {}),
          ...(vanVehicleId ? { vanVehicleId } : {}),
        }
      : {}),
  };
}

/** Every transport that does not fill box b, with why: it cannot, or another filling is cheaper. */
export function transportsNotUsed(
  scenario: Scenario,
  assignment: CarrierAssignment,
  b: number,
): TransportNotUsed[] {
  const chosen = assignment.choice[b];
  const cannot = assignment.rejections[b]!.map((r) => ({
    routeId: scenario.transportRoutes[r.route]!.id,
    reason: r.code,
    detail: r.reason,
  }));
  const costlier = assignment.options[b]!.filter((o) => o.route !== chosen?.route).map((o) => ({
    routeId: scenario.transportRoutes[o.route]!.id,
    reason: 'costlier' as const,
    detail: `it could fill the box on ${o.days.join(', ')}${o.vanDays.length > 0 ? ` (a van on ${o.vanDays.join(', ')})` : ''} for ${o.costPerWeek.toFixed(0)} ${scenario.currency} a week, but the cheapest filling of all boxes together (spare room and detours shared) ${chosen ? `uses ${scenario.transportRoutes[chosen.route]!.id}` : 'leaves this box to the vans'}`,
  }));
  return [...cannot, ...costlier];
}

/** The assumptions behind the chosen timetabled fillings, for the plan's list: transfer times and room. */
export function timetableAssumptions(
  scenario: Scenario,
  choice: readonly (CarrierOption | undefined)[],
): PlanMessage[] {
  const transfers = new Map<string, { route: string; stop: string; minutes: number }>();
  let sharedRoom = false;
  for (const c of choice) {
    const route = c ? scenario.transportRoutes[c.route]! : undefined;
    if (!c || !route?.departures) continue;
    for (const d of c.departures ?? []) {
      if (route.departures[d.departure]!.spareCapacityParcels === undefined) sharedRoom = true;
      if (d.feeder)
        transfers.set(`${route.id} at ${d.feeder.stopName}`, {
          route: route.id,
          stop: d.feeder.stopName,
          minutes: d.feeder.minTransferMin,
        });
    }
  }
  return [
    ...(transfers.size > 0 ? [assume.transferTimes(DEFAULT_MIN_TRANSFER_MIN, [...transfers.values()])] : []),
    ...(sharedRoom ? [assume.departureRoomDefault()] : []),
  ];
}
