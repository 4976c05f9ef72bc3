import type { CandidateRoutes } from './candidate';
import type { MovePair } from './move-pair';
import type { SegmentCheck } from './segments';

/** Smaller changes than this are no improvement (floating-point noise). */
export const EPS = 1e-9;

/**
 * A neighbourhood move between a task u and a neighbour w (`MovePair`), used by the local search
 * (improving moves only) and by the perturbation of route elimination (any feasible move).
 */
export interface Operator {
  readonly name: string;
  /**
   * The move's exact cost change, or Infinity when it does not apply to the pair or is infeasible.
   * With `onlyImproving`, a move whose changed arcs alone do not improve is not checked further
   * and gives Infinity.
   */
  evaluate(pair: MovePair, onlyImproving: boolean): number;
  /** Applies the move on the pair (the one just evaluated). */
  apply(pair: MovePair): void;
}

/**
 * An operator priced in two steps: the changed arcs in O(1), then, for a promising move, its
 * feasibility by segments in O(1) or, where they do not apply, the routes it produces rebuilt as
 * a candidate (every constraint checked).
 */
export abstract class SequenceOperator implements Operator {
  abstract readonly name: string;

  constructor(
    protected readonly candidate: CandidateRoutes,
    protected readonly segments: SegmentCheck,
  ) {}

  /** Cost change by the changed arcs alone (and fixed costs); Infinity when the move does not apply. */
  protected abstract estimate(pair: MovePair): number;

  /** Writes the routes the move produces into the candidate. */
  protected abstract build(pair: MovePair): void;

  /**
   * Feasibility by segment concatenation, O(1), when `segments.applies` and the move is made of
   * prefixes, single tasks and suffixes with unchanged fixed costs (its estimate is then exact);
   * undefined when the move must be rebuilt instead.
   */
  protected feasibleBySegments(_pair: MovePair): boolean | undefined {
    return undefined;
  }

  evaluate(pair: MovePair, onlyImproving: boolean): number {
    const estimate = this.estimate(pair);
    if (estimate === Infinity || (onlyImproving && !(estimate < -EPS))) return Infinity;
    if (this.segments.applies) {
      const feasible = this.feasibleBySegments(pair);
      if (feasible !== undefined) return feasible ? estimate : Infinity;
    }
    this.build(pair);
    return this.candidate.price(pair.sol);
  }

  apply(pair: MovePair): void {
    this.build(pair);
    this.candidate.apply(pair.sol);
  }
}
