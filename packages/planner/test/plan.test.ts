import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { clockTimeToS, Scenario, validate, type Plan, type ScenarioInput } from '@paketbygd/model';
import { plan, type PlanProgress } from '../src';

const root = join(import.meta.dirname, '..', '..', '..');
const vingaker = Scenario.parse(
  JSON.parse(readFileSync(join(root, 'examples', 'vingaker', 'scenario.json'), 'utf8')),
);

/** Checks a plan against its scenario from plan.json alone, as a reader with a calculator would. */
function expectConsistent(scenario: Scenario, p: Plan) {
  // Every parcel accounted for: in a box, at an existing point, at home, or unserved with a reason.
  const unservedOf = new Map<string, number>();
  for (const u of p.unserved)
    unservedOf.set(u.demandId, (unservedOf.get(u.demandId) ?? 0) + u.parcelsPerWeek);
  let inBoxes = 0;
  let coveredPeople = 0;
  let people = 0;
  for (const a of p.access) {
    const fetched = (a.fetchedAt ?? []).reduce((s, f) => s + f.parcelsPerWeek, 0);
    const home = a.homeDelivery ? a.parcelsPerWeek - (unservedOf.get(a.demandId) ?? 0) : 0;
    const unserved = a.homeDelivery ? (unservedOf.get(a.demandId) ?? 0) : (unservedOf.get(a.demandId) ?? 0);
    expect(fetched + home + (a.homeDelivery ? unserved : unserved), a.demandId).toBeCloseTo(
      a.parcelsPerWeek,
      6,
    );
    inBoxes += (a.fetchedAt ?? []).filter((f) => f.box).reduce((s, f) => s + f.parcelsPerWeek, 0);
    people += a.population;
    if (a.homeDelivery) coveredPeople += a.population;
    else if (fetched > 0) {
      coveredPeople += (a.fetchedAt ?? []).reduce(
        (s, f) => s + (f.covered ? a.population * (f.parcelsPerWeek / fetched) : 0),
        0,
      );
    } else if (a.after.covered) coveredPeople += a.population;
  }
  const after = p.kpis.after;
  expect(after.parcelsInBoxesPerWeek).toBeCloseTo(inBoxes, 6);
  expect(after.access.coveredPopulationShare).toBeCloseTo(coveredPeople / people, 9);
  expect(after.parcelsPerWeek).toBeCloseTo(
    scenario.demand.reduce((s, d) => s + d.parcelsPerWeek, 0),
    6,
  );
  // Boxes: load is what the households bring, within capacity.
  for (const box of p.boxes) {
    const load = p.access.flatMap((a) => a.fetchedAt ?? []).filter((f) => f.box && f.pickupId === box.siteId);
    expect(box.parcelsPerWeek).toBeCloseTo(
      load.reduce((s, f) => s + f.parcelsPerWeek, 0),
      6,
    );
    expect(box.parcelsPerWeek).toBeLessThanOrEqual(box.capacityParcelsPerWeek + 1e-6);
  }
  // Vans: each route starts and ends at its hub, within capacity and shift, and serves only van boxes or homes.
  for (const r of p.vanRoutes) {
    const type = scenario.vehicles.find((v) => v.id === r.vehicleId)!;
    expect(r.stops[0]!.at).toBe(type.startHubId);
    expect(r.stops.at(-1)!.at).toBe(type.endHubId ?? type.startHubId);
    expect(r.stops.reduce((s, x) => s + x.parcels, 0)).toBeLessThanOrEqual(type.capacityParcels);
    expect(r.stops.at(-1)!.arrivalS).toBeLessThanOrEqual(clockTimeToS(type.shift.end));
    for (const stop of r.stops.filter((x) => x.kind === 'box')) {
      expect(p.boxes.find((b) => b.siteId === stop.at)?.filledBy.kind).toBe('van');
    }
  }
  // Carriers: spare capacity and allowed detour held.
  for (const c of p.carrierRoutes) {
    const route = scenario.transportRoutes.find((r) => r.id === c.routeId)!;
    expect(c.parcelsPerTrip).toBeLessThanOrEqual(route.spareCapacityParcels + 1e-9);
    expect(c.detourSPerTrip).toBeLessThanOrEqual(route.maxDetourMin * 60 + 1e-6);
  }
  // Costs add up.
  const cost = after.costPerWeek;
  expect(cost.total).toBeCloseTo(cost.boxesInvestment + cost.boxesYearly + cost.vans + cost.carriers, 6);
  expect(cost.vans).toBeCloseTo(
    p.vanRoutes.reduce((s, r) => s + r.cost, 0),
    6,
  );
  expect(p.warnings.filter((w) => w.startsWith('van routes:'))).toEqual([]);
}

