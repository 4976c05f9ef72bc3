import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { pointToPolygonDistance } from '@turf/point-to-polygon-distance';
import type { AreaGeometry, LonLat } from './primitives';

/** Metres from a point to an area: 0 inside, the distance to the nearest edge outside. */
export function distanceOutsideAreaM(point: LonLat, area: AreaGeometry): number {
  // bbox is dropped: turf types it as a fixed-length tuple, and it does not change the answer.
  const geometry =
    area.type === 'Polygon'
      ? { type: area.type, coordinates: area.coordinates }
      : { type: area.type, coordinates: area.coordinates };
  if (booleanPointInPolygon(point, geometry)) return 0;
  return Math.max(0, pointToPolygonDistance(point, geometry, { units: 'meters' }));
}

/**
 * Road distance over straight-line distance in rural areas: the median over 174,492 pairs of car-road
 * points in the rural extracts, measured with the travel package's road graph (`pnpm bench:travel
 * detour`; packages/travel/README.md). Every straight-line stand-in in the project uses it.
 */
export const ROAD_DETOUR_FACTOR = 1.365;

/** Great-circle distance in metres (mean Earth radius 6,371,008.8 m, as turf uses). */
export function haversineM(a: LonLat, b: LonLat): number {
  const toRad = Math.PI / 180;
  const dLat = (b[1] - a[1]) * toRad;
  const dLon = (b[0] - a[0]) * toRad;
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * toRad) * Math.cos(b[1] * toRad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6_371_008.8 * Math.asin(Math.min(1, Math.sqrt(h)));
}
