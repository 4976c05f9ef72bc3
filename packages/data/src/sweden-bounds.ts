import type { LonLat } from '@paketbygd/model';

/**
 * Sweden's extent with a small margin (Koster 10.96 E, Haparanda 24.17 E, Smygehuk 55.34 N,
 * Treriksröset 69.06 N). A row outside it is refused with its line number, never used.
 */
export const SWEDEN_BOUNDS = { minLon: 10.5, maxLon: 24.5, minLat: 55.0, maxLat: 69.5 } as const;

export function insideSweden([lon, lat]: LonLat): boolean {
  const b = SWEDEN_BOUNDS;
  return lon >= b.minLon && lon <= b.maxLon && lat >= b.minLat && lat <= b.maxLat;
}

export function outsideSwedenReason(location: LonLat): string {
  const b = SWEDEN_BOUNDS;
  return `[${location.join(', ')}] lies outside Sweden (lon ${b.minLon}–${b.maxLon}, lat ${b.minLat}–${b.maxLat})`;
}
