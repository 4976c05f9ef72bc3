import {
  Plan as PlanSchema,
  ValidationError,
  type DemandAccess,
  type LonLat,
  type OpenedBox,
  type Plan,
  type Scenario,
  type UnservedDemand,
  type Weekday,
} from '@paketbygd/model';
import { scenarioToPlacement, solvePlacement, type PlacementResult } from '@paketbygd/placement';
import { createTravelCosts, type TravelCosts } from '@paketbygd/travel';
import { nearestPickup, peopleOf, summarizeAccess, type Access, type AccessShare } from './access';
import { analyseAccessOnMatrix, boxAccessPoint, todaysAccessPoints } from './access-scenario';
import { assignDemand, mainPart, type DemandPart } from './assign-demand';
import { buildCarrierRoutes } from './carrier-routes';
import { assignCarriers, departsBeforeParcels, type BoxDemand, type VanCostModel } from './carriers';
import { deliveryDays } from './delivery-days';
import { computeKpis, NO_SERVICE, type DemandOutcome } from './evaluate';
import { distanceM, type SquareMatrix } from './matrix';
import { indexPlaces } from './places';
import { planVans, type VanStopDemand } from './vans';
import { planVansByDays, timetableAssumptions, timetableFilling, transportsNotUsed } from './timetable-plan';

export type PlanStep = 'travel' | 'before' | 'placement' | 'carriers' | 'vans' | 'evaluate';

export interface PlanProgress {
  step: PlanStep;
  /** 0..100 over the whole plan. */
  percent: number;
  message: string;
}

export interface PlanOptions {
  /** Travel costs to use instead of the scenario's `travel` settings (tests, a shared cache). */
  travel?: TravelCosts;
  /** Seconds for the whole plan; placement and van routing share it. */
  timeLimitS?: number;
  seed?: number;
  onProgress?: (p: PlanProgress) => void;
  now?: Date;
  /** Open exactly these candidate sites instead of choosing (a bid's boxes). */
  openSiteIds?: readonly string[];
}

const STEP_PERCENT: Record<PlanStep, number> = {
  travel: 5,
  before: 20,
  placement: 25,
  carriers: 55,
  vans: 65,
  evaluate: 95,
};

