import type { LonLat } from '@paketbygd/model';
import type { Located, RefusedRow } from '../csv-file';
import type { Settlement } from '../sources/geonames';
import type { PeoplePlace } from './spread';

/**
 * GeoNames gives some kommun seats their urban area's total (Stockholm 1,515,017), so the settlements
 * of a kommun may hold more people than the kommun. They are scaled down to hold at most this share
 * of its population; the rest is spread (GeoNames exceeds the kommun in 25 kommuner, 90 % in 46).
 */
export const SETTLEMENT_MAX_SHARE = 0.9;

/** How far outside the simplified kommun polygon a settlement of that kommun may lie (edges are off by km). */
export const SETTLEMENT_MARGIN_M = 5000;

export interface KommunSettlements {
  places: (PeoplePlace & { geonameId: string; line: number; listedPopulation: number })[];
  /** Rows of this kommun that lie too far outside its polygon (a namesake or a wrong position). */
  refused: (RefusedRow & { name: string })[];
  /** The factor applied to GeoNames populations (1 when they fit). */
  scale: number;
}

export function kommunSettlements(
  rows: readonly Located<Settlement>[],
  code: string,
  inside: (p: LonLat) => boolean,
  kommunPopulation: number,
): KommunSettlements {
  const refused: KommunSettlements['refused'] = [];
  const kept: { row: Located<Settlement>; location: LonLat }[] = [];
  for (const row of rows) {
    if (row.value.kommun_code !== code || row.value.population <= 0) continue;
    const location: LonLat = [row.value.longitude, row.value.latitude];
    if (inside(location)) kept.push({ row, location });
    else {
      refused.push({
        line: row.line,
        name: row.value.name,
        reason: `${row.value.name} lies more than ${SETTLEMENT_MARGIN_M / 1000} km outside kommun ${code}`,
      });
    }
  }
  const listed = kept.reduce((s, k) => s + k.row.value.population, 0);
  const cap = SETTLEMENT_MAX_SHARE * kommunPopulation;
  const scale = listed > cap ? cap / listed : 1;
  return {
    places: kept.map(({ row, location }) => ({
      name: row.value.name,
      location,
      population: row.value.population * scale,
      listedPopulation: row.value.population,
      geonameId: row.value.geonameid,
      line: row.line,
    })),
    refused,
    scale,
  };
}
