import { availableParallelism } from 'node:os';

/**
 * The most searches one call may run at once: twice the cores. More threads than cores only
 * share them ever more thinly (and each holds a solution and its caches).
 */
export function maxThreads(): number {
  return 2 * availableParallelism();
}

/** Why `threads` is not a thread count this machine takes, or null when it is. */
export function threadCountProblem(threads: number): string | null {
  const max = maxThreads();
  if (Number.isInteger(threads) && threads >= 1 && threads <= max) return null;
  return `threads must be a whole number from 1 to ${max} (twice the ${max / 2} cores), not ${threads}`;
}
