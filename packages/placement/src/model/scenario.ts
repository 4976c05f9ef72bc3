import type { LonLat, Scenario } from '@paketbygd/model';
import type { PlacementInstance } from '../types';

/**
 * Access distances in metres from each origin to each destination, row-major
 * (`out[i * to.length + j]`). The planner passes the travel package's matrix here.
 */
export type DistanceSource = (
  from: readonly LonLat[],
  to: readonly LonLat[],
) => Float64Array | Promise<Float64Array>;

/**
 * How access is measured, given by the caller: speeds and the detour factor live in the travel
 * package, so placement has none of its own.
 */
export interface PlacementAccess {
  distances: DistanceSource;
  /** Speed that turns an access limit in minutes into metres (distances are all placement knows). */
  accessSpeedKmh: number;
}

export interface ScenarioPlacement {
  instance: PlacementInstance;
  /** From the policy: boxes, budget and access limit in metres. */
  p?: number;
  budgetPerYear?: number;
  radiusM: number;
  /** How the distances and limits were obtained, for the output. */
  notes: string[];
}

/**
 * Scenario → placement instance. Weights are people (population, else households × people per
 * household); sites are the candidate sites, then the existing pickup points (always open, free).
 * A box costs its investment over its lifetime plus its yearly cost. Capacity: a demand point
 * keeps parcelsPerWeek / 7 × dwellTimeDays parcels in a box at once; a box holds one per
 * compartment; a pickup point holds capacityParcelsPerDay × dwellTimeDays (unlimited if unknown).
 */
export async function scenarioToPlacement(
  scenario: Scenario,
  access: PlacementAccess,
): Promise<ScenarioPlacement> {
  const notes: string[] = [];
  const { policy, assumptions } = scenario;
  const demand = scenario.demand;
  const sites = [
    ...scenario.candidateSites.map((s) => ({ id: s.id, location: s.location })),
    ...scenario.pickupPoints.map((s) => ({ id: s.id, location: s.location })),
  ];
  const nCandidates = scenario.candidateSites.length;
  const distanceM = await access.distances(
    demand.map((d) => d.location),
    sites.map((s) => s.location),
  );
  const weights = Float64Array.from(
    demand,
    (d) => d.population ?? (d.households ?? 0) * assumptions.peoplePerHousehold,
  );
  const fixedOpen = new Uint8Array(sites.length);
  fixedOpen.fill(1, nCandidates);
  const siteCostPerYear = new Float64Array(sites.length);
  scenario.candidateSites.forEach((s, j) => {
    siteCostPerYear[j] = s.investmentCost / policy.boxLifetimeYears + s.yearlyCost;
  });
  const demandLoad = Float64Array.from(demand, (d) => (d.parcelsPerWeek / 7) * policy.dwellTimeDays);
  const siteCapacity = new Float64Array(sites.length);
  scenario.candidateSites.forEach((s, j) => {
    siteCapacity[j] = s.compartments;
  });
  scenario.pickupPoints.forEach((s, k) => {
    siteCapacity[nCandidates + k] =
      s.capacityParcelsPerDay === undefined ? Infinity : s.capacityParcelsPerDay * policy.dwellTimeDays;
  });
  let radiusM = policy.maxAccessDistanceM ?? 0;
  if (policy.maxAccessDistanceM === undefined && policy.maxAccessDurationMin !== undefined) {
    radiusM = (policy.maxAccessDurationMin * access.accessSpeedKmh * 1000) / 60;
    notes.push(
      `the access limit of ${policy.maxAccessDurationMin} min is taken as ${Math.round(radiusM)} m at ${access.accessSpeedKmh} km/h`,
    );
  }
  return {
    instance: {
      demandIds: demand.map((d) => d.id),
      weights,
      siteIds: sites.map((s) => s.id),
      fixedOpen,
      siteCostPerYear,
      distanceM,
      demandLoad,
      siteCapacity,
    },
    p: policy.maxBoxes,
    budgetPerYear: policy.budgetPerYear,
    radiusM,
    notes,
  };
}
