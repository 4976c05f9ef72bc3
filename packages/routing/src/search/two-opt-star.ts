import type { CandidateRoutes } from './candidate';
import type { MovePair } from './move-pair';
import { SequenceOperator } from './operator';

/**
 * 2-opt* between two routes: each is cut (after or before u, after or before w), and each head
 * takes the other route's tail. One class, two cuts: `cutBefore` moves both cuts one place back.
 */
abstract class TwoOptStar extends SequenceOperator {
  protected abstract readonly cutBefore: boolean;

  protected estimate(pair: MovePair): number {
    if (pair.sameRoute()) return Infinity;
    // The places each side of the cuts (no arrays: this runs for every pair the search looks at).
    const before = this.cutBefore;
    const uHead = before ? pair.uPrev : pair.uLoc;
    const uTail = before ? pair.uLoc : pair.uNext;
    const wHead = before ? pair.wPrev : pair.wLoc;
    const wTail = before ? pair.wLoc : pair.wNext;
    return (
      pair.arcA(uHead, wTail) + pair.arcB(wHead, uTail) - pair.arcA(uHead, uTail) - pair.arcB(wHead, wTail)
    );
  }

  protected build(pair: MovePair): void {
    const back = this.cutBefore ? 1 : 0;
    exchangeTails(this.candidate, pair, pair.posU - back, pair.posW - back);
  }

  protected override feasibleBySegments(pair: MovePair): boolean | undefined {
    const { a, b } = pair;
    const back = this.cutBefore ? 1 : 0;
    const cutU = pair.posU - back;
    const cutW = pair.posW - back;
    return (
      this.segments.feasible(a, cutU, -1, b, cutW + 1) && this.segments.feasible(b, cutW, -1, a, cutU + 1)
    );
  }
}

/**
 * 2-opt* cutting after u and after w: route u keeps its head up to u and takes w's tail, route w
 * keeps its head up to w and takes u's tail.
 */
export class TwoOptStarAfter extends TwoOptStar {
  readonly name = '2-opt* after';
  protected readonly cutBefore = false;
}

/** 2-opt* cutting before u and before w, so that w follows u's predecessor. */
export class TwoOptStarBefore extends TwoOptStar {
  readonly name = '2-opt* before';
  protected readonly cutBefore = true;
}

/** Route u's first `headU` tasks then route w's tasks from index `headW`, and the converse. */
function exchangeTails(candidate: CandidateRoutes, pair: MovePair, headU: number, headW: number): void {
  candidate.reset(pair.routeU, pair.routeW);
  candidate.append(true, pair.a, 0, headU);
  candidate.append(true, pair.b, headW, pair.b.len);
  candidate.append(false, pair.b, 0, headW);
  candidate.append(false, pair.a, headU, pair.a.len);
}
