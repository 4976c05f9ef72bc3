import { describe, expect, it } from 'vitest';
import {
  Assumptions,
  haversineM,
  Policy,
  Scenario,
  ValidationError,
  type LonLat,
  type ScenarioInput,
} from '@paketbygd/model';
import { StraightLineTravel } from '@paketbygd/travel';
import { analyseAccess, analyseScenarioAccess, type AccessDemand, type AccessPoint } from '../src';

const assumptions = Assumptions.parse({}); // 1.5 parcels a trip, 80 % by car
const within5km = Policy.parse({ maxAccessDistanceM: 5000, deliveriesPerWeek: 5 });

/** Hand-made distances: demand × points, row-major, and points × points. */
function input(
  demand: AccessDemand[],
  points: AccessPoint[],
  distancesKm: number[][],
  pointKm: number[][],
  policy = within5km,
) {
  const flat = (rows: number[][]) => new Float64Array(rows.flat().map((km) => km * 1000));
  return {
    policy,
    assumptions,
    demand,
    points,
    distancesM: flat(distancesKm),
    // 60 km/h everywhere, so that a time limit is easy to check by hand.
    durationsS: new Float64Array(distancesKm.flat().map((km) => km * 60)),
    pointDistancesM: flat(pointKm),
  };
}

const point = (id: string, carriers: string[] = []): AccessPoint => ({ id, carriers, newBox: false });

