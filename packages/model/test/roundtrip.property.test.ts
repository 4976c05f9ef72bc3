import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validate, type LonLat, type ScenarioInput } from '../src';

// Generated scenarios live in a box around Vingåker, so that the area check holds by construction.
const AREA: [number, number, number, number] = [15.6, 58.9, 16.2, 59.2];
const lonLat = fc
  .tuple(
    fc.double({ min: AREA[0], max: AREA[2], noNaN: true, noDefaultInfinity: true }),
    fc.double({ min: AREA[1], max: AREA[3], noNaN: true, noDefaultInfinity: true }),
  )
  .map((p): LonLat => p);
const amount = fc
  .double({ min: 0, max: 1e6, noNaN: true, noDefaultInfinity: true })
  .map((x) => (Object.is(x, -0) ? 0 : x));
const clock = fc.tuple(fc.integer({ min: 0, max: 11 }), fc.integer({ min: 0, max: 59 }));
const hhmm = ([h, m]: [number, number]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
const name = fc.string({ maxLength: 20 });

const scenario: fc.Arbitrary<ScenarioInput> = fc
  .record({
    name: fc.string({ minLength: 1, maxLength: 30 }),
    demand: fc.array(
      fc.record({
        location: lonLat,
        population: amount,
        households: fc.option(amount, { nil: undefined }),
        parcelsPerWeek: amount,
        name: fc.option(name, { nil: undefined }),
      }),
      { minLength: 1, maxLength: 8 },
    ),
    sites: fc.array(
      fc.record({
        location: lonLat,
        host: fc.constantFrom('library', 'school', 'community_hall', 'bus_stop' as const),
        compartments: fc.integer({ min: 1, max: 60 }),
        investmentCost: amount,
        yearlyCost: amount,
      }),
      { maxLength: 6 },
    ),
    hub: lonLat,
    shiftStart: clock,
    vehicleCount: fc.integer({ min: 1, max: 5 }),
    routeStops: fc.array(lonLat, { minLength: 1, maxLength: 4 }),
    access: fc.oneof(
      fc.record({ maxAccessDistanceM: fc.double({ min: 1, max: 50_000, noNaN: true }) }),
      fc.record({ maxAccessDurationMin: fc.double({ min: 1, max: 120, noNaN: true }) }),
    ),
    deliveriesPerWeek: fc.integer({ min: 1, max: 7 }),
    homeDelivery: fc.boolean(),
  })
  .map((g) => ({
    kind: 'scenario' as const,
    name: g.name,
    area: {
      type: 'Polygon' as const,
      coordinates: [
        [
          [AREA[0], AREA[1]],
          [AREA[2], AREA[1]],
          [AREA[2], AREA[3]],
          [AREA[0], AREA[3]],
          [AREA[0], AREA[1]],
        ] as LonLat[],
      ],
    },
    currency: 'SEK',
    demand: g.demand.map((d, i) => ({ id: `d${i}`, ...d })),
    candidateSites: g.sites.map((s, i) => ({ id: `s${i}`, ...s })),
    hubs: [{ id: 'hub', location: g.hub, parcelsArriveAt: hhmm(g.shiftStart) }],
    vehicles: [
      {
        id: 'van',
        count: g.vehicleCount,
        capacityParcels: 100,
        costPerKm: 3,
        costPerHour: 400,
        co2GPerKm: 150,
        shift: { start: hhmm(g.shiftStart), end: '18:00' },
        startHubId: 'hub',
      },
    ],
    transportRoutes: [
      {
        id: 'r',
        kind: 'bus_line' as const,
        stops: [
          { at: 'hub', time: '12:00' },
          ...g.routeStops.map((location, i) => ({ location, time: `${12 + i}:30` })),
        ],
        days: ['mon' as const],
        spareCapacityParcels: 10,
        maxDetourMin: 5,
      },
    ],
    policy: {
      ...g.access,
      deliveriesPerWeek: g.deliveriesPerWeek,
      homeDeliveryOutsideCoverage: g.homeDelivery,
    },
  }));

describe('scenario JSON round trip', () => {
  it('a valid scenario survives JSON.stringify → JSON.parse → validate unchanged', () => {
    fc.assert(
      fc.property(scenario, (input) => {
        const first = validate('scenario', input);
        if (!first.ok) throw new Error(JSON.stringify(first.problems));
        const again = validate('scenario', JSON.parse(JSON.stringify(first.value)));
        expect(again.ok).toBe(true);
        expect(again.ok && again.value).toEqual(first.value);
      }),
      { numRuns: 200 },
    );
  });
});
