import type { CandidateRoutes } from './candidate';
import type { MovePair } from './move-pair';

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
 * An operator priced in two steps: the changed arcs in O(1), then, for a promising move, the
 * routes it produces rebuilt as a candidate (every constraint checked).
 */
export abstract class SequenceOperator implements Operator {
  abstract readonly name: string;

  constructor(protected readonly candidate: CandidateRoutes) {}

  /** Cost change by the changed arcs alone (and fixed costs); Infinity when the move does not apply. */
  protected abstract estimate(pair: MovePair): number;

  /** Writes the routes the move produces into the candidate. */
  protected abstract build(pair: MovePair): void;

  evaluate(pair: MovePair, onlyImproving: boolean): number {
    const estimate = this.estimate(pair);
    if (estimate === Infinity || (onlyImproving && !(estimate < -EPS))) return Infinity;
    this.build(pair);
    return this.candidate.price(pair.sol);
  }

  apply(pair: MovePair): void {
    this.build(pair);
    this.candidate.apply(pair.sol);
  }
}
