/**
 * Shortest closed tour from a depot through a few points, for estimating what a van costs to
 * serve a set of boxes. Exact (Held–Karp) up to EXACT_LIMIT points, nearest neighbour + 2-opt above.
 */
export const EXACT_LIMIT = 11;

export function tourLength(
  depot: number,
  points: readonly number[],
  cost: (a: number, b: number) => number,
): number {
  const n = points.length;
  if (n === 0) return 0;
  if (n <= EXACT_LIMIT) return heldKarp(depot, points, cost);
  return twoOpt(depot, points, cost);
}

function heldKarp(depot: number, points: readonly number[], cost: (a: number, b: number) => number): number {
  const n = points.length;
  const full = 1 << n;
  const best = new Float64Array(full * n).fill(Infinity);
  for (let j = 0; j < n; j++) best[(1 << j) * n + j] = cost(depot, points[j]!);
  for (let set = 1; set < full; set++) {
    for (let last = 0; last < n; last++) {
      const here = best[set * n + last]!;
      if (!(set & (1 << last)) || here === Infinity) continue;
      for (let next = 0; next < n; next++) {
        if (set & (1 << next)) continue;
        const to = (set | (1 << next)) * n + next;
        const value = here + cost(points[last]!, points[next]!);
        if (value < best[to]!) best[to] = value;
      }
    }
  }
  let shortest = Infinity;
  for (let last = 0; last < n; last++) {
    shortest = Math.min(shortest, best[(full - 1) * n + last]! + cost(points[last]!, depot));
  }
  return shortest;
}

function twoOpt(depot: number, points: readonly number[], cost: (a: number, b: number) => number): number {
  const left = [...points];
  const order = [depot];
  while (left.length > 0) {
    const from = order[order.length - 1]!;
    let bestIndex = 0;
    for (let i = 1; i < left.length; i++)
      if (cost(from, left[i]!) < cost(from, left[bestIndex]!)) bestIndex = i;
    order.push(left.splice(bestIndex, 1)[0]!);
  }
  order.push(depot);
  let improved = true;
  while (improved) {
    improved = false;
    for (let i = 1; i < order.length - 2; i++) {
      for (let k = i + 1; k < order.length - 1; k++) {
        const delta =
          cost(order[i - 1]!, order[k]!) +
          cost(order[i]!, order[k + 1]!) -
          cost(order[i - 1]!, order[i]!) -
          cost(order[k]!, order[k + 1]!);
        if (delta < -1e-9) {
          order.splice(i, k - i + 1, ...order.slice(i, k + 1).reverse());
          improved = true;
        }
      }
    }
  }
  let total = 0;
  for (let i = 0; i + 1 < order.length; i++) total += cost(order[i]!, order[i + 1]!);
  return total;
}
