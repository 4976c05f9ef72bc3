import type { PlanMessage, Scenario, Weekday } from '@paketbygd/model';
import type { BoxDemand, CarrierOption } from '../carriers';
import { deliveryDays } from '../delivery-days';
import type { SquareMatrix } from '../matrix';
import type { PlaceIndex } from '../places';
import { planVansByDays } from '../timetable-plan';
import { planVans, type VanPlan, type VanStopDemand } from '../vans';
import { warn } from './messages';

/** A stop the vans were asked to serve and did not, wholly or in part. */
export interface UnfilledStop {
  id: string;
  kind: 'box' | 'home';
  /** Parcels a delivery the vans were asked to bring there. */
  plannedParcelsPerDelivery: number;
  /** Of them, the parcels no van took. */
  missedParcelsPerDelivery: number;
  /** Days a week a van was to come. */
  vanDayCount: number;
  /** The solver's reason. */
  reason: string;
}

export interface VanStage {
  vans: VanPlan;
  unfilled: UnfilledStop[];
  warnings: PlanMessage[];
}

export interface VanInput {
  boxes: readonly BoxDemand[];
  /** The transport that fills each box, if any: the vans come on its van days only. */
  carrierOf: readonly (CarrierOption | undefined)[];
  homeDelivered: readonly boolean[];
}

type DatedStop = VanStopDemand & { days: readonly Weekday[] };

/** Van routes to the boxes no transport fills (on the days it does not) and to home-delivered households. */
export function fillByVans(
  scenario: Scenario,
  places: PlaceIndex,
  m: SquareMatrix,
  input: VanInput,
  options: { timeLimitS: number; seed: number },
): VanStage {
  const stops = vanStops(scenario, places, input);
  const vans = planVansByDays(stops, (group, onDays) =>
    planVans(scenario, places, m, group, onDays, {
      timeLimitS: Math.max(1, (options.timeLimitS * 0.5) / new Set(stops.map((s) => s.days.join())).size),
      seed: options.seed,
    }),
  );
  const unfilled = vans.unserved.map((u): UnfilledStop => {
    const stop = stops.find((x) => x.id === u.id)!;
    return {
      id: u.id,
      kind: stop.kind,
      plannedParcelsPerDelivery: stop.parcelsPerDelivery,
      missedParcelsPerDelivery: u.parcelsPerDelivery,
      vanDayCount: stop.days.length,
      reason: u.reason,
    };
  });
  return { vans, unfilled, warnings: vans.violations.map(warn.vanRouteViolation) };
}

function vanStops(scenario: Scenario, places: PlaceIndex, input: VanInput): DatedStop[] {
  const days = deliveryDays(scenario.policy.deliveriesPerWeek);
  const vanDaysOf = (b: number): readonly Weekday[] => input.carrierOf[b]?.vanDays ?? days;
  const boxStops = input.boxes.flatMap((box, b): DatedStop[] =>
    vanDaysOf(b).length === 0 || box.parcelsPerWeek <= 0
      ? []
      : [
          {
            id: box.siteId,
            name: box.name,
            point: box.point,
            kind: 'box',
            parcelsPerDelivery: box.parcelsPerWeek / days.length,
            days: vanDaysOf(b),
          },
        ],
  );
  const homeStops = scenario.demand.flatMap((d, i): DatedStop[] =>
    input.homeDelivered[i] && d.parcelsPerWeek > 0
      ? [
          {
            id: d.id,
            name: d.name,
            point: places.demand[i]!,
            kind: 'home',
            parcelsPerDelivery: d.parcelsPerWeek / days.length,
            days,
          },
        ]
      : [],
  );
  return [...boxStops, ...homeStops];
}
