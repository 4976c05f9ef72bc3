import { JOB, type Instance } from '../instance/index';
import { CandidateRoutes } from './candidate';
import type { Operator } from './operator';
import { SegmentCheck } from './segments';
import { RelocateAfter, RelocateBefore } from './relocate';
import { RelocateShipment } from './relocate-shipment';
import { Swap } from './swap';
import { TwoOpt } from './two-opt';
import { TwoOptStarAfter, TwoOptStarBefore } from './two-opt-star';

/** The operators over one shared candidate buffer, in the order the local search tries them. */
export class Operators {
  readonly relocateAfter: Operator;
  readonly relocateBefore: Operator;
  readonly swap: Operator;
  readonly twoOptStarAfter: Operator;
  readonly twoOptStarBefore: Operator;
  readonly twoOpt: Operator;
  readonly candidate: CandidateRoutes;
  /**
   * Relocate, swap and 2-opt* between routes, 2-opt within one: the move set of HGS-CVRP; with
   * shipments, also the relocation of a whole shipment.
   */
  readonly all: readonly Operator[];

  constructor(inst: Instance) {
    const candidate = new CandidateRoutes(inst);
    const segments = new SegmentCheck(inst);
    this.candidate = candidate;
    this.relocateAfter = new RelocateAfter(candidate, segments);
    this.relocateBefore = new RelocateBefore(candidate, segments);
    this.swap = new Swap(candidate, segments);
    this.twoOptStarAfter = new TwoOptStarAfter(candidate, segments);
    this.twoOptStarBefore = new TwoOptStarBefore(candidate, segments);
    this.twoOpt = new TwoOpt(candidate, segments);
    this.all = [
      this.relocateAfter,
      this.relocateBefore,
      this.swap,
      this.twoOptStarAfter,
      this.twoOptStarBefore,
      this.twoOpt,
    ];
    let shipments = false;
    for (let t = 0; t < inst.nTasks; t++) if (inst.kind[t] !== JOB) shipments = true;
    if (shipments) this.all = [...this.all, new RelocateShipment(candidate)];
  }
}
