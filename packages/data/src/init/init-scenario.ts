import {
  NEAR_AREA_M,
  validate,
  type Scenario,
  type Lang,
  type DemandPoint,
  type LonLat,
  type PickupPoint,
  type Source,
  type StatedAssumption,
} from '@paketbygd/model';
import { refusedNote, type DataTable } from '../csv-file';
import { resolveDataDir } from '../data-dir';
import { DataFileError } from '../errors';
import { insideKommun } from '../geo';
import { DALARNA_COUNTY_CODE, findKommun, listKommuner, type Kommun } from '../kommuner';
import { BOUNDARIES_FILE, BOUNDARIES_SOURCE, readBoundary } from '../sources/boundaries';
import { DALARNA_GRID_SOURCE, readDalarnaGrid } from '../sources/dalarna-grid-2025';
import { DALARNA_NODES_SOURCE, readDalarnaServiceNodes } from '../sources/dalarna-service-nodes-2026';
import { GEONAMES_SOURCE, readSettlements } from '../sources/geonames';
import { MUNICIPALITIES_SOURCE, population2016Source } from '../sources/municipalities';
import {
  PARCEL_VOLUMES_2020_FILE,
  parcelVolumes2020Source,
  readParcelVolumes2020,
} from '../sources/parcel-volumes-2020';
import { SERVICE_POINTS_2021_SOURCE, readServicePoints2021 } from '../sources/service-points-2021';
import { STOPS_2022_SOURCE, readStops2022 } from '../sources/stops-2022';
import { join } from 'node:path';
import { candidateSites } from './candidates';
import { DEFAULTS, defaultAssumptions, defaultHub, defaultPolicy, defaultVehicles } from './defaults';
import { demandFromGrid, demandFromSettlements } from './demand';
import { initNames } from './names';
import { householdParcelsPerInhabitantYear, PARCEL_VOLUME_YEAR } from './parcels';
import { pickupPointsFrom2021, pickupPointsFrom2026 } from './pickup-points';
import { kommunSettlements, SETTLEMENT_MARGIN_M, SETTLEMENT_MAX_SHARE } from './settlements';
import { spreadRest, type NamedStop, type PeoplePlace, type SpreadRule } from './spread';
import { DEFAULT_SPREAD_RULE } from './spread-rule-error';
import { stated } from '../stated-assumptions';

export interface InitOptions {
  /** A kommun's name ("Vingåker", "Vingaker") or four-digit code ("0428"). */
  kommun: string;
  /** The geodata folder; default $PAKETBYGD_DATA or ../shared/geodata. */
  dataDir?: string;
  /** How people outside settlements are placed where no grid exists (default: the best measured rule). */
  spreadRule?: SpreadRule;
  /** The language of the scenario's name and description and of generated place names (default English). */
  lang?: Lang;
}

function withSource(source: Source, table: DataTable<unknown>): Source {
  const refused = refusedNote(table);
  if (!refused) return source;
  return { ...source, note: [source.note, `${refused} in the whole file`].filter(Boolean).join('; ') };
}

/** Keeps what lies in or near the kommun (the scenario's own check allows 5 km); states what it drops. */
function keepNear<T extends { id: string; name?: string; location: LonLat }>(
  items: T[],
  near: (p: LonLat) => boolean,
  what: 'pickupPoints' | 'demand',
  assumptions: StatedAssumption[],
): T[] {
  const kept = items.filter((i) => near(i.location));
  const dropped = items.filter((i) => !near(i.location));
  if (dropped.length > 0) {
    assumptions.push(
      stated.pointsLeftOut(
        what,
        dropped.map((d) => d.name ?? d.id),
        NEAR_AREA_M.local,
      ),
    );
  }
  return kept;
}

function stopsInKommun(
  dataDir: string,
  inside: (p: LonLat) => boolean,
): { stops: NamedStop[]; table: DataTable<unknown> } {
  const table = readStops2022(dataDir);
  const stops = table.rows
    .map(({ value: s }) => ({ name: s.stop_name, location: [s.lon, s.lat] as LonLat }))
    .filter((s) => inside(s.location));
  return { stops, table };
}

/** The kommun's main place: its largest settlement; on a grid, at the most populous square. */
function mainPlace(
  demand: readonly DemandPoint[],
  settlements: readonly PeoplePlace[],
  kommun: Kommun,
): { name: string; location: LonLat } {
  const top = [...demand].sort((a, b) => (b.population ?? 0) - (a.population ?? 0))[0]!;
  if (!top.id.startsWith('scb-')) return { name: top.name ?? kommun.name, location: top.location };
  const largest = [...settlements].sort((a, b) => b.population - a.population)[0];
  return { name: largest?.name ?? kommun.name, location: top.location };
}

/**
 * A valid, plannable scenario for one of the 290 kommuner from the public files in `dataDir`:
 * its boundary, today's pickup points, candidate sites at real places, demand, parcels from the
 * published volume, and documented defaults. Every value names its source or is a stated assumption.
 */