/** Scenario → plan: travel, today's access, box placement, carriers, vans, KPIs. */
export async function plan(scenario: Scenario, options: PlanOptions = {}): Promise<Plan> {
  const timeLimitS = options.timeLimitS ?? 30;
  const seed = options.seed ?? 1;
  const timings: Record<string, number> = {};
  const warnings: string[] = [];
  const assumptions: string[] = [];
  let stepStarted = performance.now();
  const step = (name: PlanStep, message: string) => {
    options.onProgress?.({ step: name, percent: STEP_PERCENT[name], message });
  };
  const done = (name: PlanStep) => {
    timings[name] = (performance.now() - stepStarted) / 1000;
    stepStarted = performance.now();
  };
  const { policy } = scenario;
  const places = indexPlaces(scenario);

  // 1. Travel: one matrix over every point.
  step('travel', `travel matrix over ${places.points.length} points (${scenario.travel.backend})`);
  const travel = options.travel ?? createTravelCosts(scenario.travel);
  const raw = await travel.matrix(places.points);
  const m: SquareMatrix = {
    size: places.points.length,
    durationsS: raw.durationsS,
    distancesM: raw.distancesM,
  };
  for (const w of raw.warnings)
    warnings.push(`travel: point ${describePoint(scenario, places.byId, w.pointIndex)}: ${w.message}`);
  done('travel');

  // 2. Before: today's access to the existing pickup points.
  step('before', "today's access to the existing pickup points");
  const people = scenario.demand.map((d) => peopleOf(d, scenario.assumptions.peoplePerHousehold));
  const before = places.demand.map((p) => nearestPickup(m, policy, p, places.pickupPoints));
  const cutOff = before.filter((a) => a.pickup < 0).length;
  if (cutOff > 0) {
    warnings.push(
      `${cutOff} demand point${cutOff === 1 ? ' reaches' : 's reach'} no existing pickup point today; access means and p90 are over the people who reach one`,
    );
  }
  done('before');

  // 3. Placement.
  step('placement', 'choosing box sites');
  let placementResult: PlacementResult | undefined;
  let openedSites: number[] = [];
  const placementTimeS = Math.max(1, timeLimitS * 0.4);
  if (options.openSiteIds) {
    const wanted = new Set(options.openSiteIds);
    openedSites = scenario.candidateSites.flatMap((c, j) => (wanted.has(c.id) ? [j] : []));
    const missing = [...wanted].filter((id) => !scenario.candidateSites.some((c) => c.id === id));
    if (missing.length > 0) throw new Error(`sites to open are not candidate sites: ${missing.join(', ')}`);
  } else if (scenario.candidateSites.length === 0) {
    warnings.push('the scenario has no candidate sites: no box can be placed, the plan shows today only');
  } else if (policy.maxBoxes === 0) {
    warnings.push('policy.maxBoxes is 0: no box is placed');
  } else {
    const pointOfSite = [...places.sites, ...places.pickupPoints];
    const prepared = await scenarioToPlacement(scenario, () => {
      const out = new Float64Array(places.demand.length * pointOfSite.length);
      places.demand.forEach((d, i) =>
        pointOfSite.forEach((s, j) => {
          out[i * pointOfSite.length + j] = distanceM(m, d, s);
        }),
      );
      return out;
    });
    assumptions.push(...prepared.notes);
    let p = prepared.p;
    if (p === undefined && prepared.budgetPerYear === undefined) {
      p = scenario.candidateSites.length;
      assumptions.push(
        'the policy sets neither maxBoxes nor budgetPerYear: any candidate site may get a box',
      );
    }
    try {
      placementResult = await solvePlacement(prepared.instance, {
        model: 'capacity',
        radiusM: prepared.radiusM,
        ...(p !== undefined ? { p } : {}),
        ...(prepared.budgetPerYear !== undefined ? { budgetPerYear: prepared.budgetPerYear } : {}),
        timeLimitS: placementTimeS,
        seed,
      });
    } catch (error) {
      if (error instanceof ValidationError) {
        // The placement problem is made from the policy: name the policy field the user can change.
        const field: Record<string, string> = {
          p: 'policy.maxBoxes',
          budgetPerYear: 'policy.budgetPerYear',
          radiusM: 'policy.maxAccessDistanceM',
        };
        throw new ValidationError(
          'scenario',
          error.problems.map((problem) => ({ ...problem, path: field[problem.path] ?? problem.path })),
        );
      }
      throw error;
    }
    openedSites = placementResult.openSites.filter((j) => j < scenario.candidateSites.length);
    if (placementResult.status === 'infeasible')
      warnings.push(`placement: ${placementResult.notes.join('; ')}`);
  }
  done('placement');

  // Demand → pickup points after: the new boxes within their capacity, then the existing points.
  const boxPoints = openedSites.map((j) => places.sites[j]!);
  const pickupsAfter = [...places.pickupPoints, ...boxPoints];
  const nearestAfter = places.demand.map((p) => nearestPickup(m, policy, p, pickupsAfter));
  const homeDelivered = scenario.demand.map(
    (_, i) => policy.homeDeliveryOutsideCoverage && !nearestAfter[i]!.covered,
  );
  const boxCapacityPerWeek = openedSites.map(
    (j) => (scenario.candidateSites[j]!.compartments * 7) / policy.dwellTimeDays,
  );
  const assigned = assignDemand(
    m,
    policy,
    places.demand,
    scenario.demand.map((d) => d.parcelsPerWeek),
    places.pickupPoints,
    boxPoints,
    boxCapacityPerWeek,
    homeDelivered,
  );
  const boxLoad = assigned.boxLoad;
  const inBox = assigned.parts.map((parts) =>
    parts.reduce((s, p) => s + (p.box >= 0 ? p.parcelsPerWeek : 0), 0),
  );
  const unserved: UnservedDemand[] = [];
  const overflowing: string[] = [];
  scenario.demand.forEach((d, i) => {
    if (assigned.unreachable[i]! > 0) {
      unserved.push({ demandId: d.id, parcelsPerWeek: assigned.unreachable[i]!, reason: 'unreachable' });
    }
    const overflow = assigned.parts[i]!.find((p) => p.box < 0);
    if (overflow && boxPoints.includes(nearestAfter[i]!.pickup) && !homeDelivered[i]) {
      overflowing.push(
        `${d.name ?? d.id} (${overflow.parcelsPerWeek.toFixed(0)} of ${d.parcelsPerWeek.toFixed(0)})`,
      );
    }
  });
  if (overflowing.length > 0) {
    warnings.push(
      `the nearest box is full for ${overflowing.length} demand point${overflowing.length === 1 ? '' : 's'}, whose parcels (a week) are fetched at an existing pickup point instead: ${overflowing.join(', ')}`,
    );
  }

  // 4. Carriers.
  step('carriers', 'which existing transports can fill the boxes');
  const boxes: BoxDemand[] = openedSites.map((j, b) => ({
    siteId: scenario.candidateSites[j]!.id,
    ...(scenario.candidateSites[j]!.name ? { name: scenario.candidateSites[j]!.name } : {}),
    point: places.sites[j]!,
    parcelsPerWeek: boxLoad[b]!,
  }));
  const van = vanCostModel(scenario, places.byId);
  const assignment = assignCarriers(scenario, places, m, boxes, van);
  const carriers = buildCarrierRoutes(scenario, places, m, boxes, assignment.choice);
  warnings.push(...carriers.warnings);
  for (const moved of carriers.movedToVans) assignment.choice[moved] = undefined;
  for (const r of new Set(assignment.choice.flatMap((c) => (c ? [c.route] : [])))) {
    const late = departsBeforeParcels(scenario, r);
    if (late) warnings.push(late);
  }
  done('carriers');

  // 5. Vans.
  step('vans', 'van routes');
  const days = deliveryDays(policy.deliveriesPerWeek);
  const vanDaysOf = (b: number): readonly Weekday[] => assignment.choice[b]?.vanDays ?? days;
  const vanStops: (VanStopDemand & { days: readonly Weekday[] })[] = [
    ...boxes.flatMap((box, b) =>
      vanDaysOf(b).length === 0 || box.parcelsPerWeek <= 0
        ? []
        : [
            {
              id: box.siteId,
              name: scenario.candidateSites[openedSites[b]!]!.name,
              point: box.point,
              kind: 'box' as const,
              parcelsPerDelivery: box.parcelsPerWeek / days.length,
              days: vanDaysOf(b),
            },
          ],
    ),
    ...scenario.demand.flatMap((d, i) =>
      homeDelivered[i] && d.parcelsPerWeek > 0
        ? [
            {
              id: d.id,
              name: d.name,
              point: places.demand[i]!,
              kind: 'home' as const,
              parcelsPerDelivery: d.parcelsPerWeek / days.length,
              days,
            },
          ]
        : [],
    ),
  ];
  const vans = planVansByDays(vanStops, (stops, onDays) =>
    planVans(scenario, places, m, stops, onDays, {
      timeLimitS: Math.max(1, (timeLimitS * 0.5) / new Set(vanStops.map((s) => s.days.join())).size),
      seed,
    }),
  );
  if (vans.violations.length > 0) warnings.push(...vans.violations.map((v) => `van routes: ${v}`));
  for (const u of vans.unserved) {
    const stop = vanStops.find((x) => x.id === u.id)!;
    if (stop.kind === 'home') {
      unserved.push({
        demandId: u.id,
        parcelsPerWeek: u.parcelsPerDelivery * days.length,
        reason: 'no_vehicle_capacity',
        detail: u.reason,
      });
      continue;
    }
    // A box no van fills is no use: the share of its parcels that no van takes stays where it is today.
    const b = boxes.findIndex((x) => x.siteId === stop.id);
    // A box a transport fills on some days misses only its van days' parcels.
    const vanDayShare = assignment.choice[b] ? assignment.choice[b]!.vanDays.length / days.length : 1;
    const share = vanDayShare * Math.min(1, u.parcelsPerDelivery / Math.max(1e-9, stop.parcelsPerDelivery));
    assigned.parts.forEach((parts, i) => {
      const part = parts.find((x) => x.box === b);
      if (!part) return;
      const moved = part.parcelsPerWeek * share;
      part.parcelsPerWeek -= moved;
      boxLoad[b] = boxLoad[b]! - moved;
      inBox[i] = inBox[i]! - moved;
      const agent = nearestPickup(m, policy, places.demand[i]!, places.pickupPoints);
      if (agent.pickup >= 0) {
        const existing = parts.find((x) => x.box < 0 && x.pickup === agent.pickup);
        if (existing) existing.parcelsPerWeek += moved;
        else parts.push({ ...agent, parcelsPerWeek: moved, box: -1 });
      } else {
        unserved.push({
          demandId: scenario.demand[i]!.id,
          parcelsPerWeek: moved,
          reason: 'no_vehicle_capacity',
          detail: `box ${stop.id}: ${u.reason}`,
        });
      }
      if (part.parcelsPerWeek <= 1e-9) parts.splice(parts.indexOf(part), 1);
    });
    warnings.push(
      `no van can fill box "${stop.id}" (${u.reason}): its households fetch their parcels where they do today`,
    );
  }
  done('vans');

  // Road geometry for drawing, where the backend has roads; the same route on every day is fetched once.
  if (scenario.travel.backend !== 'straightline' || options.travel) {
    const geometries = new Map<string, LonLat[]>();
    const withRoads = async (coordinates: LonLat[]): Promise<LonLat[] | undefined> => {
      const key = JSON.stringify(coordinates);
      if (!geometries.has(key)) {
        try {
          geometries.set(key, (await travel.route(coordinates)).geometry.coordinates);
        } catch (error) {
          warnings.push(
            `route geometry: ${(error as Error).message}; the map draws straight lines between stops`,
          );
          geometries.set(key, coordinates);
        }
      }
      return geometries.get(key);
    };
    for (const r of vans.routes)
      r.geometry = { type: 'LineString', coordinates: (await withRoads(r.stops.map((x) => x.location)))! };
    for (const r of carriers.routes)
      r.geometry = { type: 'LineString', coordinates: (await withRoads(r.stops.map((x) => x.location)))! };
  }

  // 6. Evaluate.
  step('evaluate', 'KPIs before and after');
  const unservedOf = new Map<string, number>();
  for (const u of unserved) unservedOf.set(u.demandId, (unservedOf.get(u.demandId) ?? 0) + u.parcelsPerWeek);
  const beforeOutcomes: DemandOutcome[] = scenario.demand.map((d, i) => ({
    ...people[i]!,
    parcelsPerWeek: d.parcelsPerWeek,
    fetchDistanceM: before[i]!.distanceM,
    homeDelivered: false,
    inBoxParcels: 0,
    unservedParcels: before[i]!.pickup < 0 ? d.parcelsPerWeek : 0,
  }));
  const afterOutcomes: DemandOutcome[] = scenario.demand.map((d, i) => ({
    ...people[i]!,
    parcelsPerWeek: d.parcelsPerWeek,
    fetchDistanceM: homeDelivered[i] ? 0 : meanFetchDistanceM(assigned.parts[i]!),
    homeDelivered: homeDelivered[i]!,
    inBoxParcels: inBox[i]!,
    unservedParcels: Math.min(d.parcelsPerWeek, unservedOf.get(d.id) ?? 0),
  }));
  // Home delivery brings the parcel to the door: such households count as covered at distance 0.
  const afterShares: AccessShare[] = scenario.demand.flatMap((d, i) => {
    if (homeDelivered[i])
      return [{ demand: i, share: 1, access: { pickup: -1, distanceM: 0, durationS: 0, covered: true } }];
    const parts = assigned.parts[i]!;
    const total = parts.reduce((s, p) => s + p.parcelsPerWeek, 0);
    if (parts.length === 0 || total <= 0) return [{ demand: i, share: 1, access: nearestAfter[i]! }];
    return parts.map((p) => ({ demand: i, share: p.parcelsPerWeek / total, access: p }));
  });
  const lifetime = policy.boxLifetimeYears;
  const opened = openedSites.map((j) => scenario.candidateSites[j]!);
  const vanWeek = vans.routes;
  const service = {
    boxesInvestmentPerWeek: opened.reduce((s, c) => s + c.investmentCost / lifetime / 52, 0),
    boxesYearlyPerWeek: opened.reduce((s, c) => s + c.yearlyCost / 52, 0),
    vanCostPerWeek: vanWeek.reduce((s, r) => s + r.cost, 0),
    vanKmPerWeek: vanWeek.reduce((s, r) => s + r.distanceM / 1000, 0),
    vanHoursPerWeek: vanWeek.reduce((s, r) => s + r.durationS / 3600, 0),
    vanCo2KgPerWeek: vanWeek.reduce((s, r) => s + r.co2Kg, 0),
    carrierCostPerWeek: carriers.routes.reduce((s, r) => s + r.costPerWeek, 0),
    carrierDetourKmPerWeek: carriers.routes.reduce(
      (s, r) => s + (r.detourMPerTrip / 1000) * r.days.length,
      0,
    ),
    carrierDetourHoursPerWeek: carriers.routes.reduce(
      (s, r) => s + (r.detourSPerTrip / 3600) * r.days.length,
      0,
    ),
    carrierCo2KgPerWeek: carriers.routes.reduce((s, r) => s + r.co2KgPerWeek, 0),
  };
  const kpisBefore = computeKpis(
    scenario,
    summarizeAccess(
      before.map((access, i) => ({ access, demand: i, share: 1 })),
      people,
    ),
    beforeOutcomes,
    NO_SERVICE,
  );
  const kpisAfter = computeKpis(scenario, summarizeAccess(afterShares, people), afterOutcomes, service);
  const today = todaysAccessPoints(scenario);
  const accessAnalysis = {
    before: analyseAccessOnMatrix(scenario, m, places.demand, places.pickupPoints, today),
    after: analyseAccessOnMatrix(scenario, m, places.demand, pickupsAfter, [
      ...today,
      ...openedSites.map((j) => boxAccessPoint(scenario.candidateSites[j]!)),
    ]),
  };
  accessAnalysis.after.notes.push(
    "the new boxes count as points whatever their room, like today's points; the KPIs above fill them only up to their capacity",
  );

  const boxesOut: OpenedBox[] = openedSites.map((j, b) => {
    const site = scenario.candidateSites[j]!;
    const servedParts = assigned.parts.flatMap((parts, i) =>
      parts.filter((p) => p.box === b).map((p) => ({ i, parcels: p.parcelsPerWeek })),
    );
    const carrier = assignment.choice[b];
    const route = carrier ? scenario.transportRoutes[carrier.route]! : undefined;
    const builtRoute = route ? carriers.routes.find((r) => r.routeId === route.id) : undefined;
    const vanType = vans.servedBy.get(site.id);
    const notUsed = transportsNotUsed(scenario, assignment, b);
    return {
      siteId: site.id,
      ...(site.name ? { name: site.name } : {}),
      location: site.location,
      population: servedParts.reduce(
        (s, { i, parcels }) =>
          s + people[i]!.population * shareOf(parcels, scenario.demand[i]!.parcelsPerWeek),
        0,
      ),
      households: servedParts.reduce(
        (s, { i, parcels }) =>
          s + people[i]!.households * shareOf(parcels, scenario.demand[i]!.parcelsPerWeek),
        0,
      ),
      parcelsPerWeek: boxLoad[b]!,
      capacityParcelsPerWeek: boxCapacityPerWeek[b]!,
      utilisation: boxCapacityPerWeek[b]! > 0 ? boxLoad[b]! / boxCapacityPerWeek[b]! : 0,
      filledBy:
        carrier && route && builtRoute
          ? {
              kind: 'carrier' as const,
              routeId: route.id,
              deliveriesPerWeek: carrier.deliveriesPerWeek,
              detourSPerTrip: carrier.detourS,
              detourMPerTrip: carrier.detourM,
              costPerWeek: carrier.costPerWeek,
              ...(route.departures ? timetableFilling(route, carrier, vanType) : {}),
            }
          : vanType
            ? { kind: 'van' as const, vehicleId: vanType, deliveriesPerWeek: days.length }
            : {
                kind: 'unfilled' as const,
                reason:
                  boxLoad[b]! <= 0
                    ? 'no households use this box'
                    : (vans.unserved.find((u) => u.id === site.id)?.reason ?? 'no_vehicle'),
              },
      ...(notUsed.length > 0 ? { transportsNotUsed: notUsed } : {}),
    };
  });
  for (const box of boxesOut) {
    if (
      box.filledBy.kind === 'carrier' &&
      box.filledBy.deliveriesPerWeek + (box.filledBy.vanDays?.length ?? 0) < policy.deliveriesPerWeek
    ) {
      warnings.push(
        `box "${box.siteId}" is filled by "${box.filledBy.routeId}" ${box.filledBy.deliveriesPerWeek} times a week, fewer than the policy's ${policy.deliveriesPerWeek}`,
      );
    }
  }

  const accessOut: DemandAccess[] = scenario.demand.map((d, i) => ({
    demandId: d.id,
    population: people[i]!.population,
    households: people[i]!.households,
    parcelsPerWeek: d.parcelsPerWeek,
    before: accessRecord(places.byId, before[i]!),
    after: accessRecord(
      places.byId,
      homeDelivered[i] ? nearestAfter[i]! : (mainPart(assigned.parts[i]!) ?? nearestAfter[i]!),
    ),
    homeDelivery: homeDelivered[i]!,
    fetchedAt: assigned.parts[i]!.map((p) => ({
      pickupId: idOfPoint(places.byId, p.pickup),
      parcelsPerWeek: p.parcelsPerWeek,
      distanceM: p.distanceM,
      box: p.box >= 0,
      covered: p.covered,
    })),
  }));
  if (
    policy.targetCoveredShare !== undefined &&
    kpisAfter.access.coveredPopulationShare < policy.targetCoveredShare
  ) {
    warnings.push(
      `coverage after is ${(kpisAfter.access.coveredPopulationShare * 100).toFixed(1)} % of the population, short of the target ${(policy.targetCoveredShare * 100).toFixed(0)} %`,
    );
  }
  assumptions.push(
    `a box with c compartments takes c × 7 / ${policy.dwellTimeDays} parcels a week (a parcel waits ${policy.dwellTimeDays} days on average)`,
    `investment is spread over ${lifetime} years without interest; weekly figures are yearly / 52`,
    `households fetch ${scenario.assumptions.parcelsPerPickupTrip} parcels a trip, ${(scenario.assumptions.pickupTripsByCarShare * 100).toFixed(0)} % of trips by car at ${scenario.assumptions.carCo2GPerKm} g CO2/km, there and back`,
    `each delivery day has the same parcels (weekly / ${days.length}), so the van routes are the same on ${days.join(', ')}`,
    `a van spends 300 s at a box and 90 s per parcel at a door`,
    `carriers are assigned by ${assignment.method === 'enumeration' ? 'exact enumeration' : 'greedy improvement'} against van costs estimated from shortest tours; their detours are cheapest insertions between consecutive stops after loading`,
    'cost per parcel is the weekly cost over the parcels delivered to boxes and homes',
  );
  if (homeDelivered.some(Boolean))
    assumptions.push('home-delivered households count as covered, at access distance 0');
  assumptions.push(...timetableAssumptions(scenario, assignment.choice));
  done('evaluate');

  const result: Plan = {
    kind: 'plan',
    scenarioName: scenario.name,
    createdAt: (options.now ?? new Date()).toISOString(),
    currency: scenario.currency,
    travel: {
      backend: scenario.travel.backend,
      ...(scenario.travel.backend === 'straightline'
        ? {
            note: 'straight-line distances × a detour factor, at speeds by distance band: not road distances',
          }
        : {}),
      ...(travel.attribution ? { attribution: travel.attribution } : {}),
    },
    placement: options.openSiteIds
      ? { model: 'given sites', status: 'feasible', objective: openedSites.length, bound: null, gapPct: null }
      : placementResult
        ? {
            model: placementResult.model,
            status:
              placementResult.status === 'time_limit_no_solution' ? 'time_limit' : placementResult.status,
            objective: placementResult.objective,
            bound: Number.isFinite(placementResult.bound) ? placementResult.bound : null,
            gapPct: Number.isFinite(placementResult.gapPct) ? placementResult.gapPct : null,
          }
        : { model: 'none', status: 'infeasible', objective: 0, bound: null, gapPct: null },
    access: accessOut,
    boxes: boxesOut,
    carrierRoutes: carriers.routes,
    vanRoutes: vans.routes,
    kpis: { before: kpisBefore, after: kpisAfter },
    unserved,
    accessAnalysis,
    assumptions,
    warnings,
    timingsS: timings,
  };
  // The plan leaves through the same schema that clients read it with.
  return PlanSchema.parse(result);
}

