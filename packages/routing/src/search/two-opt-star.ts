import type { CandidateRoutes } from './candidate';
import type { MovePair } from './move-pair';
import { SequenceOperator } from './operator';

/**
 * 2-opt* between two routes, cutting after u and after w: route u keeps its head up to u and
 * takes w's tail, route w keeps its head up to w and takes u's tail.
 */
export class TwoOptStarAfter extends SequenceOperator {
  readonly name = '2-opt* after';

  protected estimate(pair: MovePair): number {
    if (pair.sameRoute()) return Infinity;
    const { uLoc, uNext, wLoc, wNext } = pair;
    return pair.arcA(uLoc, wNext) + pair.arcB(wLoc, uNext) - pair.arcA(uLoc, uNext) - pair.arcB(wLoc, wNext);
  }

  protected build(pair: MovePair): void {
    exchangeTails(this.candidate, pair, pair.posU, pair.posW);
  }

  protected override feasibleBySegments(pair: MovePair): boolean | undefined {
    const { a, b, posU, posW } = pair;
    return (
      this.segments.feasible(a, posU, -1, b, posW + 1) && this.segments.feasible(b, posW, -1, a, posU + 1)
    );
  }
}

/** 2-opt* cutting before u and before w, so that w follows u's predecessor. */
export class TwoOptStarBefore extends SequenceOperator {
  readonly name = '2-opt* before';

  protected estimate(pair: MovePair): number {
    if (pair.sameRoute()) return Infinity;
    const { uPrev, uLoc, wPrev, wLoc } = pair;
    return pair.arcA(uPrev, wLoc) + pair.arcB(wPrev, uLoc) - pair.arcA(uPrev, uLoc) - pair.arcB(wPrev, wLoc);
  }

  protected build(pair: MovePair): void {
    exchangeTails(this.candidate, pair, pair.posU - 1, pair.posW - 1);
  }

  protected override feasibleBySegments(pair: MovePair): boolean | undefined {
    const { a, b, posU, posW } = pair;
    return (
      this.segments.feasible(a, posU - 1, -1, b, posW) && this.segments.feasible(b, posW - 1, -1, a, posU)
    );
  }
}

/** Route u's first `headU` tasks then route w's tasks from index `headW`, and the converse. */
function exchangeTails(candidate: CandidateRoutes, pair: MovePair, headU: number, headW: number): void {
  candidate.reset(pair.routeU, pair.routeW);
  candidate.append(true, pair.a, 0, headU);
  candidate.append(true, pair.b, headW, pair.b.len);
  candidate.append(false, pair.b, 0, headW);
  candidate.append(false, pair.a, headU, pair.a.len);
}
