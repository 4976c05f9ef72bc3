import type { MipModel } from '../mip/mip';
import { RowSorter } from '../bound/row-order';
import { SITE_EXCLUDED, SITE_FIXED_OPEN, SITE_FREE, type MedianInstance } from './median-instance';

export interface MedianMipSpec {
  /** Exactly this many sites among the free ones open (counting `forcedOpen`); at most this many with a budget. */
  p?: number;
  /** Or: the yearly cost of the opened free sites stays within this budget. */
  budget?: { costPerSite: Float64Array; limit: number };
  /** Free sites that must open (a Lagrangian test proved they are in every better solution). */
  forcedOpen?: Uint8Array;
  /**
   * Per demand point, a cost it cannot pay in any solution worth finding (from a Lagrangian
   * test): its levels stop below it and it must be served within them.
   */
  maxCost?: Float64Array;
  /** Side constraint: the weight of demand whose cost exceeds its threshold stays within maxWeight. */
  outside?: { threshold: Float64Array; weight: Float64Array; maxWeight: number };
}

export interface MedianMip {
  model: MipModel;
  /** Column of each site's y, -1 for sites that are not variables. */
  yCol: Int32Array;
  /** Warm start for a set of open free sites. */
  startFrom(open: ArrayLike<number>): Float64Array;
  /** Free sites that the solution x opens. */
  openFrom(x: Float64Array): number[];
}

/**
 * Elloumi's (2010) compact p-median formulation over each demand point's distinct cost levels
 * D1 < D2 < … : z_k = 1 when the point pays more than D_k, with
 *   z_1 + Σ_{j: c_ij = D_1} y_j ≥ 1,   z_k − z_{k−1} + Σ_{j: c_ij = D_k} y_j ≥ 0,
 *   cost_i = D_1 + Σ_k (D_{k+1} − D_k) z_k.
 * Its LP bound equals the strong formulation's (x_ij ≤ y_j) with about half the nonzeros, and a
 * point's levels stop at the first level that is surely open (a fixed site, or one of the
 * |free| − p + 1 nearest when exactly p open), which makes large p far smaller.
 * With 0/1 costs (coverage) it is exactly the maximal covering model.
 */
