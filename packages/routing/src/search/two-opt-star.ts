import type { CandidateRoutes } from './candidate';
import type { MovePair } from './move-pair';
import { SequenceOperator } from './operator';
import type { SegmentCheck } from './segments';

/**
 * 2-opt* between two routes, cutting after u and after w: route u keeps its head up to u and
 * takes w's tail, route w keeps its head up to w and takes u's tail.
 */
export class TwoOptStarAfter extends SequenceOperator {
  readonly name = '2-opt* after';

  protected estimate(pair: MovePair): number {
    if (pair.sameRoute()) return Infinity;
    return tailExchangeDelta(pair, pair.uLoc, pair.uNext, pair.wLoc, pair.wNext);
  }

  protected build(pair: MovePair): void {
    exchangeTails(this.candidate, pair, pair.posU, pair.posW);
  }

  protected override feasibleBySegments(pair: MovePair): boolean | undefined {
    return tailExchangeFeasible(this.segments, pair, pair.posU, pair.posW);
  }
}

/** 2-opt* cutting before u and before w, so that w follows u's predecessor. */
export class TwoOptStarBefore extends SequenceOperator {
  readonly name = '2-opt* before';

  protected estimate(pair: MovePair): number {
    if (pair.sameRoute()) return Infinity;
    return tailExchangeDelta(pair, pair.uPrev, pair.uLoc, pair.wPrev, pair.wLoc);
  }

  protected build(pair: MovePair): void {
    exchangeTails(this.candidate, pair, pair.posU - 1, pair.posW - 1);
  }

  protected override feasibleBySegments(pair: MovePair): boolean | undefined {
    return tailExchangeFeasible(this.segments, pair, pair.posU - 1, pair.posW - 1);
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

/**
 * Cost change of cutting route u between places uHead and uTail and route w between wHead and
 * wTail, and joining each head to the other's tail.
 */
function tailExchangeDelta(
  pair: MovePair,
  uHead: number,
  uTail: number,
  wHead: number,
  wTail: number,
): number {
  return (
    pair.arcA(uHead, wTail) + pair.arcB(wHead, uTail) - pair.arcA(uHead, uTail) - pair.arcB(wHead, wTail)
  );
}

/** Feasibility by segments of the exchange that cuts after position cutU of route u and cutW of route w. */
function tailExchangeFeasible(segments: SegmentCheck, pair: MovePair, cutU: number, cutW: number): boolean {
  const { a, b } = pair;
  return segments.feasible(a, cutU, -1, b, cutW + 1) && segments.feasible(b, cutW, -1, a, cutU + 1);
}
