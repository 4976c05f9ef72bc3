import type { JobProgress, PlacementAnswer, Scenario } from '@paketbygd/model';
import {
  scenarioToPlacement,
  solvePlacement,
  type DistanceSource,
  type PlacementOptions,
  type PlacementResult,
  type ScenarioPlacement,
} from '@paketbygd/placement';
import { ACCESS_SPEED_KMH, createTravelCosts, DEFAULT_DETOUR_FACTOR } from '@paketbygd/travel';

/** What to solve; limits left out come from the scenario's policy. */
export type PlaceScenarioRequest = Omit<PlacementOptions, 'radiusM' | 'decay'> & {
  radiusM?: number;
  /** Distance decay; its scale is the access limit unless given. */
  decay?: { kind: NonNullable<PlacementOptions['decay']>['kind']; scaleM?: number };
};

export interface PlaceScenarioOptions {
  /** Access distances; by default the scenario's travel backend. */
  distances?: DistanceSource;
  onProgress?: (progress: JobProgress) => void;
}

export interface PlacedScenario {
  result: PlacementResult;
  notes: string[];
}

/**
 * A scenario's placement alone: access distances by its travel backend, p and budget from its
 * policy unless the request gives either, the coverage radius from its access limit.
 */
export async function placeScenario(
  scenario: Scenario,
  request: PlaceScenarioRequest,
  options: PlaceScenarioOptions = {},
): Promise<PlacedScenario> {
  const { onProgress } = options;
  onProgress?.({ percent: 0, message: `access distances (${scenario.travel.backend})` });
  const prepared = await scenarioPlacement(scenario, options.distances);
  onProgress?.({ percent: 10, message: `solving ${request.model}` });
  const usePolicyLimits = request.p === undefined && request.budgetPerYear === undefined;
  const radiusM = request.radiusM ?? prepared.radiusM;
  const decayKind = request.decay?.kind ?? (request.model === 'decay' ? 'linear' : undefined);
  const result = await solvePlacement(prepared.instance, {
    ...request,
    decay: decayKind ? { kind: decayKind, scaleM: request.decay?.scaleM ?? radiusM } : undefined,
    ...(usePolicyLimits
      ? {
          ...(prepared.p !== undefined ? { p: prepared.p } : {}),
          ...(prepared.budgetPerYear !== undefined ? { budgetPerYear: prepared.budgetPerYear } : {}),
        }
      : {}),
    radiusM,
  });
  return { result, notes: prepared.notes };
}

/**
 * A scenario's placement instance: access distances given, or by its travel backend (which says
 * so in the notes when they are straight lines), and the travel package's access speed.
 */
export async function scenarioPlacement(
  scenario: Scenario,
  distances?: DistanceSource,
): Promise<ScenarioPlacement> {
  const notes: string[] = [];
  let source = distances;
  if (!source) {
    const travel = createTravelCosts(scenario.travel);
    source = async (from, to) => (await travel.matrix(from, to)).distancesM;
    if (scenario.travel.backend === 'straightline') notes.push(straightLineNote(scenario));
  }
  const prepared = await scenarioToPlacement(scenario, {
    distances: source,
    accessSpeedKmh: ACCESS_SPEED_KMH,
  });
  return { ...prepared, notes: [...notes, ...prepared.notes] };
}

function straightLineNote(scenario: Scenario): string {
  const own = scenario.travel.detourFactor;
  return `access distances are straight lines × ${own ?? DEFAULT_DETOUR_FACTOR} (${own === undefined ? 'default' : "the scenario's"} detour factor), not road distances`;
}

/** The answer of a placement job (and the first fields of `paketbygd place --json`). */
export function placementAnswer(result: PlacementResult): PlacementAnswer {
  const finite = (x: number) => (Number.isFinite(x) ? x : null);
  return {
    model: result.model,
    status: result.status,
    objective: result.objective,
    open: result.open,
    bound: finite(result.bound),
    gapPct: finite(result.gapPct),
    timeS: result.timeS,
  };
}
