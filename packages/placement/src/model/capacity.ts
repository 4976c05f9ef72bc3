import type { MipModel, MipSolver } from '../mip/mip';
import type { PlacementInstance, PlacementOptions, PlacementResult } from '../types';

/** Served weight counts 1 per unit; distance only breaks ties, so it can never buy less coverage. */
const DISTANCE_TIE_BREAK = 1e-7;

/**
 * Capacitated coverage: open at most p boxes (or within the budget); demand point i sends the
 * share x_ij of its people to an open site j within the access limit, with
 *   Σ_j x_ij ≤ 1,  x_ij ≤ y_j,  Σ_i load_i x_ij ≤ capacity_j y_j,
 * maximising the people served (ties: the shorter total distance). Existing pickup points are
 * open and use their own capacity when known. What no box can take is reported as unserved.
 */
export function solveCapacity(
  inst: PlacementInstance,
  options: PlacementOptions & { timeLimitS: number; mipRelGap: number },
  mip: MipSolver,
  started: number,
): PlacementResult {
  const n = inst.demandIds.length;
  const m = inst.siteIds.length;
  const radius = options.radiusM!;
  const load = inst.demandLoad!;
  const capacity = inst.siteCapacity!;
  const w = inst.weights;
  const yCol = new Int32Array(m).fill(-1);
  let cols = 0;
  for (let j = 0; j < m; j++) if (!inst.fixedOpen[j]) yCol[j] = cols++;
  const pairI: number[] = [];
  const pairJ: number[] = [];
  for (let i = 0; i < n; i++) {
    if (!(w[i]! > 0)) continue;
    for (let j = 0; j < m; j++) {
      if (inst.distanceM[i * m + j]! <= radius) {
        pairI.push(i);
        pairJ.push(j);
      }
    }
  }
  const numX = pairI.length;
  const numCols = cols + numX;
  const colCost = new Float64Array(numCols);
  const colLower = new Float64Array(numCols);
  const colUpper = new Float64Array(numCols).fill(1);
  const integrality = new Int32Array(numCols);
  integrality.fill(1, 0, cols);
  for (let k = 0; k < numX; k++) {
    const i = pairI[k]!;
    colCost[cols + k] = w[i]! * (1 - (DISTANCE_TIE_BREAK * inst.distanceM[i * m + pairJ[k]!]!) / radius);
  }
  const starts: number[] = [0];
  const idx: number[] = [];
  const val: number[] = [];
  const lo: number[] = [];
  const up: number[] = [];
  const endRow = (l: number, u: number) => {
    starts.push(idx.length);
    lo.push(l);
    up.push(u);
  };
  // Σ_j x_ij ≤ 1 per demand point (pairs are grouped by i).
  for (let k = 0; k < numX;) {
    const i = pairI[k]!;
    while (k < numX && pairI[k] === i) {
      idx.push(cols + k);
      val.push(1);
      k++;
    }
    endRow(-Infinity, 1);
  }
  const bySite: number[][] = Array.from({ length: m }, () => []);
  for (let k = 0; k < numX; k++) bySite[pairJ[k]!]!.push(k);
  for (let j = 0; j < m; j++) {
    const y = yCol[j]!;
    const pairs = bySite[j]!;
    if (y >= 0) {
      for (const k of pairs) {
        idx.push(cols + k, y);
        val.push(1, -1);
        endRow(-Infinity, 0);
      }
    }
    const cap = capacity[j]!;
    if (cap === Infinity || pairs.length === 0) continue;
    for (const k of pairs) {
      idx.push(cols + k);
      val.push(load[pairI[k]!]!);
    }
    if (y >= 0) {
      idx.push(y);
      val.push(-cap);
      endRow(-Infinity, 0);
    } else endRow(-Infinity, cap);
  }
  if (options.p !== undefined) {
    for (let j = 0; j < m; j++) {
      if (yCol[j]! < 0) continue;
      idx.push(yCol[j]!);
      val.push(1);
    }
    endRow(-Infinity, options.p);
  }
  if (options.budgetPerYear !== undefined) {
    for (let j = 0; j < m; j++) {
      if (yCol[j]! < 0) continue;
      idx.push(yCol[j]!);
      val.push(inst.siteCostPerYear[j]!);
    }
    endRow(-Infinity, options.budgetPerYear);
  }
  const model: MipModel = {
    sense: 'max',
    colCost,
    colLower,
    colUpper,
    integrality,
    rowLower: Float64Array.from(lo),
    rowUpper: Float64Array.from(up),
    rowStarts: Int32Array.from(starts),
    rowIndices: Int32Array.from(idx),
    rowValues: Float64Array.from(val),
  };
  const start = greedyStart(inst, options, { cols, yCol, pairI, pairJ, bySite });
  const r = mip.solve(model, {
    timeLimitS: options.timeLimitS,
    mipRelGap: options.mipRelGap,
    initialSolution: start,
  });
  // HiGHS returns at least its start; stopped at the deadline it returns nothing, and the start stands.
  const solution = r.x ?? start;
  const notes: string[] = [];
  const openSites: number[] = [];
  const assignedSite = new Int32Array(n).fill(-1);
  const unservedWeight = Float64Array.from(w);
  const share = new Float64Array(n);
  const shares: { demand: number; site: number; share: number }[] = [];
  let served = 0;
  let weightedDistance = 0;
  {
    for (let j = 0; j < m; j++) if (yCol[j]! >= 0 && solution[yCol[j]!]! > 0.5) openSites.push(j);
    for (let k = 0; k < numX; k++) {
      const x = solution[cols + k]!;
      if (x <= 1e-9) continue;
      const i = pairI[k]!;
      const j = pairJ[k]!;
      shares.push({ demand: i, site: j, share: x });
      served += w[i]! * x;
      unservedWeight[i] = Math.max(0, unservedWeight[i]! - w[i]! * x);
      weightedDistance += w[i]! * x * inst.distanceM[i * m + j]!;
      if (x > share[i]!) {
        share[i] = x;
        assignedSite[i] = j;
      }
    }
  }
  const totalWeight = w.reduce((s, x) => s + x, 0);
  // The greedy start is feasible whenever the model is, so "infeasible" cannot come back.
  const status = r.status === 'optimal' ? 'optimal' : 'feasible';
  if (!r.x) notes.push(`HiGHS found no solution in time (${r.message ?? r.status}); the greedy start stands`);
  // Without the solver's bound: everyone within reach of some site.
  let reachable = 0;
  for (let k = 0; k < numX; k++) if (k === 0 || pairI[k] !== pairI[k - 1]) reachable += w[pairI[k]!]!;
  // The solver's objective is the served weight less the tie-break (at most 1e-7 of it), so its bound plus that is a bound on the served weight.
  const bound =
    status === 'optimal'
      ? served
      : Math.min(
          totalWeight,
          reachable,
          Number.isFinite(r.bound) ? r.bound + DISTANCE_TIE_BREAK * totalWeight : Infinity,
        );
  if (status === 'optimal')
    notes.push('served weight optimal up to the distance tie-break (1e-7 of a person per radius)');
  return {
    model: 'capacity',
    status,
    objective: served,
    bound,
    gapPct: served > 0 ? (100 * Math.max(0, bound - served)) / served : bound > 0 ? Infinity : 0,
    sense: 'max',
    openSites,
    open: openSites.map((j) => inst.siteIds[j]!),
    assignedSite,
    totalWeight,
    coveredWeight: served,
    meanDistanceM: served > 0 ? weightedDistance / served : 0,
    unservedWeight,
    shares,
    costPerYear: openSites.reduce((s, j) => s + inst.siteCostPerYear[j]!, 0),
    method: `greedy start, then HiGHS MIP (capacitated coverage, ${numCols} columns)`,
    timeS: (performance.now() - started) / 1000,
    notes,
  };
}

