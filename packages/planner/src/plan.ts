import { Plan as PlanSchema, type Plan, type Scenario, type Weekday } from '@paketbygd/model';
import type { TravelCosts } from '@paketbygd/travel';
import { deliveryDays } from './delivery-days';
import type { SquareMatrix } from './matrix';
import { indexPlaces, type PlaceIndex } from './places';
import { accessBeforeAfter } from './plan/access-before-after';
import { assemblePlan, planAssumptions } from './plan/assemble';
import { assignDemandAfter, type DemandAfterStage } from './plan/demand-after';
import { fillByCarriers, type CarrierStage } from './plan/fill-by-carriers';
import { fillByVans, type VanStage } from './plan/fill-by-vans';
import { planKpis } from './plan/kpis';
import { openedBoxes } from './plan/opened-boxes';
import { placeBoxes, type PlacementStage } from './plan/placement';
import { reassignUnfilled, type ReassignInput, type Reassigned } from './plan/reassign';
import { withRoadGeometry, type RoadGeometryStage } from './plan/road-geometry';
import { mapLayers, type MapLayersStage } from './plan/map-layers';
import { accessToday, type TodayStage } from './plan/today';
import { timetableAssumptions } from './timetable-plan';
import { travelMatrix, type TravelStage } from './plan/travel-matrix';

export type PlanStep = 'travel' | 'before' | 'placement' | 'carriers' | 'vans' | 'evaluate';

interface StepProgress<S extends PlanStep> {
  step: S;
  /** 0..100 over the whole plan. */
  percent: number;
  /** The step in English; a client in another language words it from `step` and its figures. */
  message: string;
}

export type PlanProgress =
  | (StepProgress<'travel'> & {
      /** The points of the travel matrix and the backend that measures them. */
      travel: { points: number; backend: Scenario['travel']['backend'] };
    })
  | StepProgress<Exclude<PlanStep, 'travel'>>;

/** A step's progress before the plan's share of it is known. */
type WithoutPercent<P> = P extends unknown ? Omit<P, 'percent'> : never;
type StepStart = WithoutPercent<PlanProgress>;

export interface PlanOptions {
  /** Travel costs to use instead of the scenario's `travel` settings (tests, a shared cache). */
  travel?: TravelCosts;
  /** Seconds for the whole plan; placement and van routing share it. */
  timeLimitS?: number;
  seed?: number;
  onProgress?: (p: PlanProgress) => void;
  now?: Date;
  /** Open exactly these candidate sites instead of choosing (a bid's boxes). */
  openSiteIds?: readonly string[];
  /**
   * Draw the map layers (main roads, road isochrones) when the backend holds the roads; default
   * on. A comparison turns them off: it shows no map, and each of its plans would build them anew.
   */
  mapLayers?: boolean;
}

const STEP_PERCENT: Record<PlanStep, number> = {
  travel: 5,
  before: 20,
  placement: 25,
  carriers: 55,
  vans: 65,
  evaluate: 95,
};

/** Runs each step with its progress message and records its seconds. */
function stepper(options: PlanOptions) {
  const timingsS: Record<string, number> = {};
  const run = async <T>(start: StepStart, work: () => T | Promise<T>): Promise<T> => {
    options.onProgress?.({ ...start, percent: STEP_PERCENT[start.step] });
    const started = performance.now();
    const result = await work();
    timingsS[start.step] = (performance.now() - started) / 1000;
    return result;
  };
  return { run, timingsS };
}

/**
 * Scenario → plan, stage by stage: travel, today's access, box placement, demand to the boxes,
 * carriers, vans, what no van could take, road geometry, KPIs, assembly. Each stage reads only
 * what the stages before it return.
 */
