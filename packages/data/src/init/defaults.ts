import type { Hub, Policy, StatedAssumption, VehicleType } from '@paketbygd/model';
import type { LonLat } from '@paketbygd/model';
import { stated } from '../stated-assumptions';
import type { InitNames } from './names';

/**
 * Defaults for what no public file gives: the carriers' hub, vans, box prices and the policy. Each
 * is written into the scenario as a stated assumption; the values are those of the Vingåker example
 * (examples/vingaker/README.md), which gives the reasons.
 */
export const DEFAULTS = {
  parcelsArriveAt: '06:30',
  box: { compartments: 40, investmentSek: 120_000, yearlySek: 18_000 },
  van: {
    count: 2,
    capacityParcels: 120,
    costPerKm: 2.5,
    costPerHour: 450,
    fixedCostPerDay: 300,
    co2GPerKm: 20,
    shift: { start: '07:00', end: '16:00' },
  },
  policy: {
    maxAccessDistanceM: 5000,
    targetCoveredShare: 0.9,
    maxBoxes: 5,
    budgetPerYear: 250_000,
    deliveriesPerWeek: 5,
    homeDeliveryOutsideCoverage: false,
    useExistingTransports: true,
    boxLifetimeYears: 10,
    dwellTimeDays: 1.5,
  },
} as const;

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri'] as const;

export function defaultHub(townName: string, location: LonLat, names: InitNames): Hub {
  return {
    id: 'hub',
    name: names.hub(townName),
    location,
    parcelsArriveAt: DEFAULTS.parcelsArriveAt,
    days: [...WEEKDAYS],
    note: 'assumption: parcels reach the kommun in its largest place on weekday mornings',
  };
}

export function defaultVehicles(names: InitNames): VehicleType[] {
  const v = DEFAULTS.van;
  return [
    {
      id: 'van',
      name: names.van,
      count: v.count,
      capacityParcels: v.capacityParcels,
      costPerKm: v.costPerKm,
      costPerHour: v.costPerHour,
      fixedCostPerDay: v.fixedCostPerDay,
      co2GPerKm: v.co2GPerKm,
      shift: { ...v.shift },
      startHubId: 'hub',
      endHubId: 'hub',
      note: 'assumption: indicative costs of a 3.5 t electric van with driver',
    },
  ];
}

/** The default policy; at most as many boxes as there are candidate sites (a kommun may have few). */
export function defaultPolicy(candidateCount: number): Policy {
  return { ...DEFAULTS.policy, maxBoxes: Math.min(DEFAULTS.policy.maxBoxes, candidateCount) };
}

export function defaultAssumptions(townName: string, candidateCount: number): StatedAssumption[] {
  const b = DEFAULTS.box;
  return [
    stated.hub(townName, DEFAULTS.parcelsArriveAt),
    stated.vehicles(DEFAULTS.van),
    stated.boxCosts(b.compartments, b.investmentSek, b.yearlySek),
    stated.policy({ ...DEFAULTS.policy, candidateCount }),
    stated.travelStraightLine(),
    stated.noTransports(),
  ];
}
