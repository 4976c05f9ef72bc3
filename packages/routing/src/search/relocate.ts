import type { CandidateRoutes } from './candidate';
import type { MovePair } from './move-pair';
import { SequenceOperator } from './operator';
import type { SegmentCheck } from './segments';

/** Writes route a without u, with u placed before task index `index` of route b (b = a: one route). */
function buildRelocation(pair: MovePair, candidate: CandidateRoutes, index: number): void {
  const a = pair.a;
  const from = pair.posU - 1;
  if (pair.sameRoute()) {
    candidate.reset(pair.routeU, -1);
    // Index `index` counts positions of the route with u still in it.
    for (let i = 0; i <= a.len; i++) {
      if (i === index) candidate.push(true, pair.u);
      if (i < a.len && i !== from) candidate.push(true, a.tasks[i]!);
    }
    return;
  }
  candidate.reset(pair.routeU, pair.routeW);
  candidate.append(true, a, 0, from);
  candidate.append(true, a, from + 1, a.len);
  candidate.append(false, pair.b, 0, index);
  candidate.push(false, pair.u);
  candidate.append(false, pair.b, index, pair.b.len);
}

/** Cost change of taking u out of its route and putting it between places x and y of w's route. */
function relocationDelta(pair: MovePair, x: number, y: number): number {
  const removeGain =
    pair.arcA(pair.uPrev, pair.uLoc) + pair.arcA(pair.uLoc, pair.uNext) - pair.arcA(pair.uPrev, pair.uNext);
  const emptied = !pair.sameRoute() && pair.a.len === 1 ? pair.inst.fixedSearch[pair.routeU]! : 0;
  const add = pair.arcB(x, pair.uLoc) + pair.arcB(pair.uLoc, y) - pair.arcB(x, y);
  return add - removeGain - emptied;
}

/**
 * Feasibility by segments of u moved between positions `gap` and `gap + 1` of another route
 * (undefined within one route, or when u's route empties: the candidate is rebuilt instead).
 */
function relocationFeasible(segments: SegmentCheck, pair: MovePair, gap: number): boolean | undefined {
  if (pair.sameRoute() || pair.a.len === 1) return undefined;
  const { a, b, posU } = pair;
  return segments.feasible(a, posU - 1, -1, a, posU + 1) && segments.feasible(b, gap, pair.u, b, gap + 1);
}

/** Relocate: u moves to right after w (in w's route, or within its own). */
export class RelocateAfter extends SequenceOperator {
  readonly name = 'relocate after';

  protected estimate(pair: MovePair): number {
    if (pair.sameRoute() && pair.posW + 1 === pair.posU) return Infinity;
    return relocationDelta(pair, pair.wLoc, pair.wNext);
  }

  protected build(pair: MovePair): void {
    buildRelocation(pair, this.candidate, pair.posW);
  }

  protected override feasibleBySegments(pair: MovePair): boolean | undefined {
    return relocationFeasible(this.segments, pair, pair.posW);
  }
}

/** Relocate: u moves to right before w (in w's route, or within its own). */
export class RelocateBefore extends SequenceOperator {
  readonly name = 'relocate before';

  protected estimate(pair: MovePair): number {
    if (pair.sameRoute() && pair.posW - 1 === pair.posU) return Infinity;
    return relocationDelta(pair, pair.wPrev, pair.wLoc);
  }

  protected build(pair: MovePair): void {
    buildRelocation(pair, this.candidate, pair.posW - 1);
  }

  protected override feasibleBySegments(pair: MovePair): boolean | undefined {
    return relocationFeasible(this.segments, pair, pair.posW - 1);
  }
}
