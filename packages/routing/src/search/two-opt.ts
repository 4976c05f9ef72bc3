import type { MovePair } from './move-pair';
import { SequenceOperator } from './operator';

/** 2-opt within one route (u before w): the tasks after u up to w are reversed, so that w follows u. */
export class TwoOpt extends SequenceOperator {
  readonly name = '2-opt';

  protected estimate(pair: MovePair): number {
    if (!pair.sameRoute() || pair.posU >= pair.posW) return Infinity;
    const { uLoc, uNext, wLoc, wNext } = pair;
    return pair.arcA(uLoc, wLoc) + pair.arcA(uNext, wNext) - pair.arcA(uLoc, uNext) - pair.arcA(wLoc, wNext);
  }

  protected build(pair: MovePair): void {
    const candidate = this.candidate;
    candidate.reset(pair.routeU, -1);
    candidate.append(true, pair.a, 0, pair.a.len);
    const tasks = candidate.tasksA;
    for (let i = pair.posU, j = pair.posW - 1; i < j; i++, j--) {
      const swapped = tasks[i]!;
      tasks[i] = tasks[j]!;
      tasks[j] = swapped;
    }
  }
}
