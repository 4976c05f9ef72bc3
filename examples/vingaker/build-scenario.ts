/**
 * Builds examples/vingaker/scenario.json from the public data in ../shared/geodata/sweden.
 * Run: pnpm exec tsx examples/vingaker/build-scenario.ts [--check]
 * Every number that is not from a file below is an assumption named in README.md.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  distanceOutsideAreaM,
  haversineM,
  validate,
  type AreaGeometry,
  type LonLat,
  type ScenarioInput,
} from '@paketbygd/model';

const here = dirname(fileURLToPath(import.meta.url));
const sweden = join(here, '..', '..', '..', 'shared', 'geodata', 'sweden');

export const ASSUMPTIONS = {
  /** SCB, folkmängd 31 December 2023, Vingåkers kommun (0428). */
  kommunPopulation: 8856,
  /** SCB tätort statistics 2020, Vingåker tätort. */
  townPopulation: 4741,
  /** Estimates for the villages (see README): SCB counts Högsjö, Marmorbyn and Baggetorp as tätorter (≥ 200 people), Läppe as a småort. */
  villagePopulation: { hogsjo: 450, marmorbyn: 300, baggetorp: 250, lappe: 120 } as Record<string, number>,
  parcelsPerInhabitantPerYear: 25,
  peoplePerHousehold: 2.1,
  /** Rural remainder spread over a grid inside the boundary, cells this far apart. */
  ruralGridStepM: 4000,
  /** No rural cell this close to a locality point (its people are counted in the locality). */
  ruralMinDistanceFromLocalityM: 2500,
  /** Hjälmaren: the boundary runs into the lake north of Läppe's shore; no cell north of this. */
  hjalmarenShoreLat: 59.135,
  boxInvestmentSek: 120_000,
  boxYearlyCostSek: 18_000,
  ruralBoxInvestmentSek: 90_000,
  ruralBoxYearlyCostSek: 15_000,
};

interface Locality {
  id: string;
  name: string;
  location: LonLat;
  source: string;
  approximate?: boolean;
}

function readCsv(file: string): string[][] {
  return readFileSync(join(sweden, file), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split(','));
}

function localityFromSvenskaStader(id: string, name: string, area: AreaGeometry): Locality {
  const row = readCsv('svenska-stader.csv').find((r) => r[0] === name && r[1] === 'Vingåker');
  if (!row) throw new Error(`svenska-stader.csv has no row for ${name}, Vingåker`);
  const location: LonLat = [Number(row[4]), Number(row[3])];
  const outsideM = distanceOutsideAreaM(location, area);
  if (outsideM > 0) {
    throw new Error(
      `${name} from svenska-stader.csv lies ${Math.round(outsideM)} m outside kommun 0428: a namesake`,
    );
  }
  return { id, name, location, source: 'svenska-stader.csv (checked inside the kommun boundary)' };
}

