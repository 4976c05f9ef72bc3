import { describe, expect, it } from 'vitest';
import { Scenario, type ScenarioInput, type TransportRoute } from '@paketbygd/model';
import { plan } from '../src';
import { rectangleArea } from '../../../tests/support/scenarios';

const HUB: [number, number] = [17.0, 66.0];
const B: [number, number] = [17.1, 66.0];
const C: [number, number] = [17.2, 66.0];
const FAR: [number, number] = [17.2, 66.05];

/** A bus from the hub past B to C, with the given departures (times at hub, B, C). */
function bus(
  id: string,
  departures: {
    times: [string, string, string];
    days: TransportRoute['days'];
    spareCapacityParcels?: number;
  }[],
  extra: Partial<ScenarioInput['transportRoutes'] extends (infer R)[] | undefined ? R : never> = {},
) {
  const days = [...new Set(departures.flatMap((d) => d.days))];
  return {
    id,
    kind: 'bus_line' as const,
    stops: [
      { at: 'hub', time: departures[0]!.times[0] },
      { location: B, time: departures[0]!.times[1] },
      { location: C, time: departures[0]!.times[2] },
    ],
    days,
    loadingHubId: 'hub',
    spareCapacityParcels: 10,
    maxDetourMin: 0,
    pricePerParcel: 1,
    departures: departures.map((d, i) => ({ id: `${id}.${i + 1}`, ...d })),
    ...extra,
  };
}

const WEEKDAYS5 = ['mon', 'tue', 'wed', 'thu', 'fri'] as const;

function scenario(deliveriesPerWeek: number, transportRoutes: unknown[]): Scenario {
  return Scenario.parse({
    kind: 'scenario',
    name: 'timetable test',
    area: rectangleArea([16.9, 65.9], [17.3, 66.1]),
    currency: 'SEK',
    demand: [
      { id: 'near-b', location: [17.1, 66.001], population: 50, parcelsPerWeek: 10 },
      { id: 'near-c', location: [17.2, 66.001], population: 50, parcelsPerWeek: 10 },
      { id: 'near-far', location: [17.2, 66.051], population: 50, parcelsPerWeek: 10 },
    ],
    candidateSites: [
      {
        id: 'box-b',
        location: B,
        host: 'shop',
        compartments: 20,
        investmentCost: 30000,
        yearlyCost: 3000,
        access247: false,
      },
      {
        id: 'box-c',
        location: C,
        host: 'library',
        compartments: 20,
        investmentCost: 30000,
        yearlyCost: 3000,
        access247: false,
      },
      {
        id: 'box-far',
        location: FAR,
        host: 'shop',
        compartments: 20,
        investmentCost: 30000,
        yearlyCost: 3000,
      },
    ],
    hubs: [{ id: 'hub', location: HUB, parcelsArriveAt: '09:00', days: [...WEEKDAYS5] }],
    vehicles: [
      {
        id: 'van',
        count: 1,
        capacityParcels: 100,
        costPerKm: 5,
        costPerHour: 400,
        co2GPerKm: 200,
        shift: { start: '08:00', end: '17:00' },
        startHubId: 'hub',
      },
    ],
    transportRoutes,
    policy: { maxAccessDistanceM: 2000, deliveriesPerWeek },
  });
}

const BOXES = {
  openSiteIds: ['box-b', 'box-c', 'box-far'],
  timeLimitS: 5,
  now: new Date('2026-01-01T00:00:00Z'),
};

