import type { CarrierRoute, Kpis, PlanMessage, Scenario, UnservedDemand, VanRoute } from '@paketbygd/model';
import { summarizeAccess, type Access, type AccessShare } from '../access';
import type { DemandPart } from '../assign-demand';
import { computeKpis, NO_SERVICE, type DemandOutcome, type ServiceCosts } from '../evaluate';
import { warn } from './messages';
import type { People } from './today';

export interface KpiInput {
  people: readonly People[];
  /** Each demand point's nearest pickup point today. */
  before: readonly Access[];
  /** Each demand point's nearest pickup point after, whatever its room. */
  nearestAfter: readonly Access[];
  homeDelivered: readonly boolean[];
  /** Where each demand point's parcels are fetched after, and how many go into a box. */
  parts: readonly (readonly DemandPart[])[];
  inBox: readonly number[];
  unserved: readonly UnservedDemand[];
  /** The candidate sites that get a box. */
  opened: readonly Scenario['candidateSites'][number][];
  vanRoutes: readonly VanRoute[];
  carrierRoutes: readonly CarrierRoute[];
}

export interface KpiStage {
  kpis: { before: Kpis; after: Kpis };
  warnings: PlanMessage[];
}

/** The key figures today and with the plan, and a warning when coverage misses the policy's target. */
export function planKpis(scenario: Scenario, input: KpiInput): KpiStage {
  const beforeOutcomes: DemandOutcome[] = scenario.demand.map((d, i) => ({
    ...input.people[i]!,
    parcelsPerWeek: d.parcelsPerWeek,
    fetchDistanceM: input.before[i]!.distanceM,
    homeDelivered: false,
    inBoxParcels: 0,
    unservedParcels: input.before[i]!.pickup < 0 ? d.parcelsPerWeek : 0,
  }));
  const before = computeKpis(
    scenario,
    summarizeAccess(
      input.before.map((access, i) => ({ access, demand: i, share: 1 })),
      input.people,
    ),
    beforeOutcomes,
    NO_SERVICE,
  );
  const after = computeKpis(
    scenario,
    summarizeAccess(afterShares(input), input.people),
    afterOutcomes(scenario, input),
    serviceCosts(scenario, input),
  );
  const target = scenario.policy.targetCoveredShare;
  const warnings =
    target !== undefined && after.access.coveredPopulationShare < target
      ? [warn.coverageShort(after.access.coveredPopulationShare, target)]
      : [];
  return { kpis: { before, after }, warnings };
}

function afterOutcomes(scenario: Scenario, input: KpiInput): DemandOutcome[] {
  const unservedOf = new Map<string, number>();
  for (const u of input.unserved)
    unservedOf.set(u.demandId, (unservedOf.get(u.demandId) ?? 0) + u.parcelsPerWeek);
  return scenario.demand.map((d, i) => ({
    ...input.people[i]!,
    parcelsPerWeek: d.parcelsPerWeek,
    fetchDistanceM: input.homeDelivered[i] ? 0 : meanFetchDistanceM(input.parts[i]!),
    homeDelivered: input.homeDelivered[i]!,
    inBoxParcels: input.inBox[i]!,
    unservedParcels: Math.min(d.parcelsPerWeek, unservedOf.get(d.id) ?? 0),
  }));
}

/** Home delivery brings the parcel to the door: such households count as covered at distance 0. */
function afterShares(input: KpiInput): AccessShare[] {
  return input.parts.flatMap((parts, i) => {
    if (input.homeDelivered[i])
      return [{ demand: i, share: 1, access: { pickup: -1, distanceM: 0, durationS: 0, covered: true } }];
    const total = parts.reduce((s, p) => s + p.parcelsPerWeek, 0);
    if (parts.length === 0 || total <= 0) return [{ demand: i, share: 1, access: input.nearestAfter[i]! }];
    return parts.map((p) => ({ demand: i, share: p.parcelsPerWeek / total, access: p }));
  });
}

function serviceCosts(scenario: Scenario, input: KpiInput): ServiceCosts {
  const lifetime = scenario.policy.boxLifetimeYears;
  const vans = input.vanRoutes;
  const carriers = input.carrierRoutes;
  return {
    boxesInvestmentPerWeek: input.opened.reduce((s, c) => s + c.investmentCost / lifetime / 52, 0),
    boxesYearlyPerWeek: input.opened.reduce((s, c) => s + c.yearlyCost / 52, 0),
    vanCostPerWeek: vans.reduce((s, r) => s + r.cost, 0),
    vanKmPerWeek: vans.reduce((s, r) => s + r.distanceM / 1000, 0),
    vanHoursPerWeek: vans.reduce((s, r) => s + r.durationS / 3600, 0),
    vanCo2KgPerWeek: vans.reduce((s, r) => s + r.co2Kg, 0),
    carrierCostPerWeek: carriers.reduce((s, r) => s + r.costPerWeek, 0),
    carrierDetourKmPerWeek: carriers.reduce((s, r) => s + (r.detourMPerTrip / 1000) * r.days.length, 0),
    carrierDetourHoursPerWeek: carriers.reduce((s, r) => s + (r.detourSPerTrip / 3600) * r.days.length, 0),
    carrierCo2KgPerWeek: carriers.reduce((s, r) => s + r.co2KgPerWeek, 0),
  };
}

/** Mean distance a demand point's households drive to fetch, weighted by the parcels fetched at each place. */
export function meanFetchDistanceM(parts: readonly DemandPart[]): number {
  const total = parts.reduce((s, p) => s + p.parcelsPerWeek, 0);
  if (total <= 0) return Infinity;
  return parts.reduce((s, p) => s + p.distanceM * p.parcelsPerWeek, 0) / total;
}
