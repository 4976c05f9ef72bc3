import {
  clockTimeToS,
  serviceTimeToS,
  WEEKDAYS,
  type CarrierRoute,
  type PlanMessage,
  type Scenario,
  type TransportRoute,
  sToClockTime,
} from '@paketbygd/model';
import type { BoxDemand, CarrierOption } from './carriers';
import { distanceM, durationS, type SquareMatrix } from './matrix';
import type { PlaceIndex } from './places';
import { warn } from './plan/messages';

function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, i) =>
    permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]),
  );
}

/** With a timetable: the departures the boxes use, with their days, and the days the route carries parcels. */
function usedDepartures(route: TransportRoute, options: readonly CarrierOption[]) {
  const byDeparture = new Map<number, { days: Set<string>; loadingStop: number }>();
  for (const o of options)
    for (const d of o.departures ?? []) {
      const used = byDeparture.get(d.departure) ?? { days: new Set(), loadingStop: d.loadingStop };
      byDeparture.set(d.departure, used);
      used.days.add(d.day);
    }
  const departures = [...byDeparture]
    .sort((a, b) => b[1].days.size - a[1].days.size || a[0] - b[0])
    .map(([i, { days, loadingStop }]) => ({
      departureId: route.departures![i]!.id,
      days: WEEKDAYS.filter((d) => days.has(d)),
      // Where the parcels go on board: the hub's stop, or a transfer stop.
      leavesAt: route.departures![i]!.times[loadingStop]!,
      index: i,
    }));
  const days = WEEKDAYS.filter((d) => departures.some((x) => x.days.includes(d)));
  return { departures, days };
}

export interface BuiltCarrierRoutes {
  routes: CarrierRoute[];
  /** Boxes taken off a route because the detours of its boxes together exceeded the limit. */
  movedToVans: number[];
  warnings: PlanMessage[];
}

/**
 * Inserts the chosen boxes into each route's stop sequence, orders boxes that share a segment so
 * that the detour is least, checks the combined detour against the limit (moving the worst box to
 * the vans while it is exceeded), and prices the result.
 */
export function buildCarrierRoutes(
  scenario: Scenario,
  places: PlaceIndex,
  m: SquareMatrix,
  boxes: readonly BoxDemand[],
  choice: readonly (CarrierOption | undefined)[],
): BuiltCarrierRoutes {
  const routes: CarrierRoute[] = [];
  const movedToVans: number[] = [];
  const warnings: PlanMessage[] = [];
  scenario.transportRoutes.forEach((route, r) => {
    let assigned = choice.flatMap((c, b) => (c?.route === r ? [b] : []));
    const stops = places.routeStops[r]!;
    for (;;) {
      if (assigned.length === 0) return;
      const timetable = route.departures
        ? usedDepartures(
            route,
            assigned.map((b) => choice[b]!),
          )
        : undefined;
      // A timetabled route's stop times are those of the departure most boxes use.
      const main = timetable ? route.departures![timetable.departures[0]!.index]! : undefined;
      const sequence: { point: number; name: string; boxIndex?: number; scheduledS?: number }[] = [];
      let detourS = 0;
      let detourM = 0;
      for (let k = 0; k < stops.length; k++) {
        const stop = route.stops[k]!;
        sequence.push({
          point: stops[k]!,
          name: stop.name ?? stop.at ?? `stop ${k + 1}`,
          scheduledS: main ? serviceTimeToS(main.times[k]!) : clockTimeToS(stop.time),
        });
        const atThisStop = assigned.filter((b) => choice[b]!.afterStop === k && choice[b]!.atStop);
        for (const b of atThisStop)
          sequence.push({ point: boxes[b]!.point, name: boxes[b]!.name ?? boxes[b]!.siteId, boxIndex: b });
        const inSegment = assigned.filter((b) => choice[b]!.afterStop === k && !choice[b]!.atStop);
        if (inSegment.length > 0 && k + 1 < stops.length) {
          const a = stops[k]!;
          const c = stops[k + 1]!;
          let bestOrder = inSegment;
          let bestS = Infinity;
          let bestM = 0;
          for (const order of permutations(inSegment.slice(0, 6))) {
            const path = [a, ...order.map((b) => boxes[b]!.point), c];
            let t = 0;
            let d = 0;
            for (let i = 0; i + 1 < path.length; i++) {
              t += durationS(m, path[i]!, path[i + 1]!);
              d += distanceM(m, path[i]!, path[i + 1]!);
            }
            if (t < bestS) {
              bestS = t;
              bestM = d;
              bestOrder = [...order, ...inSegment.slice(6)];
            }
          }
          detourS += bestS - durationS(m, a, c);
          detourM += bestM - distanceM(m, a, c);
          for (const b of bestOrder)
            sequence.push({ point: boxes[b]!.point, name: boxes[b]!.name ?? boxes[b]!.siteId, boxIndex: b });
        }
      }
      const parcelsPerTrip = assigned.reduce((s, b) => s + choice[b]!.parcelsPerTrip, 0);
      if (detourS > route.maxDetourMin * 60 + 1e-6 && assigned.length > 0) {
        const worst = assigned.reduce(
          (w, b) => (choice[b]!.detourS > choice[w]!.detourS ? b : w),
          assigned[0]!,
        );
        movedToVans.push(worst);
        warnings.push(
          warn.detoursTogetherTooLong(route.id, detourS / 60, route.maxDetourMin, boxes[worst]!.siteId),
        );
        assigned = assigned.filter((b) => b !== worst);
        continue;
      }

      // Times: a stop keeps its timetable; a box is reached by driving from the stop before it.
      let clockS = 0;
      let lateS = 0;
      const timed = sequence.map((entry, i) => {
        if (entry.scheduledS !== undefined) {
          clockS = entry.scheduledS + lateS;
        } else {
          clockS += durationS(m, sequence[i - 1]!.point, entry.point);
          const next = sequence.slice(i + 1).find((e) => e.scheduledS !== undefined);
          if (next) lateS = Math.max(0, clockS + durationS(m, entry.point, next.point) - next.scheduledS!);
        }
        return {
          name: entry.name,
          location: places.points[entry.point]!,
          time: sToClockTime(clockS, { wrap: true }),
          ...(entry.boxIndex !== undefined ? { boxSiteId: boxes[entry.boxIndex]!.siteId } : {}),
        };
      });
      const days = timetable?.days ?? route.days;
      const trips = days.length;
      const costPerWeek = assigned.reduce((s, b) => s + choice[b]!.costPerWeek, 0);
      routes.push({
        routeId: route.id,
        boxSiteIds: assigned.map((b) => boxes[b]!.siteId),
        days,
        parcelsPerTrip,
        detourSPerTrip: Math.max(0, detourS),
        detourMPerTrip: Math.max(0, detourM),
        costPerWeek,
        co2KgPerWeek: ((route.co2GPerKm ?? 0) * Math.max(0, detourM) * trips) / 1e6,
        stops: timed,
        ...(timetable
          ? {
              departures: timetable.departures.map(({ departureId, days: d, leavesAt }) => ({
                departureId,
                days: d,
                leavesAt,
              })),
            }
          : {}),
        geometry: { type: 'LineString', coordinates: timed.map((s) => s.location) },
      });
      if (route.co2GPerKm === undefined && detourM > 0) {
        warnings.push(warn.routeWithoutCo2(route.id));
      }
      return;
    }
  });
  return { routes, movedToVans, warnings };
}
