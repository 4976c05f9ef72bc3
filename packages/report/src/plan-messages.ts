import type { PlanMessage } from '@paketbygd/model';
import { formatList, formatMinutes, formatNumber, formatShare, dayName } from './format';
import { t } from './i18n';
import { list, num, str } from './message-params';
import type { Names } from './lookup';

/** A planner's warning or assumption in the report's language: names for ids, the language's numbers. */
export function wordPlanMessage(message: PlanMessage, names: Names): string {
  const m = t().planMessages;
  const p = message.params;
  const place = (key: string) => m.quote(names.place(str(p, key)));
  const route = (key: string) => m.quote(names.route(str(p, key)));
  switch (message.code) {
    case 'travel_point': {
      const id = str(p, 'point');
      const point = id.startsWith('point ') ? m.routeStop(id.slice(6)) : m.quote(names.place(id));
      return m.travel_point(point, str(p, 'message'));
    }
    case 'unreachable_today':
      return m.unreachable_today(num(p, 'count'));
    case 'no_candidate_sites':
      return m.no_candidate_sites;
    case 'max_boxes_zero':
      return m.max_boxes_zero;
    case 'placement_infeasible':
      return m.placement_infeasible(list(p, 'notes').join('; '));
    case 'nearest_box_full': {
      const parcels = list(p, 'parcels');
      const of = list(p, 'ofParcels');
      const items = list(p, 'demand').map((id, i) =>
        m.nearestBoxFullItem(
          names.demandPoint(String(id)),
          formatNumber(Number(parcels[i])),
          formatNumber(Number(of[i])),
        ),
      );
      return m.nearest_box_full(num(p, 'count'), items.join(', '));
    }
    case 'detours_together_too_long':
      return m.detours_together_too_long(
        route('route'),
        formatMinutes(num(p, 'detourMin') * 60),
        formatMinutes(num(p, 'limitMin') * 60),
        place('site'),
      );
    case 'route_without_co2':
      return m.route_without_co2(route('route'));
    case 'loads_before_parcels':
      return m.loads_before_parcels(
        route('route'),
        str(p, 'loadsAt'),
        place('hub'),
        str(p, 'parcelsArriveAt'),
      );
    case 'van_route_violation':
      return m.van_route_violation(str(p, 'message'));
    case 'box_unfilled':
      return m.box_unfilled(place('site'), m.reasons[str(p, 'reason')] ?? str(p, 'reason'));
    case 'route_geometry_failed':
      return m.route_geometry_failed(str(p, 'message'));
    case 'fewer_deliveries':
      return m.fewer_deliveries(place('site'), route('route'), num(p, 'perWeek'), num(p, 'policyPerWeek'));
    case 'coverage_short':
      return m.coverage_short(formatShare(num(p, 'coveredShare'), 1), formatShare(num(p, 'targetShare'), 0));
    default:
      return wordAssumption(message, names);
  }
}

function wordAssumption(message: PlanMessage, names: Names): string {
  const m = t().planMessages;
  const p = message.params;
  const decimals = (x: number) => (Number.isInteger(x) ? 0 : 1);
  const figure = (key: string) => formatNumber(num(p, key), decimals(num(p, key)));
  switch (message.code) {
    case 'any_site_may_get_box':
      return m.any_site_may_get_box;
    case 'box_capacity':
      return m.box_capacity(figure('dwellTimeDays'));
    case 'investment_spread':
      return m.investment_spread(figure('years'));
    case 'household_trips':
      return m.household_trips(
        figure('parcelsPerTrip'),
        formatShare(num(p, 'carShare'), 0),
        figure('carCo2GPerKm'),
      );
    case 'same_parcels_each_day': {
      const days = list(p, 'days').map((d) => dayName(String(d)));
      return m.same_parcels_each_day(days.length, formatList(days));
    }
    case 'van_service_times':
      return m.van_service_times(figure('boxS'), figure('doorSPerParcel'));
    case 'carrier_assignment':
      return m.carrier_assignment[str(p, 'method')] ?? message.text;
    case 'cost_per_parcel':
      return m.cost_per_parcel;
    case 'home_delivery_covered':
      return m.home_delivery_covered;
    case 'transfer_times': {
      const stops = list(p, 'stops');
      const minutes = list(p, 'minutes');
      const transfers = list(p, 'routes').map((r, i) =>
        m.transferAt(m.quote(names.route(String(r))), String(stops[i]), formatNumber(Number(minutes[i]), 0)),
      );
      return m.transfer_times(figure('defaultMin'), formatList(transfers));
    }
    case 'departure_room_default':
      return m.departure_room_default;
    default:
      // The placement package's notes are English only: the sentence as the planner wrote it.
      return message.text;
  }
}
