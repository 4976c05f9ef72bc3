import { haversineM } from '@paketbygd/model';
import { describe, expect, it } from 'vitest';
import { scenarioToPlacement, type PlacementAccess } from '../src/index';
import { twoVillageScenario as scenario } from '../../../tests/support/scenarios';

/** Straight lines × 1.5 and 50 km/h: the caller's travel model, given to placement. */
const access: PlacementAccess = {
  distances: (from, to) =>
    Float64Array.from(
      { length: from.length * to.length },
      (_, k) => haversineM(from[Math.floor(k / to.length)]!, to[k % to.length]!) * 1.5,
    ),
  accessSpeedKmh: 50,
};

describe('scenario → placement', () => {
  it('weights in people, pickup points fixed and free, cost over the lifetime, capacities in parcels held', async () => {
    const { instance, p, radiusM, notes } = await scenarioToPlacement(scenario(), access);
    expect(instance.siteIds).toEqual(['c1', 'p1']);
    expect(Array.from(instance.fixedOpen)).toEqual([0, 1]);
    expect(Array.from(instance.weights)).toEqual([120, 10 * 2.1]);
    expect(Array.from(instance.siteCostPerYear)).toEqual([50000 / 10 + 2000, 0]);
    expect(Array.from(instance.demandLoad!)).toEqual([(14 / 7) * 2, (7 / 7) * 2]);
    expect(Array.from(instance.siteCapacity!)).toEqual([30, 40]);
    expect(p).toBe(1);
    expect(radiusM).toBe(3000);
    expect(instance.distanceM[0]).toBeCloseTo(haversineM([16, 59], [16.05, 59]) * 1.5, 6);
    expect(instance.distanceM[1]).toBeCloseTo(haversineM([16, 59], [16, 59.05]) * 1.5, 6);
    expect(notes).toEqual([]);
  });

  it('takes a minutes limit at the given speed, and distances as given', async () => {
    const own = await scenarioToPlacement(scenario(undefined, { maxAccessDurationMin: 6 }), access);
    expect(own.radiusM).toBe(5000);
    expect(own.notes.join(' ')).toContain('6 min is taken as 5000 m at 50 km/h');
    const slower = await scenarioToPlacement(scenario(undefined, { maxAccessDurationMin: 6 }), {
      ...access,
      accessSpeedKmh: 30,
    });
    expect(slower.radiusM).toBe(3000);
    const injected = await scenarioToPlacement(scenario(), {
      ...access,
      distances: (from, to) => new Float64Array(from.length * to.length).fill(42),
    });
    expect(Array.from(injected.instance.distanceM)).toEqual([42, 42, 42, 42]);
    expect(injected.notes).toEqual([]);
  });
});
