import {
  ValidationError,
  type AccessAnalysis,
  type CandidateSite,
  type LonLat,
  type Scenario,
} from '@paketbygd/model';
import { createTravelCosts, type TravelCosts } from '@paketbygd/travel';
import { peopleOf } from './access';
import { analyseAccess, carriersOf, type AccessDemand, type AccessPoint } from './access-analysis';
import type { SquareMatrix } from './matrix';

/** Today's pickup points of a scenario, as the access analysis sees them. */
export function todaysAccessPoints(scenario: Scenario): AccessPoint[] {
  return scenario.pickupPoints.map((p) => ({
    id: p.id,
    ...(p.name !== undefined ? { name: p.name } : {}),
    carriers: carriersOf(p),
    newBox: false,
  }));
}

/** A box the plan opens: it names no carrier (what fills it is the plan's, not a carrier's choice). */
export function boxAccessPoint(site: CandidateSite): AccessPoint {
  return { id: site.id, ...(site.name !== undefined ? { name: site.name } : {}), carriers: [], newBox: true };
}

export function accessDemand(scenario: Scenario): AccessDemand[] {
  return scenario.demand.map((d) => ({
    population: peopleOf(d, scenario.assumptions.peoplePerHousehold).population,
    ...(d.population65Plus !== undefined ? { population65Plus: d.population65Plus } : {}),
    parcelsPerWeek: d.parcelsPerWeek,
  }));
}

function block(m: SquareMatrix, values: Float64Array, rows: readonly number[], cols: readonly number[]) {
  const out = new Float64Array(rows.length * cols.length);
  rows.forEach((r, i) => {
    const from = r * m.size;
    cols.forEach((c, j) => {
      out[i * cols.length + j] = values[from + c]!;
    });
  });
  return out;
}

/** The analysis on the planner's square matrix: `demandPoints` and `pointIndexes` are indexes into it. */
export function analyseAccessOnMatrix(
  scenario: Scenario,
  m: SquareMatrix,
  demandPoints: readonly number[],
  pointIndexes: readonly number[],
  points: readonly AccessPoint[],
): AccessAnalysis {
  return analyseAccess({
    policy: scenario.policy,
    assumptions: scenario.assumptions,
    demand: accessDemand(scenario),
    points,
    distancesM: block(m, m.distancesM, demandPoints, pointIndexes),
    durationsS: block(m, m.durationsS, demandPoints, pointIndexes),
    pointDistancesM: block(m, m.distancesM, pointIndexes, pointIndexes),
  });
}

export interface ScenarioAccess {
  analysis: AccessAnalysis;
  attribution?: string;
  warnings: string[];
}

/**
 * The analysis of a scenario's points today, alone: two matrices by the scenario's travel backend
 * (demand × points, points × points) rather than the planner's matrix over every place.
 */
export async function analyseScenarioAccess(
  scenario: Scenario,
  options: { travel?: TravelCosts } = {},
): Promise<ScenarioAccess> {
  if (scenario.pickupPoints.length === 0) {
    throw new ValidationError('scenario', [
      {
        path: 'pickupPoints',
        message: `"${scenario.name}" has no pickup points today, so there is no access to measure`,
      },
    ]);
  }
  const travel = options.travel ?? createTravelCosts(scenario.travel);
  const demandAt: LonLat[] = scenario.demand.map((d) => d.location);
  const pointsAt: LonLat[] = scenario.pickupPoints.map((p) => p.location);
  const toPoints = await travel.matrix(demandAt, pointsAt);
  const between = await travel.matrix(pointsAt);
  // The points × points matrix warns about the same pickup points again; the first says it all.
  const warnings = toPoints.warnings.map((w) => {
    const d = scenario.demand[w.pointIndex];
    const p = scenario.pickupPoints[w.pointIndex - scenario.demand.length];
    return `travel: ${d ? `demand point "${d.id}"` : `pickup point "${p?.id ?? w.pointIndex}"`}: ${w.message}`;
  });
  const analysis = analyseAccess({
    policy: scenario.policy,
    assumptions: scenario.assumptions,
    demand: accessDemand(scenario),
    points: todaysAccessPoints(scenario),
    distancesM: toPoints.distancesM,
    durationsS: toPoints.durationsS,
    pointDistancesM: between.distancesM,
  });
  return { analysis, ...(travel.attribution ? { attribution: travel.attribution } : {}), warnings };
}
