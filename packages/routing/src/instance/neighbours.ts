import type { Tasks } from './tasks';

const NEAR_K = 100;
const GRANULAR_K = 40;

/** Indices of the k smallest keys (ties by index), ascending; `scratch` has the keys' length. */
function smallest(
  key: Float64Array,
  k: number,
  scratch: Float64Array,
  out: Int32Array,
  outOffset: number,
): void {
  if (k === 0) return;
  scratch.set(key);
  scratch.sort();
  const threshold = scratch[k - 1]!;
  const picked: number[] = [];
  for (let j = 0; j < key.length && picked.length < k; j++) if (key[j]! < threshold) picked.push(j);
  for (let j = 0; j < key.length && picked.length < k; j++) if (key[j] === threshold) picked.push(j);
  picked.sort((a, b) => key[a]! - key[b]! || a - b);
  for (let x = 0; x < k; x++) out[outOffset + x] = picked[x]!;
}

/**
 * Each task's nearest tasks by travel cost (for string removal) and by a time-window-aware
 * proximity (for the granular search), over the first vehicle's matrices.
 */
export function buildNeighbours(
  tasks: Tasks,
  cost: Float64Array,
  durationS: Float64Array,
  stride: number,
): { near: Int32Array; nearK: number; granular: Int32Array; granularK: number } {
  const n = tasks.nTasks;
  const { loc, serviceS, windowOffset, windowStartS, windowEndS } = tasks;
  const nearK = Math.max(0, Math.min(n - 1, NEAR_K));
  const granularK = Math.max(0, Math.min(n - 1, GRANULAR_K));
  const near = new Int32Array(n * nearK);
  const granular = new Int32Array(n * granularK);
  const key = new Float64Array(n);
  const scratch = new Float64Array(n);
  const earliestS = new Float64Array(n);
  const latestS = new Float64Array(n);
  for (let x = 0; x < n; x++) {
    earliestS[x] = windowStartS[windowOffset[x]!]!;
    latestS[x] = windowEndS[windowOffset[x + 1]! - 1]!;
  }
  for (let i = 0; i < n; i++) {
    const rowI = loc[i]! * stride;
    for (let j = 0; j < n; j++) {
      const there = cost[rowI + loc[j]!]!;
      const back = cost[loc[j]! * stride + loc[i]!]!;
      key[j] = j === i ? Infinity : there < back ? there : back;
    }
    smallest(key, nearK, scratch, near, i * nearK);
    // Proximity after Vidal et al. (2013): travel plus the waiting (weight 0.2) or lateness (weight 1)
    // that serving the pair in that order forces; the smaller of the two orders.
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      const rowJ = loc[j]! * stride;
      const travelIJ = durationS[rowI + loc[j]!]!;
      const travelJI = durationS[rowJ + loc[i]!]!;
      const waitIJ = earliestS[j]! - serviceS[i]! - travelIJ - latestS[i]!;
      const lateIJ = earliestS[i]! + serviceS[i]! + travelIJ - latestS[j]!;
      const waitJI = earliestS[i]! - serviceS[j]! - travelJI - latestS[j]!;
      const lateJI = earliestS[j]! + serviceS[j]! + travelJI - latestS[i]!;
      const proximityIJ = cost[rowI + loc[j]!]! + (waitIJ > 0 ? 0.2 * waitIJ : 0) + (lateIJ > 0 ? lateIJ : 0);
      const proximityJI = cost[rowJ + loc[i]!]! + (waitJI > 0 ? 0.2 * waitJI : 0) + (lateJI > 0 ? lateJI : 0);
      key[j] = proximityIJ < proximityJI ? proximityIJ : proximityJI;
    }
    smallest(key, granularK, scratch, granular, i * granularK);
  }
  return { near, nearK, granular, granularK };
}
