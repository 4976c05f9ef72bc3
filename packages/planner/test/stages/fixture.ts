import { Scenario, type ScenarioInput } from '@paketbygd/model';
import type { SquareMatrix } from '../../src/matrix';
import { indexPlaces, type PlaceIndex } from '../../src/places';

/**
 * A small world on a plane whose answers can be worked out by hand: a position [x, y] in metres
 * is the location [17 + x / 1e5, 66 + y / 1e5], distances are straight lines in those metres, and
 * everything moves at 10 m/s (36 km/h).
 */
export const SPEED_MPS = 10;

export function at(xM: number, yM = 0): [number, number] {
  return [17 + xM / 1e5, 66 + yM / 1e5];
}

export function matrixOf(places: PlaceIndex): SquareMatrix {
  const size = places.points.length;
  const distancesM = new Float64Array(size * size);
  const durationsS = new Float64Array(size * size);
  const metres = places.points.map(([lon, lat]) => [(lon - 17) * 1e5, (lat - 66) * 1e5] as const);
  for (let i = 0; i < size; i++) {
    for (let j = 0; j < size; j++) {
      const d = Math.hypot(metres[i]![0] - metres[j]![0], metres[i]![1] - metres[j]![1]);
      distancesM[i * size + j] = d;
      durationsS[i * size + j] = d / SPEED_MPS;
    }
  }
  return { size, distancesM, durationsS };
}

const WEEKDAYS5 = ['mon', 'tue', 'wed', 'thu', 'fri'] as const;

/**
 * The hub at 0 m; a shop (today's pickup point) at 10 km; households at 1 km (10 parcels a week,
 * 100 people) and at 9 km (20 parcels, 50 people); box sites at 1 km and 8 km with 3 compartments
 * (3 × 7 / 1.5 = 14 parcels a week); one van (fixed 100 a day, 2 a km, 360 an hour, from 08:00);
 * a bus from the hub past a stop at 8 km to 12 km on weekdays, 5 a parcel, 1 kg CO2 a km.
 */
export function lineScenario(change: (s: ScenarioInput) => void = () => {}): Scenario {
  const s: ScenarioInput = {
    kind: 'scenario',
    name: 'line',
    area: {
      type: 'Polygon',
      coordinates: [[at(-5000, -5000), at(20000, -5000), at(20000, 5000), at(-5000, 5000), at(-5000, -5000)]],
    },
    currency: 'SEK',
    demand: [
      { id: 'd1', location: at(1000), population: 100, parcelsPerWeek: 10 },
      { id: 'd9', location: at(9000), population: 50, parcelsPerWeek: 20 },
    ],
    pickupPoints: [{ id: 'shop', location: at(10000), kind: 'parcel_agent' }],
    candidateSites: [
      {
        id: 'box-a',
        location: at(1000),
        host: 'shop',
        compartments: 3,
        investmentCost: 52000,
        yearlyCost: 5200,
      },
      {
        id: 'box-b',
        location: at(8000),
        host: 'shop',
        compartments: 3,
        investmentCost: 52000,
        yearlyCost: 5200,
      },
    ],
    hubs: [{ id: 'hub', location: at(0), parcelsArriveAt: '08:00', days: [...WEEKDAYS5] }],
    vehicles: [
      {
        id: 'van',
        count: 1,
        capacityParcels: 100,
        costPerKm: 2,
        costPerHour: 360,
        fixedCostPerDay: 100,
        co2GPerKm: 200,
        shift: { start: '08:00', end: '17:00' },
        startHubId: 'hub',
      },
    ],
    transportRoutes: [
      {
        id: 'bus',
        kind: 'bus_line',
        stops: [
          { at: 'hub', time: '09:00' },
          { location: at(8000), time: '09:20' },
          { location: at(12000), time: '09:30' },
        ],
        days: [...WEEKDAYS5],
        loadingHubId: 'hub',
        spareCapacityParcels: 10,
        maxDetourMin: 10,
        pricePerParcel: 5,
        co2GPerKm: 1000,
      },
    ],
    policy: { maxAccessDistanceM: 2000, deliveriesPerWeek: 5 },
  } as ScenarioInput;
  change(s);
  return Scenario.parse(s);
}

export function lineWorld(change?: (s: ScenarioInput) => void) {
  const scenario = lineScenario(change);
  const places = indexPlaces(scenario);
  return { scenario, places, m: matrixOf(places) };
}
