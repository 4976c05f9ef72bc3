import type { LonLat } from '@paketbygd/model';
import { resolveDataDir } from '../data-dir';
import { insideKommun, nearestDistanceM } from '../geo';
import { DALARNA_COUNTY_CODE, listKommuner } from '../kommuner';
import { readBoundary } from '../sources/boundaries';
import { readDalarnaGrid } from '../sources/dalarna-grid-2025';
import { readDalarnaServiceNodes } from '../sources/dalarna-service-nodes-2026';
import { readSettlements } from '../sources/geonames';
import { readStops2022 } from '../sources/stops-2022';
import { kommunSettlements, SETTLEMENT_MARGIN_M } from '../init/settlements';
import { spreadRest, type SpreadRule } from '../init/spread';

/** The distances at which Region Dalarna's study counts people near a pickup point. */
export const ACCESS_RADII_KM = [2, 5, 10] as const;
export type SharesWithin = Record<(typeof ACCESS_RADII_KM)[number], number>;

export interface KommunSpreadError {
  code: string;
  name: string;
  population: number;
  /** Share of people within 2/5/10 km of today's points on SCB's grid. */
  real: SharesWithin;
  /** The same share with the kommun's people placed by GeoNames settlements and the rule. */
  modelled: SharesWithin;
  /** modelled − real, percentage points. */
  errorPp: SharesWithin;
}

export interface SpreadErrorResult {
  rule: SpreadRule;
  kommuner: KommunSpreadError[];
  meanAbsErrorPp: SharesWithin;
  maxAbsErrorPp: SharesWithin;
}

interface People {
  location: LonLat;
  population: number;
}

function sharesWithin(people: readonly People[], points: readonly LonLat[]): SharesWithin {
  const total = people.reduce((s, p) => s + p.population, 0);
  const distancesKm = people.map((p) => nearestDistanceM(p.location, points) / 1000);
  const share = (km: number) =>
    total > 0 ? people.reduce((s, p, i) => s + (distancesKm[i]! <= km ? p.population : 0), 0) / total : 0;
  return { 2: share(2), 5: share(5), 10: share(10) };
}

/**
 * The spread rule's error on Dalarna, where SCB's real 1 km grid is known: each kommun's grid
 * population is placed the way `init` places people outside Dalarna (GeoNames settlements, the rest
 * by `rule`), and the share of people within 2, 5 and 10 km of today's points (the 2026 places of
 * that kommun) is compared with the grid's.
 */
export function measureSpreadError(rule: SpreadRule, dataDir = resolveDataDir()): SpreadErrorResult {
  const dalarna = listKommuner(dataDir).filter((k) => k.countyCode === DALARNA_COUNTY_CODE);
  const grid = readDalarnaGrid(dataDir).rows;
  const nodes = readDalarnaServiceNodes(dataDir).rows;
  const settlementRows = readSettlements(dataDir).rows;
  const stopRows = readStops2022(dataDir).rows;

  const kommuner = dalarna.map((k) => {
    const boundary = readBoundary(dataDir, k.code)!;
    const inside = insideKommun(boundary);
    const cells: People[] = grid
      .filter((r) => r.value.kommunkod === k.code)
      .map((r) => ({ location: [r.value.lon, r.value.lat], population: r.value.befolkning_2025 }));
    const total = cells.reduce((s, c) => s + c.population, 0);
    const points: LonLat[] = nodes
      .filter((n) => n.value.kommun === k.name)
      .map((n) => [n.value.lon, n.value.lat]);
    const { places } = kommunSettlements(
      settlementRows,
      k.code,
      insideKommun(boundary, SETTLEMENT_MARGIN_M),
      total,
    );
    const stops = stopRows
      .map((r) => ({ name: r.value.stop_name, location: [r.value.lon, r.value.lat] as LonLat }))
      .filter((s) => inside(s.location));
    const rest = total - places.reduce((s, p) => s + p.population, 0);
    const spread = spreadRest(rule, boundary, places, stops, rest).points;
    const modelledPeople: People[] = [...places, ...spread];
    const real = sharesWithin(cells, points);
    const modelled = sharesWithin(modelledPeople, points);
    const errorPp = {
      2: (modelled[2] - real[2]) * 100,
      5: (modelled[5] - real[5]) * 100,
      10: (modelled[10] - real[10]) * 100,
    };
    return { code: k.code, name: k.name, population: total, real, modelled, errorPp };
  });
  const stat = (f: (xs: number[]) => number): SharesWithin => ({
    2: f(kommuner.map((k) => Math.abs(k.errorPp[2]))),
    5: f(kommuner.map((k) => Math.abs(k.errorPp[5]))),
    10: f(kommuner.map((k) => Math.abs(k.errorPp[10]))),
  });
  return {
    rule,
    kommuner,
    meanAbsErrorPp: stat((xs) => xs.reduce((s, x) => s + x, 0) / xs.length),
    maxAbsErrorPp: stat((xs) => Math.max(...xs)),
  };
}
