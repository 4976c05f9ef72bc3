/**
 * A placement instance in matrix form. Sites are the candidate sites followed by any
 * existing pickup points (`fixedOpen`), which are always open and cost nothing.
 */
export interface PlacementInstance {
  demandIds: readonly string[];
  /** People, households or parcels per demand point: what coverage and distance are weighted by. */
  weights: Float64Array;
  siteIds: readonly string[];
  /** 1 for a site that is always open (an existing pickup point); it does not count towards p or the budget. */
  fixedOpen: Uint8Array;
  /** Yearly cost of a box at each site: investment over its lifetime plus the yearly cost. */
  siteCostPerYear: Float64Array;
  /** Access distance (or time) demand × site, row-major: `distanceM[i * nSites + j]`. */
  distanceM: Float64Array;
  /** Parcels a demand point brings to a box at once (capacity model). */
  demandLoad?: Float64Array;
  /** Parcels a site holds at once; Infinity when unlimited (capacity model). */
  siteCapacity?: Float64Array;
}

export const PLACEMENT_MODELS = ['pmedian', 'coverage', 'lexicographic', 'capacity', 'decay'] as const;
export type PlacementModel = (typeof PLACEMENT_MODELS)[number];

export interface DistanceDecay {
  kind: 'linear' | 'exponential';
  /** linear: use falls to 0 at this distance; exponential: use falls by 1/e every this many metres. */
  scaleM: number;
}

export interface PlacementOptions {
  model: PlacementModel;
  /** Open at most (p-median: exactly) this many new boxes. */
  p?: number;
  /** Yearly budget for new boxes (same currency as siteCostPerYear). */
  budgetPerYear?: number;
  /** Access limit for coverage, lexicographic and capacity. */
  radiusM?: number;
  decay?: DistanceDecay;
  timeLimitS?: number;
  /** Relative MIP gap at which HiGHS stops; 0 asks for proven optimality. */
  mipRelGap?: number;
  seed?: number;
  /** 'auto' (default): heuristic and bound first, the MIP where the gap is not closed; 'mip': the MIP alone; 'heuristic': no MIP. */
  method?: 'auto' | 'mip' | 'heuristic';
}

export type PlacementStatus = 'optimal' | 'feasible' | 'infeasible' | 'time_limit_no_solution';

export interface PlacementResult {
  model: PlacementModel;
  status: PlacementStatus;
  /** pmedian: Σ weight × distance; coverage/capacity: covered weight; lexicographic: Σ weight × distance at maximal coverage; decay: expected users. */
  objective: number;
  /** Proven bound on the objective: lower for minimisation, upper for maximisation. */
  bound: number;
  gapPct: number;
  sense: 'min' | 'max';
  /** Indices (into siteIds) of the newly opened sites, ascending. */
  openSites: number[];
  open: string[];
  /** For each demand point, the site index serving it (nearest open; capacity: main assignment), -1 when none. */
  assignedSite: Int32Array;
  totalWeight: number;
  coveredWeight?: number;
  /** Weight-mean distance to the assigned site (capacity model: over the served weight). */
  meanDistanceM: number;
  /** Capacity model: weight of each demand point that no box within reach can take. */
  unservedWeight?: Float64Array;
  /** Capacity model: which share of each demand point's weight goes to which site. */
  shares?: { demand: number; site: number; share: number }[];
  costPerYear: number;
  method: string;
  timeS: number;
  notes: string[];
}
