import { readFileSync } from 'node:fs';
import {
  ComparisonResult,
  type ComparisonResultInput,
  Plan,
  Scenario,
  ScoringDocument,
  Bid,
  clockTimeToS,
  haversineM,
  type DemandAccess,
  type Kpis,
  type LonLat,
  type OpenedBox,
  type VanRoute,
  type CarrierRoute,
} from '@paketbygd/model';

const examples = new URL('../../../examples/', import.meta.url);

export function loadScenario(): Scenario {
  return Scenario.parse(JSON.parse(readFileSync(new URL('vingaker/scenario.json', examples), 'utf8')));
}

export function loadBids(): Bid[] {
  return ['nordbox-vans', 'regionbuss-bus-line', 'bygden-existing-transport'].map((f) =>
    Bid.parse(JSON.parse(readFileSync(new URL(`bids/${f}.json`, examples), 'utf8'))),
  );
}

export function loadScoring(): ScoringDocument {
  return ScoringDocument.parse(JSON.parse(readFileSync(new URL('bids/scoring.json', examples), 'utf8')));
}

const DETOUR = 1.3;
const SPEED_M_PER_S = 60 / 3.6;
const roadM = (a: LonLat, b: LonLat) => haversineM(a, b) * DETOUR;

function percentile(values: { v: number; w: number }[], p: number): number {
  const sorted = [...values].sort((a, b) => a.v - b.v);
  const total = sorted.reduce((s, x) => s + x.w, 0);
  let acc = 0;
  for (const x of sorted) {
    acc += x.w;
    if (acc >= p * total) return x.v;
  }
  return sorted.at(-1)?.v ?? 0;
}

/** The opened boxes of the fixture and how each is filled, as a planner might answer for Vingåker. */
const OPENED: { siteId: string; fill: { carrier: string } | { van: string } }[] = [
  { siteId: 'box-lappe', fill: { carrier: 'library-run' } },
  { siteId: 'box-baggetorp', fill: { carrier: 'bus-katrineholm-vingaker' } },
  { siteId: 'box-marmorbyn', fill: { carrier: 'bus-katrineholm-vingaker' } },
  { siteId: 'box-sjoang', fill: { van: 'van-electric' } },
  { siteId: 'box-angtorp', fill: { van: 'van-electric' } },
];

/**
 * A plan consistent with the Vingåker scenario: positions from the scenario, access by straight
 * line × 1.3 to the nearest pickup point, KPIs computed from that access and plausible prices.
 */