export function initScenario(options: InitOptions): Scenario {
  const dataDir = resolveDataDir(options.dataDir);
  const kommuner = listKommuner(dataDir);
  const kommun = findKommun(options.kommun, kommuner);
  const boundary = readBoundary(dataDir, kommun.code);
  if (!boundary)
    throw new DataFileError(join(dataDir, BOUNDARIES_FILE), undefined, `no feature with id ${kommun.code}`);
  const inside = insideKommun(boundary);
  const near = insideKommun(boundary, NEAR_AREA_M.local);
  const names = initNames(options.lang);
  const assumptions: StatedAssumption[] = [];
  const sources: Source[] = [MUNICIPALITIES_SOURCE, BOUNDARIES_SOURCE];

  const volumes = readParcelVolumes2020(dataDir);
  const volume = volumes.rows.find((r) => r.value.municipality_code === kommun.code)?.value;
  if (!volume)
    throw new DataFileError(
      join(dataDir, PARCEL_VOLUMES_2020_FILE),
      undefined,
      `no row for kommun ${kommun.code}`,
    );
  const perInhabitantYear = householdParcelsPerInhabitantYear(volume, kommun.population2016);
  sources.push(parcelVolumes2020Source(volume), population2016Source(kommun.code, kommun.population2016));
  assumptions.push(
    stated.parcelsPerInhabitant({
      perInhabitantYear,
      volumeYear: PARCEL_VOLUME_YEAR,
      householdParcels: volume.parcels_b2c + volume.parcels_c2x,
      population2016: kommun.population2016,
      businessParcels: volume.parcels_b2b,
    }),
  );

  const isDalarna = kommun.countyCode === DALARNA_COUNTY_CODE;
  const { stops, table: stopsTable } = stopsInKommun(dataDir, inside);
  sources.push(withSource(STOPS_2022_SOURCE, stopsTable));

  let pickupPoints: PickupPoint[];
  if (isDalarna) {
    const nodes = readDalarnaServiceNodes(dataDir);
    pickupPoints = pickupPointsFrom2026(nodes.rows.filter((r) => r.value.kommun === kommun.name));
    sources.push(withSource(DALARNA_NODES_SOURCE, nodes));
  } else {
    const points = readServicePoints2021(dataDir);
    pickupPoints = pickupPointsFrom2021(points.rows.filter((r) => r.value.municipality_code === kommun.code));
    sources.push(withSource(SERVICE_POINTS_2021_SOURCE, points));
  }
  pickupPoints = keepNear(pickupPoints, near, 'pickupPoints', assumptions);

  const settlementsTable = readSettlements(dataDir);
  let demand: DemandPoint[];
  let settlements;
  if (isDalarna) {
    const grid = readDalarnaGrid(dataDir);
    demand = keepNear(
      demandFromGrid(
        grid.rows.filter((r) => r.value.kommunkod === kommun.code),
        perInhabitantYear,
        names,
      ),
      near,
      'demand',
      assumptions,
    );
    sources.push(withSource(DALARNA_GRID_SOURCE, grid));
    settlements = kommunSettlements(settlementsTable.rows, kommun.code, near, Infinity).places;
  } else {
    const found = kommunSettlements(
      settlementsTable.rows,
      kommun.code,
      insideKommun(boundary, SETTLEMENT_MARGIN_M),
      kommun.population2016,
    );
    settlements = found.places;
    sources.push(withSource(GEONAMES_SOURCE, settlementsTable));
    const inSettlements = settlements.reduce((s, p) => s + p.population, 0);
    const rule = options.spreadRule ?? DEFAULT_SPREAD_RULE;
    const spread = spreadRest(rule, boundary, settlements, stops, kommun.population2016 - inSettlements);
    demand = demandFromSettlements(settlements, spread.points, spread.rule, perInhabitantYear, names);
    assumptions.push(
      stated.settlements(
        settlements.length,
        inSettlements,
        kommun.population2016,
        found.scale,
        SETTLEMENT_MAX_SHARE,
      ),
      stated.spreadRule(spread.rule, Math.round(kommun.population2016 - inSettlements), spread.points.length),
    );
    if (found.refused.length > 0) {
      assumptions.push(stated.settlementsRefused(found.refused, SETTLEMENT_MARGIN_M));
    }
  }

  const main = mainPlace(demand, settlements, kommun);
  const candidates = candidateSites({
    stops,
    settlements,
    pickupPoints,
    demand,
    accessLimitM: DEFAULTS.policy.maxAccessDistanceM,
    names,
  });
  assumptions.push(...defaultAssumptions(main.name, candidates.length));

  const scenario = {
    kind: 'scenario',
    name: names.scenario(kommun.name, kommun.code),
    description: names.description({
      pickupPoints: pickupPoints.length,
      demandPoints: demand.length,
      candidateSites: candidates.length,
      isDalarna,
    }),
    area: boundary.area,
    currency: 'SEK',
    period: { unit: 'week' },
    demand,
    pickupPoints,
    candidateSites: candidates,
    hubs: [defaultHub(main.name, main.location, names)],
    vehicles: defaultVehicles(names),
    transportRoutes: [],
    policy: defaultPolicy(candidates.length),
    travel: { backend: 'straightline' },
    sources,
    statedAssumptions: assumptions,
  };
  const result = validate('scenario', scenario);
  if (!result.ok) {
    throw new Error(
      `init built an invalid scenario for ${kommun.name} (${kommun.code}): ${result.problems
        .slice(0, 5)
        .map((p) => `${p.path}: ${p.message}`)
        .join('; ')}`,
    );
  }
  return result.value;
}
