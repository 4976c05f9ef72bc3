import type { LonLat } from '@paketbygd/model';
import type { ZodType } from 'zod';
import { TravelError } from '../errors';
import { checkMatrixInput, checkPoints, checkRouteInput } from '../points';
import {
  OSM_ATTRIBUTION,
  type PointWarning,
  type TravelCosts,
  type TravelMatrix,
  type TravelRoute,
} from '../types';
import { getJson, type HttpOptions } from './http';
import { NearestBody, OsrmError, RouteBody, TableBody, parseAnswer } from './protocol';

export interface OsrmOptions {
  /** Base URL of osrm-routed, such as http://localhost:5000. */
  url: string;
  profile?: string;
  /** The server's --max-table-size; a block has at most this many sources and this many destinations. */
  maxTableSize?: number;
  /** Blocks in flight at once. */
  concurrency?: number;
  timeoutMs?: number;
  retries?: number;
  backoffMs?: number;
  /** Points further than this from the nearest road are refused (or flagged, see `farPoints`). */
  maxSnapDistanceM?: number;
  /** Send `radiuses` so that OSRM itself refuses far points; off, the client checks the snap distance of the answer. */
  sendRadiuses?: boolean;
  farPoints?: 'error' | 'flag';
  fetch?: typeof fetch;
}

/**
 * Farther than this from a car road, a point is refused by default. Hamlets in the fixtures lie up
 * to 1.3 km from the nearest car road (Gorn, Liechtenstein); OSRM itself would snap 1,378 km.
 */
export const DEFAULT_MAX_SNAP_DISTANCE_M = 2000;

function coordinateText(p: LonLat): string {
  // Six decimals is 0.1 m; more only lengthens the URL.
  return `${Number(p[0].toFixed(6))},${Number(p[1].toFixed(6))}`;
}

async function pool<T>(tasks: (() => Promise<T>)[], concurrency: number): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(concurrency, tasks.length) }, async () => {
    while (next < tasks.length) {
      const k = next++;
      results[k] = await tasks[k]!();
    }
  });
  await Promise.all(workers);
  return results;
}

interface Block {
  /** Caller point indices (into sources ++ destinations) of this block's sources and destinations. */
  rows: number[];
  cols: number[];
  /** Sources and destinations are the same points: send them once, as OSRM's fixture requests do. */
  diagonal: boolean;
}

/** The `osrm` backend: OSRM's HTTP API v1 (`/table`, `/route`, `/nearest`). */
export class OsrmTravel implements TravelCosts {
  readonly id: string;
  readonly attribution = OSM_ATTRIBUTION;
  private readonly base: string;
  private readonly profile: string;
  private readonly maxTableSize: number;
  private readonly concurrency: number;
  private readonly http: HttpOptions;
  private readonly maxSnapDistanceM: number;
  private readonly sendRadiuses: boolean;
  private readonly farPoints: 'error' | 'flag';

  constructor(options: OsrmOptions) {
    this.base = options.url.replace(/\/+$/, '');
    this.profile = options.profile ?? 'driving';
    this.maxTableSize = options.maxTableSize ?? 100;
    this.concurrency = options.concurrency ?? 4;
    this.maxSnapDistanceM = options.maxSnapDistanceM ?? DEFAULT_MAX_SNAP_DISTANCE_M;
    this.sendRadiuses = options.sendRadiuses ?? true;
    this.farPoints = options.farPoints ?? 'error';
    this.http = {
      timeoutMs: options.timeoutMs ?? 30_000,
      retries: options.retries ?? 2,
      backoffMs: options.backoffMs ?? 250,
      ...(options.fetch ? { fetch: options.fetch } : {}),
    };
    this.id = `osrm:${this.base}/${this.profile}`;
  }

  private url(service: string, points: readonly LonLat[], params: [string, string][]): string {
    const all = [...params];
    if (this.sendRadiuses && service !== 'nearest')
      all.push(['radiuses', points.map(() => String(this.maxSnapDistanceM)).join(';')]);
    const query = all.map(([k, v]) => `${k}=${v}`).join('&');
    return `${this.base}/${service}/v1/${this.profile}/${points.map(coordinateText).join(';')}${query ? `?${query}` : ''}`;
  }

  /** One OSRM request by path and query as OSRM documents them, parsed by `schema`. */
  async get<T>(schema: ZodType<T>, pathAndQuery: string, pointIndexOf?: (k: number) => number): Promise<T> {
    const { status, body } = await getJson(`${this.base}${pathAndQuery}`, this.http);
    return parseAnswer(schema, status, body, pointIndexOf);
  }

  private async table(all: readonly LonLat[], block: Block): Promise<TableBody> {
    const points = block.diagonal
      ? block.rows.map((k) => all[k]!)
      : [...block.rows, ...block.cols].map((k) => all[k]!);
    const params: [string, string][] = [];
    if (!block.diagonal) {
      params.push(['sources', block.rows.map((_, k) => k).join(';')]);
      params.push(['destinations', block.cols.map((_, k) => block.rows.length + k).join(';')]);
    }
    params.push(['annotations', 'duration,distance']);
    const url = this.url('table', points, params);
    const requestIndex = block.diagonal ? block.rows : [...block.rows, ...block.cols];
    const { status, body } = await getJson(url, this.http);
    return parseAnswer(TableBody, status, body, (k) => requestIndex[k] ?? k);
  }

