/**
 * Builds examples/vingaker/scenario.json: `paketbygd init --kommun 0428` on the public data in
 * ../shared/geodata, plus the local additions below, each documented in README.md.
 * Run: pnpm exec tsx examples/vingaker/build-scenario.ts [--check]
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  validate,
  type CandidateSite,
  type Hub,
  type ScenarioInput,
  type StatedAssumption,
  type TransportRoute,
  type VehicleType,
} from '@paketbygd/model';
import { initScenario } from '@paketbygd/data';
import { writeOrCheck } from '../write-or-check';

const here = dirname(fileURLToPath(import.meta.url));

/** Places the local additions name, all from the files init reads (checked in `buildScenario`). */
const PLACES = {
  /** Trafiklab stop "Läppe" (stops-sweden-2022.csv). */
  lappeStop: [15.809022, 59.129877] as [number, number],
  /** Katrineholm C (vingaker-places.md): the regional parcel terminal town, 4 km outside the kommun. */
  katrineholm: [16.208056, 58.996389] as [number, number],
};

/** The sites that the bids name, by the id they have always had, at the stop or shop init found. */
const SITE_IDS: Record<string, string> = {
  'box-marmorbyn': 'box-marmorbyn',
  'box-baggetorp': 'box-baggetorp',
  // The stop "Bruksvägen" in Högsjö, 45 m from Coop Högsjö (init keeps one site within 500 m).
  'box-bruksvagen': 'box-hogsjo',
};

function lappeSite(): CandidateSite {
  return {
    id: 'box-lappe',
    name: 'Läppe',
    location: PLACES.lappeStop,
    host: 'bus_stop',
    compartments: 40,
    investmentCost: 120_000,
    yearlyCost: 18_000,
    access247: true,
    note: 'public-transport stop "Läppe" (Trafiklab 2022): the municipality tested a parcel box in Läppe filled by the rural library run',
  };
}

function hubs(town: [number, number]): Hub[] {
  const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri'] as const;
  return [
    {
      id: 'hub-katrineholm',
      name: 'Parcel terminal, Katrineholm',
      location: PLACES.katrineholm,
      parcelsArriveAt: '06:30',
      days: [...weekdays],
      note: 'assumption: parcels reach the area through Katrineholm C (vingaker-places.md), 4 km outside the kommun',
    },
    {
      id: 'hub-vingaker',
      name: 'Municipal depot, Vingåker library',
      location: town,
      parcelsArriveAt: '10:00',
      days: [...weekdays],
      note: "assumption: parcels for municipal trips are left in town with the morning delivery; placed at GeoNames' Vingåker",
    },
  ];
}

function vans(): VehicleType[] {
  const van = {
    costPerHour: 450,
    shift: { start: '07:00', end: '16:00' },
    startHubId: 'hub-katrineholm',
    endHubId: 'hub-katrineholm',
  };
  return [
    {
      id: 'van-electric',
      name: 'Electric van (3.5 t)',
      count: 2,
      capacityParcels: 120,
      costPerKm: 2.5,
      fixedCostPerDay: 300,
      co2GPerKm: 20,
      ...van,
    },
    {
      id: 'van-diesel',
      name: 'Diesel van (3.5 t)',
      count: 1,
      capacityParcels: 150,
      costPerKm: 3.5,
      fixedCostPerDay: 250,
      co2GPerKm: 210,
      ...van,
    },
  ];
}

function routes(hogsjoShopId: string): TransportRoute[] {
  return [
    {
      id: 'library-run',
      name: 'Rural library run (Vingåker library – Läppe – Högsjö)',
      kind: 'library_bus',
      operator: 'Vingåkers kommun',
      stops: [
        { name: 'Vingåker library', at: 'hub-vingaker', time: '10:30' },
        { name: 'Läppe', at: 'box-lappe', time: '11:05' },
        { name: 'Högsjö', at: hogsjoShopId, time: '11:45' },
        { name: 'Vingåker library', at: 'hub-vingaker', time: '12:20' },
      ],
      days: ['tue', 'thu'],
      loadingHubId: 'hub-vingaker',
      spareCapacityParcels: 40,
      maxDetourMin: 15,
      pricePerParcel: 0,
      pricePerStop: 60,
      co2GPerKm: 250,
      note: 'the municipality tested parcels on this run to a box in Läppe; the timetable is illustrative',
    },
    {
      id: 'bus-katrineholm-vingaker',
      name: 'Regional bus Katrineholm – Baggetorp – Marmorbyn – Vingåker',
      kind: 'bus_line',
      operator: 'regional public transport',
      stops: [
        { name: 'Katrineholm C', at: 'hub-katrineholm', time: '07:40' },
        { name: 'Baggetorp', at: 'box-baggetorp', time: '07:55' },
        { name: 'Marmorbyn', at: 'box-marmorbyn', time: '08:01' },
        { name: 'Vingåker', at: 'hub-vingaker', time: '08:20' },
      ],
      days: ['mon', 'tue', 'wed', 'thu', 'fri'],
      loadingHubId: 'hub-katrineholm',
      spareCapacityParcels: 25,
      maxDetourMin: 0,
      pricePerParcel: 15,
      pricePerStop: 0,
      note: 'stops at the real Baggetorp and Marmorbyn stops (Trafiklab 2022); spare room and timetable illustrative',
    },
    {
      id: 'home-care-west',
      name: 'Home-care round, west (Vingåker – Högsjö)',
      kind: 'home_care',
      operator: 'Vingåkers kommun, hemtjänst',
      stops: [
        { name: 'Vingåker', at: 'hub-vingaker', time: '13:00' },
        { name: 'Högsjö', at: hogsjoShopId, time: '13:25' },
        { name: 'Vingåker', at: 'hub-vingaker', time: '15:30' },
      ],
      days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'],
      loadingHubId: 'hub-vingaker',
      spareCapacityParcels: 6,
      maxDetourMin: 10,
      pricePerParcel: 10,
      pricePerStop: 0,
      co2GPerKm: 120,
      note: 'illustrative',
    },
  ];
}

