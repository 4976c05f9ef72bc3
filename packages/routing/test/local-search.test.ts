import { describe, expect, it } from 'vitest';
import { buildInstance, type Instance } from '../src/index';
import { Rng } from '@paketbygd/random';
import { LocalSearch } from '../src/search/local-search';
import { Solution } from '../src/solution';
import { job, simpleSpec } from './helpers';

// Duration = distance = cost (cost per hour 3600), no fixed cost: a route's cost is its length.

function search(inst: Instance, routes: number[][], seed = 1): Solution {
  const sol = new Solution(inst);
  sol.load(routes);
  new LocalSearch(inst).run(sol, new Rng(seed));
  return sol;
}

const tasksOf = (sol: Solution) => sol.snapshot().map((r) => [...r]);
const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);

describe('local search, one route', () => {
  // The depot and three jobs on the corners of a 10 × 10 square (rounded diagonal 14): around the
  // square either way is 40, every other order crosses it twice, 10 + 14 + 10 + 14 = 48.
  const inst = buildInstance(
    simpleSpec(
      [
        [0, 0],
        [0, 10],
        [10, 10],
        [10, 0],
      ],
      [job(0, 1), job(1, 2), job(2, 3)],
      [{ id: 0 }],
    ),
  );
  const around = [
    [0, 1, 2],
    [2, 1, 0],
  ];

  it.each([[[0, 2, 1]], [[1, 0, 2]], [[1, 2, 0]], [[2, 0, 1]]])(
    'untangles %j (48) to 40, around the square',
    (start) => {
      const before = new Solution(inst);
      before.load([start]);
      expect(before.routeCost).toBe(48);
      for (const seed of [1, 2, 3]) {
        const sol = search(inst, [start], seed);
        expect(sol.routeCost).toBe(40);
        expect(around).toContainEqual(tasksOf(sol)[0]);
        expect(sol.routes[0]!.feasible).toBe(true);
      }
    },
  );

  it('leaves a route that is already best as it is', () => {
    const sol = search(inst, [[0, 1, 2]]);
    expect(tasksOf(sol)).toEqual([[0, 1, 2]]);
    expect(sol.routeCost).toBe(40);
  });
});

describe('local search between routes', () => {
  // The depot in the middle, two jobs to the west (-10, -20) and two to the east (10, 20).
  const points: [number, number][] = [
    [0, 0],
    [-10, 0],
    [-20, 0],
    [10, 0],
    [20, 0],
  ];
  const [W1, W2, E1, E2] = [0, 1, 2, 3];
  const crossed = [
    [W1, E2],
    [E1, W2],
  ];

  it('uncrosses two routes that each go both ways (60 + 60) into one per side (40 + 40)', () => {
    // Two vans of two parcels each: one van cannot take all four, so each side gets its own.
    const inst = buildInstance(
      simpleSpec(
        points,
        [W1, W2, E1, E2].map((i) => job(i, i + 1, { delivery: [1] })),
        [
          { id: 0, capacity: [2] },
          { id: 1, capacity: [2] },
        ],
        1,
      ),
    );
    const before = new Solution(inst);
    before.load(crossed);
    expect(before.routeCost).toBe(120);
    for (const seed of [1, 2, 3]) {
      const sol = search(inst, crossed, seed);
      expect(sol.routeCost).toBe(80);
      const sides = tasksOf(sol).map((route) => sorted(route).join(','));
      expect(sides.sort()).toEqual([`${W1},${W2}`, `${E1},${E2}`].sort());
      for (const route of sol.routes) expect(route.feasible).toBe(true);
    }
  });

  it('never breaks a capacity to save distance', () => {
    // Jobs at -10, -20, -30 and 10, two parcels of room per van. Splits: {-30, -20} 60 with
    // {-10, 10} 40 = 100; {-30, -10} 60 with {-20, 10} 60 = 120; {-30, 10} 80 with {-20, -10} 40 = 120.
    // All three west in one van would be 60 with the east alone 20, but does not fit.
    const inst = buildInstance(
      simpleSpec(
        [...points, [-30, 0]],
        [
          job(0, 1, { delivery: [1] }),
          job(1, 2, { delivery: [1] }),
          job(2, 5, { delivery: [1] }),
          job(3, 3, { delivery: [1] }),
        ],
        [
          { id: 0, capacity: [2] },
          { id: 1, capacity: [2] },
        ],
        1,
      ),
    );
    const start = [
      [0, 2],
      [1, 3],
    ];
    for (const seed of [1, 2, 3]) {
      const sol = search(inst, start, seed);
      for (const route of sol.routes) expect(route.feasible).toBe(true);
      expect(sorted(tasksOf(sol).flat())).toEqual([0, 1, 2, 3]);
      expect(sol.routeCost).toBe(100);
    }
  });
});