describe('analyseAccess on hand-made distances', () => {
  // A village with its own shop (1 km), 12 km from town; the town has two points 0.5 km apart.
  const demand: AccessDemand[] = [
    { population: 300, population65Plus: 90, parcelsPerWeek: 10 }, // village
    { population: 2000, population65Plus: 400, parcelsPerWeek: 60 }, // town
  ];
  const points = [
    point('shop', ['PostNord']),
    point('ica', ['PostNord', 'DHL']),
    point('locker', ['Instabee']),
  ];
  const distancesKm = [
    [1, 12, 12.5],
    [11, 0.3, 0.8],
  ];
  const pointKm = [
    [0, 11.5, 12],
    [11.5, 0, 0.5],
    [12, 0.5, 0],
  ];
  const a = analyseAccess(input(demand, points, distancesKm, pointKm));

  it('weights the nearest, second nearest and other-carrier distances by people', () => {
    expect(a.nearest.meanM).toBeCloseTo((300 * 1000 + 2000 * 300) / 2300, 6);
    expect(a.secondNearest.meanM).toBeCloseTo((300 * 12_000 + 2000 * 800) / 2300, 6);
    // Village: nearest is the PostNord shop, the ICA has DHL: 12 km. Town: nearest ICA (PostNord, DHL), the locker has Instabee: 0.8 km.
    expect(a.nearestOtherCarrier.meanM).toBeCloseTo((300 * 12_000 + 2000 * 800) / 2300, 6);
    expect(a.nearestOtherCarrier.population).toBe(2300);
  });

  it('gives the share of people and of people 65+ within 2, 5 and 10 km', () => {
    expect(a.within.map((w) => w.distanceM)).toEqual([2000, 5000, 10_000]);
    for (const w of a.within) {
      expect(w.populationShare).toBeCloseTo(1, 9);
      expect(w.population65PlusShare).toBeCloseTo(1, 9);
    }
    expect(a.population65Plus).toBe(490);
    expect(a.nearest65Plus?.meanM).toBeCloseTo((90 * 1000 + 400 * 300) / 490, 6);
  });

  it('closing the village shop loses exactly the village, and costs its parcels the extra trips', () => {
    const shop = a.closures.find((c) => c.pickupId === 'shop')!;
    expect(shop.peopleServed).toBe(300);
    expect(shop.peopleLosingAccess).toBe(300);
    expect(shop.people65PlusLosingAccess).toBe(90);
    expect(shop.peopleLeftWithoutPoint).toBe(0);
    // 10 parcels / 1.5 a trip × 2 ways × (12 − 1) km × 0.8 by car.
    expect(shop.extraHouseholdKmPerWeek).toBeCloseTo((10 / 1.5) * 2 * 11 * 0.8, 9);
    expect(a.closures[0]!.pickupId).toBe('shop');
    // Closing the ICA moves the town 0.5 km to the locker: nobody loses the 5 km limit.
    const ica = a.closures.find((c) => c.pickupId === 'ica')!;
    expect(ica.peopleLosingAccess).toBe(0);
    expect(ica.extraHouseholdKmPerWeek).toBeCloseTo((60 / 1.5) * 2 * 0.5 * 0.8, 9);
    expect(a.closures.find((c) => c.pickupId === 'locker')!.peopleServed).toBe(0);
  });

  it("gives each point's nearest other point and nearest point with a carrier it lacks", () => {
    const ica = a.closures.find((c) => c.pickupId === 'ica')!;
    expect(ica.nearestOtherPointM).toBe(500);
    expect(ica.nearestOtherCarrierPointM).toBe(500); // the locker has Instabee
    const shop = a.closures.find((c) => c.pickupId === 'shop')!;
    expect(shop.nearestOtherPointM).toBe(11_500);
    expect(shop.nearestOtherCarrierPointM).toBe(11_500); // the ICA has DHL
  });

  it('counts a point with no other point as leaving its people without any', () => {
    const alone = analyseAccess(input([demand[0]!], [point('shop', ['PostNord'])], [[3]], [[0]]));
    expect(alone.secondNearest).toEqual({ meanM: null, population: 0 });
    expect(alone.nearestOtherCarrier).toEqual({ meanM: null, population: 0 });
    const c = alone.closures[0]!;
    expect(c.peopleLosingAccess).toBe(300);
    expect(c.peopleLeftWithoutPoint).toBe(300);
    expect(c.extraHouseholdKmPerWeek).toBe(0);
    expect(c.nearestOtherPointM).toBeNull();
  });

  it('ranks by time and limits by time when the policy gives minutes', () => {
    const tenMinutes = Policy.parse({ maxAccessDurationMin: 10, deliveriesPerWeek: 5 });
    // 60 km/h: the shop at 1 km is 1 min away, the ICA at 12 km 12 min.
    const t = analyseAccess(input(demand, points, distancesKm, pointKm, tenMinutes));
    expect(t.rankedBy).toBe('duration');
    expect(t.withinLimitShare).toBeCloseTo(1, 9);
    expect(t.closures.find((c) => c.pickupId === 'shop')!.peopleLosingAccess).toBe(300);
  });

  it('leaves the 65+ figures out when no demand point gives them', () => {
    const plain = analyseAccess(
      input(
        demand.map((d) => ({ population: d.population, parcelsPerWeek: d.parcelsPerWeek })),
        points,
        distancesKm,
        pointKm,
      ),
    );
    expect(plain.population65Plus).toBeNull();
    expect(plain.within.every((w) => w.population65PlusShare === null)).toBe(true);
    expect(plain.closures.every((c) => c.people65PlusLosingAccess === null)).toBe(true);
  });

  it('counts people who reach no point as unreachable, outside every mean', () => {
    const cut = analyseAccess(
      input(
        demand,
        points,
        [
          [Infinity, Infinity, Infinity],
          [11, 0.3, 0.8],
        ],
        pointKm,
      ),
    );
    expect(cut.unreachablePopulation).toBe(300);
    expect(cut.nearest).toEqual({ meanM: 300, population: 2000 });
    expect(cut.within[2]!.populationShare).toBeCloseTo(2000 / 2300, 9);
  });
});