export function buildScenario(): ScenarioInput {
  const boundary = JSON.parse(readFileSync(join(sweden, 'vingaker-municipality.geojson'), 'utf8')) as {
    features: { properties: { id: string }; geometry: AreaGeometry }[];
  };
  const feature = boundary.features.find((f) => f.properties.id === '0428');
  if (!feature) throw new Error('vingaker-municipality.geojson has no feature with id 0428');
  const area = feature.geometry;

  const town = localityFromSvenskaStader('vingaker', 'Vingåker', area);
  const marmorbyn = localityFromSvenskaStader('marmorbyn', 'Marmorbyn', area);
  const lappe = localityFromSvenskaStader('lappe', 'Läppe', area);
  // svenska-stader's Baggetorp and Högsjö rows are namesakes elsewhere (see vingaker-places.md).
  const baggetorp: Locality = {
    id: 'baggetorp',
    name: 'Baggetorp',
    location: [16.064913, 59.009616],
    source: 'Trafikverket station register (Baggetorp station), as listed in vingaker-places.md',
  };
  const hogsjo: Locality = {
    id: 'hogsjo',
    name: 'Högsjö',
    location: [15.73, 59.05],
    source: 'approximate: no source here gives Högsjö; placed west of Vingåker town inside the boundary',
    approximate: true,
  };
  const villages = [hogsjo, marmorbyn, baggetorp, lappe];
  for (const place of [town, ...villages]) {
    if (distanceOutsideAreaM(place.location, area) > 0)
      throw new Error(`${place.name} is outside the kommun`);
  }

  const perWeek = (people: number) =>
    Math.round(((people * ASSUMPTIONS.parcelsPerInhabitantPerYear) / 52) * 10) / 10;
  const households = (people: number) => Math.round(people / ASSUMPTIONS.peoplePerHousehold);
  const localityDemand = [town, ...villages].map((place) => {
    const population = place === town ? ASSUMPTIONS.townPopulation : ASSUMPTIONS.villagePopulation[place.id]!;
    return {
      id: place.id,
      name: place.name,
      location: place.location,
      population,
      households: households(population),
      parcelsPerWeek: perWeek(population),
      note: place === town ? 'SCB tätort 2020' : `estimate; location: ${place.source}`,
    };
  });

  // Rural remainder on a regular grid, in metres converted at the kommun's latitude.
  const ruralPeople = ASSUMPTIONS.kommunPopulation - localityDemand.reduce((sum, d) => sum + d.population, 0);
  const [minLon, minLat, maxLon, maxLat] = bbox(area);
  const midLat = (minLat + maxLat) / 2;
  const dLat = ASSUMPTIONS.ruralGridStepM / 111_320;
  const dLon = ASSUMPTIONS.ruralGridStepM / (111_320 * Math.cos((midLat * Math.PI) / 180));
  const cells: { id: string; location: LonLat }[] = [];
  for (let row = 0, lat = minLat + dLat / 2; lat < maxLat; row++, lat += dLat) {
    for (let col = 0, lon = minLon + dLon / 2; lon < maxLon; col++, lon += dLon) {
      const location: LonLat = [round6(lon), round6(lat)];
      if (lat > ASSUMPTIONS.hjalmarenShoreLat) continue;
      if (distanceOutsideAreaM(location, area) > 0) continue;
      const nearLocality = [town, ...villages].some(
        (p) => haversineM(p.location, location) < ASSUMPTIONS.ruralMinDistanceFromLocalityM,
      );
      if (!nearLocality) cells.push({ id: `rural-r${row}c${col}`, location });
    }
  }
  const perCell = ruralPeople / cells.length;
  const ruralDemand = cells.map((cell) => ({
    id: cell.id,
    name: `Rural cell ${cell.id.slice(6)}`,
    location: cell.location,
    population: Math.round(perCell * 10) / 10,
    households: Math.round((perCell / ASSUMPTIONS.peoplePerHousehold) * 10) / 10,
    parcelsPerWeek: perWeek(perCell),
    note: `rural remainder (${ruralPeople} people) spread evenly over ${cells.length} grid cells of ${ASSUMPTIONS.ruralGridStepM / 1000} km`,
  }));

  const existingPoints = [town, hogsjo];
  const farFromPickup = cells.filter(
    (c) => Math.min(...existingPoints.map((p) => haversineM(p.location, c.location))) > 7000,
  );
  const ruralSites = farFromPickup.map((cell) => ({
    id: `box-${cell.id}`,
    name: `Bus stop near ${cell.id}`,
    location: cell.location,
    host: 'bus_stop' as const,
    compartments: 16,
    investmentCost: ASSUMPTIONS.ruralBoxInvestmentSek,
    yearlyCost: ASSUMPTIONS.ruralBoxYearlyCostSek,
    locationApproximate: true,
    note: 'a roadside box at the centre of a rural grid cell (stand-in for the nearest bus stop)',
  }));

  const villageSite = (
    place: Locality,
    host: 'community_hall' | 'school' | 'bus_stop' | 'library' | 'shop',
    note: string,
  ) => ({
    id: `box-${place.id}`,
    name: `${place.name} ${host.replace('_', ' ')}`,
    location: place.location,
    host,
    compartments: 40,
    investmentCost: ASSUMPTIONS.boxInvestmentSek,
    yearlyCost: ASSUMPTIONS.boxYearlyCostSek,
    locationApproximate: true,
    note,
  });

  return {
    kind: 'scenario',
    name: 'Vingåker kommun: parcel boxes in the villages',
    description:
      'Parcel agents exist only in Vingåker town and Högsjö. Which villages should get a parcel box, and can the library run or the regional bus fill them instead of a van?',
    area,
    currency: 'SEK',
    period: { unit: 'week' },
    demand: [...localityDemand, ...ruralDemand],
    pickupPoints: [
      {
        id: 'agent-vingaker',
        name: 'Parcel agent, Vingåker town (grocery shop)',
        kind: 'parcel_agent',
        location: town.location,
        openingHours: {
          mon: [['08:00', '20:00']],
          tue: [['08:00', '20:00']],
          wed: [['08:00', '20:00']],
          thu: [['08:00', '20:00']],
          fri: [['08:00', '20:00']],
          sat: [['09:00', '18:00']],
          sun: [['10:00', '18:00']],
        },
        capacityParcelsPerDay: 400,
        locationApproximate: true,
        note: 'exists today (municipal information); placed at the town centre point',
      },
      {
        id: 'agent-hogsjo',
        name: 'Parcel agent, Högsjö',
        kind: 'parcel_agent',
        location: hogsjo.location,
        openingHours: {
          mon: [['09:00', '18:00']],
          tue: [['09:00', '18:00']],
          wed: [['09:00', '18:00']],
          thu: [['09:00', '18:00']],
          fri: [['09:00', '18:00']],
          sat: [['10:00', '14:00']],
        },
        capacityParcelsPerDay: 60,
        locationApproximate: true,
        note: 'exists today (municipal information); location approximate like Högsjö itself',
      },
    ],
    candidateSites: [
      villageSite(
        lappe,
        'community_hall',
        'Läppe: the 2020 test carried parcels on the rural library run to a box here',
      ),
      villageSite(marmorbyn, 'community_hall', 'village centre point'),
      villageSite(baggetorp, 'bus_stop', 'at Baggetorp station'),
      villageSite(hogsjo, 'shop', 'beside the existing agent: 24/7 access'),
      villageSite(town, 'library', 'Vingåker library: 24/7 access in town'),
      ...ruralSites,
    ],
    hubs: [
      {
        id: 'hub-katrineholm',
        name: 'Parcel terminal, Katrineholm',
        location: [16.208056, 58.996389],
        parcelsArriveAt: '06:30',
        days: ['mon', 'tue', 'wed', 'thu', 'fri'],
        note: 'placed at Katrineholm C (vingaker-places.md): the regional parcel terminal town, 4 km outside the kommun',
      },
      {
        id: 'hub-vingaker',
        name: 'Municipal depot, Vingåker town',
        location: town.location,
        parcelsArriveAt: '10:00',
        days: ['mon', 'tue', 'wed', 'thu', 'fri'],
        note: 'parcels for municipal trips are left here with the daily delivery to the town agent',
      },
    ],
    vehicles: [
      {
        id: 'van-electric',
        name: 'Electric van (3.5 t)',
        count: 2,
        capacityParcels: 120,
        costPerKm: 2.5,
        costPerHour: 450,
        fixedCostPerDay: 300,
        co2GPerKm: 20,
        shift: { start: '07:00', end: '16:00' },
        startHubId: 'hub-katrineholm',
        endHubId: 'hub-katrineholm',
      },
      {
        id: 'van-diesel',
        name: 'Diesel van (3.5 t)',
        count: 1,
        capacityParcels: 150,
        costPerKm: 3.5,
        costPerHour: 450,
        fixedCostPerDay: 250,
        co2GPerKm: 210,
        shift: { start: '07:00', end: '16:00' },
        startHubId: 'hub-katrineholm',
        endHubId: 'hub-katrineholm',
      },
    ],
    transportRoutes: [
      {
        id: 'library-run',
        name: 'Rural library run (Vingåker library – Läppe – Högsjö)',
        kind: 'library_bus',
        operator: 'Vingåkers kommun',
        stops: [
          { name: 'Vingåker library', at: 'hub-vingaker', time: '10:30' },
          { name: 'Läppe', location: lappe.location, time: '11:05' },
          { name: 'Högsjö', location: hogsjo.location, time: '11:45' },
          { name: 'Vingåker library', at: 'hub-vingaker', time: '12:20' },
        ],
        days: ['tue', 'thu'],
        loadingHubId: 'hub-vingaker',
        spareCapacityParcels: 40,
        maxDetourMin: 15,
        pricePerParcel: 0,
        pricePerStop: 60,
        co2GPerKm: 250,
        note: 'the municipality tested parcels on this run to a box in Läppe; timetable illustrative',
      },
      {
        id: 'bus-katrineholm-vingaker',
        name: 'Regional bus Katrineholm – Baggetorp – Marmorbyn – Vingåker',
        kind: 'bus_line',
        operator: 'regional public transport',
        stops: [
          { name: 'Katrineholm C', at: 'hub-katrineholm', time: '07:40' },
          { name: 'Baggetorp', location: baggetorp.location, time: '07:55' },
          { name: 'Marmorbyn', location: marmorbyn.location, time: '08:01' },
          { name: 'Vingåker', at: 'hub-vingaker', time: '08:20' },
        ],
        days: ['mon', 'tue', 'wed', 'thu', 'fri'],
        loadingHubId: 'hub-katrineholm',
        spareCapacityParcels: 25,
        maxDetourMin: 0,
        pricePerParcel: 15,
        pricePerStop: 0,
        note: 'a bus does not leave its line: boxes must stand at its stops; timetable illustrative',
      },
      {
        id: 'home-care-west',
        name: 'Home-care round, west (Vingåker – Högsjö)',
        kind: 'home_care',
        operator: 'Vingåkers kommun, hemtjänst',
        stops: [
          { name: 'Vingåker', at: 'hub-vingaker', time: '13:00' },
          { name: 'Högsjö', location: hogsjo.location, time: '13:25' },
          { name: 'Vingåker', at: 'hub-vingaker', time: '15:30' },
        ],
        days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'],
        loadingHubId: 'hub-vingaker',
        spareCapacityParcels: 6,
        maxDetourMin: 10,
        pricePerParcel: 10,
        pricePerStop: 0,
        co2GPerKm: 120,
      },
    ],
    policy: {
      maxAccessDistanceM: 5000,
      targetCoveredShare: 0.9,
      maxBoxes: 5,
      budgetPerYear: 250_000,
      deliveriesPerWeek: 5,
      homeDeliveryOutsideCoverage: false,
      useExistingTransports: true,
      boxLifetimeYears: 10,
      dwellTimeDays: 1.5,
    },
    travel: { backend: 'straightline' },
    assumptions: {
      pickupTripsByCarShare: 0.8,
      parcelsPerPickupTrip: 1.5,
      carCo2GPerKm: 120,
      peoplePerHousehold: ASSUMPTIONS.peoplePerHousehold,
    },
    sources: [
      {
        title: 'Vingåkers kommun (0428) boundary',
        url: 'https://github.com/okfse/sweden-geojson',
        note: 'simplified to 261 vertices; derived from Valmyndigheten boundaries',
      },
      {
        title: 'svenska-stader.csv (localities with WGS84 positions)',
        url: 'https://github.com/sphrak/svenska-stader',
        license: 'Apache-2.0',
      },
      {
        title: 'postal_to_municipality.csv (postcodes of kommun 0428)',
        url: 'https://github.com/sjbrg/swedish-geodata',
        license: 'CC0-1.0',
      },
      { title: 'SCB: folkmängd i riket, län och kommuner 31 december 2023', note: 'Vingåkers kommun 8,856' },
      { title: 'SCB: tätorter 2020', note: 'Vingåker tätort 4,741' },
    ],
  };
}

