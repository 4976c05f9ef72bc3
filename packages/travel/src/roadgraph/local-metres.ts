import type { LonLat } from '@paketbygd/model';

const METRES_PER_DEGREE = 111_320;

/**
 * Plane coordinates in metres around the graph's mid-latitude (longitudes scaled by its cosine,
 * `meta.lonScale`), so that tolerances and hull lengths in metres mean the same in every direction.
 */
export function localMetres(lonScale: number) {
  return {
    toXY: ([lon, lat]: LonLat): [number, number] => [
      lon * lonScale * METRES_PER_DEGREE,
      lat * METRES_PER_DEGREE,
    ],
    toLonLat: ([x, y]: readonly number[]): LonLat => [
      x! / (lonScale * METRES_PER_DEGREE),
      y! / METRES_PER_DEGREE,
    ],
  };
}

/** Coordinates rounded to 5 decimals (about 1 m): enough for a map, and a plan stays small. */
export function roundLonLat([lon, lat]: LonLat): LonLat {
  return [Math.round(lon * 1e5) / 1e5, Math.round(lat * 1e5) / 1e5];
}