export function buildPlan(scenario: Scenario = loadScenario()): Plan {
  const limitM = scenario.policy.maxAccessDistanceM ?? 5000;
  const sites = new Map(scenario.candidateSites.map((s) => [s.id, s]));
  const hubs = new Map(scenario.hubs.map((h) => [h.id, h]));
  const opened = OPENED.map((o) => ({ ...o, site: sites.get(o.siteId)! }));
  const before = scenario.pickupPoints.map((p) => ({ id: p.id, location: p.location }));
  const after = [...before, ...opened.map((o) => ({ id: o.siteId, location: o.site.location }))];
  const nearest = (loc: LonLat, points: { id: string; location: LonLat }[]) => {
    let best = { id: points[0]!.id, distanceM: Infinity };
    for (const p of points) {
      const d = roadM(loc, p.location);
      if (d < best.distanceM) best = { id: p.id, distanceM: d };
    }
    return {
      pickupId: best.id,
      distanceM: best.distanceM,
      durationS: best.distanceM / (50 / 3.6),
      covered: best.distanceM <= limitM,
    };
  };
  // People use a new box only when it brings them within the limit; otherwise they keep today's agent.
  const afterAccess = (loc: LonLat) => {
    const withBoxes = nearest(loc, after);
    return withBoxes.covered ? withBoxes : nearest(loc, before);
  };
  const access: DemandAccess[] = scenario.demand.map((d) => ({
    demandId: d.id,
    population: d.population ?? 0,
    households: d.households ?? (d.population ?? 0) / scenario.assumptions.peoplePerHousehold,
    parcelsPerWeek: d.parcelsPerWeek,
    before: nearest(d.location, before),
    after: afterAccess(d.location),
    homeDelivery: false,
  }));

  const weeklyFactor = 1.0 / scenario.policy.boxLifetimeYears / 52;
  const boxes: OpenedBox[] = opened.map((o) => {
    const served = access.filter((a) => a.after.pickupId === o.siteId);
    const parcels = served.reduce((s, a) => s + a.parcelsPerWeek, 0);
    const capacity = (o.site.compartments * 7) / scenario.policy.dwellTimeDays;
    const route =
      'carrier' in o.fill
        ? scenario.transportRoutes.find((r) => r.id === (o.fill as { carrier: string }).carrier)!
        : undefined;
    return {
      siteId: o.siteId,
      name: o.site.name,
      location: o.site.location,
      population: served.reduce((s, a) => s + a.population, 0),
      households: served.reduce((s, a) => s + a.households, 0),
      parcelsPerWeek: parcels,
      capacityParcelsPerWeek: capacity,
      utilisation: parcels / capacity,
      filledBy: route
        ? {
            kind: 'carrier' as const,
            routeId: route.id,
            deliveriesPerWeek: route.days.length,
            detourSPerTrip: route.maxDetourMin > 0 ? 240 : 0,
            detourMPerTrip: route.maxDetourMin > 0 ? 3200 : 0,
            costPerWeek: parcels * route.pricePerParcel + route.days.length * route.pricePerStop,
          }
        : { kind: 'van' as const, vehicleId: 'van-electric', deliveriesPerWeek: 5 },
    };
  });

  const carrierRoutes: CarrierRoute[] = [
    ...new Set(OPENED.flatMap((o) => ('carrier' in o.fill ? [o.fill.carrier] : []))),
  ].map((routeId) => {
    const route = scenario.transportRoutes.find((r) => r.id === routeId)!;
    const mine = boxes.filter((b) => b.filledBy.kind === 'carrier' && b.filledBy.routeId === routeId);
    const stops = route.stops.map((s) => {
      const place = hubs.get(s.at!) ?? sites.get(s.at!) ?? scenario.pickupPoints.find((p) => p.id === s.at);
      const location = s.location ?? place!.location;
      const box = mine.find((b) => haversineM(b.location, location) < 50);
      return { name: s.name ?? s.at!, location, time: s.time, ...(box ? { boxSiteId: box.siteId } : {}) };
    });
    const parcelsPerWeek = mine.reduce((s, b) => s + b.parcelsPerWeek, 0);
    const detourM = route.maxDetourMin > 0 ? 3200 : 0;
    return {
      routeId,
      boxSiteIds: mine.map((b) => b.siteId),
      days: route.days,
      parcelsPerTrip: parcelsPerWeek / route.days.length,
      detourSPerTrip: route.maxDetourMin > 0 ? 240 : 0,
      detourMPerTrip: detourM,
      costPerWeek: mine.reduce((s, b) => s + (b.filledBy.kind === 'carrier' ? b.filledBy.costPerWeek : 0), 0),
      co2KgPerWeek: ((route.co2GPerKm ?? 0) * detourM * route.days.length) / 1e6,
      stops,
    };
  });

  const hub = hubs.get('hub-katrineholm')!;
  const vanBoxes = boxes.filter((b) => b.filledBy.kind === 'van');
  const van = scenario.vehicles.find((v) => v.id === 'van-electric')!;
  const vanRoutes: VanRoute[] = (['mon', 'tue', 'wed', 'thu', 'fri'] as const).map((day) => {
    const points = [hub.location, ...vanBoxes.map((b) => b.location), hub.location];
    let t = clockTimeToS(van.shift.start);
    let distanceM = 0;
    const stops: VanRoute['stops'] = [
      { at: hub.id, name: hub.name, location: hub.location, arrivalS: t, parcels: 0, kind: 'hub' },
    ];
    for (let i = 1; i < points.length; i++) {
      const leg = roadM(points[i - 1]!, points[i]!);
      distanceM += leg;
      t += leg / SPEED_M_PER_S + (i < points.length - 1 ? 300 : 0);
      const box = vanBoxes[i - 1];
      stops.push(
        box
          ? {
              at: box.siteId,
              name: box.name,
              location: box.location,
              arrivalS: t,
              parcels: box.parcelsPerWeek / 5,
              kind: 'box',
            }
          : { at: hub.id, name: hub.name, location: hub.location, arrivalS: t, parcels: 0, kind: 'hub' },
      );
    }
    const durationS = t - clockTimeToS(van.shift.start);
    return {
      vehicleId: van.id,
      day,
      stops,
      distanceM,
      durationS,
      cost: (distanceM / 1000) * van.costPerKm + (durationS / 3600) * van.costPerHour + van.fixedCostPerDay,
      co2Kg: ((distanceM / 1000) * van.co2GPerKm) / 1000,
    };
  });

  const a = scenario.assumptions;
  const kpisOf = (side: 'before' | 'after'): Kpis => {
    const totalPop = access.reduce((s, x) => s + x.population, 0);
    const totalHh = access.reduce((s, x) => s + x.households, 0);
    const parcels = access.reduce((s, x) => s + x.parcelsPerWeek, 0);
    const tripKm = access.reduce(
      (s, x) =>
        s +
        (x.parcelsPerWeek / a.parcelsPerPickupTrip) *
          2 *
          (x[side].distanceM / 1000) *
          a.pickupTripsByCarShare,
      0,
    );
    const vanKm = side === 'after' ? vanRoutes.reduce((s, r) => s + r.distanceM / 1000, 0) : 0;
    const detourKm =
      side === 'after' ? carrierRoutes.reduce((s, r) => s + (r.detourMPerTrip / 1000) * r.days.length, 0) : 0;
    const boxesInvestment =
      side === 'after' ? opened.reduce((s, o) => s + o.site.investmentCost, 0) * weeklyFactor : 0;
    const boxesYearly = side === 'after' ? opened.reduce((s, o) => s + o.site.yearlyCost, 0) / 52 : 0;
    const vans = side === 'after' ? vanRoutes.reduce((s, r) => s + r.cost, 0) : 0;
    const carriers = side === 'after' ? carrierRoutes.reduce((s, r) => s + r.costPerWeek, 0) : 0;
    const total = boxesInvestment + boxesYearly + vans + carriers;
    const co2Vans = side === 'after' ? vanRoutes.reduce((s, r) => s + r.co2Kg, 0) : 0;
    const co2Carriers = side === 'after' ? carrierRoutes.reduce((s, r) => s + r.co2KgPerWeek, 0) : 0;
    const co2Trips = (tripKm * a.carCo2GPerKm) / 1000;
    const unserved = side === 'after' ? 75.8 : 0;
    return {
      access: {
        coveredPopulationShare:
          access.filter((x) => x[side].covered).reduce((s, x) => s + x.population, 0) / totalPop,
        coveredHouseholdShare:
          access.filter((x) => x[side].covered).reduce((s, x) => s + x.households, 0) / totalHh,
        meanAccessDistanceM: access.reduce((s, x) => s + x.population * x[side].distanceM, 0) / totalPop,
        p90AccessDistanceM: percentile(
          access.map((x) => ({ v: x[side].distanceM, w: x.population })),
          0.9,
        ),
        meanAccessDurationS: access.reduce((s, x) => s + x.population * x[side].durationS, 0) / totalPop,
      },
      parcelsPerWeek: parcels,
      parcelsInBoxesPerWeek: side === 'after' ? boxes.reduce((s, b) => s + b.parcelsPerWeek, 0) : 0,
      parcelsHomeDeliveredPerWeek: 0,
      parcelsUnservedPerWeek: unserved,
      vehicleKmPerWeek: vanKm + detourKm,
      carrierDetourKmPerWeek: detourKm,
      householdTripKmPerWeek: tripKm,
      driverHoursPerWeek: side === 'after' ? vanRoutes.reduce((s, r) => s + r.durationS / 3600, 0) : 0,
      costPerWeek: { boxesInvestment, boxesYearly, vans, carriers, total },
      costPerParcel: side === 'after' ? total / (parcels - unserved) : 0,
      co2KgPerWeek: {
        vans: co2Vans,
        carriers: co2Carriers,
        householdTrips: co2Trips,
        total: co2Vans + co2Carriers + co2Trips,
      },
    };
  };

  return Plan.parse({
    kind: 'plan',
    scenarioName: scenario.name,
    createdAt: '2026-11-23T12:00:00.000Z',
    currency: scenario.currency,
    travel: { backend: 'straightline', note: 'straight line × 1.3' },
    placement: {
      model: 'coverage then p-median (lexicographic)',
      status: 'optimal',
      objective: 1832.4,
      bound: 1832.4,
      gapPct: 0,
    },
    access,
    boxes,
    carrierRoutes,
    vanRoutes,
    kpis: { before: kpisOf('before'), after: kpisOf('after') },
    unserved: [
      {
        demandId: 'spread-18',
        parcelsPerWeek: 6.77,
        reason: 'no_pickup_in_reach',
        detail: 'nearest pickup point 13.9 km away; no candidate site within 5 km',
      },
    ],
    assumptions: [
      'road distance = straight line × 1.3 (no road data)',
      'average speed 50 km/h for households, 60 km/h for vans',
      'box investment spread over 10 years without interest',
    ],
    warnings: ['the positions of Högsjö and its parcel agent are approximate'],
    timingsS: { travel: 0.02, placement: 0.4, routing: 1.1 },
  });
}

