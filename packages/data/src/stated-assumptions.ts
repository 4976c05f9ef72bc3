import type { StatedAssumption } from '@paketbygd/model';
import { MEASURED_SPREAD_ERROR_PP } from './init/spread-rule-error';
import type { SpreadRule } from './init/spread';

/**
 * Every assumption `init` and a GTFS read state in a scenario: its code, its parameters (names and
 * figures, so that a report can word it in its own language with its own number format) and the
 * English subject, statement and measured error that JSON readers get.
 */

/** The subject of the assumptions a GTFS read states (replaced when the feed is read again). */
export const GTFS_SUBJECT = 'existing transports from the GTFS timetable';

const en = (n: number) => n.toLocaleString('en');
const pp = (x: number) => x.toFixed(1);

/** The distances (km) at which the spreading rule's error was measured. */
const ERROR_RADII_KM = [2, 5, 10] as const;

export function spreadRuleErrorText(): string {
  const e = MEASURED_SPREAD_ERROR_PP;
  return `measured on Dalarna's 15 kommuner against SCB's 1 km grid: share of people within 2 / 5 / 10 km of today's points off by ${pp(e.mean[2])} / ${pp(e.mean[5])} / ${pp(e.mean[10])} percentage points on average, at most ${pp(e.max[2])} / ${pp(e.max[5])} / ${pp(e.max[10])} (rule "${e.rule}", pnpm bench:data)`;
}

const RULE_TEXT: Record<SpreadRule, string> = {
  stops: 'an equal share at every public-transport stop outside the settlements',
  'stop-names': 'an equal share at every distinct stop name outside the settlements',
  'stop-cells': 'an equal share in every 1 km square holding a public-transport stop outside the settlements',
  area: 'an equal share in every 1 km square of the kommun outside the settlements (no stop there to use)',
};

export interface ParcelVolumeFigures {
  perInhabitantYear: number;
  volumeYear: number;
  householdParcels: number;
  population2016: number;
  businessParcels: number;
}

export interface VanFigures {
  count: number;
  capacityParcels: number;
  costPerKm: number;
  costPerHour: number;
  fixedCostPerDay: number;
  co2GPerKm: number;
  shift: { start: string; end: string };
}

export interface PolicyFigures {
  maxAccessDistanceM: number;
  targetCoveredShare: number;
  maxBoxes: number;
  candidateCount: number;
  budgetPerYear: number;
  deliveriesPerWeek: number;
}