describe('plan: the Vingåker example', () => {
  it('produces a consistent plan that improves access, within the policy', async () => {
    const p = await plan(vingaker, { timeLimitS: 10, seed: 1 });
    expect(p.placement.status).toBe('optimal');
    expect(p.boxes.length).toBeGreaterThan(0);
    expect(p.boxes.length).toBeLessThanOrEqual(vingaker.policy.maxBoxes!);
    const yearly = p.boxes.reduce((s, b) => {
      const site = vingaker.candidateSites.find((c) => c.id === b.siteId)!;
      return s + site.investmentCost / vingaker.policy.boxLifetimeYears + site.yearlyCost;
    }, 0);
    expect(yearly).toBeLessThanOrEqual(vingaker.policy.budgetPerYear! + 1e-6);
    expect(p.kpis.after.access.coveredPopulationShare).toBeGreaterThan(
      p.kpis.before.access.coveredPopulationShare,
    );
    expect(p.kpis.after.access.meanAccessDistanceM).toBeLessThan(p.kpis.before.access.meanAccessDistanceM);
    expect(p.kpis.after.co2KgPerWeek.householdTrips).toBeLessThan(p.kpis.before.co2KgPerWeek.householdTrips);
    expect(p.kpis.before.costPerWeek.total).toBe(0);
    expect(p.boxes.every((b) => b.filledBy.kind !== 'unfilled')).toBe(true);
    expectConsistent(vingaker, p);
  });

  it('is the same for the same seed', async () => {
    const now = new Date('2026-11-23T12:00:00Z');
    const strip = (p: Plan) => ({ ...p, timingsS: undefined });
    const a = await plan(vingaker, { timeLimitS: 10, seed: 7, now });
    const b = await plan(vingaker, { timeLimitS: 10, seed: 7, now });
    expect(strip(b)).toEqual(strip(a));
  });

  it('reports progress through every step, the travel step with its figures', async () => {
    const events: PlanProgress[] = [];
    await plan(vingaker, { timeLimitS: 5, onProgress: (e) => events.push(e) });
    expect(events.map((e) => e.step)).toEqual([
      'travel',
      'before',
      'placement',
      'carriers',
      'vans',
      'evaluate',
    ]);
    // A client in another language words the step from these, not from the English message.
    const travel = events[0]!;
    if (travel.step !== 'travel') throw new Error(`first step ${travel.step}`);
    expect(travel.travel).toEqual({ points: expect.any(Number), backend: vingaker.travel.backend });
    expect(travel.travel.points).toBeGreaterThan(vingaker.demand.length);
    expect(travel.message).toBe(
      `travel matrix over ${travel.travel.points} points (${vingaker.travel.backend})`,
    );
    expect(events.slice(1).filter((e) => 'travel' in e)).toEqual([]);
  });
});

const base: ScenarioInput = JSON.parse(
  readFileSync(join(root, 'tests', 'fixtures', 'tiny-scenario.json'), 'utf8'),
);
function scenarioOf(change: (s: any) => void): Scenario {
  const s = structuredClone(base) as ScenarioInput & Record<string, any>;
  change(s);
  const result = validate('scenario', s);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.value;
}

