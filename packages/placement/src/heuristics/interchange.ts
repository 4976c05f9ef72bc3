import { SITE_EXCLUDED, SITE_FIXED_OPEN, SITE_FREE, type MedianInstance } from '../model/median-instance';
import { Mulberry32 } from '@paketbygd/random';

/**
 * Open-site state for exactly p free sites plus the fixed ones, with each demand point's nearest
 * and second-nearest open site, so a swap is priced in O(n) (Whitaker's fast interchange).
 */
class SwapState {
  readonly n: number;
  readonly m: number;
  readonly isOpen: Uint8Array;
  /** Position of a free open site in `open`, -1 otherwise. */
  readonly pos: Int32Array;
  readonly open: Int32Array;
  readonly fixed: Int32Array;
  readonly d1: Float64Array;
  readonly d2: Float64Array;
  readonly c1: Int32Array;
  readonly c2: Int32Array;
  total = 0;

  constructor(
    readonly inst: MedianInstance,
    readonly costT: Float64Array,
    p: number,
  ) {
    this.n = inst.nDemand;
    this.m = inst.nSites;
    this.isOpen = new Uint8Array(this.m);
    this.pos = new Int32Array(this.m).fill(-1);
    this.open = new Int32Array(p);
    const fixed: number[] = [];
    for (let j = 0; j < this.m; j++) if (inst.siteState[j] === SITE_FIXED_OPEN) fixed.push(j);
    this.fixed = Int32Array.from(fixed);
    this.d1 = new Float64Array(this.n);
    this.d2 = new Float64Array(this.n);
    this.c1 = new Int32Array(this.n);
    this.c2 = new Int32Array(this.n);
  }

  set(open: ArrayLike<number>): void {
    this.isOpen.fill(0);
    this.pos.fill(-1);
    for (const j of this.fixed) this.isOpen[j] = 1;
    for (let k = 0; k < open.length; k++) {
      this.open[k] = open[k]!;
      this.pos[open[k]!] = k;
      this.isOpen[open[k]!] = 1;
    }
    let total = 0;
    for (let i = 0; i < this.n; i++) {
      this.nearestTwo(i);
      total += this.d1[i]!;
    }
    this.total = total;
  }

  private nearestTwo(i: number): void {
    const { costT, n, open, fixed } = this;
    let b1 = Infinity;
    let b2 = Infinity;
    let s1 = -1;
    let s2 = -1;
    for (let k = 0; k < open.length + fixed.length; k++) {
      const j = k < open.length ? open[k]! : fixed[k - open.length]!;
      const c = costT[j * n + i]!;
      if (c < b1) {
        b2 = b1;
        s2 = s1;
        b1 = c;
        s1 = j;
      } else if (c < b2) {
        b2 = c;
        s2 = j;
      }
    }
    this.d1[i] = b1;
    this.d2[i] = b2;
    this.c1[i] = s1;
    this.c2[i] = s2;
  }

  /** Opens `insert` in place of the free open site `remove`. */
  swap(insert: number, remove: number): void {
    const k = this.pos[remove]!;
    this.open[k] = insert;
    this.pos[insert] = k;
    this.pos[remove] = -1;
    this.isOpen[remove] = 0;
    this.isOpen[insert] = 1;
    const { n, costT, d1, d2, c1, c2 } = this;
    let total = 0;
    for (let i = 0; i < n; i++) {
      if (c1[i] === remove || c2[i] === remove) {
        this.nearestTwo(i);
      } else {
        const c = costT[insert * n + i]!;
        if (c < d1[i]!) {
          d2[i] = d1[i]!;
          c2[i] = c1[i]!;
          d1[i] = c;
          c1[i] = insert;
        } else if (c < d2[i]!) {
          d2[i] = c;
          c2[i] = insert;
        }
      }
      total += d1[i]!;
    }
    this.total = total;
  }
}

/**
 * Fast interchange to a local optimum: for each closed site, the best site to close in its
 * place is found in one pass over demand (gain of the newcomer, loss of each open site);
 * the first improving swap is applied. Returns the number of swaps made.
 */
