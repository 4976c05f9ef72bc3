import type { StatedAssumption } from '@paketbygd/model';
import { formatKm, formatMinutes, formatMoney, formatNumber, formatPercent, NBSP } from './format';
import { t } from './i18n';
import { list, num, str, type Params } from './message-params';

/** A stated assumption as a reader sees it; `inLanguage` is false for an uncoded one, which stays in English. */
export interface WordedAssumption {
  subject: string;
  statement: string;
  measuredError?: string;
  inLanguage: boolean;
}

/** `init` states its figures in kronor; a GTFS read in the scenario's currency. */
const INIT_CURRENCY = 'SEK';

const decimals = (x: number) => (Number.isInteger(x) ? 0 : 1);
const figure = (p: Params, key: string) => formatNumber(num(p, key), decimals(num(p, key)));
const money = (p: Params, key: string, currency = INIT_CURRENCY) =>
  formatMoney(num(p, key), currency, decimals(num(p, key)));
const km = (p: Params, key: string) => formatKm(num(p, key) * 1000, decimals(num(p, key)));
const metres = (p: Params, key: string) => `${formatNumber(num(p, key))}${NBSP}m`;
const figures = (p: Params, key: string, unit = '') =>
  `${list(p, key)
    .map((x) => formatNumber(Number(x), 1))
    .join(' / ')}${unit}`;

function statement(a: StatedAssumption, p: Params): string {
  const w = t().statedAssumptions;
  switch (a.code) {
    case 'parcels_per_inhabitant':
      return w.parcels_per_inhabitant(
        formatNumber(num(p, 'perInhabitantYear'), 2),
        str(p, 'volumeYear'),
        figure(p, 'householdParcels'),
        figure(p, 'population2016'),
        figure(p, 'businessParcels'),
      );
    case 'points_left_out':
      return w.points_left_out(num(p, 'count'), km(p, 'limitKm'), list(p, 'names').join('; '));
    case 'settlements': {
      const scale = num(p, 'scale');
      const scaled =
        scale < 1
          ? w.settlementsScaled(formatNumber(scale, 3), formatPercent(num(p, 'maxSharePercent'), 0))
          : '';
      return w.settlements(num(p, 'count'), figure(p, 'inSettlements'), figure(p, 'population2016'), scaled);
    }
    case 'settlements_refused': {
      const names = list(p, 'names');
      const rows = list(p, 'lines').map((line, i) => w.refusedRow(Number(line), String(names[i])));
      return w.settlements_refused(km(p, 'marginKm'), rows.join('; '));
    }
    case 'spread_rule': {
      const rule = str(p, 'rule');
      return w.spread_rule(figure(p, 'people'), rule, w.rules[rule] ?? rule, figure(p, 'points'));
    }
    case 'hub':
      return w.hub(str(p, 'town'), str(p, 'parcelsArriveAt'));
    case 'vehicles':
      return w.vehicles(
        num(p, 'count'),
        figure(p, 'capacityParcels'),
        money(p, 'costPerKm'),
        money(p, 'costPerHour'),
        money(p, 'fixedCostPerDay'),
        figure(p, 'co2GPerKm'),
        str(p, 'shiftStart'),
        str(p, 'shiftEnd'),
      );
    case 'box_costs':
      return w.box_costs(figure(p, 'compartments'), money(p, 'investment'), money(p, 'yearly'));
    case 'policy':
      return w.policy(
        km(p, 'maxAccessKm'),
        formatPercent(num(p, 'targetPercent'), decimals(num(p, 'targetPercent'))),
        num(p, 'maxBoxes'),
        p.candidateCount !== undefined ? w.policyFewSites(num(p, 'candidateCount')) : '',
        money(p, 'budgetPerYear'),
        num(p, 'deliveriesPerWeek'),
      );
    case 'travel_straight_line':
      return w.travel_straight_line;
    case 'no_transports':
      return w.no_transports;
    case 'gtfs_bus_room':
      return w.gtfs_bus_room(num(p, 'spareParcels'), money(p, 'pricePerParcel', str(p, 'currency')));
    case 'gtfs_on_demand_room':
      return w.gtfs_on_demand_room(
        num(p, 'spareParcels'),
        money(p, 'pricePerParcel', str(p, 'currency')),
        formatMinutes(num(p, 'maxDetourMin') * 60),
      );
    case 'gtfs_bus_keeps_line':
      return w.gtfs_bus_keeps_line(metres(p, 'stopMatchM'));
    case 'gtfs_bus_loading':
      return w.gtfs_bus_loading(metres(p, 'hubStopM'));
    case 'gtfs_on_demand_booked':
      return w.gtfs_on_demand_booked;
    default:
      return a.statement;
  }
}

function subject(a: StatedAssumption, p: Params): string {
  const w = t().statedAssumptions;
  if (a.code === 'points_left_out') return w.leftOutSubjects[str(p, 'what')] ?? a.subject;
  return (a.code && w.subjects[a.code]) ?? a.subject;
}

function measuredError(a: StatedAssumption, p: Params): string | undefined {
  if (a.measuredError === undefined) return undefined;
  if (a.code !== 'spread_rule' || p.errorMeanPp === undefined) return a.measuredError;
  const radii = `${list(p, 'errorRadiiKm').join(' / ')}${NBSP}km`;
  return t().statedAssumptions.spreadError(
    radii,
    figures(p, 'errorMeanPp'),
    figures(p, 'errorMaxPp'),
    str(p, 'rule'),
  );
}

/**
 * A scenario's stated assumption in the report's language, with its numbers: worded from its code
 * and params when `init` or a GTFS read made it; as written (English) when a person did.
 */
export function wordStatedAssumption(a: StatedAssumption): WordedAssumption {
  if (a.code === undefined) {
    return {
      subject: a.subject,
      statement: a.statement,
      ...(a.measuredError !== undefined ? { measuredError: a.measuredError } : {}),
      inLanguage: false,
    };
  }
  const p = a.params ?? {};
  const error = measuredError(a, p);
  return {
    subject: subject(a, p),
    statement: statement(a, p),
    ...(error !== undefined ? { measuredError: error } : {}),
    inLanguage: true,
  };
}
