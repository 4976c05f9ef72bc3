import { haversineM, ROAD_DETOUR_FACTOR, type LonLat } from '@paketbygd/model';
import { checkMatrixInput, checkRouteInput } from './points';
import type { TravelCosts, TravelMatrix, TravelRoute } from './types';

/** Straight-line distance up to `upToM` (exclusive) is driven at `speedKmh` on average. */
export interface SpeedBand {
  upToM: number;
  speedKmh: number;
}

/**
 * Road distance over straight-line distance: the median over 174,492 pairs of random car-road
 * points ≥ 500 m apart in the two rural stand-ins (Liechtenstein 1.244, north-Bayreuth 1.454),
 * measured with the roadgraph backend by `pnpm bench:travel detour` (README: "Detour factor").
 */
export const DEFAULT_DETOUR_FACTOR = ROAD_DETOUR_FACTOR;

/** Median average speed over the road distance, by straight-line distance band, from the same measurement. */
export const DEFAULT_SPEED_BANDS: readonly SpeedBand[] = [
  { upToM: 2000, speedKmh: 36 },
  { upToM: 5000, speedKmh: 41 },
  { upToM: 10_000, speedKmh: 44 },
  { upToM: 20_000, speedKmh: 47 },
  { upToM: Infinity, speedKmh: 49 },
];

/**
 * Speed that turns an access limit in minutes into metres where only distances are known (the
 * coverage radius of box placement): the planner's assumption for a household's drive.
 */
export const ACCESS_SPEED_KMH = 50;

export interface StraightLineOptions {
  detourFactor?: number;
  speedBands?: readonly SpeedBand[];
  /**
   * Refuse points that look like Sweden's [lat, lon] (default true). False for requests that say
   * nothing about where they are (VROOM routing requests): [58.4, 23.6] is Muscat, not a mistake.
   */
  swappedCheck?: boolean;
}

export class StraightLineTravel implements TravelCosts {
  readonly id: string;
  private readonly detourFactor: number;
  private readonly bands: readonly SpeedBand[];

  private readonly swappedCheck: boolean;

  constructor(options: StraightLineOptions = {}) {
    this.swappedCheck = options.swappedCheck ?? true;
    this.detourFactor = options.detourFactor ?? DEFAULT_DETOUR_FACTOR;
    if (!(this.detourFactor >= 1))
      throw new RangeError(`detourFactor must be at least 1, got ${this.detourFactor}`);
    this.bands = [...(options.speedBands ?? DEFAULT_SPEED_BANDS)].sort((a, b) => a.upToM - b.upToM);
    if (this.bands.length === 0 || this.bands.some((b) => !(b.speedKmh > 0))) {
      throw new RangeError('speedBands need at least one band, each with a speed above 0');
    }
    this.id = `straightline:${this.detourFactor}:${this.bands.map((b) => `${b.upToM}@${b.speedKmh}`).join(',')}`;
  }

  private speedMps(straightM: number): number {
    const band = this.bands.find((b) => straightM < b.upToM) ?? this.bands[this.bands.length - 1]!;
    return band.speedKmh / 3.6;
  }

  private leg(a: LonLat, b: LonLat): { durationS: number; distanceM: number } {
    const straightM = haversineM(a, b);
    const distanceM = straightM * this.detourFactor;
    return { distanceM, durationS: distanceM === 0 ? 0 : distanceM / this.speedMps(straightM) };
  }

  async matrix(sources: readonly LonLat[], destinations?: readonly LonLat[]): Promise<TravelMatrix> {
    checkMatrixInput(sources, destinations, { allowSwappedLooking: !this.swappedCheck });
    const dests = destinations ?? sources;
    const n = sources.length;
    const m = dests.length;
    const durationsS = new Float64Array(n * m);
    const distancesM = new Float64Array(n * m);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < m; j++) {
        const { durationS, distanceM } = this.leg(sources[i]!, dests[j]!);
        durationsS[i * m + j] = durationS;
        distancesM[i * m + j] = distanceM;
      }
    }
    const snapCount = destinations ? n + m : n;
    return {
      sourceCount: n,
      destinationCount: m,
      durationsS,
      distancesM,
      snapDistancesM: new Float64Array(snapCount),
      warnings: [],
    };
  }

  async route(points: readonly LonLat[]): Promise<TravelRoute> {
    checkRouteInput(points);
    const legs = points.slice(1).map((p, k) => this.leg(points[k]!, p));
    return {
      type: 'Feature',
      geometry: { type: 'LineString', coordinates: points.map((p) => [p[0], p[1]] as LonLat) },
      properties: {
        durationS: legs.reduce((s, l) => s + l.durationS, 0),
        distanceM: legs.reduce((s, l) => s + l.distanceM, 0),
        legs,
        snapDistancesM: points.map(() => 0),
      },
    };
  }
}
