import { ValidationError, type Plan, type PlanMessage, type Scenario } from '@paketbygd/model';
import { scenarioToPlacement, solvePlacement, type PlacementResult } from '@paketbygd/placement';
import { ACCESS_SPEED_KMH } from '@paketbygd/travel';
import { distanceM, type SquareMatrix } from '../matrix';
import type { PlaceIndex } from '../places';
import { assume, warn } from './messages';

export interface PlacementStage {
  /** Indices into the scenario's candidate sites that get a box. */
  openedSites: number[];
  /** How the sites were chosen, as the plan reports it. */
  summary: Plan['placement'];
  warnings: PlanMessage[];
  assumptions: PlanMessage[];
}

export interface PlacementOptions {
  /** Open exactly these candidate sites instead of choosing (a bid's boxes). */
  openSiteIds?: readonly string[] | undefined;
  timeLimitS: number;
  seed: number;
}

/** Box sites: the given ones, or those the capacity model chooses within the policy. */
export async function placeBoxes(
  scenario: Scenario,
  places: PlaceIndex,
  m: SquareMatrix,
  options: PlacementOptions,
): Promise<PlacementStage> {
  const none = { model: 'none', status: 'infeasible', objective: 0, bound: null, gapPct: null } as const;
  if (options.openSiteIds) {
    const wanted = new Set(options.openSiteIds);
    const openedSites = scenario.candidateSites.flatMap((c, j) => (wanted.has(c.id) ? [j] : []));
    const missing = [...wanted].filter((id) => !scenario.candidateSites.some((c) => c.id === id));
    if (missing.length > 0) throw new Error(`sites to open are not candidate sites: ${missing.join(', ')}`);
    const summary = {
      model: 'given sites',
      status: 'feasible',
      objective: openedSites.length,
      bound: null,
      gapPct: null,
    } as const;
    return { openedSites, summary, warnings: [], assumptions: [] };
  }
  if (scenario.candidateSites.length === 0) {
    return { openedSites: [], summary: none, warnings: [warn.noCandidateSites()], assumptions: [] };
  }
  if (scenario.policy.maxBoxes === 0) {
    return {
      openedSites: [],
      summary: none,
      warnings: [warn.maxBoxesZero()],
      assumptions: [],
    };
  }
  return chooseSites(scenario, places, m, options);
}

async function chooseSites(
  scenario: Scenario,
  places: PlaceIndex,
  m: SquareMatrix,
  options: PlacementOptions,
): Promise<PlacementStage> {
  const pointOfSite = [...places.sites, ...places.pickupPoints];
  const distances = () => {
    const out = new Float64Array(places.demand.length * pointOfSite.length);
    places.demand.forEach((d, i) =>
      pointOfSite.forEach((s, j) => {
        out[i * pointOfSite.length + j] = distanceM(m, d, s);
      }),
    );
    return out;
  };
  const prepared = await scenarioToPlacement(scenario, { distances, accessSpeedKmh: ACCESS_SPEED_KMH });
  const assumptions = prepared.notes.map(assume.placementNote);
  let p = prepared.p;
  if (p === undefined && prepared.budgetPerYear === undefined) {
    p = scenario.candidateSites.length;
    assumptions.push(assume.anySiteMayGetBox());
  }
  const result = await solvePlacement(prepared.instance, {
    model: 'capacity',
    radiusM: prepared.radiusM,
    ...(p !== undefined ? { p } : {}),
    ...(prepared.budgetPerYear !== undefined ? { budgetPerYear: prepared.budgetPerYear } : {}),
    timeLimitS: Math.max(1, options.timeLimitS * 0.4),
    seed: options.seed,
  }).catch(namePolicyFields);
  return {
    openedSites: result.openSites.filter((j) => j < scenario.candidateSites.length),
    summary: summaryOf(result),
    warnings: result.status === 'infeasible' ? [warn.placementInfeasible(result.notes)] : [],
    assumptions,
  };
}

/** The placement problem is made from the policy: a problem with it names the policy field the user can change. */
function namePolicyFields(error: unknown): never {
  if (!(error instanceof ValidationError)) throw error;
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

function summaryOf(result: PlacementResult): Plan['placement'] {
  return {
    model: result.model,
    status: result.status === 'time_limit_no_solution' ? 'time_limit' : result.status,
    objective: result.objective,
    bound: Number.isFinite(result.bound) ? result.bound : null,
    gapPct: Number.isFinite(result.gapPct) ? result.gapPct : null,
  };
}
