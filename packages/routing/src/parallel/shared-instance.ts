import type { Instance } from '../instance/index';

type Typed = Float64Array | Int32Array | Uint8Array;

/** A copy of `a` in shared memory: a thread that receives it reads the same memory, no copy. */
function shared<T extends Typed>(a: T): T {
  const copy = new (a.constructor as new (buffer: SharedArrayBuffer) => T)(
    new SharedArrayBuffer(a.byteLength),
  );
  copy.set(a);
  return copy;
}

/**
 * `inst` with its large arrays (matrices: stride² cells each, 8 MB per matrix on X-n1001;
 * compatibility and neighbour lists) in shared memory, so that N threads hold one copy of them
 * besides the caller's, whatever N. The small arrays are copied to each thread once.
 */
export function sharedInstance(inst: Instance): Instance {
  return {
    ...inst,
    cost: inst.cost.map(shared),
    durationS: inst.durationS.map(shared),
    distanceM: inst.distanceM.map(shared),
    compat: shared(inst.compat),
    near: shared(inst.near),
    granular: shared(inst.granular),
  };
}
