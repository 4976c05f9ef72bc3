import type { Scenario, TransportRoute } from '@paketbygd/model';
import type { CarrierOption } from './carrier-types';

/** Parcels departure i of a route can take on a day it runs: its own room, else the route's. */
export function departureRoom(route: TransportRoute, i: number): number {
  return route.departures?.[i]?.spareCapacityParcels ?? route.spareCapacityParcels;
}

/**
 * The spare room an option takes: a timetabled transport's room is per departure and day (two
 * boxes on one departure share it, boxes on different departures do not), and a transfer takes room
 * on the feeding departure too; a transport without a timetable has one room per trip.
 */
function roomKeys(option: CarrierOption): string[] {
  if (!option.departures) return [String(option.route)];
  return option.departures.flatMap((d) => [
    `${option.route}:${d.departure}:${d.day}`,
    ...(d.feeder ? [`${d.feeder.route}:${d.feeder.departure}:${d.day}`] : []),
  ]);
}

function roomOfKey(scenario: Scenario, key: string): number {
  const [r, i] = key.split(':');
  const route = scenario.transportRoutes[Number(r)]!;
  return i === undefined ? route.spareCapacityParcels : departureRoom(route, Number(i));
}

/** The room left on each departure and day while the carrier search tries assignments. */
export function roomLedger(scenario: Scenario) {
  const left = new Map<string, number>();
  const leftOf = (key: string) => left.get(key) ?? roomOfKey(scenario, key);
  return {
    fits: (option: CarrierOption) =>
      roomKeys(option).every((key) => option.parcelsPerTrip <= leftOf(key) + 1e-9),
    take: (option: CarrierOption, sign: 1 | -1) => {
      for (const key of roomKeys(option)) left.set(key, leftOf(key) - sign * option.parcelsPerTrip);
    },
  };
}
