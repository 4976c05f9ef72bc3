import { describe, expect, it } from 'vitest';
import { vanCostPerWeek } from '../../src/carriers';
import { fillByCarriers, vanCostModel } from '../../src/plan/fill-by-carriers';
import { at, lineWorld } from './fixture';

// Box sites: 0 = box-a, 1 = box-b (at the bus's stop at 8 km).
describe('the carrier stage alone', () => {
  it('a van to box-b costs 1610 a week: 5 × (100 + 2 × 16 km + 360 × (1600 s + 300 s) / 3600)', () => {
    const { scenario, places, m } = lineWorld();
    const model = vanCostModel(scenario, places.byId);
    expect(vanCostPerWeek(model, m, [places.sites[1]!])).toBeCloseTo(1610, 9);
  });

  it('the bus takes box-b, which stands at its stop, for 5 × 10 parcels = 50 a week instead', () => {
    const { scenario, places, m } = lineWorld();
    const stage = fillByCarriers(scenario, places, m, [1], [10]);
    expect(stage.assignment.method).toBe('enumeration');
    expect(stage.assignment.choice[0]).toMatchObject({
      route: 0,
      atStop: true,
      afterStop: 1,
      detourS: 0,
      parcelsPerTrip: 2,
      costPerWeek: 50,
      deliveriesPerWeek: 5,
    });
    expect(stage.routes).toHaveLength(1);
    expect(stage.routes[0]).toMatchObject({ routeId: 'bus', boxSiteIds: ['box-b'], costPerWeek: 50 });
    // The box is reached at the stop's own time.
    expect(stage.routes[0]!.stops.map((s) => [s.time, s.boxSiteId ?? null])).toEqual([
      ['09:00', null],
      ['09:20', null],
      ['09:20', 'box-b'],
      ['09:30', null],
    ]);
    expect(stage.warnings.map((w) => w.text)).toEqual([]);
  });

  it('leaves the box to the vans, with the reason, when the bus has too little room', () => {
    const { scenario, places, m } = lineWorld((s) => {
      s.transportRoutes![0]!.spareCapacityParcels = 1;
    });
    const stage = fillByCarriers(scenario, places, m, [1], [10]);
    expect(stage.assignment.choice).toEqual([undefined]);
    expect(stage.assignment.rejections[0]).toEqual([
      { route: 0, code: 'too_little_room', reason: '2.0 parcels a trip exceed its 1 spare places' },
    ]);
    expect(stage.routes).toEqual([]);
  });

  it('refuses a detour longer than allowed: 5 km + 5 km − 8 km = 2 km at 10 m/s is 3.3 min', () => {
    const { scenario, places, m } = lineWorld((s) => {
      s.candidateSites![1]!.location = at(4000, 3000);
      s.transportRoutes![0]!.maxDetourMin = 3;
    });
    const stage = fillByCarriers(scenario, places, m, [1], [10]);
    expect(stage.assignment.choice).toEqual([undefined]);
    expect(stage.assignment.rejections[0]![0]).toMatchObject({
      code: 'detour_too_long',
      reason: 'the detour of 3.3 min exceeds the 3 min allowed',
    });
  });

  it('moves a box to the vans when the boxes’ detours together exceed the limit', () => {
    // Each box alone costs the bus 200 s; together 5 + 6 + 5 − 8 = 8 km, 800 s = 13.3 min > 10.
    const { scenario, places, m } = lineWorld((s) => {
      s.candidateSites![0]!.location = at(4000, 3000);
      s.candidateSites![1]!.location = at(4000, -3000);
    });
    const stage = fillByCarriers(scenario, places, m, [0, 1], [5, 5]);
    expect(stage.assignment.choice[0]).toBeUndefined();
    expect(stage.assignment.choice[1]).toMatchObject({ route: 0, atStop: false, afterStop: 0 });
    expect(stage.assignment.choice[1]!.detourS).toBeCloseTo(200, 9);
    expect(stage.routes.map((r) => r.boxSiteIds)).toEqual([['box-b']]);
    expect(stage.routes[0]!.detourMPerTrip).toBeCloseTo(2000, 6);
    // 1 kg a km × 2 km × 5 trips.
    expect(stage.routes[0]!.co2KgPerWeek).toBeCloseTo(10, 9);
    expect(stage.warnings.map((w) => w.text)).toEqual([
      'route "bus": the boxes\' detours together (13.3 min) exceed 10 min; box "box-a" goes by van instead',
    ]);
  });
});