describe('plan: small scenarios with known answers', () => {
  it('puts a box in the village the bus passes, filled by the bus at its stop', async () => {
    const s = scenarioOf((x) => {
      x.candidateSites[0].location = [15.95, 59.06];
      x.candidateSites[0].compartments = 20; // 93 parcels a week: the village's 60 fit
    });
    const p = await plan(s, { timeLimitS: 5 });
    expect(p.boxes.map((b) => b.siteId)).toEqual(['s1']);
    expect(p.boxes[0]!.filledBy).toMatchObject({
      kind: 'carrier',
      routeId: 'r1',
      detourSPerTrip: 0,
      deliveriesPerWeek: 3,
    });
    expect(p.carrierRoutes[0]!.stops.map((st) => st.boxSiteId ?? st.name)).toContain('s1');
    expect(p.vanRoutes).toEqual([]);
    const village = p.access.find((a) => a.demandId === 'd2')!;
    expect(village.before.covered).toBe(false);
    expect(village.after).toMatchObject({ pickupId: 's1', covered: true });
    expect(p.kpis.after.costPerWeek.carriers).toBeCloseTo(60 * 12, 9);
    expectConsistent(s, p);
  });

  it('sends a box to the vans when the bus cannot leave its line', async () => {
    const s = scenarioOf((x) => {
      x.candidateSites[0].location = [15.97, 59.075];
      x.demand[1].location = [15.97, 59.075];
    });
    const p = await plan(s, { timeLimitS: 5 });
    expect(p.boxes[0]!.filledBy.kind).toBe('van');
    expect(p.vanRoutes.length).toBe(5);
    expect(p.vanRoutes[0]!.stops.map((st) => st.at)).toEqual(['h1', 's1', 'h1']);
    expectConsistent(s, p);
  });

  it('without candidate sites shows today and says so', async () => {
    const s = scenarioOf((x) => {
      x.candidateSites = [];
    });
    const p = await plan(s, { timeLimitS: 5 });
    expect(p.boxes).toEqual([]);
    expect(p.warnings.join('\n')).toMatch(/no candidate sites/);
    expect(p.kpis.after.access).toEqual(p.kpis.before.access);
    expectConsistent(s, p);
  });

  it('without vehicles or carriers leaves the box unfilled, and its parcels where they are today', async () => {
    const s = scenarioOf((x) => {
      x.vehicles = [];
      x.transportRoutes = [];
      x.candidateSites[0].compartments = 20;
      x.candidateSites[0].location = [15.97, 59.075];
      x.demand[1].location = [15.97, 59.075];
    });
    const p = await plan(s, { timeLimitS: 5 });
    expect(p.boxes[0]!.filledBy).toMatchObject({ kind: 'unfilled' });
    expect(p.warnings.join('\n')).toMatch(/no van can fill box "s1" \(no_vehicle\)/);
    expect(p.access.find((a) => a.demandId === 'd2')!.fetchedAt).toEqual([
      expect.objectContaining({ pickupId: 'p1', box: false }),
    ]);
    expect(p.kpis.after.parcelsInBoxesPerWeek).toBe(0);
    expect(p.unserved).toEqual([]);
    expectConsistent(s, p);
  });

  it('parcels with nowhere to go are unserved with the reason', async () => {
    const s = scenarioOf((x) => {
      x.vehicles = [];
      x.transportRoutes = [];
      x.pickupPoints = [];
      x.candidateSites[0].compartments = 20;
      x.candidateSites[0].location = [15.97, 59.075];
      x.demand[1].location = [15.97, 59.075];
    });
    const p = await plan(s, { timeLimitS: 5 });
    // The box takes 93 a week: all of d2 (60, nearest) and 33 of d1; d1's other 107 reach nothing.
    expect(p.unserved).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ demandId: 'd2', reason: 'no_vehicle_capacity', parcelsPerWeek: 60 }),
        expect.objectContaining({ demandId: 'd1', reason: 'unreachable' }),
        expect.objectContaining({ demandId: 'd1', reason: 'no_vehicle_capacity' }),
      ]),
    );
    expect(p.kpis.after.parcelsUnservedPerWeek).toBeCloseTo(200, 6);
    expect(p.warnings.join('\n')).toMatch(/2 demand points reach no existing pickup point today/);
    expectConsistent(s, p);
  });

  it('delivers to homes outside coverage when the policy asks', async () => {
    const s = scenarioOf((x) => {
      x.candidateSites = [];
      x.policy.homeDeliveryOutsideCoverage = true;
    });
    const p = await plan(s, { timeLimitS: 5 });
    const homes = p.vanRoutes.flatMap((r) => r.stops.filter((st) => st.kind === 'home').map((st) => st.at));
    expect(new Set(homes)).toEqual(new Set(['d2']));
    expect(p.kpis.after.parcelsHomeDeliveredPerWeek).toBeCloseTo(60, 6);
    expect(p.kpis.after.access.coveredPopulationShare).toBe(1);
    expectConsistent(s, p);
  });

  it('a demand point 500 km away is refused before planning, with its path', () => {
    const s = structuredClone(base) as Record<string, any>;
    s.demand[0].location = [18.07, 63.5];
    const result = validate('scenario', s);
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([
      expect.objectContaining({
        path: 'demand[0].location',
        message: expect.stringMatching(/outside the scenario area/),
      }),
    ]);
  });
});

describe('plan: policies the placement cannot meet', () => {
  it('a budget that buys no box is refused with the policy field named', async () => {
    const s = scenarioOf((x) => {
      x.policy.budgetPerYear = 100;
    });
    await expect(plan(s, { timeLimitS: 5 })).rejects.toMatchObject({
      problems: [
        expect.objectContaining({
          path: 'policy.budgetPerYear',
          message: expect.stringMatching(/buys no box/),
        }),
      ],
    });
  });
});