interface CapacityColumns {
  cols: number;
  yCol: Int32Array;
  pairI: number[];
  pairJ: number[];
  bySite: number[][];
}

/**
 * A feasible start: existing pickup points first, then boxes one at a time where they serve the
 * most people not yet served (per unit of cost under a budget), each filled nearest first up to
 * its capacity. HiGHS starts from it, and it is the answer if HiGHS finds nothing in time.
 */
function greedyStart(inst: PlacementInstance, options: PlacementOptions, c: CapacityColumns): Float64Array {
  const m = inst.siteIds.length;
  const w = inst.weights;
  const load = inst.demandLoad!;
  const x = new Float64Array(c.cols + c.pairI.length);
  const left = new Float64Array(inst.demandIds.length).fill(1);
  const room = Float64Array.from(inst.siteCapacity!);
  const byDistance = c.bySite.map((pairs, j) =>
    [...pairs].sort((a, b) => inst.distanceM[c.pairI[a]! * m + j]! - inst.distanceM[c.pairI[b]! * m + j]!),
  );
  /** People site j would serve now; with `commit` it also takes them. */
  const fill = (j: number, commit: boolean): number => {
    let capLeft = room[j]!;
    let gained = 0;
    for (const k of byDistance[j]!) {
      const i = c.pairI[k]!;
      const want = left[i]!;
      if (want <= 0) continue;
      const t = load[i]! > 0 ? Math.min(want, capLeft / load[i]!) : want;
      if (t <= 0) break;
      gained += w[i]! * t;
      capLeft -= t * load[i]!;
      if (commit) {
        x[c.cols + k] = t;
        left[i] = want - t;
      }
    }
    if (commit) room[j] = capLeft;
    return gained;
  };
  for (let j = 0; j < m; j++) if (inst.fixedOpen[j]) fill(j, true);
  const isOpen = new Uint8Array(m);
  let opened = 0;
  let spent = 0;
  const maxOpen = options.p ?? Infinity;
  const budget = options.budgetPerYear ?? Infinity;
  while (opened < maxOpen) {
    let best = -1;
    let bestScore = 0;
    for (let j = 0; j < m; j++) {
      if (c.yCol[j]! < 0 || isOpen[j]) continue;
      const cost = inst.siteCostPerYear[j]!;
      if (spent + cost > budget) continue;
      const gain = fill(j, false);
      const score = options.budgetPerYear !== undefined ? gain / Math.max(cost, 1e-9) : gain;
      if (gain > 1e-9 && score > bestScore) {
        best = j;
        bestScore = score;
      }
    }
    if (best < 0) break;
    isOpen[best] = 1;
    x[c.yCol[best]!] = 1;
    opened++;
    spent += inst.siteCostPerYear[best]!;
    fill(best, true);
  }
  return x;
}
