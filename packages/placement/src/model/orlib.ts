import { ValidationError } from '@paketbygd/model';
import type { PlacementInstance } from '../types';
import { SITE_FREE, type MedianInstance } from './median-instance';

export interface OrLibraryPMedian {
  name: string;
  p: number;
  nVertices: number;
  /** Shortest-path distances, vertex × vertex, row-major. */
  distance: Float64Array;
}

/**
 * Reads an OR-Library p-median file (`n m p`, then `i j cost` per undirected edge, 1-based)
 * and computes all-pairs shortest paths. A pair listed twice keeps its last cost, as
 * OR-Library intends (the minimum gives wrong optima, e.g. 5718 instead of 5819 on pmed1).
 */
export function parseOrLibraryPMedian(text: string, name = 'OR-Library file'): OrLibraryPMedian {
  const tokens = text.trim().split(/\s+/).map(Number);
  const fail = (message: string) => new ValidationError(name, [{ path: '(file)', message }]);
  if (tokens.length < 3 || tokens.slice(0, 3).some((t) => !Number.isInteger(t) || t < 0)) {
    throw fail('the first line must be "n m p": vertices, edges and medians as whole numbers');
  }
  const [n, m, p] = tokens as [number, number, number];
  if (n < 1) throw fail('the instance has no vertices');
  if (tokens.length < 3 + 3 * m) {
    throw fail(`the header announces ${m} edges but the file holds ${Math.floor((tokens.length - 3) / 3)}`);
  }
  const d = new Float64Array(n * n).fill(Infinity);
  for (let i = 0; i < n; i++) d[i * n + i] = 0;
  for (let e = 0; e < m; e++) {
    const a = tokens[3 + 3 * e]!;
    const b = tokens[4 + 3 * e]!;
    const c = tokens[5 + 3 * e]!;
    if (!Number.isInteger(a) || !Number.isInteger(b) || a < 1 || b < 1 || a > n || b > n) {
      throw fail(`edge ${e + 1} (line ${e + 2}) joins vertices ${a} and ${b}; vertices are 1 … ${n}`);
    }
    if (!Number.isFinite(c) || c < 0)
      throw fail(`edge ${e + 1} (line ${e + 2}) has cost ${c}; costs are ≥ 0`);
    if (a === b) continue;
    d[(a - 1) * n + (b - 1)] = c;
    d[(b - 1) * n + (a - 1)] = c;
  }
  floydWarshall(d, n);
  for (let k = 0; k < d.length; k++) {
    if (d[k] === Infinity)
      throw fail(
        `the graph is not connected: vertex ${Math.floor(k / n) + 1} cannot reach vertex ${(k % n) + 1}`,
      );
  }
  return { name, p, nVertices: n, distance: d };
}

function floydWarshall(d: Float64Array, n: number): void {
  for (let k = 0; k < n; k++) {
    const rowK = k * n;
    for (let i = 0; i < n; i++) {
      const dik = d[i * n + k]!;
      if (dik === Infinity) continue;
      const rowI = i * n;
      for (let j = 0; j < n; j++) {
        const via = dik + d[rowK + j]!;
        if (via < d[rowI + j]!) d[rowI + j] = via;
      }
    }
  }
}

/** Every vertex is a demand point of weight 1 and a candidate site. */
export function orLibraryToMedian(instance: OrLibraryPMedian): MedianInstance {
  return {
    nDemand: instance.nVertices,
    nSites: instance.nVertices,
    cost: instance.distance,
    siteState: new Int8Array(instance.nVertices).fill(SITE_FREE),
  };
}

/** The same file as a placement instance: vertices named 1 … n, weight 1, no fixed sites, no site costs. */
export function orLibraryToPlacement(instance: OrLibraryPMedian): PlacementInstance {
  const n = instance.nVertices;
  const ids = Array.from({ length: n }, (_, i) => String(i + 1));
  return {
    demandIds: ids,
    weights: new Float64Array(n).fill(1),
    siteIds: ids,
    fixedOpen: new Uint8Array(n),
    siteCostPerYear: new Float64Array(n),
    distanceM: instance.distance,
  };
}
