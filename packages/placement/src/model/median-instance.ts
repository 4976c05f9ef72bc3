/**
 * The common core of every model but capacity: demand i pays `cost[i * nSites + j]` when
 * served by site j (weight already folded in), and is served by its cheapest open site.
 * p-median (weighted distance), coverage (weight when beyond the radius) and distance decay
 * (weight × share that stays home) are this problem with different costs.
 */
export interface MedianInstance {
  nDemand: number;
  nSites: number;
  cost: Float64Array;
  /** Per site: 0 may open, 1 always open (existing pickup point), -1 may not open. */
  siteState: Int8Array;
}

export const SITE_FREE = 0;
export const SITE_FIXED_OPEN = 1;
export const SITE_EXCLUDED = -1;

/** Site-major copy of the cost matrix, for loops that walk one site over all demand. */
export function transposeCost(inst: MedianInstance): Float64Array {
  const { nDemand: n, nSites: m, cost } = inst;
  const out = new Float64Array(n * m);
  for (let i = 0; i < n; i++) {
    const row = i * m;
    for (let j = 0; j < m; j++) out[j * n + i] = cost[row + j]!;
  }
  return out;
}

/**
 * Cost of serving every demand point from its cheapest open site (fixed sites included). With
 * nothing open at all (a budget that buys nothing useful) a point pays its largest cost, as in
 * the MIP: for coverage that is its weight, uncovered.
 */
export function evaluateOpen(inst: MedianInstance, open: ArrayLike<number>): number {
  const { nDemand: n, nSites: m, cost, siteState } = inst;
  const sites: number[] = [];
  for (let j = 0; j < m; j++) if (siteState[j] === SITE_FIXED_OPEN) sites.push(j);
  for (let k = 0; k < open.length; k++) sites.push(open[k]!);
  if (sites.length === 0) {
    let total = 0;
    for (let i = 0; i < n; i++) {
      let worst = 0;
      for (let j = 0; j < m; j++)
        if (siteState[j] !== SITE_EXCLUDED) worst = Math.max(worst, cost[i * m + j]!);
      total += worst;
    }
    return total;
  }
  let total = 0;
  for (let i = 0; i < n; i++) {
    let best = Infinity;
    const row = i * m;
    for (const j of sites) {
      const c = cost[row + j]!;
      if (c < best) best = c;
    }
    total += best;
  }
  return total;
}

/** True when every cost is a whole number, so a bound can be rounded up. */
export function costsAreIntegral(inst: MedianInstance): boolean {
  const { cost } = inst;
  for (let k = 0; k < cost.length; k++) if (!Number.isInteger(cost[k]!)) return false;
  return true;
}
