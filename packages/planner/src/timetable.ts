import {
  serviceTimeToS,
  WEEKDAYS,
  type CandidateSite,
  type Hub,
  type Scenario,
  type TransportRoute,
  type Weekday,
  sToClockTime,
} from '@paketbygd/model';
import type {
  BoxDemand,
  CarrierOption,
  CarrierRejection,
  DayDeparture,
  RoutePosition,
} from './carrier-types';
import { departureRoom } from './departure-room';
import type { Loading } from './loading';
import { durationS, type SquareMatrix } from './matrix';
import type { PlaceIndex } from './places';

/** Hours in which a box that is not open day and night can be filled. An assumption: sites give no hours. */
export const NOT_247_BOX_HOURS_S: readonly [number, number] = [8 * 3600, 20 * 3600];
const DAY_S = 24 * 3600;

/** Days the transport fills the box (the policy's days first), and the days a van fills the rest. */
export function splitDays(usable: readonly Weekday[], policyDays: readonly Weekday[]) {
  const n = policyDays.length;
  const days = usable.filter((d) => policyDays.includes(d));
  for (const d of usable) if (days.length < n && !days.includes(d)) days.push(d);
  const ordered = WEEKDAYS.filter((d) => days.includes(d));
  const vanDays: Weekday[] = [];
  for (const d of [...policyDays, ...WEEKDAYS])
    if (ordered.length + vanDays.length < n && !ordered.includes(d) && !vanDays.includes(d)) vanDays.push(d);
  return { days: ordered, vanDays: WEEKDAYS.filter((d) => vanDays.includes(d)) };
}

interface DayCheck {
  usable?: DayDeparture;
  tooEarly?: { leavesS: number; loading: Loading };
  tooLate?: { arrivesS: number };
  /** A departure fits in time but it (or the departure bringing the parcels) has too little room. */
  tooLittleRoomParcels?: number;
}

/** Room for the parcels on the departure and, after a transfer, on the departure that brings them. */
function hasRoom(scenario: Scenario, route: TransportRoute, i: number, loading: Loading, parcels: number) {
  const feeder = loading.feeder;
  return (
    parcels <= departureRoom(route, i) + 1e-9 &&
    (!feeder || parcels <= departureRoom(scenario.transportRoutes[feeder.route]!, feeder.departure) + 1e-9)
  );
}

/** The departure on a day that leaves a loading stop after the parcels are there and reaches the box first in its hours. */
function checkDay(
  scenario: Scenario,
  route: TransportRoute,
  day: Weekday,
  loadings: readonly Loading[],
  arrivalAtBox: (times: readonly string[]) => number,
  hours: readonly [number, number],
  parcelsPerTrip: number,
): DayCheck {
  const check: DayCheck = {};
  route.departures!.forEach((departure, i) => {
    if (!departure.days.includes(day)) return;
    const arrivesS = arrivalAtBox(departure.times);
    for (const loading of loadings) {
      if (!loading.days.includes(day)) continue;
      const leavesS = serviceTimeToS(departure.times[loading.stop]!);
      if (leavesS < loading.readyS) {
        check.tooEarly ??= { leavesS, loading };
        continue;
      }
      if (arrivesS < hours[0] || arrivesS > hours[1]) {
        check.tooLate ??= { arrivesS };
        continue;
      }
      if (!hasRoom(scenario, route, i, loading, parcelsPerTrip)) {
        check.tooLittleRoomParcels ??= departureRoom(route, i);
        continue;
      }
      if (!check.usable || arrivesS < check.usable.arrivesS)
        check.usable = {
          day,
          departure: i,
          leavesS,
          arrivesS,
          loadingStop: loading.stop,
          ...(loading.feeder ? { feeder: loading.feeder } : {}),
        };
    }
  });
  return check;
}

