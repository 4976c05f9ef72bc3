import type { AccessAnalysis, Scenario } from '@paketbygd/model';
import { analyseAccessOnMatrix, boxAccessPoint, todaysAccessPoints } from '../access-scenario';
import type { SquareMatrix } from '../matrix';
import type { PlaceIndex } from '../places';

/** The Dalarna study's access measures for today's points, and for today's points with the new boxes. */
export function accessBeforeAfter(
  scenario: Scenario,
  places: PlaceIndex,
  m: SquareMatrix,
  openedSites: readonly number[],
  pickupsAfter: readonly number[],
): { before: AccessAnalysis; after: AccessAnalysis } {
  const today = todaysAccessPoints(scenario);
  const before = analyseAccessOnMatrix(scenario, m, places.demand, places.pickupPoints, today);
  const after = analyseAccessOnMatrix(scenario, m, places.demand, pickupsAfter, [
    ...today,
    ...openedSites.map((j) => boxAccessPoint(scenario.candidateSites[j]!)),
  ]);
  after.notes.push(
    "the new boxes count as points whatever their room, like today's points; the KPIs above fill them only up to their capacity",
  );
  return { before, after };
}