describe('timetabled transports in the plan', () => {
  it('fills a box on the days a departure runs after the parcels, vans on the others, and says why other lines were not used', async () => {
    const s = scenario(5, [
      bus('bus-all', [
        { times: ['07:00', '07:10', '07:20'], days: [...WEEKDAYS5] },
        { times: ['13:00', '13:10', '13:20'], days: ['mon', 'wed', 'fri'] },
      ]),
      bus('bus-early', [{ times: ['06:00', '06:10', '06:20'], days: [...WEEKDAYS5] }]),
      bus('bus-small', [{ times: ['12:00', '12:10', '12:20'], days: [...WEEKDAYS5] }], {
        spareCapacityParcels: 1,
      }),
      bus('bus-sunday', [{ times: ['12:00', '12:10', '12:20'], days: ['sun'] }]),
      bus('bus-late', [{ times: ['19:00', '20:10', '20:30'], days: [...WEEKDAYS5] }]),
    ]);
    const p = await plan(s, BOXES);
    const boxB = p.boxes.find((b) => b.siteId === 'box-b')!;
    expect(boxB.filledBy).toMatchObject({
      kind: 'carrier',
      routeId: 'bus-all',
      days: ['mon', 'wed', 'fri'],
      vanDays: ['tue', 'thu'],
      vanVehicleId: 'van',
      deliveriesPerWeek: 3,
    });
    if (boxB.filledBy.kind !== 'carrier') throw new Error('box-b is filled by a carrier');
    expect(boxB.filledBy.departures).toEqual(
      ['mon', 'wed', 'fri'].map((day) => ({
        day,
        departureId: 'bus-all.2',
        leavesAt: '13:00',
        arrivesAt: '13:10',
      })),
    );
    const reasons = Object.fromEntries((boxB.transportsNotUsed ?? []).map((t) => [t.routeId, t.reason]));
    expect(reasons).toMatchObject({
      'bus-early': 'leaves_before_parcels',
      'bus-small': 'too_little_room',
      'bus-sunday': 'wrong_days',
    });
    // The van fills box-b on Tuesday and Thursday only.
    const vanDaysAtB = p.vanRoutes.filter((r) => r.stops.some((x) => x.at === 'box-b')).map((r) => r.day);
    expect(vanDaysAtB.sort()).toEqual(['thu', 'tue']);
    // A box in a shop or library is filled in its hours: the evening bus is too late for it.
    expect(reasons['bus-late']).toBe('arrives_too_late');
    // No line stops near the far box, and buses do not leave their line.
    const boxFar = p.boxes.find((b) => b.siteId === 'box-far')!;
    expect(boxFar.filledBy.kind).toBe('van');
    expect(new Set(boxFar.transportsNotUsed?.map((t) => t.reason))).toEqual(new Set(['no_stop_near_box']));
    const route = p.carrierRoutes.find((r) => r.routeId === 'bus-all')!;
    expect(route.departures?.[0]).toMatchObject({ departureId: 'bus-all.2', leavesAt: '13:00' });
    expect(route.stops.find((x) => x.boxSiteId === 'box-b')?.time).toBe('13:10');
  });

  it('a departure on every delivery day fills the box without vans', async () => {
    const s = scenario(3, [
      bus('bus-mwf', [{ times: ['13:00', '13:10', '13:20'], days: ['mon', 'wed', 'fri'] }]),
    ]);
    const p = await plan(s, BOXES);
    const boxB = p.boxes.find((b) => b.siteId === 'box-b')!;
    expect(boxB.filledBy).toMatchObject({ kind: 'carrier', routeId: 'bus-mwf', days: ['mon', 'wed', 'fri'] });
    expect(boxB.filledBy.kind === 'carrier' && boxB.filledBy.vanDays).toBeFalsy();
    expect(p.vanRoutes.some((r) => r.stops.some((x) => x.at === 'box-b'))).toBe(false);
  });

  it('partial filling only where it is cheaper: an expensive bus leaves the box to the vans', async () => {
    const s = scenario(5, [
      bus('bus-dear', [{ times: ['13:00', '13:10', '13:20'], days: ['mon', 'wed', 'fri'] }], {
        pricePerParcel: 500,
      }),
    ]);
    const p = await plan(s, BOXES);
    const boxB = p.boxes.find((b) => b.siteId === 'box-b')!;
    expect(boxB.filledBy.kind).toBe('van');
    expect(boxB.transportsNotUsed).toEqual([
      expect.objectContaining({ routeId: 'bus-dear', reason: 'costlier' }),
    ]);
  });

  it('counts spare room per departure: a day whose departure has too little room goes to the van, and the plan says why', async () => {
    const s = scenario(5, [
      bus('bus-room', [
        { times: ['13:00', '13:10', '13:20'], days: ['mon', 'wed', 'fri'] },
        // The Tuesday and Thursday run is full of passengers' luggage: room for one parcel.
        { times: ['13:30', '13:40', '13:50'], days: ['tue', 'thu'], spareCapacityParcels: 1 },
      ]),
    ]);
    const p = await plan(s, BOXES);
    const boxB = p.boxes.find((b) => b.siteId === 'box-b')!;
    expect(boxB.filledBy).toMatchObject({
      kind: 'carrier',
      routeId: 'bus-room',
      days: ['mon', 'wed', 'fri'],
      vanDays: ['tue', 'thu'],
      vanDayReasons: [
        { day: 'tue', reason: 'too_little_room' },
        { day: 'thu', reason: 'too_little_room' },
      ],
    });
    if (boxB.filledBy.kind !== 'carrier') throw new Error('box-b is filled by a carrier');
    expect(new Set(boxB.filledBy.departures?.map((d) => d.departureId))).toEqual(new Set(['bus-room.1']));
    const vanDaysAtB = p.vanRoutes.filter((r) => r.stops.some((x) => x.at === 'box-b')).map((r) => r.day);
    expect(vanDaysAtB.sort()).toEqual(['thu', 'tue']);
  });

  it('a day without a usable departure is a van day for that reason, and a departure too small on every day is too_little_room', async () => {
    const s = scenario(5, [
      bus('bus-mwf', [{ times: ['13:00', '13:10', '13:20'], days: ['mon', 'wed', 'fri'] }]),
      bus(
        'bus-tiny',
        [{ times: ['13:00', '13:10', '13:20'], days: [...WEEKDAYS5], spareCapacityParcels: 1 }],
        {
          spareCapacityParcels: 10,
        },
      ),
    ]);
    const p = await plan(s, BOXES);
    const boxB = p.boxes.find((b) => b.siteId === 'box-b')!;
    expect(boxB.filledBy).toMatchObject({
      kind: 'carrier',
      routeId: 'bus-mwf',
      vanDayReasons: [
        { day: 'tue', reason: 'no_usable_departure' },
        { day: 'thu', reason: 'no_usable_departure' },
      ],
    });
    const tiny = boxB.transportsNotUsed?.find((t) => t.routeId === 'bus-tiny');
    expect(tiny).toMatchObject({ reason: 'too_little_room' });
    expect(tiny!.detail).toContain('2.0 parcels a trip exceed the 1 spare places');
  });

  it('boxes on one departure share its room on each day; a box that does not fit goes to the van', async () => {
    const withRoom = (room: number) =>
      scenario(5, [
        bus('bus-shared', [
          { times: ['13:00', '13:10', '13:20'], days: [...WEEKDAYS5], spareCapacityParcels: room },
        ]),
      ]);
    const carried = async (room: number) => {
      const p = await plan(withRoom(room), BOXES);
      return p.boxes.filter((b) => b.filledBy.kind === 'carrier').map((b) => b.siteId);
    };
    // box-b and box-c take 2 parcels a trip each (10 a week over 5 days).
    expect((await carried(4)).sort()).toEqual(['box-b', 'box-c']);
    expect(await carried(3)).toHaveLength(1);
  });
});