/** A seeded generator, so that a failure can be replayed. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const CARRIERS = ['PostNord', 'DHL', 'Bring', 'Instabee', 'Schenker'];

function randomScenario(seed: number): Scenario {
  const rnd = random(seed);
  const at = (): LonLat => [15 + rnd() * 0.6, 60 + rnd() * 0.3];
  const demand = Array.from({ length: 40 }, (_, i) => ({
    id: `d${i}`,
    location: at(),
    population: Math.round(rnd() * 500),
    population65Plus: Math.round(rnd() * 100),
    parcelsPerWeek: Math.round(rnd() * 40),
  }));
  const pickupPoints = Array.from({ length: 7 }, (_, j) => ({
    id: `p${j}`,
    location: at(),
    carriers: CARRIERS.filter(() => rnd() < 0.4),
  }));
  const input: ScenarioInput = {
    kind: 'scenario',
    name: `random ${seed}`,
    area: {
      type: 'Polygon',
      coordinates: [
        [
          [15, 60],
          [15.6, 60],
          [15.6, 60.3],
          [15, 60.3],
          [15, 60],
        ],
      ],
    },
    currency: 'SEK',
    demand,
    pickupPoints,
    policy: { maxAccessDistanceM: 8000, deliveriesPerWeek: 5 },
    travel: { backend: 'straightline', detourFactor: 1.3 },
  };
  return Scenario.parse(input);
}

describe('analyseScenarioAccess against brute force', () => {
  for (const seed of [1, 2, 3]) {
    it(`agrees with sorting every point for every place (seed ${seed})`, async () => {
      const scenario = randomScenario(seed);
      const { analysis } = await analyseScenarioAccess(scenario);
      const km = (a: LonLat, b: LonLat) => haversineM(a, b) * 1.3;
      const points = scenario.pickupPoints;
      let people = 0;
      let sum1 = 0;
      let sum2 = 0;
      let sumOther = 0;
      let otherPeople = 0;
      let people65 = 0;
      let within5k65 = 0;
      const losing = new Map<string, number>();
      const extraKm = new Map<string, number>();
      for (const d of scenario.demand) {
        const sorted = points.map((p) => ({ p, m: km(d.location, p.location) })).sort((x, y) => x.m - y.m);
        const [n1, n2] = sorted;
        const pop = d.population!;
        people += pop;
        people65 += d.population65Plus!;
        sum1 += n1!.m * pop;
        sum2 += n2!.m * pop;
        if (n1!.m <= 5000) within5k65 += d.population65Plus!;
        const mine = new Set(n1!.p.carriers);
        const other = sorted.find((x) => (x.p.carriers ?? []).some((c) => !mine.has(c)));
        if (other) {
          sumOther += other.m * pop;
          otherPeople += pop;
        }
        // Closing n1: its people go to n2.
        if (n1!.m <= 8000 && n2!.m > 8000) losing.set(n1!.p.id, (losing.get(n1!.p.id) ?? 0) + pop);
        const trips = ((d.parcelsPerWeek / 1.5) * 2 * 0.8) / 1000;
        extraKm.set(n1!.p.id, (extraKm.get(n1!.p.id) ?? 0) + trips * (n2!.m - n1!.m));
      }
      expect(analysis.nearest.meanM!).toBeCloseTo(sum1 / people, 6);
      expect(analysis.secondNearest.meanM!).toBeCloseTo(sum2 / people, 6);
      expect(analysis.nearestOtherCarrier.population).toBe(otherPeople);
      if (otherPeople > 0) expect(analysis.nearestOtherCarrier.meanM!).toBeCloseTo(sumOther / otherPeople, 6);
      expect(analysis.within[1]!.population65PlusShare!).toBeCloseTo(within5k65 / people65, 9);
      for (const c of analysis.closures) {
        expect(c.peopleLosingAccess, c.pickupId).toBe(losing.get(c.pickupId) ?? 0);
        expect(c.extraHouseholdKmPerWeek, c.pickupId).toBeCloseTo(extraKm.get(c.pickupId) ?? 0, 6);
      }
    });
  }

  it('refuses a scenario without pickup points, naming the field', async () => {
    const scenario = randomScenario(4);
    const empty = Scenario.parse({ ...scenario, pickupPoints: [] });
    await expect(analyseScenarioAccess(empty)).rejects.toThrow(ValidationError);
    await expect(analyseScenarioAccess(empty)).rejects.toMatchObject({
      problems: [{ path: 'pickupPoints', message: expect.stringMatching(/has no pickup points/) }],
    });
  });

  it('uses the travel backend it is given', async () => {
    const scenario = randomScenario(5);
    const { analysis } = await analyseScenarioAccess(scenario, {
      travel: new StraightLineTravel({ detourFactor: 2.6 }),
    });
    const own = await analyseScenarioAccess(scenario);
    expect(analysis.nearest.meanM!).toBeCloseTo(own.analysis.nearest.meanM! * 2, 6);
  });
});
