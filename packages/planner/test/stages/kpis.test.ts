import { describe, expect, it } from 'vitest';
import type { VanRoute } from '@paketbygd/model';
import type { Access } from '../../src/access';
import { planKpis, type KpiInput } from '../../src/plan/kpis';
import { lineScenario } from './fixture';

const access = (pickup: number, distanceM: number, covered: boolean): Access => ({
  pickup,
  distanceM,
  durationS: distanceM / 10,
  covered,
});

/** One van day: 16 km, 1900 s, 322, 3.2 kg CO2. */
const vanDay = (day: VanRoute['day']): VanRoute => ({
  vehicleId: 'van',
  day,
  stops: [],
  distanceM: 16000,
  durationS: 1900,
  cost: 322,
  co2Kg: 3.2,
  geometry: { type: 'LineString', coordinates: [] },
});

/**
 * Today d1 (100 people, 10 parcels) drives 9 km to the shop, not covered (limit 2 km); d9 (50
 * people, 20 parcels) drives 1 km, covered. After, d1 fetches in box-a at its door (0 m); box-a is
 * filled by a van on five days.
 */
function input(): KpiInput {
  const scenario = lineScenario();
  return {
    people: [
      { population: 100, households: 40 },
      { population: 50, households: 20 },
    ],
    before: [access(2, 9000, false), access(2, 1000, true)],
    nearestAfter: [access(3, 0, true), access(2, 1000, true)],
    homeDelivered: [false, false],
    parts: [
      [{ ...access(3, 0, true), parcelsPerWeek: 10, box: 0 }],
      [{ ...access(2, 1000, true), parcelsPerWeek: 20, box: -1 }],
    ],
    inBox: [10, 0],
    unserved: [],
    opened: [scenario.candidateSites[0]!],
    vanRoutes: (['mon', 'tue', 'wed', 'thu', 'fri'] as const).map(vanDay),
    carrierRoutes: [],
  };
}

describe('the KPI stage alone', () => {
  it('counts coverage in people: 50 of 150 today, all 150 with the box', () => {
    const { kpis } = planKpis(lineScenario(), input());
    expect(kpis.before.access.coveredPopulationShare).toBeCloseTo(1 / 3, 12);
    expect(kpis.after.access.coveredPopulationShare).toBe(1);
    // Mean distance by people: (100 × 9000 + 50 × 1000) / 150 before, (100 × 0 + 50 × 1000) / 150 after.
    expect(kpis.before.access.meanAccessDistanceM).toBeCloseTo(950000 / 150, 9);
    expect(kpis.after.access.meanAccessDistanceM).toBeCloseTo(50000 / 150, 9);
  });

  it('costs 1810 a week: box 52 000 / 10 years / 52 = 100, yearly 5200 / 52 = 100, vans 5 × 322', () => {
    const { kpis } = planKpis(lineScenario(), input());
    expect(kpis.after.costPerWeek.boxesInvestment).toBeCloseTo(100, 9);
    expect(kpis.after.costPerWeek.boxesYearly).toBeCloseTo(100, 9);
    expect(kpis.after.costPerWeek.vans).toBeCloseTo(1610, 9);
    expect(kpis.after.costPerWeek.total).toBeCloseTo(1810, 9);
    // Over the 10 parcels that go into the box.
    expect(kpis.after.costPerParcel).toBeCloseTo(181, 9);
    expect(kpis.after.vehicleKmPerWeek).toBeCloseTo(80, 9);
    expect(kpis.before.costPerWeek.total).toBe(0);
  });

  it('counts household car trips: parcels / 1.5 a trip × 2 ways × 80 % by car', () => {
    const { kpis } = planKpis(lineScenario(), input());
    // Before: 10 / 1.5 × 2 × 9 km × 0.8 + 20 / 1.5 × 2 × 1 km × 0.8 = 96 + 21.33 km.
    expect(kpis.before.householdTripKmPerWeek).toBeCloseTo(96 + 64 / 3, 9);
    // After: d1 fetches at 0 m, d9 as before.
    expect(kpis.after.householdTripKmPerWeek).toBeCloseTo(64 / 3, 9);
    // 120 g a km.
    expect(kpis.after.co2KgPerWeek.householdTrips).toBeCloseTo(((64 / 3) * 120) / 1000, 9);
    expect(kpis.after.co2KgPerWeek.vans).toBeCloseTo(16, 9);
  });

  it('warns when coverage misses the policy’s target, and only then', () => {
    const withBox = input();
    const short = {
      ...withBox,
      parts: [[{ ...access(2, 9000, false), parcelsPerWeek: 10, box: -1 }], withBox.parts[1]!],
    };
    const target = lineScenario((s) => {
      s.policy!.targetCoveredShare = 0.9;
    });
    expect(planKpis(target, short).warnings.map((w) => w.text)).toEqual([
      'coverage after is 33.3 % of the population, short of the target 90 %',
    ]);
    expect(planKpis(target, short).warnings[0]).toMatchObject({
      code: 'coverage_short',
      params: { coveredShare: 1 / 3, targetShare: 0.9 },
    });
    expect(planKpis(target, input()).warnings).toEqual([]);
  });
});
