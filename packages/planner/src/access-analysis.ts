import {
  ACCESS_BANDS_M,
  type AccessAnalysis,
  type Assumptions,
  type PickupPoint,
  type PointClosure,
  type Policy,
  type WeightedDistance,
} from '@paketbygd/model';
import { withinLimit } from './access';
import { householdTripKmPerWeek } from './evaluate';

/** A pickup point as the analysis sees it: who it is and which carriers serve it. */
export interface AccessPoint {
  id: string;
  name?: string;
  /** Carriers served here; empty when unknown (such a point never counts as "another carrier"). */
  carriers: readonly string[];
  newBox: boolean;
}

export interface AccessDemand {
  population: number;
  /** undefined when the demand point does not give its people aged 65 or more. */
  population65Plus?: number;
  parcelsPerWeek: number;
}

export interface AccessInput {
  policy: Policy;
  assumptions: Assumptions;
  demand: readonly AccessDemand[];
  points: readonly AccessPoint[];
  /** Demand × points, row-major; Infinity where a point cannot be reached. */
  distancesM: Float64Array;
  durationsS: Float64Array;
  /** Points × points distances, row-major. */
  pointDistancesM: Float64Array;
}

/** The carriers a scenario's pickup point names: `carriers`, or else its `operator`. */
export function carriersOf(p: Pick<PickupPoint, 'carriers' | 'operator'>): string[] {
  return p.carriers ?? (p.operator ? [p.operator] : []);
}

/**
 * `offersOther[a * n + b]` is 1 when point b has a carrier that point a lacks: the rule by which
 * the study's "nearest node with another carrier" is found (it reproduces all 236 of its nodes).
 * Carrier names compare without case ("Postnord" in PTS 2021 is "PostNord" in Dalarna 2026).
 */
function otherCarrierTable(points: readonly AccessPoint[]): Uint8Array {
  const n = points.length;
  const sets = points.map((p) => new Set(p.carriers.map((c) => c.toLowerCase())));
  const offersOther = new Uint8Array(n * n);
  for (let a = 0; a < n; a++) {
    for (let b = 0; b < n; b++) {
      if (a === b) continue;
      for (const c of sets[b]!) {
        if (!sets[a]!.has(c)) {
          offersOther[a * n + b] = 1;
          break;
        }
      }
    }
  }
  return offersOther;
}

/** Per demand point: the nearest, second nearest and nearest other-carrier point (-1 when none). */
interface Ranked {
  first: Int32Array;
  second: Int32Array;
  otherCarrier: Int32Array;
}

function rankPoints(input: AccessInput, offersOther: Uint8Array): Ranked {
  const d = input.demand.length;
  const n = input.points.length;
  const key = input.policy.maxAccessDistanceM === undefined ? input.durationsS : input.distancesM;
  const first = new Int32Array(d).fill(-1);
  const second = new Int32Array(d).fill(-1);
  const otherCarrier = new Int32Array(d).fill(-1);
  for (let i = 0; i < d; i++) {
    const row = i * n;
    let best = -1;
    let bestKey = Infinity;
    let next = -1;
    let nextKey = Infinity;
    for (let j = 0; j < n; j++) {
      const k = key[row + j]!;
      if (k < bestKey) {
        next = best;
        nextKey = bestKey;
        best = j;
        bestKey = k;
      } else if (k < nextKey) {
        next = j;
        nextKey = k;
      }
    }
    first[i] = best;
    second[i] = next;
    if (best < 0) continue;
    let other = -1;
    let otherKey = Infinity;
    const table = best * n;
    for (let j = 0; j < n; j++) {
      const k = key[row + j]!;
      if (k < otherKey && offersOther[table + j] === 1) {
        other = j;
        otherKey = k;
      }
    }
    otherCarrier[i] = other;
  }
  return { first, second, otherCarrier };
}