function interchange(state: SwapState, free: Int32Array, loss: Float64Array, deadline: number): number {
  const { n, costT, d1, d2, c1, pos, isOpen, open } = state;
  const p = open.length;
  let swaps = 0;
  let sinceImprovement = 0;
  let t = 0;
  while (sinceImprovement < free.length) {
    const cand = free[t]!;
    t = t + 1 === free.length ? 0 : t + 1;
    sinceImprovement++;
    if (isOpen[cand]) continue;
    if ((sinceImprovement & 63) === 0 && performance.now() > deadline) break;
    let gain = 0;
    loss.fill(0, 0, p);
    const base = cand * n;
    for (let i = 0; i < n; i++) {
      const c = costT[base + i]!;
      const a = d1[i]!;
      if (c < a) gain += a - c;
      else {
        const k = pos[c1[i]!]!;
        if (k >= 0) {
          const b = d2[i]!;
          loss[k]! += (c < b ? c : b) - a;
        }
      }
    }
    let best = 0;
    for (let k = 1; k < p; k++) if (loss[k]! < loss[best]!) best = k;
    if (p > 0 && gain - loss[best]! > 1e-9 * (1 + state.total)) {
      state.swap(cand, open[best]!);
      swaps++;
      sinceImprovement = 0;
    }
  }
  return swaps;
}

/** Greedy: add the site that lowers the total most, p times. */
export function greedyOpen(inst: MedianInstance, costT: Float64Array, p: number): number[] {
  const { nDemand: n, nSites: m, siteState } = inst;
  const d1 = new Float64Array(n).fill(Infinity);
  for (let j = 0; j < m; j++) {
    if (siteState[j] !== SITE_FIXED_OPEN) continue;
    for (let i = 0; i < n; i++) d1[i] = Math.min(d1[i]!, costT[j * n + i]!);
  }
  // Before anything is open every point pays its largest cost, so that the first pick is priced.
  const cap = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let worst = 0;
    for (let j = 0; j < m; j++)
      if (siteState[j] !== SITE_EXCLUDED) worst = Math.max(worst, costT[j * n + i]!);
    cap[i] = Math.min(d1[i]!, worst);
  }
  d1.set(cap);
  const chosen: number[] = [];
  const isChosen = new Uint8Array(m);
  for (let step = 0; step < p; step++) {
    let bestSite = -1;
    let bestGain = -1;
    for (let j = 0; j < m; j++) {
      if (siteState[j] !== SITE_FREE || isChosen[j]) continue;
      let gain = 0;
      const base = j * n;
      for (let i = 0; i < n; i++) {
        const c = costT[base + i]!;
        if (c < d1[i]!) gain += d1[i]! - c;
      }
      if (gain > bestGain) {
        bestGain = gain;
        bestSite = j;
      }
    }
    if (bestSite < 0) break;
    chosen.push(bestSite);
    isChosen[bestSite] = 1;
    for (let i = 0; i < n; i++) d1[i] = Math.min(d1[i]!, costT[bestSite * n + i]!);
  }
  return chosen;
}

export interface LocalSearchOptions {
  p: number;
  deadline: number;
  seed: number;
  /** Stop after this many perturbations without a better solution. */
  maxStall?: number;
  initial?: ArrayLike<number>;
}

export interface LocalSearchResult {
  open: number[];
  cost: number;
  rounds: number;
}

/**
 * Greedy start, fast interchange, then iterated local search: a few random swaps, interchange
 * again, keep the better. Deterministic for a seed.
 */