function bbox(area: AreaGeometry): [number, number, number, number] {
  const positions = area.type === 'Polygon' ? area.coordinates.flat() : area.coordinates.flat(2);
  const lons = positions.map((p) => p[0]);
  const lats = positions.map((p) => p[1]);
  return [Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)];
}

function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

export const SCENARIO_PATH = join(here, 'scenario.json');

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const scenario = buildScenario();
  const result = validate('scenario', scenario);
  if (!result.ok)
    throw new Error(`the built scenario is not valid:\n${JSON.stringify(result.problems, null, 2)}`);
  const text = `${JSON.stringify(scenario, null, 2)}\n`;
  if (process.argv.includes('--check')) {
    const committed: unknown = JSON.parse(readFileSync(SCENARIO_PATH, 'utf8'));
    const same = JSON.stringify(committed) === JSON.stringify(scenario);
    process.stdout.write(
      same ? 'scenario.json is up to date\n' : 'scenario.json differs from a fresh build\n',
    );
    process.exitCode = same ? 0 : 1;
  } else {
    writeFileSync(SCENARIO_PATH, text);
    const s = scenario;
    process.stdout.write(
      `wrote ${SCENARIO_PATH}: ${s.demand.length} demand points, ${s.candidateSites?.length} candidate sites, ${s.transportRoutes?.length} routes\n`,
    );
  }
}
