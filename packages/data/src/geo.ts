import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { distanceOutsideAreaM, haversineM, type LonLat } from '@paketbygd/model';
import type { Boundary } from './sources/boundaries';

/** Metres per degree of latitude (mean Earth radius 6,371,008.8 m, as `haversineM` uses). */
const M_PER_DEG_LAT = (2 * Math.PI * 6_371_008.8) / 360;

/** A test for "inside the kommun": bounding box first (cheap), then the polygon, with an optional margin. */
export function insideKommun(boundary: Boundary, marginM = 0): (p: LonLat) => boolean {
  const [minLon, minLat, maxLon, maxLat] = boundary.bbox;
  const dLat = marginM / M_PER_DEG_LAT;
  const dLon = marginM / (M_PER_DEG_LAT * Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180));
  const geometry = { type: boundary.area.type, coordinates: boundary.area.coordinates } as Parameters<
    typeof booleanPointInPolygon
  >[1];
  return (p) => {
    if (p[0] < minLon - dLon || p[0] > maxLon + dLon || p[1] < minLat - dLat || p[1] > maxLat + dLat) {
      return false;
    }
    if (booleanPointInPolygon(p, geometry)) return true;
    return marginM > 0 && distanceOutsideAreaM(p, boundary.area) <= marginM;
  };
}

/** The key of the roughly `sizeM` square (in degrees scaled at `refLat`) that holds a point. */
export function cellKey(p: LonLat, sizeM: number, refLat: number): string {
  const dLat = sizeM / M_PER_DEG_LAT;
  const dLon = sizeM / (M_PER_DEG_LAT * Math.cos((refLat * Math.PI) / 180));
  return `${Math.floor(p[0] / dLon)}:${Math.floor(p[1] / dLat)}`;
}

/** The centres of the roughly `sizeM` squares inside the kommun. */
export function cellCentres(boundary: Boundary, sizeM: number): LonLat[] {
  const [minLon, minLat, maxLon, maxLat] = boundary.bbox;
  const refLat = (minLat + maxLat) / 2;
  const dLat = sizeM / M_PER_DEG_LAT;
  const dLon = sizeM / (M_PER_DEG_LAT * Math.cos((refLat * Math.PI) / 180));
  const inside = insideKommun(boundary);
  const centres: LonLat[] = [];
  for (let lat = minLat + dLat / 2; lat < maxLat; lat += dLat) {
    for (let lon = minLon + dLon / 2; lon < maxLon; lon += dLon) {
      const p: LonLat = [lon, lat];
      if (inside(p)) centres.push(p);
    }
  }
  return centres;
}

/** Metres to the nearest of `points` (Infinity when there is none). */
export function nearestDistanceM(p: LonLat, points: readonly LonLat[]): number {
  let best = Infinity;
  for (const q of points) best = Math.min(best, haversineM(p, q));
  return best;
}

export function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

export function roundLonLat(p: LonLat): LonLat {
  return [round6(p[0]), round6(p[1])];
}