const LOCAL_ASSUMPTIONS: StatedAssumption[] = [
  {
    subject: 'hubs',
    statement:
      'parcels reach the kommun at the terminal in Katrineholm at 06:30 on weekdays; municipal trips load at the Vingåker library at 10:00 (the example of issue 12, not a published timetable)',
  },
  {
    subject: 'vehicles',
    statement:
      '2 electric vans (120 parcels, 2.5 SEK/km, 450 SEK/h, 300 SEK a day, 20 g CO2/km) and 1 diesel van (150 parcels, 3.5 SEK/km, 250 SEK a day, 210 g CO2/km), shift 07:00–16:00 from Katrineholm: indicative costs of a 3.5 t van with driver',
  },
  {
    subject: 'transportRoutes',
    statement:
      'the library run (Tuesdays and Thursdays, 40 spare parcels, 15 min detour, 60 SEK a stop) follows the municipality’s Läppe test; the regional bus (weekdays, 25 spare parcels, 15 SEK a parcel) and the home-care round (daily, 6 spare parcels) are illustrative: their times and spare room are estimates',
  },
  {
    subject: 'demand (small villages)',
    statement:
      'Läppe, Marmorbyn and Baggetorp have fewer than 500 people and are not in GeoNames: their people are those the spread rule places around their stops, an estimate',
  },
];

export function buildScenario(): ScenarioInput {
  const base = initScenario({ kommun: '0428' });
  const town = base.demand.find((d) => d.name === 'Vingåker');
  const hogsjoShop = base.pickupPoints.find((p) => p.id === 'pts-3497');
  if (!town || !hogsjoShop)
    throw new Error('init no longer gives Vingåker (GeoNames) and Coop Högsjö (pts-3497)');
  const sites = base.candidateSites.map((c) => ({ ...c, id: SITE_IDS[c.id] ?? c.id }));
  for (const id of Object.values(SITE_IDS)) {
    if (!sites.some((c) => c.id === id)) throw new Error(`init no longer gives the site that becomes ${id}`);
  }
  const replaced = new Set(LOCAL_ASSUMPTIONS.map((a) => a.subject));
  const { statedAssumptions, sources, ...rest } = base;
  return {
    ...rest,
    name: 'Vingåker kommun: parcel boxes in the villages',
    description:
      'Parcel agents exist only in Vingåker town and Högsjö (PTS 2021). Which villages should get a parcel box, and can the library run or the regional bus fill them instead of a van?',
    candidateSites: [lappeSite(), ...sites.filter((c) => c.id !== 'box-lappe')],
    hubs: hubs(town.location),
    vehicles: vans(),
    transportRoutes: routes(hogsjoShop.id),
    sources: [
      ...sources,
      {
        title: 'Vingåkers kommun: the library-run parcel test to a box in Läppe',
        note: 'municipal information, as given in issue 12',
      },
    ],
    statedAssumptions: [...statedAssumptions.filter((a) => !replaced.has(a.subject)), ...LOCAL_ASSUMPTIONS],
  };
}

export const SCENARIO_PATH = join(here, 'scenario.json');

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const scenario = buildScenario();
  const result = validate('scenario', scenario);
  if (!result.ok)
    throw new Error(`the built scenario is not valid:\n${JSON.stringify(result.problems, null, 2)}`);
  writeOrCheck(
    SCENARIO_PATH,
    scenario,
    `wrote ${SCENARIO_PATH}: ${scenario.demand.length} demand points, ${scenario.candidateSites?.length} candidate sites, ${scenario.transportRoutes?.length} routes`,
  );
}