export function buildMedianMip(inst: MedianInstance, spec: MedianMipSpec): MedianMip {
  const { nDemand: n, nSites: m, cost, siteState } = inst;
  const forced = spec.forcedOpen;
  const yCol = new Int32Array(m).fill(-1);
  let numY = 0;
  for (let j = 0; j < m; j++) if (siteState[j] === SITE_FREE) yCol[j] = numY++;
  // With a budget as well, p is a ceiling and levels cannot be cut by counting open sites.
  const exact = spec.p !== undefined && !spec.budget;
  const p = spec.p ?? 0;

  const cols: { cost: number[] } = { cost: new Array<number>(numY).fill(0) };
  const rowStarts: number[] = [0];
  const rowIndices: number[] = [];
  const rowValues: number[] = [];
  const rowLower: number[] = [];
  const rowUpper: number[] = [];
  let offset = 0;
  const outsideIdx: number[] = [];
  const outsideVal: number[] = [];
  let outsideConst = 0;
  /** Per demand: first z column and its levels, for warm starts. */
  const zFirst = new Int32Array(n);
  const zLevels: Float64Array[] = [];

  const order: number[] = [];
  for (let j = 0; j < m; j++) if (siteState[j] !== SITE_EXCLUDED) order.push(j);
  const sorted = new Int32Array(order.length);
  const sorter = new RowSorter(Int32Array.from(order));
  for (let i = 0; i < n; i++) {
    const row = i * m;
    sorter.sort(cost, row, sorted);
    const levels: number[] = [];
    const levelStart: number[] = [];
    let freeSeen = 0;
    let k = 0;
    let stop = false;
    let capped = false;
    while (k < sorted.length && !stop) {
      const level = cost[row + sorted[k]!]!;
      if (spec.maxCost && level >= spec.maxCost[i]!) {
        capped = true;
        break;
      }
      levels.push(level);
      levelStart.push(k);
      while (k < sorted.length && cost[row + sorted[k]!]! === level) {
        const j = sorted[k]!;
        if (siteState[j] === SITE_FIXED_OPEN || forced?.[j]) stop = true;
        else freeSeen++;
        k++;
      }
      if (exact && freeSeen >= numY - p + 1) stop = true;
    }
    levelStart.push(k);
    offset += levels[0] ?? 0;
    const first = cols.cost.length;
    zFirst[i] = first;
    zLevels.push(Float64Array.from(levels));
    // When the last level is not surely open, z beyond it pays nothing more: the point may be unserved
    // only when no site at all is open, which the cardinality or budget rows decide.
    for (let l = 0; l + 1 < levels.length; l++) cols.cost.push(levels[l + 1]! - levels[l]!);
    for (let l = 0; l + 1 < levels.length; l++) {
      // z_l - z_{l-1} + Σ y(level l) >= 0 ; z_{-1} = 1
      const z = first + l;
      rowIndices.push(z);
      rowValues.push(1);
      if (l > 0) {
        rowIndices.push(z - 1);
        rowValues.push(-1);
      }
      for (let t = levelStart[l]!; t < levelStart[l + 1]!; t++) {
        const c = yCol[sorted[t]!]!;
        rowIndices.push(c);
        rowValues.push(1);
      }
      rowStarts.push(rowIndices.length);
      rowLower.push(l === 0 ? 1 : 0);
      rowUpper.push(Infinity);
    }
    if (capped) {
      // Served within the last kept level: −z_{K−2} + Σ y(level K−1) ≥ 0 (≥ 1 with one level; empty and infeasible with none).
      const last = levels.length - 1;
      if (last > 0) {
        rowIndices.push(first + last - 1);
        rowValues.push(-1);
      }
      if (last >= 0) {
        for (let t = levelStart[last]!; t < levelStart[last + 1]!; t++) {
          rowIndices.push(yCol[sorted[t]!]!);
          rowValues.push(1);
        }
      }
      rowStarts.push(rowIndices.length);
      rowLower.push(last > 0 ? 0 : 1);
      rowUpper.push(Infinity);
    }
    if (spec.outside) {
      const t = spec.outside.threshold[i]!;
      let kt = -1;
      for (let l = 0; l < levels.length; l++) if (levels[l]! <= t) kt = l;
      if (kt < 0) outsideConst += spec.outside.weight[i]!;
      else if (kt + 1 < levels.length) {
        outsideIdx.push(first + kt);
        outsideVal.push(spec.outside.weight[i]!);
      }
    }
  }
  if (spec.p !== undefined) {
    for (let j = 0; j < m; j++) {
      if (yCol[j]! < 0) continue;
      rowIndices.push(yCol[j]!);
      rowValues.push(1);
    }
    rowStarts.push(rowIndices.length);
    rowLower.push(exact ? p : -Infinity);
    rowUpper.push(p);
  }
  if (spec.budget) {
    for (let j = 0; j < m; j++) {
      if (yCol[j]! >= 0 && spec.budget.costPerSite[j]! > 0) {
        rowIndices.push(yCol[j]!);
        rowValues.push(spec.budget.costPerSite[j]!);
      }
    }
    rowStarts.push(rowIndices.length);
    rowLower.push(-Infinity);
    rowUpper.push(spec.budget.limit);
  }
  if (spec.outside) {
    for (let k = 0; k < outsideIdx.length; k++) {
      rowIndices.push(outsideIdx[k]!);
      rowValues.push(outsideVal[k]!);
    }
    rowStarts.push(rowIndices.length);
    rowLower.push(-Infinity);
    rowUpper.push(spec.outside.maxWeight - outsideConst);
  }
  const numCols = cols.cost.length;
  const colLower = new Float64Array(numCols);
  const colUpper = new Float64Array(numCols).fill(1);
  const integrality = new Int32Array(numCols);
  for (let j = 0; j < m; j++) {
    const c = yCol[j]!;
    if (c < 0) continue;
    integrality[c] = 1;
    if (forced?.[j]) colLower[c] = 1;
  }
  const model: MipModel = {
    sense: 'min',
    offset,
    colCost: Float64Array.from(cols.cost),
    colLower,
    colUpper,
    integrality,
    rowLower: Float64Array.from(rowLower),
    rowUpper: Float64Array.from(rowUpper),
    rowStarts: Int32Array.from(rowStarts),
    rowIndices: Int32Array.from(rowIndices),
    rowValues: Float64Array.from(rowValues),
  };
  return {
    model,
    yCol,
    startFrom(open) {
      const x = new Float64Array(numCols);
      const isOpen = new Uint8Array(m);
      for (let j = 0; j < m; j++) if (siteState[j] === SITE_FIXED_OPEN) isOpen[j] = 1;
      for (let k = 0; k < open.length; k++) {
        const j = open[k]!;
        isOpen[j] = 1;
        if (yCol[j]! >= 0) x[yCol[j]!] = 1;
      }
      for (let i = 0; i < n; i++) {
        let best = Infinity;
        const row = i * m;
        for (let j = 0; j < m; j++) if (isOpen[j] && cost[row + j]! < best) best = cost[row + j]!;
        const levels = zLevels[i]!;
        for (let l = 0; l + 1 < levels.length; l++) x[zFirst[i]! + l] = best > levels[l]! ? 1 : 0;
      }
      return x;
    },
    openFrom(x) {
      const out: number[] = [];
      for (let j = 0; j < m; j++) if (yCol[j]! >= 0 && x[yCol[j]!]! > 0.5) out.push(j);
      return out;
    },
  };
}