/** Why no departure on any day fills the box: the reason nearest to working first. */
function noDayReason(
  route: TransportRoute,
  checks: readonly DayCheck[],
  parcelsPerTrip: number,
  hours: readonly [number, number],
  hub: Hub | undefined,
): [CarrierRejection['code'], string] {
  const room = checks.find((c) => c.tooLittleRoomParcels !== undefined)?.tooLittleRoomParcels;
  if (room !== undefined)
    return [
      'too_little_room',
      `${parcelsPerTrip.toFixed(1)} parcels a trip exceed the ${room} spare places of its departures (or of the line bringing the parcels)`,
    ];
  const late = checks.find((c) => c.tooLate)?.tooLate;
  if (late)
    return [
      'arrives_too_late',
      `its departures reach the box at ${sToClockTime(late.arrivesS)} or later, outside the box's hours (${sToClockTime(hours[0])}-${sToClockTime(hours[1] + 1)})`,
    ];
  const early = checks.find((c) => c.tooEarly)?.tooEarly;
  if (early) {
    const feeder = early.loading.feeder;
    return [
      'leaves_before_parcels',
      feeder
        ? `it leaves the transfer stop ${feeder.stopName} at ${sToClockTime(early.leavesS)}, before the parcels brought by ${feeder.departureId} are there (${sToClockTime(feeder.arrivesS)} + ${feeder.minTransferMin} min)`
        : `it leaves ${hub?.id ?? route.stops[early.loading.stop]!.name ?? 'its first stop'} at ${sToClockTime(early.leavesS)}, before the parcels arrive at ${hub?.parcelsArriveAt ?? '00:00'}`,
    ];
  }
  return [
    'wrong_days',
    `it runs on no day the parcels ${hub ? 'arrive' : 'are brought to it'}${hub?.days ? ` (${hub.days.join(', ')})` : ''}`,
  ];
}

/**
 * A timetabled transport for one box: which departure fills it on which day (leaving the loading
 * hub or a transfer stop after the parcels are there, reaching the box within its hours, with room),
 * the van days when no departure does (partial filling), or why it cannot.
 */
export function timetabledOption(
  scenario: Scenario,
  places: PlaceIndex,
  m: SquareMatrix,
  routeIndex: number,
  box: BoxDemand,
  site: CandidateSite,
  position: RoutePosition,
  loadings: readonly Loading[],
  policyDays: readonly Weekday[],
): CarrierOption | CarrierRejection {
  const route = scenario.transportRoutes[routeIndex]!;
  const hub = scenario.hubs.find((h) => h.id === route.loadingHubId);
  const hours = site.access247 ? ([0, DAY_S - 1] as const) : NOT_247_BOX_HOURS_S;
  const stopPoint = places.routeStops[routeIndex]![position.afterStop]!;
  const toBoxS = position.atStop ? 0 : durationS(m, stopPoint, box.point);
  const arrivalAtBox = (times: readonly string[]) => serviceTimeToS(times[position.afterStop]!) + toBoxS;
  const parcelsPerTrip = box.parcelsPerWeek / policyDays.length;
  const checks = WEEKDAYS.map((day) =>
    checkDay(scenario, route, day, loadings, arrivalAtBox, hours, parcelsPerTrip),
  );
  const usable = checks.flatMap((c) => (c.usable ? [c.usable] : []));
  if (usable.length === 0) {
    const [code, reason] = noDayReason(route, checks, parcelsPerTrip, hours, hub);
    return { route: routeIndex, code, reason };
  }
  const { days, vanDays } = splitDays(
    usable.map((u) => u.day),
    policyDays,
  );
  const used = usable.filter((u) => days.includes(u.day));
  const pricePerParcel = (u: DayDeparture) =>
    route.pricePerParcel + (u.feeder ? scenario.transportRoutes[u.feeder.route]!.pricePerParcel : 0);
  return {
    route: routeIndex,
    ...position,
    deliveriesPerWeek: days.length,
    parcelsPerTrip,
    costPerWeek: used.reduce((s, u) => s + pricePerParcel(u) * parcelsPerTrip + route.pricePerStop, 0),
    days,
    vanDays,
    vanDayReasons: vanDays.map((day) => ({
      day,
      reason:
        checks[WEEKDAYS.indexOf(day)]!.tooLittleRoomParcels !== undefined
          ? ('too_little_room' as const)
          : ('no_usable_departure' as const),
    })),
    departures: used,
  };
}
