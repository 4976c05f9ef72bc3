import type { LonLat } from '@paketbygd/model';

const EARTH_RADIUS_M = 6_371_008.8;
const M_PER_DEG_LAT = (Math.PI / 180) * EARTH_RADIUS_M;

export interface Projection {
  widthPx: number;
  heightPx: number;
  /** Screen pixels per metre on the ground (the same east–west and north–south). */
  pxPerM: number;
  project(point: LonLat): [number, number];
  /** The inverse, for placing raster tiles. */
  unproject(x: number, y: number): LonLat;
}

/**
 * Equirectangular projection with longitudes scaled by cos(mid-latitude): over a
 * municipality (tens of km) distances are true to within a fraction of a percent, which is
 * all a scale bar and access rings need, and it needs no projection library.
 */
export function fitProjection(
  points: readonly LonLat[],
  widthPx: number,
  maxHeightPx: number,
  paddingPx: number,
): Projection {
  if (points.length === 0) throw new Error('nothing to draw: the map has no positions');
  let minLon = Infinity;
  let maxLon = -Infinity;
  let minLat = Infinity;
  let maxLat = -Infinity;
  for (const [lon, lat] of points) {
    minLon = Math.min(minLon, lon);
    maxLon = Math.max(maxLon, lon);
    minLat = Math.min(minLat, lat);
    maxLat = Math.max(maxLat, lat);
  }
  const midLat = (minLat + maxLat) / 2;
  const mPerDegLon = M_PER_DEG_LAT * Math.cos((midLat * Math.PI) / 180);
  // A single point or a line still gets a map of about a kilometre.
  const spanXM = Math.max((maxLon - minLon) * mPerDegLon, 1000);
  const spanYM = Math.max((maxLat - minLat) * M_PER_DEG_LAT, 1000);
  const innerW = widthPx - 2 * paddingPx;
  const innerH = maxHeightPx - 2 * paddingPx;
  const pxPerM = Math.min(innerW / spanXM, innerH / spanYM);
  const heightPx = Math.round(spanYM * pxPerM + 2 * paddingPx);
  const centreLon = (minLon + maxLon) / 2;
  const centreLat = (minLat + maxLat) / 2;
  const cx = widthPx / 2;
  const cy = heightPx / 2;
  return {
    widthPx,
    heightPx,
    pxPerM,
    project([lon, lat]) {
      return [cx + (lon - centreLon) * mPerDegLon * pxPerM, cy - (lat - centreLat) * M_PER_DEG_LAT * pxPerM];
    },
    unproject(x, y) {
      return [centreLon + (x - cx) / pxPerM / mPerDegLon, centreLat - (y - cy) / pxPerM / M_PER_DEG_LAT];
    },
  };
}

/** A round length for a scale bar near `targetM`: 1, 2 or 5 times a power of ten. */
export function niceLengthM(targetM: number): number {
  const power = 10 ** Math.floor(Math.log10(targetM));
  for (const step of [5, 2, 1]) if (step * power <= targetM) return step * power;
  return power;
}

/** Rounds screen coordinates so that the SVG stays small; a tenth of a pixel is invisible. */
export function px(value: number): string {
  return String(Math.round(value * 10) / 10);
}

/** An SVG path through the points (closed with `close`), in the projection's pixels. */
export function pathOf(projection: Projection, points: readonly LonLat[], close = false): string {
  const d = points
    .map((p, i) => {
      const [x, y] = projection.project(p);
      return `${i === 0 ? 'M' : 'L'}${px(x)} ${px(y)}`;
    })
    .join('');
  return close ? `${d}Z` : d;
}
