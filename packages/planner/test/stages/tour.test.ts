import { describe, expect, it } from 'vitest';
import { EXACT_LIMIT, tourLength } from '../../src/tour';

/** Points on a plane by index; the cost is the straight line between them. */
function planar(points: readonly (readonly [number, number])[]) {
  return (a: number, b: number) => Math.hypot(points[a]![0] - points[b]![0], points[a]![1] - points[b]![1]);
}

describe('tourLength (the van-cost estimate of the carrier choice)', () => {
  it('is 0 without points, and there and back for one point', () => {
    const cost = planar([
      [0, 0],
      [3, 4],
    ]);
    expect(tourLength(0, [], cost)).toBe(0);
    expect(tourLength(0, [1], cost)).toBe(10);
  });

  it('goes round a unit square in 4, whatever order the points are given in (exact)', () => {
    const cost = planar([
      [0, 0],
      [1, 1],
      [0, 1],
      [1, 0],
    ]);
    expect(tourLength(0, [1, 2, 3], cost)).toBeCloseTo(4, 12);
    expect(tourLength(0, [3, 1, 2], cost)).toBeCloseTo(4, 12);
  });

  it('finds the shortest tour along a line beyond the exact limit (nearest neighbour + 2-opt)', () => {
    const n = EXACT_LIMIT + 4;
    const line = Array.from({ length: n + 1 }, (_, i) => [i, 0] as const);
    const shuffled = [7, 3, 12, 1, 9, 15, 5, 2, 14, 8, 11, 4, 13, 6, 10];
    expect(shuffled).toHaveLength(n);
    expect(tourLength(0, shuffled, planar(line))).toBeCloseTo(2 * n, 9);
  });

  it('goes round points on a circle beyond the exact limit, given in any order', () => {
    // The depot is one of the points on the circle: the shortest tour is the polygon, k chords.
    const k = EXACT_LIMIT + 2;
    const circle = Array.from(
      { length: k },
      (_, i) => [Math.cos((2 * Math.PI * i) / k), Math.sin((2 * Math.PI * i) / k)] as const,
    );
    const chord = 2 * Math.sin(Math.PI / k);
    const order = Array.from({ length: k - 1 }, (_, i) => i + 1).reverse();
    expect(tourLength(0, order, planar(circle))).toBeCloseTo(k * chord, 9);
  });
});
