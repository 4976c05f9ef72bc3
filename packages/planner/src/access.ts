import type { AccessSummary, Policy, Scenario } from '@paketbygd/model';
import { distanceM, durationS, type SquareMatrix } from './matrix';

export interface Access {
  /** Point index of the nearest pickup, or -1 when none is reachable. */
  pickup: number;
  distanceM: number;
  durationS: number;
  covered: boolean;
}

/** People and households of a demand point, whichever the scenario gave, the other derived. */
export function peopleOf(
  d: Scenario['demand'][number],
  peoplePerHousehold: number,
): { population: number; households: number } {
  const population = d.population ?? (d.households ?? 0) * peoplePerHousehold;
  const households = d.households ?? population / peoplePerHousehold;
  return { population, households };
}

export function withinLimit(policy: Policy, distance: number, duration: number): boolean {
  if (policy.maxAccessDistanceM !== undefined) return distance <= policy.maxAccessDistanceM;
  return duration <= (policy.maxAccessDurationMin ?? Infinity) * 60;
}

/** Nearest pickup by distance (or by time when the policy limits time) among `pickups`, for one origin. */
export function nearestPickup(
  m: SquareMatrix,
  policy: Policy,
  origin: number,
  pickups: readonly number[],
): Access {
  const byTime = policy.maxAccessDistanceM === undefined;
  let best = -1;
  let bestKey = Infinity;
  for (const p of pickups) {
    const key = byTime ? durationS(m, origin, p) : distanceM(m, origin, p);
    if (key < bestKey) {
      bestKey = key;
      best = p;
    }
  }
  if (best < 0 || !Number.isFinite(bestKey))
    return { pickup: -1, distanceM: Infinity, durationS: Infinity, covered: false };
  const d = distanceM(m, origin, best);
  const t = durationS(m, origin, best);
  return { pickup: best, distanceM: d, durationS: t, covered: withinLimit(policy, d, t) };
}

/** Weighted p-quantile (weights need not sum to 1); Infinity values count as unreachable. */
export function weightedQuantile(values: readonly number[], weights: readonly number[], q: number): number {
  const order = values.map((_, i) => i).sort((a, b) => values[a]! - values[b]!);
  const total = weights.reduce((s, w) => s + w, 0);
  if (total <= 0) return 0;
  let cumulative = 0;
  for (const i of order) {
    cumulative += weights[i]!;
    if (cumulative >= q * total - 1e-9) return values[i]!;
  }
  return values[order[order.length - 1]!]!;
}

/** An access figure for a share (0..1) of one demand point's people. */
export interface AccessShare {
  access: Access;
  demand: number;
  share: number;
}

export function summarizeAccess(
  shares: readonly AccessShare[],
  people: readonly { population: number; households: number }[],
): AccessSummary {
  const totalPopulation = people.reduce((s, p) => s + p.population, 0);
  const totalHouseholds = people.reduce((s, p) => s + p.households, 0);
  let coveredPopulation = 0;
  let coveredHouseholds = 0;
  let distanceSum = 0;
  let durationSum = 0;
  let reachablePopulation = 0;
  const distances: number[] = [];
  const weights: number[] = [];
  for (const { access, demand, share } of shares) {
    const population = people[demand]!.population * share;
    if (access.covered) {
      coveredPopulation += population;
      coveredHouseholds += people[demand]!.households * share;
    }
    // People with no reachable pickup point count as not covered; a mean distance has no room for them.
    if (!Number.isFinite(access.distanceM)) continue;
    reachablePopulation += population;
    distanceSum += access.distanceM * population;
    durationSum += access.durationS * population;
    distances.push(access.distanceM);
    weights.push(population);
  }
  return {
    coveredPopulationShare: totalPopulation > 0 ? coveredPopulation / totalPopulation : 0,
    coveredHouseholdShare: totalHouseholds > 0 ? coveredHouseholds / totalHouseholds : 0,
    meanAccessDistanceM: reachablePopulation > 0 ? distanceSum / reachablePopulation : 0,
    p90AccessDistanceM: distances.length > 0 ? weightedQuantile(distances, weights, 0.9) : 0,
    meanAccessDurationS: reachablePopulation > 0 ? durationSum / reachablePopulation : 0,
  };
}
