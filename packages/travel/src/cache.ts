import { createHash } from 'node:crypto';
import type { LonLat } from '@paketbygd/model';
import type { RoadLayers, TravelCosts, TravelMatrix, TravelRoute } from './types';

function pointsKey(hash: ReturnType<typeof createHash>, points: readonly LonLat[]): void {
  const coords = new Float64Array(points.length * 2);
  points.forEach((p, k) => {
    coords[2 * k] = p[0];
    coords[2 * k + 1] = p[1];
  });
  hash.update(new Uint8Array(coords.buffer));
}

function copyMatrix(m: TravelMatrix): TravelMatrix {
  return {
    sourceCount: m.sourceCount,
    destinationCount: m.destinationCount,
    durationsS: m.durationsS.slice(),
    distancesM: m.distancesM.slice(),
    snapDistancesM: m.snapDistancesM.slice(),
    warnings: m.warnings.map((w) => ({ ...w })),
  };
}

export interface MatrixCacheOptions {
  /** Most matrices kept. */
  maxEntries?: number;
  /** Most matrix cells kept over all entries (each cell costs 16 bytes). */
  maxCells?: number;
}

/**
 * Wraps a backend with an in-memory LRU of matrices, keyed by the backend's id and the exact
 * coordinates. Callers get copies, so that one caller's edits never leak into another's result.
 */
export class CachedTravelCosts implements TravelCosts {
  readonly id: string;
  readonly attribution?: string;
  readonly layers?: RoadLayers;
  private readonly entries = new Map<string, TravelMatrix>();
  private cells = 0;
  private readonly maxEntries: number;
  private readonly maxCells: number;
  hits = 0;
  misses = 0;

  constructor(
    private readonly inner: TravelCosts,
    options: MatrixCacheOptions = {},
  ) {
    this.id = inner.id;
    if (inner.attribution !== undefined) this.attribution = inner.attribution;
    if (inner.layers !== undefined) this.layers = inner.layers;
    this.maxEntries = options.maxEntries ?? 64;
    this.maxCells = options.maxCells ?? 16_000_000;
  }

  get size(): number {
    return this.entries.size;
  }

  key(sources: readonly LonLat[], destinations?: readonly LonLat[]): string {
    const hash = createHash('sha256').update(this.inner.id).update('\0');
    pointsKey(hash, sources);
    if (destinations) {
      hash.update('|');
      pointsKey(hash, destinations);
    }
    return hash.digest('base64url');
  }

  async matrix(sources: readonly LonLat[], destinations?: readonly LonLat[]): Promise<TravelMatrix> {
    const key = this.key(sources, destinations);
    const found = this.entries.get(key);
    if (found) {
      this.hits++;
      // Map keeps insertion order; re-inserting marks the entry as most recently used.
      this.entries.delete(key);
      this.entries.set(key, found);
      return copyMatrix(found);
    }
    this.misses++;
    const result = await this.inner.matrix(sources, destinations);
    const cells = result.sourceCount * result.destinationCount;
    if (cells <= this.maxCells) {
      this.entries.set(key, copyMatrix(result));
      this.cells += cells;
      for (const [oldKey, old] of this.entries) {
        if (this.entries.size <= this.maxEntries && this.cells <= this.maxCells) break;
        this.entries.delete(oldKey);
        this.cells -= old.sourceCount * old.destinationCount;
      }
    }
    return result;
  }

  route(points: readonly LonLat[]): Promise<TravelRoute> {
    return this.inner.route(points);
  }

  async close(): Promise<void> {
    this.entries.clear();
    this.cells = 0;
    await this.inner.close?.();
  }
}
