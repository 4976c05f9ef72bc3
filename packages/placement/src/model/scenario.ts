import { haversineM, ROAD_DETOUR_FACTOR, type LonLat, type Scenario } from '@paketbygd/model';
import type { PlacementInstance } from '../types';

/**
 * Access distances in metres from each origin to each destination, row-major
 * (`out[i * to.length + j]`). The planner passes the travel package's road matrix here.
 */
export type DistanceSource = (
  from: readonly LonLat[],
  to: readonly LonLat[],
) => Float64Array | Promise<Float64Array>;

/** Roads are this much longer than the straight line (measured on rural extracts) when the scenario does not say. */
export const DEFAULT_DETOUR_FACTOR = ROAD_DETOUR_FACTOR;
/** Speed that turns an access limit in minutes into metres when only distances are known. */
export const DEFAULT_ACCESS_SPEED_KMH = 50;

/** Straight-line (haversine) distance × detour factor: the fallback when no road matrix is given. */
export function straightLineDistances(detourFactor = DEFAULT_DETOUR_FACTOR): DistanceSource {
  return (from, to) => {
    const out = new Float64Array(from.length * to.length);
    for (let i = 0; i < from.length; i++) {
      for (let j = 0; j < to.length; j++)
        out[i * to.length + j] = haversineM(from[i]!, to[j]!) * detourFactor;
    }
    return out;
  };
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
  distances?: DistanceSource,
): Promise<ScenarioPlacement> {
  const notes: string[] = [];
  const { policy, assumptions } = scenario;
  let source = distances;
  if (!source) {
    const factor = scenario.travel.detourFactor ?? DEFAULT_DETOUR_FACTOR;
    source = straightLineDistances(factor);
    notes.push(
      `access distances are straight lines × ${factor} (${scenario.travel.detourFactor === undefined ? 'default' : "the scenario's"} detour factor), not road distances`,
    );
  }
  const demand = scenario.demand;
  const sites = [
    ...scenario.candidateSites.map((s) => ({ id: s.id, location: s.location })),
    ...scenario.pickupPoints.map((s) => ({ id: s.id, location: s.location })),
  ];
  const nCandidates = scenario.candidateSites.length;
  const distanceM = await source(
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
    radiusM = (policy.maxAccessDurationMin * DEFAULT_ACCESS_SPEED_KMH * 1000) / 60;
    notes.push(
      `the access limit of ${policy.maxAccessDurationMin} min is taken as ${Math.round(radiusM)} m at ${DEFAULT_ACCESS_SPEED_KMH} km/h`,
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