export const stated = {
  parcelsPerInhabitant: (f: ParcelVolumeFigures): StatedAssumption => ({
    subject: 'demand.parcelsPerWeek',
    statement: `${f.perInhabitantYear.toFixed(2)} parcels per inhabitant a year: the kommun's B2C + C2X parcels of ${f.volumeYear} (${en(f.householdParcels)}) over its population of 2016 (${en(f.population2016)}); B2B parcels (${en(f.businessParcels)}) go to businesses and are left out; spread over the year evenly (52 weeks)`,
    code: 'parcels_per_inhabitant',
    params: { ...f, perInhabitantYear: Number(f.perInhabitantYear.toFixed(2)) },
  }),
  /** `what` is the scenario field the points were left out of; `names` what they are called. */
  pointsLeftOut: (what: 'pickupPoints' | 'demand', names: string[], limitM: number): StatedAssumption => ({
    subject: what,
    statement: `${names.length} listed for this kommun lie more than ${limitM / 1000} km outside its simplified boundary and are left out: ${names.join('; ')}`,
    code: 'points_left_out',
    params: { what, count: names.length, limitKm: limitM / 1000, names },
  }),
  settlements: (
    count: number,
    inSettlements: number,
    population2016: number,
    scale: number,
    maxShare: number,
  ): StatedAssumption => ({
    subject: 'demand',
    statement: `${count} GeoNames settlements hold ${en(Math.round(inSettlements))} of the kommun's ${en(population2016)} people (2016)${scale < 1 ? `, scaled by ${scale.toFixed(3)} because GeoNames lists more people than the kommun has (settlements keep at most ${maxShare * 100} %)` : ''}; each stands at its centre point`,
    code: 'settlements',
    params: {
      count,
      inSettlements: Math.round(inSettlements),
      population2016,
      scale: Number(scale.toFixed(3)),
      maxSharePercent: maxShare * 100,
    },
  }),
  /** GeoNames rows of the kommun that lie more than `marginM` outside it; `reason` is the English one. */
  settlementsRefused: (
    refused: readonly { line: number; name: string; reason: string }[],
    marginM: number,
  ): StatedAssumption => ({
    subject: 'demand',
    statement: `GeoNames rows refused (more than ${marginM / 1000} km outside the kommun): ${refused.map((r) => `line ${r.line}: ${r.reason}`).join('; ')}`,
    code: 'settlements_refused',
    params: {
      marginKm: marginM / 1000,
      lines: refused.map((r) => r.line),
      names: refused.map((r) => r.name),
    },
  }),
  spreadRule: (rule: SpreadRule, people: number, points: number): StatedAssumption => {
    const e = MEASURED_SPREAD_ERROR_PP;
    const measured = rule === e.rule;
    return {
      subject: 'demand (people outside settlements)',
      statement: `${en(people)} people who live outside the GeoNames settlements are spread by rule "${rule}": ${RULE_TEXT[rule]} (Trafiklab stops 2022), gathered into ${points} points of 1 km squares`,
      ...(measured ? { measuredError: spreadRuleErrorText() } : {}),
      code: 'spread_rule',
      params: {
        rule,
        people,
        points,
        ...(measured
          ? {
              errorRadiiKm: [...ERROR_RADII_KM],
              errorMeanPp: ERROR_RADII_KM.map((km) => e.mean[km]),
              errorMaxPp: ERROR_RADII_KM.map((km) => e.max[km]),
            }
          : {}),
      },
    };
  },
  hub: (town: string, parcelsArriveAt: string): StatedAssumption => ({
    subject: 'hubs',
    statement: `one parcel hub in ${town}, the kommun's largest place; parcels arrive there at ${parcelsArriveAt} on weekdays`,
    code: 'hub',
    params: { town, parcelsArriveAt },
  }),
  vehicles: (v: VanFigures): StatedAssumption => ({
    subject: 'vehicles',
    statement: `${v.count} electric vans of ${v.capacityParcels} parcels, ${v.costPerKm} SEK/km, ${v.costPerHour} SEK/h, ${v.fixedCostPerDay} SEK a day, ${v.co2GPerKm} g CO2/km, shift ${v.shift.start}–${v.shift.end} (indicative costs of a 3.5 t van with driver)`,
    code: 'vehicles',
    params: {
      count: v.count,
      capacityParcels: v.capacityParcels,
      costPerKm: v.costPerKm,
      costPerHour: v.costPerHour,
      fixedCostPerDay: v.fixedCostPerDay,
      co2GPerKm: v.co2GPerKm,
      shiftStart: v.shift.start,
      shiftEnd: v.shift.end,
    },
  }),
  boxCosts: (compartments: number, investment: number, yearly: number): StatedAssumption => ({
    subject: 'candidateSites costs',
    statement: `every candidate box: ${compartments} compartments, ${en(investment)} SEK to install, ${en(yearly)} SEK a year (indicative prices of outdoor parcel lockers with power and connectivity)`,
    code: 'box_costs',
    params: { compartments, investment, yearly },
  }),
  policy: (p: PolicyFigures): StatedAssumption => {
    const maxBoxes = Math.min(p.maxBoxes, p.candidateCount);
    const fewSites = p.candidateCount < p.maxBoxes;
    return {
      subject: 'policy',
      statement: `a pickup point within ${p.maxAccessDistanceM / 1000} km for ${p.targetCoveredShare * 100} % of people, at most ${maxBoxes} boxes${fewSites ? ` (only ${p.candidateCount} candidate sites)` : ''}, ${en(p.budgetPerYear)} SEK a year, ${p.deliveriesPerWeek} deliveries a week, no home delivery: a starting point for the kommun to change`,
      code: 'policy',
      params: {
        maxAccessKm: p.maxAccessDistanceM / 1000,
        targetPercent: p.targetCoveredShare * 100,
        maxBoxes,
        ...(fewSites ? { candidateCount: p.candidateCount } : {}),
        budgetPerYear: p.budgetPerYear,
        deliveriesPerWeek: p.deliveriesPerWeek,
      },
    };
  },
  travelStraightLine: (): StatedAssumption => ({
    subject: 'travel',
    statement:
      'straight-line distances times the measured rural detour factor: no Swedish road extract is shipped',
    code: 'travel_straight_line',
    params: {},
  }),
  noTransports: (): StatedAssumption => ({
    subject: 'transportRoutes',
    statement:
      'none: no existing transport (bus line, library run, home care) is known to carry parcels; add them',
    code: 'no_transports',
    params: {},
  }),
  gtfsBusRoom: (spareParcels: number, pricePerParcel: number, currency: string): StatedAssumption => ({
    subject: GTFS_SUBJECT,
    statement: `assumption: a bus trip has room for ${spareParcels} parcels beside the passengers' luggage, at ${pricePerParcel} ${currency} a parcel (no published tariff; ask the operator)`,
    code: 'gtfs_bus_room',
    params: { spareParcels, pricePerParcel, currency },
  }),
  gtfsOnDemandRoom: (
    spareParcels: number,
    pricePerParcel: number,
    currency: string,
    maxDetourMin: number,
  ): StatedAssumption => ({
    subject: GTFS_SUBJECT,
    statement: `assumption: a booked on-demand trip takes up to ${spareParcels} parcels at ${pricePerParcel} ${currency} a parcel and may detour ${maxDetourMin} min to a box`,
    code: 'gtfs_on_demand_room',
    params: { spareParcels, pricePerParcel, currency, maxDetourMin },
  }),
  gtfsBusKeepsLine: (stopMatchM: number): StatedAssumption => ({
    subject: GTFS_SUBJECT,
    statement: `a bus keeps its line and its stops: it fills only boxes at its stops (within ${stopMatchM} m)`,
    code: 'gtfs_bus_keeps_line',
    params: { stopMatchM },
  }),
  gtfsBusLoading: (hubStopM: number): StatedAssumption => ({
    subject: GTFS_SUBJECT,
    statement: `parcels are put on a bus at its stop nearest the hub, if that is within ${hubStopM} m (the hub's staff carry them over)`,
    code: 'gtfs_bus_loading',
    params: { hubStopM },
  }),
  gtfsOnDemandBooked: (): StatedAssumption => ({
    subject: GTFS_SUBJECT,
    statement: 'on-demand departures in the timetable run only when booked: a parcel run books one',
    code: 'gtfs_on_demand_booked',
    params: {},
  }),
};
