import { describe, expect, it } from 'vitest';
import type { BoxDemand, CarrierOption } from '../../src/carriers';
import { fillByVans } from '../../src/plan/fill-by-vans';
import { lineWorld } from './fixture';

const OPTIONS = { timeLimitS: 30, seed: 1 };

function boxB(places: ReturnType<typeof lineWorld>['places'], parcelsPerWeek: number): BoxDemand {
  return { siteId: 'box-b', point: places.sites[1]!, parcelsPerWeek };
}

describe('the van stage alone', () => {
  it('drives hub → box-b (8 km) → hub each weekday: 16 km, 1600 s + 300 s at the box, 322 a day', () => {
    const { scenario, places, m } = lineWorld();
    const stage = fillByVans(
      scenario,
      places,
      m,
      { boxes: [boxB(places, 10)], carrierOf: [undefined], homeDelivered: [false, false] },
      OPTIONS,
    );
    expect(stage.vans.routes.map((r) => r.day)).toEqual(['mon', 'tue', 'wed', 'thu', 'fri']);
    const route = stage.vans.routes[0]!;
    expect(route.distanceM).toBeCloseTo(16000, 6);
    expect(route.durationS).toBeCloseTo(1900, 6);
    // 100 fixed + 2 × 16 km + 360 × 1900 s / 3600.
    expect(route.cost).toBeCloseTo(322, 6);
    expect(route.co2Kg).toBeCloseTo(3.2, 9);
    // Leaves at 08:00, reaches the box after 800 s with 10 / 5 = 2 parcels.
    expect(route.stops.map((s) => [s.at, s.kind, s.parcels])).toEqual([
      ['hub', 'hub', 0],
      ['box-b', 'box', 2],
      ['hub', 'hub', 0],
    ]);
    expect(route.stops[1]!.arrivalS).toBeCloseTo(8 * 3600 + 800, 6);
    expect(stage.vans.servedBy.get('box-b')).toBe('van');
    expect(stage.unfilled).toEqual([]);
    expect(stage.warnings.map((w) => w.text)).toEqual([]);
  });

  it('comes only on the van days of a box a transport fills on the other days', () => {
    const { scenario, places, m } = lineWorld();
    const partly = { vanDays: ['tue', 'thu'] } as unknown as CarrierOption;
    const stage = fillByVans(
      scenario,
      places,
      m,
      { boxes: [boxB(places, 10)], carrierOf: [partly], homeDelivered: [false, false] },
      OPTIONS,
    );
    expect(stage.vans.routes.map((r) => r.day)).toEqual(['tue', 'thu']);
  });

  it('delivers to the door of home-delivered households: 90 s a parcel', () => {
    const { scenario, places, m } = lineWorld();
    const stage = fillByVans(
      scenario,
      places,
      m,
      { boxes: [], carrierOf: [], homeDelivered: [false, true] },
      OPTIONS,
    );
    const route = stage.vans.routes[0]!;
    // d9 at 9 km: 18 km and 1800 s driving, 4 parcels × 90 s at the door.
    expect(route.stops[1]).toMatchObject({ at: 'd9', kind: 'home', parcels: 4 });
    expect(route.distanceM).toBeCloseTo(18000, 6);
    expect(route.durationS).toBeCloseTo(1800 + 360, 6);
  });

  it('says which stop it could not serve, how much of it and for how many days', () => {
    // One van of 1 parcel: of box-b's 2 parcels a delivery, one is left.
    const { scenario, places, m } = lineWorld((s) => {
      s.vehicles![0]!.capacityParcels = 1;
    });
    const stage = fillByVans(
      scenario,
      places,
      m,
      { boxes: [boxB(places, 10)], carrierOf: [undefined], homeDelivered: [false, false] },
      OPTIONS,
    );
    expect(stage.unfilled).toHaveLength(1);
    expect(stage.unfilled[0]).toMatchObject({
      id: 'box-b',
      kind: 'box',
      plannedParcelsPerDelivery: 2,
      missedParcelsPerDelivery: 1,
      vanDayCount: 5,
    });
    expect(stage.vans.routes[0]!.stops[1]!.parcels).toBe(1);
  });

  it('leaves everything unfilled, with the reason, when the scenario has no vans', () => {
    const { scenario, places, m } = lineWorld((s) => {
      s.vehicles = [];
    });
    const stage = fillByVans(
      scenario,
      places,
      m,
      { boxes: [boxB(places, 10)], carrierOf: [undefined], homeDelivered: [false, false] },
      OPTIONS,
    );
    expect(stage.vans.routes).toEqual([]);
    expect(stage.unfilled).toEqual([
      {
        id: 'box-b',
        kind: 'box',
        plannedParcelsPerDelivery: 2,
        missedParcelsPerDelivery: 2,
        vanDayCount: 5,
        reason: 'no_vehicle',
      },
    ]);
  });
});
