import type { MovePair } from './move-pair';
import { SequenceOperator } from './operator';

/** Swap: u and w (in different routes) trade places. */
export class Swap extends SequenceOperator {
  readonly name = 'swap';

  protected estimate(pair: MovePair): number {
    if (pair.sameRoute()) return Infinity;
    const { uPrev, uLoc, uNext, wPrev, wLoc, wNext } = pair;
    return (
      pair.arcA(uPrev, wLoc) +
      pair.arcA(wLoc, uNext) -
      pair.arcA(uPrev, uLoc) -
      pair.arcA(uLoc, uNext) +
      pair.arcB(wPrev, uLoc) +
      pair.arcB(uLoc, wNext) -
      pair.arcB(wPrev, wLoc) -
      pair.arcB(wLoc, wNext)
    );
  }

  protected build(pair: MovePair): void {
    const candidate = this.candidate;
    candidate.reset(pair.routeU, pair.routeW);
    candidate.append(true, pair.a, 0, pair.a.len);
    candidate.append(false, pair.b, 0, pair.b.len);
    candidate.tasksA[pair.posU - 1] = pair.w;
    candidate.tasksB[pair.posW - 1] = pair.u;
  }

  protected override feasibleBySegments(pair: MovePair): boolean | undefined {
    const { a, b, posU, posW } = pair;
    return (
      this.segments.feasible(a, posU - 1, pair.w, a, posU + 1) &&
      this.segments.feasible(b, posW - 1, pair.u, b, posW + 1)
    );
  }
}