export function iteratedInterchange(
  inst: MedianInstance,
  costT: Float64Array,
  options: LocalSearchOptions,
): LocalSearchResult {
  const { p, deadline } = options;
  const free: number[] = [];
  for (let j = 0; j < inst.nSites; j++) if (inst.siteState[j] === SITE_FREE) free.push(j);
  const freeArr = Int32Array.from(free);
  const state = new SwapState(inst, costT, p);
  const start = options.initial ? Array.from(options.initial) : greedyOpen(inst, costT, p);
  state.set(start);
  const loss = new Float64Array(Math.max(1, p));
  interchange(state, freeArr, loss, deadline);
  let best = Array.from(state.open);
  let bestCost = state.total;
  const rng = new Mulberry32(options.seed);
  const maxStall = options.maxStall ?? 50;
  let stall = 0;
  let rounds = 0;
  if (p === 0 || p >= free.length) return { open: best, cost: bestCost, rounds };
  while (stall < maxStall && performance.now() < deadline) {
    rounds++;
    state.set(best);
    const kicks = 1 + Math.floor(rng.next() * Math.min(3, p));
    for (let k = 0; k < kicks; k++) {
      let insert = freeArr[Math.floor(rng.next() * freeArr.length)]!;
      while (state.isOpen[insert]) insert = freeArr[Math.floor(rng.next() * freeArr.length)]!;
      state.swap(insert, state.open[Math.floor(rng.next() * p)]!);
    }
    interchange(state, freeArr, loss, deadline);
    if (state.total < bestCost - 1e-9 * (1 + bestCost)) {
      bestCost = state.total;
      best = Array.from(state.open);
      stall = 0;
    } else stall++;
  }
  return { open: best.sort((a, b) => a - b), cost: bestCost, rounds };
}

/** Fast interchange from a given set of p free sites to a local optimum. */
export function descendFrom(
  inst: MedianInstance,
  costT: Float64Array,
  start: ArrayLike<number>,
  deadline: number,
): LocalSearchResult {
  const free: number[] = [];
  for (let j = 0; j < inst.nSites; j++) if (inst.siteState[j] === SITE_FREE) free.push(j);
  const state = new SwapState(inst, costT, start.length);
  state.set(start);
  interchange(state, Int32Array.from(free), new Float64Array(Math.max(1, start.length)), deadline);
  return { open: Array.from(state.open).sort((a, b) => a - b), cost: state.total, rounds: 0 };
}

/**
 * Greedy under a budget: repeatedly add the affordable site with the largest saving per unit
 * of cost. Gives the MIP a first incumbent, so a time limit never ends without a solution.
 */
export function greedyBudget(
  inst: MedianInstance,
  costT: Float64Array,
  costPerSite: Float64Array,
  limit: number,
  maxOpen = Infinity,
): number[] {
  const { nDemand: n, nSites: m, siteState } = inst;
  const d1 = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let worst = 0;
    let fixedBest = Infinity;
    for (let j = 0; j < m; j++) {
      if (siteState[j] === SITE_EXCLUDED) continue;
      const c = costT[j * n + i]!;
      worst = Math.max(worst, c);
      if (siteState[j] === SITE_FIXED_OPEN) fixedBest = Math.min(fixedBest, c);
    }
    d1[i] = Math.min(worst, fixedBest);
  }
  const chosen: number[] = [];
  const isChosen = new Uint8Array(m);
  let spent = 0;
  while (chosen.length < maxOpen) {
    let bestSite = -1;
    let bestRatio = 0;
    for (let j = 0; j < m; j++) {
      if (siteState[j] !== SITE_FREE || isChosen[j] || spent + costPerSite[j]! > limit) continue;
      let gain = 0;
      const base = j * n;
      for (let i = 0; i < n; i++) {
        const c = costT[base + i]!;
        if (c < d1[i]!) gain += d1[i]! - c;
      }
      const ratio = gain / Math.max(costPerSite[j]!, 1e-9);
      if (gain > 0 && ratio > bestRatio) {
        bestRatio = ratio;
        bestSite = j;
      }
    }
    if (bestSite < 0) break;
    chosen.push(bestSite);
    isChosen[bestSite] = 1;
    spent += costPerSite[bestSite]!;
    for (let i = 0; i < n; i++) d1[i] = Math.min(d1[i]!, costT[bestSite * n + i]!);
  }
  return chosen;
}
