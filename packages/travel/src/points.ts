import type { LonLat } from '@paketbygd/model';
import { TravelError } from './errors';

// Sweden's extent, slightly padded. A point whose "longitude" falls in Sweden's latitude range and
// whose "latitude" falls in Sweden's longitude range is almost surely a [lat, lon] pair: the place
// it names (around 59 E, 16 N) is open sea off Oman, where nobody delivers parcels by road.
const SWEDEN_LON = [10.5, 24.5] as const;
const SWEDEN_LAT = [55.0, 69.5] as const;

function within(v: number, [lo, hi]: readonly [number, number]): boolean {
  return v >= lo && v <= hi;
}

export function looksSwappedForSweden([lon, lat]: LonLat): boolean {
  return within(lon, SWEDEN_LAT) && within(lat, SWEDEN_LON);
}

/** Refuses NaN, out-of-range and (by default) Sweden-swapped coordinates, naming the point. */
export function checkPoints(
  points: readonly LonLat[],
  firstIndex = 0,
  options: { allowSwappedLooking?: boolean } = {},
): void {
  points.forEach((p, k) => {
    const index = firstIndex + k;
    if (!Array.isArray(p) || p.length !== 2) {
      throw new TravelError(
        'InvalidPoint',
        `point ${index}: a position is [lon, lat], got ${JSON.stringify(p)}`,
        index,
      );
    }
    const [lon, lat] = p;
    if (
      typeof lon !== 'number' ||
      typeof lat !== 'number' ||
      !Number.isFinite(lon) ||
      !Number.isFinite(lat)
    ) {
      throw new TravelError(
        'InvalidPoint',
        `point ${index}: [${lon}, ${lat}] is not a pair of finite numbers`,
        index,
      );
    }
    if (Math.abs(lat) > 90) {
      const hint = Math.abs(lon) <= 90 ? ' (looks like [lat, lon]; coordinates are [lon, lat])' : '';
      throw new TravelError(
        'InvalidPoint',
        `point ${index}: latitude ${lat} is outside -90..90${hint}`,
        index,
      );
    }
    if (Math.abs(lon) > 180) {
      throw new TravelError('InvalidPoint', `point ${index}: longitude ${lon} is outside -180..180`, index);
    }
    if (!options.allowSwappedLooking && looksSwappedForSweden(p)) {
      throw new TravelError(
        'InvalidPoint',
        `point ${index}: [${lon}, ${lat}] looks like [lat, lon] for a place in Sweden; coordinates are [lon, lat], so write [${lat}, ${lon}]`,
        index,
      );
    }
  });
}

/** Both point lists checked, destinations numbered after sources, as in every error message. */
export function checkMatrixInput(
  sources: readonly LonLat[],
  destinations?: readonly LonLat[],
  options: { allowSwappedLooking?: boolean } = {},
): void {
  if (sources.length === 0) throw new TravelError('InvalidPoint', 'a matrix needs at least one point');
  checkPoints(sources, 0, options);
  if (destinations) {
    if (destinations.length === 0)
      throw new TravelError('InvalidPoint', 'destinations, when given, need at least one point');
    checkPoints(destinations, sources.length, options);
  }
}

export function checkRouteInput(points: readonly LonLat[]): void {
  if (points.length < 2)
    throw new TravelError('InvalidPoint', `a route needs at least two points, got ${points.length}`);
  checkPoints(points);
}
