import type { JobProgress, PlacementAnswer, Scenario } from '@paketbygd/model';
import {
  scenarioToPlacement,
  solvePlacement,
  type DistanceSource,
  type PlacementOptions,
  type PlacementResult,
} from '@paketbygd/placement';
import { createTravelCosts } from '@paketbygd/travel';

/** What to solve; limits left out come from the scenario's policy. */
export type PlaceScenarioRequest = Omit<PlacementOptions, 'radiusM' | 'decay'> & {
  radiusM?: number;
  /** Distance decay; its scale is the access limit unless given. */
  decay?: { kind: NonNullable<PlacementOptions['decay']>['kind']; scaleM?: number };
};

export interface PlaceScenarioOptions {
  /** Access distances; by default the scenario's travel backend (straight lines in the placement package). */
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
  const prepared = await scenarioToPlacement(scenario, options.distances ?? scenarioDistances(scenario));
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

/** Straight lines are the placement package's own fallback, which says so in its notes. */
function scenarioDistances(scenario: Scenario): DistanceSource | undefined {
  if (scenario.travel.backend === 'straightline') return undefined;
  const travel = createTravelCosts(scenario.travel);
  return async (from, to) => (await travel.matrix(from, to)).distancesM;
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