export async function plan(scenario: Scenario, options: PlanOptions = {}): Promise<Plan> {
  const timeLimitS = options.timeLimitS ?? 30;
  const seed = options.seed ?? 1;
  const { run, timingsS } = stepper(options);
  const places = indexPlaces(scenario);
  const backend = scenario.travel.backend;
  const points = places.points.length;
  const travel = await run(
    {
      step: 'travel',
      message: `travel matrix over ${points} points (${backend})`,
      travel: { points, backend },
    },
    () => travelMatrix(scenario, places, options.travel),
  );
  const { m } = travel;
  const today = await run({ step: 'before', message: "today's access to the existing pickup points" }, () =>
    accessToday(scenario, places, m),
  );
  const placement = await run({ step: 'placement', message: 'choosing box sites' }, () =>
    placeBoxes(scenario, places, m, { openSiteIds: options.openSiteIds, timeLimitS, seed }),
  );
  const { openedSites } = placement;
  const { after, carriers } = await run(
    { step: 'carriers', message: 'which existing transports can fill the boxes' },
    () => {
      const demandAfter = assignDemandAfter(scenario, places, m, openedSites);
      const filled = fillByCarriers(scenario, places, m, openedSites, demandAfter.assignment.boxLoad);
      return { after: demandAfter, carriers: filled };
    },
  );
  const days = deliveryDays(scenario.policy.deliveriesPerWeek);
  const { vans, reassigned } = await run({ step: 'vans', message: 'van routes' }, () => {
    const planned = fillByVans(
      scenario,
      places,
      m,
      { boxes: carriers.boxes, carrierOf: carriers.assignment.choice, homeDelivered: after.homeDelivered },
      { timeLimitS, seed },
    );
    return {
      vans: planned,
      reassigned: reassignUnfilled(reassignInput(scenario, places, m, openedSites, after, planned)),
    };
  });
  const roads = await withRoadGeometry(
    backend !== 'straightline' || options.travel ? travel.travel : undefined,
    vans.vans.routes,
    carriers.routes,
  );
  const layersStarted = performance.now();
  const drawn = options.mapLayers !== false && travel.travel.layers !== undefined;
  const layers = drawn
    ? mapLayers(
        scenario,
        travel.travel,
        openedSites.map((j) => scenario.candidateSites[j]!),
      )
    : {};
  if (drawn) timingsS.mapLayers = (performance.now() - layersStarted) / 1000;
  const staged = { travel, today, placement, after, carriers, vans, reassigned, roads, layers, days };
  const result = await run({ step: 'evaluate', message: 'KPIs before and after' }, () =>
    evaluateAndAssemble(scenario, places, staged, { createdAt: options.now ?? new Date(), timingsS }),
  );
  // The plan leaves through the same schema that clients read it with.
  return PlanSchema.parse(result);
}

/** The reassignment's input: the demand assignment before the vans, and the stops they left. */
function reassignInput(
  scenario: Scenario,
  places: PlaceIndex,
  m: SquareMatrix,
  openedSites: readonly number[],
  after: DemandAfterStage,
  vans: VanStage,
): ReassignInput {
  return {
    m,
    policy: scenario.policy,
    demand: scenario.demand.map((d, i) => ({ id: d.id, point: places.demand[i]! })),
    pickupPoints: places.pickupPoints,
    boxSiteIds: openedSites.map((j) => scenario.candidateSites[j]!.id),
    deliveryDayCount: deliveryDays(scenario.policy.deliveriesPerWeek).length,
    parts: after.assignment.parts,
    boxLoad: after.assignment.boxLoad,
    unfilled: vans.unfilled,
  };
}

interface Staged {
  travel: TravelStage;
  today: TodayStage;
  placement: PlacementStage;
  after: DemandAfterStage;
  carriers: CarrierStage;
  vans: VanStage;
  reassigned: Reassigned;
  roads: RoadGeometryStage;
  layers: MapLayersStage;
  days: readonly Weekday[];
}

/** KPIs, the boxes as the plan shows them and the access measures, then the plan document. */
function evaluateAndAssemble(
  scenario: Scenario,
  places: PlaceIndex,
  s: Staged,
  meta: { createdAt: Date; timingsS: Record<string, number> },
): Plan {
  const { today, after, reassigned, roads, placement } = s;
  const openedSites = placement.openedSites;
  const unserved = [...after.unserved, ...reassigned.unserved];
  const kpis = planKpis(scenario, {
    people: today.people,
    before: today.before,
    nearestAfter: after.nearestAfter,
    homeDelivered: after.homeDelivered,
    parts: reassigned.parts,
    inBox: reassigned.inBox,
    unserved,
    opened: openedSites.map((j) => scenario.candidateSites[j]!),
    vanRoutes: roads.vanRoutes,
    carrierRoutes: roads.carrierRoutes,
  });
  const boxes = openedBoxes(scenario, {
    people: today.people,
    openedSites,
    parts: reassigned.parts,
    boxLoad: reassigned.boxLoad,
    boxCapacityPerWeek: after.boxCapacityPerWeek,
    carriers: s.carriers.assignment,
    carrierRoutes: roads.carrierRoutes,
    vans: s.vans.vans,
    deliveryDayCount: s.days.length,
  });
  return assemblePlan(scenario, {
    places,
    people: today.people,
    before: today.before,
    nearestAfter: after.nearestAfter,
    homeDelivered: after.homeDelivered,
    parts: reassigned.parts,
    placement: placement.summary,
    boxes: boxes.boxes,
    carrierRoutes: roads.carrierRoutes,
    vanRoutes: roads.vanRoutes,
    kpis: kpis.kpis,
    unserved,
    accessAnalysis: accessBeforeAfter(scenario, places, s.travel.m, openedSites, after.pickupsAfter),
    assumptions: [
      ...placement.assumptions,
      ...planAssumptions(scenario, s.carriers.assignment.method, after.homeDelivered, s.days),
      ...timetableAssumptions(scenario, s.carriers.assignment.choice),
    ],
    warnings: [
      ...s.travel.warnings,
      ...today.warnings,
      ...placement.warnings,
      ...after.warnings,
      ...s.carriers.warnings,
      ...s.vans.warnings,
      ...reassigned.warnings,
      ...roads.warnings,
      ...boxes.warnings,
      ...kpis.warnings,
    ],
    attribution: s.travel.travel.attribution,
    layers: s.layers,
    ...meta,
  });
}
