import type { Instance } from './types';

/** Earliest service start at task `t` when arriving at `arrival`, or Infinity when every window has closed. */
export function serviceStart(inst: Instance, t: number, arrival: number): number {
  const end = inst.windowOffset[t + 1]!;
  for (let w = inst.windowOffset[t]!; w < end; w++) {
    if (arrival <= inst.windowEndS[w]!)
      return arrival > inst.windowStartS[w]! ? arrival : inst.windowStartS[w]!;
  }
  return Infinity;
}

/** Latest arrival at task `t` from which service can start and still leave by `leaveBy`, or -Infinity. */
export function latestArrival(inst: Instance, t: number, leaveBy: number): number {
  const bound = leaveBy - inst.serviceS[t]!;
  for (let w = inst.windowOffset[t + 1]! - 1; w >= inst.windowOffset[t]!; w--) {
    if (inst.windowStartS[w]! <= bound) return bound < inst.windowEndS[w]! ? bound : inst.windowEndS[w]!;
  }
  return -Infinity;
}
