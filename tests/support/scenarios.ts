import { Scenario, type LonLat } from '@paketbygd/model';

/** A scenario's area for a test: the rectangle between its south-west and north-east corners. */
export function rectangleArea([west, south]: LonLat, [east, north]: LonLat) {
  return {
    type: 'Polygon' as const,
    coordinates: [
      [
        [west, south],
        [east, south],
        [east, north],
        [west, north],
        [west, south],
      ] as LonLat[],
    ],
  };
}

/**
 * Two villages east of Vingåker, one candidate site between them and a parcel agent: small enough
 * to check a placement instance by hand. `travel` and `policy` fields replace the defaults.
 */
export function twoVillageScenario(
  travel?: Record<string, unknown>,
  policy: Record<string, unknown> = { maxAccessDistanceM: 3000 },
): Scenario {
  return Scenario.parse({
    kind: 'scenario',
    name: 't',
    area: rectangleArea([15, 58], [17, 60]),
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
}
