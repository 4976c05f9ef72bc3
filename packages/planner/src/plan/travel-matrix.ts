import type { PlanMessage, Scenario } from '@paketbygd/model';
import { createTravelCosts, type TravelCosts } from '@paketbygd/travel';
import type { SquareMatrix } from '../matrix';
import type { PlaceIndex } from '../places';
import { warn } from './messages';
import { idOfPoint } from './point-ids';

export interface TravelStage {
  travel: TravelCosts;
  m: SquareMatrix;
  warnings: PlanMessage[];
}

/** One travel matrix over every point of the scenario, which all later stages read. */
export async function travelMatrix(
  scenario: Scenario,
  places: PlaceIndex,
  given: TravelCosts | undefined,
): Promise<TravelStage> {
  const travel = given ?? createTravelCosts(scenario.travel);
  const raw = await travel.matrix(places.points);
  const m: SquareMatrix = {
    size: places.points.length,
    durationsS: raw.durationsS,
    distancesM: raw.distancesM,
  };
  const warnings = raw.warnings.map((w) => warn.travelPoint(idOfPoint(places.byId, w.pointIndex), w.message));
  return { travel, m, warnings };
}