export type Model = 'absolute_points' | 'price_deduction' | 'relative';

/**
 * A comparison of today and the three example bids. KPIs are plausible numbers; scores follow
 * the example scoring file's levels and weights, so explanations and totals agree.
 */
export function buildComparison(model: Model = 'absolute_points'): ComparisonResult {
  const plan = buildPlan();
  const scoring = loadScoring();
  const bids = loadBids();
  const variant = (coverage: number, costWeek: number, co2: number, meanM: number): Kpis => ({
    ...plan.kpis.after,
    access: {
      ...plan.kpis.after.access,
      coveredPopulationShare: coverage,
      coveredHouseholdShare: coverage - 0.004,
      meanAccessDistanceM: meanM,
    },
    costPerWeek: { ...plan.kpis.after.costPerWeek, total: costWeek },
    costPerParcel: costWeek / plan.kpis.after.parcelsPerWeek,
    co2KgPerWeek: { vans: co2 * 0.1, carriers: co2 * 0.1, householdTrips: co2 * 0.8, total: co2 },
  });
  const measured: Record<string, { kpis: Kpis; price: number; deliveries: number; open247: number }> = {
    nordbox: {
      kpis: variant(0.912, 8200, 210, 3100),
      price: 180000 + 650000 / 4 + (4 * 3900 * 52) / 52,
      deliveries: 5,
      open247: 1,
    },
    regionbuss: {
      kpis: variant(0.861, 5400, 240, 3600),
      price: 120000 + 420000 / 4 + 15 * 1400,
      deliveries: 5,
      open247: 1,
    },
    bygden: {
      kpis: variant(0.874, 3900, 265, 3500),
      price: 90000 + 300000 / 4 + 6 * 1100,
      deliveries: 2,
      open247: 1,
    },
  };
  const entries: ComparisonResultInput['entries'] = [
    {
      id: 'baseline',
      label: 'The scenario as planned',
      kind: 'baseline',
      kpis: plan.kpis.after,
      boxSiteIds: plan.boxes.map((b) => b.siteId),
      measures: {},
    },
    ...bids.map((b) => {
      const m = measured[b.id]!;
      return {
        id: b.id,
        label: b.bidder.replace(' (fictitious bidder)', ''),
        kind: 'bid' as const,
        kpis: m.kpis,
        boxSiteIds: b.sites.map((s) => s.siteId),
        measures: {
          price_per_year: m.price,
          covered_population_share: m.kpis.access.coveredPopulationShare,
          deliveries_per_week: m.deliveries,
          co2_kg_per_week: m.kpis.co2KgPerWeek.total,
          boxes_open_247: m.open247,
        },
      };
    }),
  ];
  const bidEntries = entries.filter((e) => e.kind === 'bid');
  const scores = bidEntries.map((e) => {
    const criteria = scoring.criteria.map((c) => {
      const value = e.measures[c.measure]!;
      const values = bidEntries.map((x) => x.measures[c.measure]!);
      const lowerBetter = c.best < c.worst;
      const [best, worst] =
        model === 'relative'
          ? lowerBetter
            ? [Math.min(...values), Math.max(...values)]
            : [Math.max(...values), Math.min(...values)]
          : [c.best, c.worst];
      const fulfilment = best === worst ? 1 : Math.min(1, Math.max(0, (value - worst) / (best - worst)));
      const full = (c.weight ?? 0) * scoring.maxPoints;
      return {
        criterionId: c.id,
        measure: c.measure,
        value,
        fulfilment,
        contribution: fulfilment * full,
        explanation: `${c.name ?? c.id}: ${value}, ${(fulfilment * 100).toFixed(0)} % of the way from ${worst} to ${best}: ${(fulfilment * full).toFixed(1)} of ${full.toFixed(1)} points`,
      };
    });
    return { id: e.id, total: criteria.reduce((s, c) => s + c.contribution, 0), criteria };
  });
  const ranked = [...scores].sort((a, b) => b.total - a.total).map((s, i) => ({ ...s, rank: i + 1 }));
  const ranking = ranked.map((s) => s.id);
  const flipped = [ranking[1]!, ranking[0]!, ...ranking.slice(2)];
  // As the planner does: each entry's plan warnings prefixed with its label, the comparison's own last.
  const warnings = [
    `${entries[1]!.label}: coverage after is 91.2 % of the population`,
    `${entries[2]!.label}: no van can fill box "box-marmorbyn" (no_vehicle)`,
    `${entries[2]!.label}: costs are the bid's prices`,
    ...(model === 'relative'
      ? [
          'relative scoring: each bid is scored against the others, so adding or removing a bid that cannot win can change which bid wins; an absolute model avoids this',
        ]
      : []),
  ];
  return ComparisonResult.parse({
    kind: 'comparison-result',
    name: 'Parcel boxes in Vingåker: three bids',
    createdAt: '2026-11-23T12:30:00.000Z',
    currency: 'SEK',
    entries,
    scoring: {
      model,
      higherWins: true,
      maxPoints: scoring.maxPoints,
      scores: ranked,
      sensitivity: [
        { what: 'weight of price', change: -0.2, ranking, winnerChanges: false },
        { what: 'weight of price', change: 0.2, ranking: flipped, winnerChanges: true },
        { what: 'weight of coverage', change: 0.2, ranking, winnerChanges: false },
        { what: 'demand', change: -0.3, ranking, winnerChanges: false },
        { what: 'demand', change: 0.3, ranking, winnerChanges: false },
      ],
    },
    warnings,
  });
}