  private async runBlock(all: readonly LonLat[], block: Block, out: TravelMatrix): Promise<void> {
    let answer: TableBody;
    try {
      answer = await this.table(all, block);
    } catch (error) {
      // A server started with a smaller --max-table-size than we were told: halve and go on.
      if (
        error instanceof OsrmError &&
        error.osrmCode === 'TooBig' &&
        Math.max(block.rows.length, block.cols.length) > 1
      ) {
        for (const half of splitBlock(block)) await this.runBlock(all, half, out);
        return;
      }
      throw error;
    }
    const n = out.destinationCount;
    // Column indices point into sources ++ destinations when destinations were given separately.
    const colOffset = out.snapDistancesM.length === out.sourceCount ? 0 : out.sourceCount;
    if (!answer.distances)
      throw new TravelError(
        'BackendError',
        'OSRM left out distances although annotations=duration,distance was sent',
      );
    block.rows.forEach((i, r) => {
      block.cols.forEach((jAll, c) => {
        const j = jAll - colOffset;
        const d = answer.durations[r]?.[c];
        const m = answer.distances![r]?.[c];
        out.durationsS[i * n + j] = d === null || d === undefined ? Infinity : d;
        out.distancesM[i * n + j] = m === null || m === undefined ? Infinity : m;
      });
    });
    const rowWaypoints = answer.sources ?? [];
    const colWaypoints = answer.destinations ?? [];
    block.rows.forEach((i, r) => {
      const w = rowWaypoints[r];
      if (w) out.snapDistancesM[i] = w.distance;
    });
    block.cols.forEach((jAll, c) => {
      const w = colWaypoints[c];
      if (w) out.snapDistancesM[jAll] = w.distance;
    });
  }

  async matrix(sources: readonly LonLat[], destinations?: readonly LonLat[]): Promise<TravelMatrix> {
    checkMatrixInput(sources, destinations);
    const all = destinations ? [...sources, ...destinations] : sources;
    const n = sources.length;
    const m = destinations ? destinations.length : n;
    const out: TravelMatrix = {
      sourceCount: n,
      destinationCount: m,
      durationsS: new Float64Array(n * m),
      distancesM: new Float64Array(n * m),
      snapDistancesM: new Float64Array(all.length).fill(NaN),
      warnings: [],
    };
    const size = this.maxTableSize;
    const blocks: Block[] = [];
    for (let r0 = 0; r0 < n; r0 += size) {
      for (let c0 = 0; c0 < m; c0 += size) {
        const rows = range(r0, Math.min(n, r0 + size));
        const cols = range(c0, Math.min(m, c0 + size)).map((j) => (destinations ? n + j : j));
        blocks.push({ rows, cols, diagonal: !destinations && r0 === c0 });
      }
    }
    await pool(
      blocks.map((b) => () => this.runBlock(all, b, out)),
      this.concurrency,
    );
    out.warnings = this.checkSnaps(out.snapDistancesM);
    return out;
  }

  private checkSnaps(snapDistancesM: ArrayLike<number>): PointWarning[] {
    const warnings: PointWarning[] = [];
    for (let k = 0; k < snapDistancesM.length; k++) {
      const d = snapDistancesM[k]!;
      if (!(d > this.maxSnapDistanceM)) continue;
      const message = `point ${k}: the nearest road is ${Math.round(d)} m away (limit ${this.maxSnapDistanceM} m); is the point outside the map data, or [lat, lon] instead of [lon, lat]?`;
      if (this.farPoints === 'error') throw new TravelError('TooFarFromRoad', message, k);
      warnings.push({ pointIndex: k, message });
    }
    return warnings;
  }

  async route(points: readonly LonLat[]): Promise<TravelRoute> {
    checkRouteInput(points);
    const url = this.url('route', points, [
      ['overview', 'full'],
      ['geometries', 'geojson'],
      ['steps', 'false'],
    ]);
    const { status, body } = await getJson(url, this.http);
    const answer = parseAnswer(RouteBody, status, body);
    const snaps = answer.waypoints.map((w) => w.distance);
    this.checkSnaps(snaps);
    const best = answer.routes[0]!;
    const geometry = best.geometry as { type?: string; coordinates?: LonLat[] } | undefined;
    if (geometry?.type !== 'LineString' || !Array.isArray(geometry.coordinates)) {
      throw new TravelError('BackendError', 'OSRM route came back without a GeoJSON LineString geometry');
    }
    return {
      type: 'Feature',
      geometry: { type: 'LineString', coordinates: geometry.coordinates },
      properties: {
        durationS: best.duration,
        distanceM: best.distance,
        legs: best.legs.map((l) => ({ durationS: l.duration, distanceM: l.distance })),
        snapDistancesM: snaps,
        attribution: this.attribution,
      },
    };
  }

  /** Where OSRM would put each point on the road network, and how far that is. */
  async nearest(point: LonLat, pointIndex = 0): Promise<{ location: LonLat; distanceM: number }> {
    checkPoints([point], pointIndex);
    const answer = await this.get(
      NearestBody,
      `/nearest/v1/${this.profile}/${coordinateText(point)}`,
      () => pointIndex,
    );
    const w = answer.waypoints[0];
    if (!w)
      throw new TravelError('TooFarFromRoad', `point ${pointIndex}: OSRM found no road near it`, pointIndex);
    return { location: w.location, distanceM: w.distance };
  }
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from }, (_, k) => from + k);
}

function splitBlock(b: Block): Block[] {
  if (b.rows.length >= b.cols.length) {
    const h = Math.ceil(b.rows.length / 2);
    return [
      { rows: b.rows.slice(0, h), cols: b.cols, diagonal: false },
      { rows: b.rows.slice(h), cols: b.cols, diagonal: false },
    ];
  }
  const h = Math.ceil(b.cols.length / 2);
  return [
    { rows: b.rows, cols: b.cols.slice(0, h), diagonal: false },
    { rows: b.rows, cols: b.cols.slice(h), diagonal: false },
  ];
}
