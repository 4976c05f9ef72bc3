import { DataFileError, UnknownKommunError } from './errors';
import { join } from 'node:path';
import { MUNICIPALITIES_FILE, readMunicipalities, readPopulation2016 } from './sources/municipalities';

export interface Kommun {
  /** SCB's four-digit kommun code, e.g. "0428". */
  code: string;
  /** The short name, e.g. "Vingåker". */
  name: string;
  countyCode: string;
  /** SCB, 31 December 2016. */
  population2016: number;
  landKm2: number;
}

/** Dalarnas län: the county with SCB's 1 km grid and the 2026 carrier points. */
export const DALARNA_COUNTY_CODE = '20';

/** All 290 kommuner, in code order. */
export function listKommuner(dataDir: string): Kommun[] {
  const municipalities = readMunicipalities(dataDir);
  const population = new Map(readPopulation2016(dataDir).rows.map((r) => [r.value.municipality_code, r]));
  return municipalities.rows.map(({ value: m, line }) => {
    const p = population.get(m.municipality_code);
    if (!p) {
      throw new DataFileError(
        join(dataDir, MUNICIPALITIES_FILE),
        line,
        `kommun ${m.municipality_code} has no row in the population file`,
      );
    }
    return {
      code: m.municipality_code,
      name: m.municipality_name_short,
      countyCode: m.county_code,
      population2016: p.value.population_2016,
      landKm2: p.value.land_km2,
    };
  });
}

/** Lower case, without diacritics, hyphens and the word "kommun": "Vingaker" finds Vingåker. */
export function lenientName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/\bkommuns?\b/g, '')
    .replace(/[-_.\s]+/g, ' ')
    .trim();
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length]!;
}

function label(k: Kommun): string {
  return `${k.name} (${k.code})`;
}

/**
 * A kommun by code ("2506") or name. Names match exactly first (case-insensitive), then leniently
 * (without å/ä/ö accents, hyphens or "kommun"); two kommuner that match leniently (Håbo, Habo) are
 * named with their codes. Only kommun names are matched, so a locality that shares a name with a
 * kommun elsewhere cannot be picked by mistake.
 */
export function findKommun(query: string, kommuner: readonly Kommun[]): Kommun {
  const q = query.trim();
  if (/^\d{1,4}$/.test(q)) {
    const byCode = kommuner.find((k) => k.code === q.padStart(4, '0'));
    if (byCode) return byCode;
    throw new UnknownKommunError(query, [], 'is not a kommun code (four digits, e.g. 0428)');
  }
  const exact = kommuner.filter((k) => k.name.toLowerCase() === q.toLowerCase());
  if (exact.length === 1) return exact[0]!;
  const wanted = lenientName(q);
  const lenient = kommuner.filter((k) => lenientName(k.name) === wanted);
  if (lenient.length === 1) return lenient[0]!;
  if (lenient.length > 1) {
    throw new UnknownKommunError(query, lenient.map(label), 'matches several kommuner: give the code');
  }
  const closest = [...kommuner]
    .map((k) => ({ k, d: editDistance(wanted, lenientName(k.name)) }))
    .sort((a, b) => a.d - b.d || a.k.name.localeCompare(b.k.name, 'sv'))
    .slice(0, 3)
    .map(({ k }) => label(k));
  throw new UnknownKommunError(query, closest);
}
