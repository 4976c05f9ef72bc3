import type { BreakPlacement } from './breaks';
import type { UnassignedReason } from '@paketbygd/model';

export interface Progress {
  elapsedS: number;
  iterations: number;
  /** Best cost so far: travel + fixed costs + penalties of unserved optional tasks. */
  cost: number;
  vehicles: number;
  unassigned: number;
}

/** How a search is run: its budget, seed, threads, parameters and what it reports; for every entry point. */
export interface SearchControl {
  /** Wall-clock limit in seconds (default 5 when no iteration limit is given). */
  timeLimitS?: number;
  maxIterations?: number;
  /**
   * Stop when the search has converged (`convergence.ts`: a cooling schedule and a stall stop,
   * both growing with the number of tasks) instead of at a fixed time; `timeLimitS` (default 10)
   * and `maxIterations` then cap it. For requests that give no limit of their own.
   */
  untilConverged?: boolean;
  seed?: number;
  signal?: AbortSignal;
  onProgress?: (p: Progress) => void;
  /** Search parameters; the defaults follow Christiaens & Vanden Berghe (2020). */
  params?: Partial<SearchParams>;
  /**
   * Searches run at once, sharing their best solutions (`parallel/`): the calling thread runs
   * one, worker threads the others. 1 (the default) is the search in the calling thread alone.
   * At most `maxThreads()` (twice the cores).
   */
  threads?: number;
}

export interface SolveOptions extends SearchControl {
  /** Warm start: task indices per vehicle index. Infeasible routes are dropped task by task. */
  initialRoutes?: { vehicle: number; tasks: number[] }[];
}

export interface SearchParams {
  /** Average number of removed tasks per ruin. */
  avgRemoved: number;
  /** Longest removed string. */
  maxString: number;
  splitRate: number;
  splitDepth: number;
  blinkRate: number;
  /** Start and end temperatures, as fractions of the mean arc cost of the initial solution. */
  t0: number;
  tf: number;
  /** Run the local search on a new best solution. */
  polish: boolean;
  /** …and also on every accepted candidate that improves the current solution. */
  polishImproving: boolean;
  /** The local search also tries SWAP* (Vidal 2022) between neighbouring routes. */
  swapStar: boolean;
  /** The local search also works on routes that hold shipments. */
  shipmentRoutes: boolean;
  /** Insertions try the routes of this many nearest neighbours (at most 40)… */
  insertNeighbours: number;
  /** …or every route. */
  allRoutes: boolean;
  /** In the "vehicles" objective, run the route elimination phase first. */
  eliminate: boolean;
  /** Its share of the time limit (it stops earlier on a stall or at the load lower bound). */
  eliminateShare: number;
  /** Consecutive failed route removals that end the phase. */
  eliminateFails: number;
  /** A share of the time limit without a removed route that ends the phase. */
  eliminateStallShare: number;
  /** Route elimination tries the squeeze step (`squeeze.ts`) before ejecting tasks. */
  squeeze: boolean;
  /** …and the annealing squeezes a job into the used routes rather than open one ("vehicles" objective). */
  squeezeAnnealing: boolean;
  /** With `threads` > 1: how many epochs the budget is cut into; the searches share their best between them. */
  epochs: number;
  /** Breed the current solution with a kept good one now and then (`crossover/`). */
  crossover: boolean;
  /** …every this many iterations… */
  crossoverEvery: number;
  /** …from a pool of at most this many good solutions that differ from each other. */
  elites: number;
}

export const DEFAULT_PARAMS: SearchParams = {
  avgRemoved: 10,
  maxString: 10,
  splitRate: 0.5,
  splitDepth: 0.01,
  blinkRate: 0.01,
  t0: 1,
  tf: 0.01,
  polish: true,
  polishImproving: false,
  swapStar: false,
  shipmentRoutes: false,
  insertNeighbours: 40,
  allRoutes: false,
  eliminate: true,
  eliminateShare: 0.5,
  eliminateFails: 50,
  eliminateStallShare: 0.2,
  squeeze: false,
  squeezeAnnealing: false,
  epochs: 10,
  crossover: false,
  crossoverEvery: 500,
  elites: 8,
};

export interface SolvedRoute {
  vehicle: number;
  tasks: number[];
  /** For a vehicle with breaks: where each is taken (`breaks.ts`). */
  breaks?: BreakPlacement[];
}

export interface SolveResult {
  routes: SolvedRoute[];
  unassigned: { task: number; reason: UnassignedReason }[];
  /** Travel + fixed costs + penalties of unserved optional tasks. */
  cost: number;
  travelCost: number;
  vehicles: number;
  iterations: number;
  /** Routes removed by the route elimination phase ("vehicles" objective). */
  eliminated: number;
  /** Seconds spent in that phase. */
  eliminationS: number;
  elapsedS: number;
  /** True when the search stopped on the AbortSignal. */
  aborted: boolean;
}
