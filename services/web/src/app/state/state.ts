import type { ComparisonResult, Plan, Scenario } from '@paketbygd/model';
import type { TransportsAnswer } from '../api/client';
import type { RunHandle } from '../jobs/follow-job';
import type { PlanFeatureCollection } from '../map/features';
import type { Json } from '../scenario/check';

/** What the page holds: the loaded scenario, its plan and comparison, and runs in progress. */
export interface State {
  /** The scenario as loaded (raw, so that saving keeps the file as the user wrote it). */
  raw?: Json;
  scenario?: Scenario;
  /** Where the scenario came from ("the Vingåker example", a file name), for its summary line. */
  source: string;
  plan?: { id: string; plan: Plan; geo: PlanFeatureCollection; scenario: Scenario };
  run?: RunHandle;
  bids: Json[];
  scoring?: Json;
  variants: { name: string; policy: Json }[];
  comparison?: { id: string; result: ComparisonResult };
  compareRun?: RunHandle;
  /** What the last GTFS feed added to this scenario (drawn again when the language changes). */
  gtfs?: { answer: TransportsAnswer; added: Scenario['transportRoutes'] };
  /** Counts the scenarios loaded: a run started under an older one is stale and leaves the page alone. */
  generation: number;
}

export const state: State = { source: '', bids: [], variants: [], generation: 0 };