class WeightedMean {
  private sum = 0;
  population = 0;
  add(distanceM: number, people: number): void {
    this.sum += distanceM * people;
    this.population += people;
  }
  result(): WeightedDistance {
    return { meanM: this.population > 0 ? this.sum / this.population : null, population: this.population };
  }
}

/** From each point, the nearest other point and the nearest with a carrier it lacks (null when none). */
function pointNeighbours(input: AccessInput, offersOther: Uint8Array) {
  const n = input.points.length;
  return input.points.map((_, a) => {
    let other = Infinity;
    let otherCarrier = Infinity;
    for (let b = 0; b < n; b++) {
      if (a === b) continue;
      const dM = input.pointDistancesM[a * n + b]!;
      if (dM < other) other = dM;
      if (dM < otherCarrier && offersOther[a * n + b] === 1) otherCarrier = dM;
    }
    return {
      nearestOtherPointM: Number.isFinite(other) ? other : null,
      nearestOtherCarrierPointM: Number.isFinite(otherCarrier) ? otherCarrier : null,
    };
  });
}

const share = (part: number, whole: number) => (whole > 0 ? part / whole : 0);

/** The study's figures over all people: weighted distances, shares within the bands and the limit. */
function studyFigures(input: AccessInput, ranked: Ranked, has65: boolean) {
  const { demand, policy } = input;
  const n = input.points.length;
  const nearest = new WeightedMean();
  const secondNearest = new WeightedMean();
  const nearestOther = new WeightedMean();
  const nearest65 = new WeightedMean();
  const withinPeople = ACCESS_BANDS_M.map(() => 0);
  const within65 = ACCESS_BANDS_M.map(() => 0);
  let population = 0;
  let population65 = 0;
  let limitPeople = 0;
  let limit65 = 0;
  let unreachable = 0;
  demand.forEach((x, i) => {
    const people = x.population;
    const people65 = x.population65Plus ?? 0;
    population += people;
    population65 += people65;
    const p1 = ranked.first[i]!;
    if (p1 < 0) {
      unreachable += people;
      return;
    }
    const d1 = input.distancesM[i * n + p1]!;
    nearest.add(d1, people);
    if (x.population65Plus !== undefined) nearest65.add(d1, people65);
    ACCESS_BANDS_M.forEach((band, b) => {
      if (d1 <= band) {
        withinPeople[b] = withinPeople[b]! + people;
        within65[b] = within65[b]! + people65;
      }
    });
    if (withinLimit(policy, d1, input.durationsS[i * n + p1]!)) {
      limitPeople += people;
      limit65 += people65;
    }
    const p2 = ranked.second[i]!;
    if (p2 >= 0) secondNearest.add(input.distancesM[i * n + p2]!, people);
    const po = ranked.otherCarrier[i]!;
    if (po >= 0) nearestOther.add(input.distancesM[i * n + po]!, people);
  });
  return {
    pickupPointCount: n,
    population,
    population65Plus: has65 ? population65 : null,
    rankedBy: policy.maxAccessDistanceM === undefined ? ('duration' as const) : ('distance' as const),
    nearest: nearest.result(),
    secondNearest: secondNearest.result(),
    nearestOtherCarrier: nearestOther.result(),
    nearest65Plus: has65 ? nearest65.result() : null,
    within: ACCESS_BANDS_M.map((band, b) => ({
      distanceM: band,
      populationShare: share(withinPeople[b]!, population),
      population65PlusShare: has65 ? share(within65[b]!, population65) : null,
    })),
    withinLimitShare: share(limitPeople, population),
    withinLimit65PlusShare: has65 ? share(limit65, population65) : null,
    unreachablePopulation: unreachable,
  };
}

