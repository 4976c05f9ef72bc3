import { haversineM, Scenario } from '@paketbygd/model';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DETOUR_FACTOR, scenarioToPlacement } from '../src/index';

const scenario = (
  travel?: Record<string, unknown>,
  policy: Record<string, unknown> = { maxAccessDistanceM: 3000 },
) =>
  Scenario.parse({
    kind: 'scenario',
    name: 't',
    area: {
      type: 'Polygon',
      coordinates: [
        [
          [15, 58],
          [17, 58],
          [17, 60],
          [15, 60],
          [15, 58],
        ],
      ],
    },
    currency: 'SEK',
    demand: [
      { id: 'a', location: [16, 59], population: 120, parcelsPerWeek: 14 },
      { id: 'b', location: [16.1, 59], households: 10, parcelsPerWeek: 7 },
    ],
    candidateSites: [
      {
        id: 'c1',
        location: [16.05, 59],
        host: 'shop',
        compartments: 30,
        investmentCost: 50000,
        yearlyCost: 2000,
      },
    ],
    pickupPoints: [{ id: 'p1', location: [16, 59.05], capacityParcelsPerDay: 20 }],
    policy: { deliveriesPerWeek: 5, maxBoxes: 1, dwellTimeDays: 2, ...policy },
    ...(travel ? { travel } : {}),
  });

describe('scenario → placement', () => {
  it('weights in people, pickup points fixed and free, cost over the lifetime, capacities in parcels held', async () => {
    const { instance, p, radiusM, notes } = await scenarioToPlacement(scenario());
    expect(instance.siteIds).toEqual(['c1', 'p1']);
    expect(Array.from(instance.fixedOpen)).toEqual([0, 1]);
    expect(Array.from(instance.weights)).toEqual([120, 10 * 2.1]);
    expect(Array.from(instance.siteCostPerYear)).toEqual([50000 / 10 + 2000, 0]);
    expect(Array.from(instance.demandLoad!)).toEqual([(14 / 7) * 2, (7 / 7) * 2]);
    expect(Array.from(instance.siteCapacity!)).toEqual([30, 40]);
    expect(p).toBe(1);
    expect(radiusM).toBe(3000);
    expect(instance.distanceM[0]).toBeCloseTo(haversineM([16, 59], [16.05, 59]) * DEFAULT_DETOUR_FACTOR, 6);
    expect(notes[0]).toContain(`straight lines × ${DEFAULT_DETOUR_FACTOR} (default detour factor)`);
  });

  it("uses the scenario's detour factor, a minutes limit at the stated speed, and an injected matrix", async () => {
    const own = await scenarioToPlacement(
      scenario({ backend: 'straightline', detourFactor: 1.5 }, { maxAccessDurationMin: 6 }),
    );
    expect(own.instance.distanceM[1]).toBeCloseTo(haversineM([16, 59], [16, 59.05]) * 1.5, 6);
    expect(own.radiusM).toBe(5000);
    expect(own.notes.join(' ')).toContain('6 min is taken as 5000 m at 50 km/h');
    const injected = await scenarioToPlacement(scenario(), (from, to) =>
      new Float64Array(from.length * to.length).fill(42),
    );
    expect(Array.from(injected.instance.distanceM)).toEqual([42, 42, 42, 42]);
    expect(injected.notes).toEqual([]);
  });
});
