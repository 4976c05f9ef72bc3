import {
  clockTimeToS,
  serviceTimeToS,
  WEEKDAYS,
  type CandidateSite,
  type Scenario,
  type TransportRoute,
  type Weekday,
} from '@paketbygd/model';
import type { BoxDemand, CarrierOption, CarrierRejection, RoutePosition } from './carriers';
import { durationS, type SquareMatrix } from './matrix';
import type { PlaceIndex } from './places';

/** Hours in which a box that is not open day and night can be filled. An assumption: sites give no hours. */
export const NOT_247_BOX_HOURS_S: readonly [number, number] = [8 * 3600, 20 * 3600];
const DAY_S = 24 * 3600;

export interface DayDeparture {
  day: Weekday;
  departure: number;
  leavesS: number;
  arrivesS: number;
}

function hhmm(seconds: number): string {
  const minutes = Math.round(seconds / 60);
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

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
  tooEarly?: { leavesS: number };
  tooLate?: { arrivesS: number };
}

/** The first departure on a day that leaves after the parcels arrive and reaches the box in its hours. */
function checkDay(
  route: TransportRoute,
  day: Weekday,
  from: number,
  arrivalAtBox: (times: readonly string[]) => number,
  parcelsArriveS: number,
  hours: readonly [number, number],
): DayCheck {
  const check: DayCheck = {};
  route.departures!.forEach((departure, i) => {
    if (!departure.days.includes(day)) return;
    const leavesS = serviceTimeToS(departure.times[from]!);
    if (leavesS < parcelsArriveS) {
      check.tooEarly ??= { leavesS };
      return;
    }
    const arrivesS = arrivalAtBox(departure.times);
    if (arrivesS < hours[0] || arrivesS > hours[1]) {
      check.tooLate ??= { arrivesS };
      return;
    }
    if (!check.usable || arrivesS < check.usable.arrivesS)
      check.usable = { day, departure: i, leavesS, arrivesS };
  });
  return check;
}

/**
 * A timetabled transport for one box: which departure fills it on which day (leaving the loading
 * hub after the parcels arrive, reaching the box within its hours), the van days when the
 * transport runs on fewer days than the policy asks (partial filling), or why it cannot.
 */
export function timetabledOption(
  scenario: Scenario,
  places: PlaceIndex,
  m: SquareMatrix,
  routeIndex: number,
  box: BoxDemand,
  site: CandidateSite,
  position: RoutePosition,
  from: number,
  policyDays: readonly Weekday[],
): CarrierOption | CarrierRejection {
  const route = scenario.transportRoutes[routeIndex]!;
  const reject = (code: CarrierRejection['code'], reason: string): CarrierRejection => ({
    route: routeIndex,
    code,
    reason,
  });
  const hub = scenario.hubs.find((h) => h.id === route.loadingHubId);
  const parcelsArriveS = hub ? clockTimeToS(hub.parcelsArriveAt) : 0;
  const hours = site.access247 ? ([0, DAY_S - 1] as const) : NOT_247_BOX_HOURS_S;
  const stopPoint = places.routeStops[routeIndex]![position.afterStop]!;
  const toBoxS = position.atStop ? 0 : durationS(m, stopPoint, box.point);
  const arrivalAtBox = (times: readonly string[]) => serviceTimeToS(times[position.afterStop]!) + toBoxS;
  const checks = WEEKDAYS.filter((d) => !hub?.days || hub.days.includes(d)).map((day) =>
    checkDay(route, day, from, arrivalAtBox, parcelsArriveS, hours),
  );
  const usable = checks.flatMap((c) => (c.usable ? [c.usable] : []));
  if (usable.length === 0) {
    const late = checks.find((c) => c.tooLate)?.tooLate;
    if (late) {
      return reject(
        'arrives_too_late',
        `its departures reach the box at ${hhmm(late.arrivesS)} or later, outside the box's hours (${hhmm(hours[0])}-${hhmm(hours[1] + 1)})`,
      );
    }
    const early = checks.find((c) => c.tooEarly)?.tooEarly;
    if (early) {
      return reject(
        'leaves_before_parcels',
        `it leaves ${hub?.id ?? 'its first stop'} at ${hhmm(early.leavesS)}, before the parcels arrive at ${hub?.parcelsArriveAt ?? '00:00'}`,
      );
    }
    return reject(
      'wrong_days',
      `it runs on no day the parcels arrive${hub?.days ? ` (${hub.days.join(', ')})` : ''}`,
    );
  }
  const { days, vanDays } = splitDays(
    usable.map((u) => u.day),
    policyDays,
  );
  const parcelsPerTrip = box.parcelsPerWeek / policyDays.length;
  if (parcelsPerTrip > route.spareCapacityParcels) {
    return reject(
      'too_little_room',
      `${parcelsPerTrip.toFixed(1)} parcels a trip exceed its ${route.spareCapacityParcels} spare places`,
    );
  }
  return {
    route: routeIndex,
    ...position,
    deliveriesPerWeek: days.length,
    parcelsPerTrip,
    costPerWeek: (route.pricePerParcel * parcelsPerTrip + route.pricePerStop) * days.length,
    days,
    vanDays,
    departures: usable.filter((u) => days.includes(u.day)),
  };
}
