import { Plan as PlanSchema, type Plan, type Scenario } from '@paketbygd/model';
import type { TravelCosts } from '@paketbygd/travel';
import { deliveryDays } from './delivery-days';
import { indexPlaces } from './places';
import { accessBeforeAfter } from './plan/access-before-after';
import { assemblePlan, planAssumptions } from './plan/assemble';
import { assignDemandAfter } from './plan/demand-after';
import { fillByCarriers } from './plan/fill-by-carriers';
import { fillByVans } from './plan/fill-by-vans';
import { planKpis } from './plan/kpis';
import { openedBoxes } from './plan/opened-boxes';
import { placeBoxes } from './plan/placement';
import { reassignUnfilled } from './plan/reassign';
import { withRoadGeometry } from './plan/road-geometry';
import { accessToday } from './plan/today';
import { travelMatrix } from './plan/travel-matrix';

export type PlanStep = 'travel' | 'before' | 'placement' | 'carriers' | 'vans' | 'evaluate';

export interface PlanProgress {
  step: PlanStep;
  /** 0..100 over the whole plan. */
  percent: number;
  message: string;
}

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
  const run = async <T>(name: PlanStep, message: string, work: () => T | Promise<T>): Promise<T> => {
    options.onProgress?.({ step: name, percent: STEP_PERCENT[name], message });
    const started = performance.now();
    const result = await work();
    timingsS[name] = (performance.now() - started) / 1000;
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
  const travel = await run('travel', `travel matrix over ${places.points.length} points (${backend})`, () =>
    travelMatrix(scenario, places, options.travel),
  );
  const { m } = travel;
  const today = await run('before', "today's access to the existing pickup points", () =>
    accessToday(scenario, places, m),
  );
  const placement = await run('placement', 'choosing box sites', () =>
    placeBoxes(scenario, places, m, { openSiteIds: options.openSiteIds, timeLimitS, seed }),
  );
  const { openedSites } = placement;
  const { after, carriers } = await run('carriers', 'which existing transports can fill the boxes', () => {
    const demandAfter = assignDemandAfter(scenario, places, m, openedSites);
    const filled = fillByCarriers(scenario, places, m, openedSites, demandAfter.assignment.boxLoad);
    return { after: demandAfter, carriers: filled };
  });
  const days = deliveryDays(scenario.policy.deliveriesPerWeek);
  const { vans, reassigned } = await run('vans', 'van routes', () => {
    const planned = fillByVans(
      scenario,
      places,
      m,
      { boxes: carriers.boxes, carrierOf: carriers.assignment.choice, homeDelivered: after.homeDelivered },
      { timeLimitS, seed },
    );
    const back = reassignUnfilled({
      m,
      policy: scenario.policy,
      demand: scenario.demand.map((d, i) => ({ id: d.id, point: places.demand[i]! })),
      pickupPoints: places.pickupPoints,
      boxSiteIds: carriers.boxes.map((b) => b.siteId),
      deliveryDayCount: days.length,
      parts: after.assignment.parts,
      boxLoad: after.assignment.boxLoad,
      unfilled: planned.unfilled,
    });
    return { vans: planned, reassigned: back };
  });
  const roads = await withRoadGeometry(
    backend !== 'straightline' || options.travel ? travel.travel : undefined,
    vans.vans.routes,
    carriers.routes,
  );
  const evaluated = await run('evaluate', 'KPIs before and after', () => {
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
      carriers: carriers.assignment,
      carrierRoutes: roads.carrierRoutes,
      vans: vans.vans,
      deliveryDayCount: days.length,
    });
    const accessAnalysis = accessBeforeAfter(scenario, places, m, openedSites, after.pickupsAfter);
    return { unserved, kpis, boxes, accessAnalysis };
  });
  const result = assemblePlan(scenario, {
    places,
    people: today.people,
    before: today.before,
    nearestAfter: after.nearestAfter,
    homeDelivered: after.homeDelivered,
    parts: reassigned.parts,
    placement: placement.summary,
    boxes: evaluated.boxes.boxes,
    carrierRoutes: roads.carrierRoutes,
    vanRoutes: roads.vanRoutes,
    kpis: evaluated.kpis.kpis,
    unserved: evaluated.unserved,
    accessAnalysis: evaluated.accessAnalysis,
    assumptions: [
      ...placement.assumptions,
      ...planAssumptions(scenario, carriers.assignment.method, after.homeDelivered, days),
    ],
    warnings: [
      ...travel.warnings,
      ...today.warnings,
      ...placement.warnings,
      ...after.warnings,
      ...carriers.warnings,
      ...vans.warnings,
      ...reassigned.warnings,
      ...roads.warnings,
      ...evaluated.boxes.warnings,
      ...evaluated.kpis.warnings,
    ],
    attribution: travel.travel.attribution,
    createdAt: options.now ?? new Date(),
    timingsS,
  });
  // The plan leaves through the same schema that clients read it with.
  return PlanSchema.parse(result);
}