/** For each point, what its closure costs: its people go to their second nearest point. */
function closuresOf(input: AccessInput, ranked: Ranked, offersOther: Uint8Array, has65: boolean) {
  const { demand, points, policy, assumptions } = input;
  const n = points.length;
  const served = new Float64Array(n);
  const parcels = new Float64Array(n);
  const losing = new Float64Array(n);
  const losing65 = new Float64Array(n);
  const leftWithout = new Float64Array(n);
  const extraKm = new Float64Array(n);
  demand.forEach((x, i) => {
    const p1 = ranked.first[i]!;
    if (p1 < 0) return;
    const p2 = ranked.second[i]!;
    const d1 = input.distancesM[i * n + p1]!;
    const d2 = p2 >= 0 ? input.distancesM[i * n + p2]! : Infinity;
    served[p1] = served[p1]! + x.population;
    parcels[p1] = parcels[p1]! + x.parcelsPerWeek;
    const covered1 = withinLimit(policy, d1, input.durationsS[i * n + p1]!);
    const covered2 = p2 >= 0 && withinLimit(policy, d2, input.durationsS[i * n + p2]!);
    if (covered1 && !covered2) {
      losing[p1] = losing[p1]! + x.population;
      losing65[p1] = losing65[p1]! + (x.population65Plus ?? 0);
    }
    if (p2 < 0) leftWithout[p1] = leftWithout[p1]! + x.population;
    else
      extraKm[p1] =
        extraKm[p1]! +
        householdTripKmPerWeek(assumptions, x.parcelsPerWeek, d2) -
        householdTripKmPerWeek(assumptions, x.parcelsPerWeek, d1);
  });
  const neighbours = pointNeighbours(input, offersOther);
  const closures: PointClosure[] = points.map((p, j) => ({
    pickupId: p.id,
    ...(p.name !== undefined ? { name: p.name } : {}),
    carriers: [...p.carriers],
    newBox: p.newBox,
    peopleServed: served[j]!,
    parcelsPerWeek: parcels[j]!,
    peopleLosingAccess: losing[j]!,
    people65PlusLosingAccess: has65 ? losing65[j]! : null,
    peopleLeftWithoutPoint: leftWithout[j]!,
    extraHouseholdKmPerWeek: extraKm[j]!,
    ...neighbours[j]!,
  }));
  return closures.sort(
    (a, b) =>
      b.peopleLosingAccess - a.peopleLosingAccess ||
      b.extraHouseholdKmPerWeek - a.extraHouseholdKmPerWeek ||
      a.pickupId.localeCompare(b.pickupId),
  );
}

/**
 * Access to a set of pickup points as Region Dalarna's 2026 parcel study measures it:
 * population-weighted distance to the nearest, second nearest and nearest other-carrier point,
 * the share of people (and of people 65+) within 2, 5 and 10 km, and for each point what its
 * closure costs: the people it alone keeps within the access limit, and the household km a week
 * added when its people fetch their parcels at their next nearest point.
 */
export function analyseAccess(input: AccessInput): AccessAnalysis {
  const offersOther = otherCarrierTable(input.points);
  const ranked = rankPoints(input, offersOther);
  const has65 = input.demand.some((x) => x.population65Plus !== undefined);
  return {
    ...studyFigures(input, ranked, has65),
    closures: closuresOf(input, ranked, offersOther, has65),
    notes: accessNotes(input, has65),
  };
}

function accessNotes(input: AccessInput, has65: boolean): string[] {
  const notes: string[] = [];
  const unknown = input.points.filter((p) => p.carriers.length === 0);
  if (unknown.length > 0) {
    notes.push(
      `${unknown.length} of ${input.points.length} points name no carrier (${unknown.every((p) => p.newBox) ? 'new boxes' : 'carriers unknown'}): they count as nearest and second nearest, never as another carrier`,
    );
  }
  const without65 = input.demand.filter((x) => x.population65Plus === undefined).length;
  if (has65 && without65 > 0) {
    notes.push(
      `${without65} of ${input.demand.length} demand points do not give people 65+: the 65+ figures are over the others`,
    );
  }
  return notes;
}
