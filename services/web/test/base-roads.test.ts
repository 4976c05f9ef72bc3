import { describe, expect, it } from 'vitest';
import { baseRoadsOf } from '../src/app/plan/base-roads';

describe('baseRoadsOf (the optional main roads of a plan)', () => {
  it('reads [lon, lat] polylines', () => {
    const plan = {
      baseRoads: [
        {
          coordinates: [
            [15.8, 59.0],
            [15.9, 59.05],
          ],
        },
        {
          coordinates: [
            [16.0, 59.1],
            [16.1, 59.12],
            [16.2, 59.1],
          ],
        },
      ],
    };
    expect(baseRoadsOf(plan)).toEqual([
      [
        [15.8, 59.0],
        [15.9, 59.05],
      ],
      [
        [16.0, 59.1],
        [16.1, 59.12],
        [16.2, 59.1],
      ],
    ]);
  });

  it('draws nothing for a plan without them, and skips what is not a line of numbers', () => {
    expect(baseRoadsOf({})).toEqual([]);
    expect(baseRoadsOf(undefined)).toEqual([]);
    expect(baseRoadsOf({ baseRoads: 'roads' })).toEqual([]);
    expect(
      baseRoadsOf({
        baseRoads: [
          null,
          { coordinates: 'x' },
          { coordinates: [[15.8, 59.0]] },
          {
            coordinates: [
              [15.8, 59.0],
              ['a', 1],
              [15.9, Number.NaN],
              [15.9, 59.1],
            ],
          },
        ],
      }),
    ).toEqual([
      [
        [15.8, 59.0],
        [15.9, 59.1],
      ],
    ]);
  });
});