function shareOf(part: number, whole: number): number {
  return whole > 0 ? part / whole : 0;
}

function meanFetchDistanceM(parts: readonly DemandPart[]): number {
  const total = parts.reduce((s, p) => s + p.parcelsPerWeek, 0);
  if (total <= 0) return Infinity;
  return parts.reduce((s, p) => s + p.distanceM * p.parcelsPerWeek, 0) / total;
}

function idOfPoint(byId: Map<string, number>, point: number): string {
  for (const [id, p] of byId) if (p === point) return id;
  return `point ${point}`;
}

function accessRecord(byId: Map<string, number>, a: Access) {
  return {
    pickupId: a.pickup >= 0 ? idOfPoint(byId, a.pickup) : null,
    distanceM: Number.isFinite(a.distanceM) ? a.distanceM : -1,
    durationS: Number.isFinite(a.durationS) ? a.durationS : -1,
    covered: a.covered,
  };
}

function describePoint(scenario: Scenario, byId: Map<string, number>, index: number): string {
  const id = idOfPoint(byId, index);
  return id.startsWith('point ') ? `route stop (${id})` : `"${id}"`;
}

/** The van type that is cheapest per kilometre at rural speeds, for estimating van costs in the carrier choice. */
function vanCostModel(scenario: Scenario, byId: Map<string, number>): VanCostModel | undefined {
  if (scenario.vehicles.length === 0) return undefined;
  const perKm = (v: Scenario['vehicles'][number]) => v.costPerKm + v.costPerHour / 60;
  const cheapest = [...scenario.vehicles].sort((a, b) => perKm(a) - perKm(b))[0]!;
  return {
    depot: byId.get(cheapest.startHubId)!,
    deliveriesPerWeek: scenario.policy.deliveriesPerWeek,
    fixedCostPerDay: cheapest.fixedCostPerDay,
    costPerKm: cheapest.costPerKm,
    costPerHour: cheapest.costPerHour,
  };
}
