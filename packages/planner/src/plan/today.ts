import type { PlanMessage, Scenario } from '@paketbygd/model';
import { nearestPickup, peopleOf, type Access } from '../access';
import type { SquareMatrix } from '../matrix';
import type { PlaceIndex } from '../places';
import { warn } from './messages';

export interface People {
  population: number;
  households: number;
}

export interface TodayStage {
  /** People and households of each demand point. */
  people: People[];
  /** Each demand point's nearest existing pickup point. */
  before: Access[];
  warnings: PlanMessage[];
}

/** Today's access: every demand point to its nearest existing pickup point. */
export function accessToday(scenario: Scenario, places: PlaceIndex, m: SquareMatrix): TodayStage {
  const people = scenario.demand.map((d) => peopleOf(d, scenario.assumptions.peoplePerHousehold));
  const before = places.demand.map((p) => nearestPickup(m, scenario.policy, p, places.pickupPoints));
  const cutOff = before.filter((a) => a.pickup < 0).length;
  const warnings = cutOff > 0 ? [warn.unreachableToday(cutOff)] : [];
  return { people, before, warnings };
}
