import { haversineM, type LonLat } from '@paketbygd/model';
import { describe, expect, it } from 'vitest';
import {
  CachedTravelCosts,
  DEFAULT_DETOUR_FACTOR,
  StraightLineTravel,
  TravelError,
  createTravelCosts,
  matrixRows,
  type TravelCosts,
} from '../src';

const vingaker: LonLat = [15.8716, 59.0434];
const marmorbyn: LonLat = [16.0697, 59.0452];
const lappe: LonLat = [15.8, 59.1296];

describe('straightline', () => {
  it('multiplies the great-circle distance by the measured detour factor and drives at the band speed', async () => {
    const travel = new StraightLineTravel();
    const m = await travel.matrix([vingaker, marmorbyn, lappe]);
    const straightM = haversineM(vingaker, marmorbyn);
    expect(DEFAULT_DETOUR_FACTOR).toBe(1.365);
    expect(m.distancesM[1]).toBeCloseTo(straightM * 1.365, 6);
    // 11.3 km straight is in the 10–20 km band: 47 km/h.
    expect(straightM).toBeGreaterThan(10_000);
    expect(m.durationsS[1]).toBeCloseTo((straightM * 1.365) / (47 / 3.6), 6);
    expect(m.durationsS[0]).toBe(0);
    expect(m.durationsS[1]).toBe(m.durationsS[3]);
    expect(Array.from(m.snapDistancesM)).toEqual([0, 0, 0]);
  });

  it('takes its own detour factor and speed bands, and refuses nonsense', async () => {
    const travel = new StraightLineTravel({
      detourFactor: 1,
      speedBands: [{ upToM: Infinity, speedKmh: 36 }],
    });
    const m = await travel.matrix([vingaker], [marmorbyn, lappe]);
    expect(m.sourceCount).toBe(1);
    expect(m.destinationCount).toBe(2);
    expect(m.snapDistancesM.length).toBe(3);
    expect(m.durationsS[0]).toBeCloseTo(haversineM(vingaker, marmorbyn) / 10, 6);
    expect(() => new StraightLineTravel({ detourFactor: 0.9 })).toThrow(/at least 1/);
    expect(() => new StraightLineTravel({ speedBands: [{ upToM: 1, speedKmh: 0 }] })).toThrow(/above 0/);
  });

  it('routes point to point with legs', async () => {
    const r = await new StraightLineTravel().route([vingaker, marmorbyn, lappe]);
    expect(r.geometry.coordinates).toEqual([vingaker, marmorbyn, lappe]);
    expect(r.properties.legs).toHaveLength(2);
    expect(r.properties.durationS).toBeCloseTo(
      r.properties.legs[0]!.durationS + r.properties.legs[1]!.durationS,
      9,
    );
  });

  it('names the bad point: NaN, [lat, lon] in Sweden, out of range, too few', async () => {
    const travel = new StraightLineTravel();
    await expect(travel.matrix([vingaker, [NaN, 59]])).rejects.toThrow(
      /^point 1: \[NaN, 59\] is not a pair of finite numbers/,
    );
    const swapped = await travel.matrix([vingaker, marmorbyn, [59.1296, 15.8]]).catch((e: unknown) => e);
    expect(swapped).toBeInstanceOf(TravelError);
    expect((swapped as TravelError).pointIndex).toBe(2);
    expect((swapped as Error).message).toMatch(/looks like \[lat, lon\] .* write \[15\.8, 59\.1296\]/);
    await expect(travel.matrix([[15, 95]])).rejects.toThrow(
      /point 0: latitude 95 is outside -90\.\.90 \(looks like \[lat, lon\]/,
    );
    await expect(travel.matrix([vingaker], [vingaker, [200, 10]])).rejects.toThrow(/^point 2: longitude 200/);
    await expect(travel.matrix([])).rejects.toThrow(/at least one point/);
    await expect(travel.route([vingaker])).rejects.toThrow(/at least two points/);
  });

  it('writes unreachable pairs as null in rows, never as a number', () => {
    const rows = matrixRows(
      {
        sourceCount: 1,
        destinationCount: 2,
        durationsS: new Float64Array([0, Infinity]),
        distancesM: new Float64Array(2),
        snapDistancesM: new Float64Array(1),
        warnings: [],
      },
      new Float64Array([0, Infinity]),
    );
    expect(rows).toEqual([[0, null]]);
  });
});

describe('matrix cache', () => {
  class Counting implements TravelCosts {
    readonly id = 'counting';
    calls = 0;
    private readonly inner = new StraightLineTravel();
    matrix(s: readonly LonLat[], d?: readonly LonLat[]) {
      this.calls++;
      return this.inner.matrix(s, d);
    }
    route(p: readonly LonLat[]) {
      return this.inner.route(p);
    }
  }

  it('answers a repeated request from memory, with a copy the caller may change', async () => {
    const inner = new Counting();
    const cached = new CachedTravelCosts(inner);
    const a = await cached.matrix([vingaker, marmorbyn]);
    a.durationsS[1] = -1;
    const b = await cached.matrix([vingaker, marmorbyn]);
    expect(inner.calls).toBe(1);
    expect(b.durationsS[1]).toBeGreaterThan(0);
    await cached.matrix([vingaker], [marmorbyn]);
    expect(inner.calls).toBe(2);
    expect(cached.hits).toBe(1);
  });

  it('evicts the least recently used matrix first', async () => {
    const inner = new Counting();
    const cached = new CachedTravelCosts(inner, { maxEntries: 2 });
    await cached.matrix([vingaker, marmorbyn]);
    await cached.matrix([vingaker, lappe]);
    await cached.matrix([vingaker, marmorbyn]);
    await cached.matrix([marmorbyn, lappe]);
    expect(cached.size).toBe(2);
    expect(inner.calls).toBe(3);
    await cached.matrix([vingaker, marmorbyn]);
    expect(inner.calls).toBe(3);
    await cached.matrix([vingaker, lappe]);
    expect(inner.calls).toBe(4);
  });

  it('bounds the cells it keeps', async () => {
    const inner = new Counting();
    const cached = new CachedTravelCosts(inner, { maxCells: 5 });
    await cached.matrix([vingaker, marmorbyn]);
    await cached.matrix([vingaker, lappe]);
    expect(cached.size).toBe(1);
    await cached.matrix([vingaker, marmorbyn, lappe]);
    expect(cached.size).toBe(1);
  });

  it('keys by backend settings too', async () => {
    const one = createTravelCosts({ backend: 'straightline', detourFactor: 1.2 }) as CachedTravelCosts;
    const two = createTravelCosts({ backend: 'straightline', detourFactor: 1.5 }) as CachedTravelCosts;
    expect(one.key([vingaker])).not.toBe(two.key([vingaker]));
    const m1 = await one.matrix([vingaker, lappe]);
    const m2 = await two.matrix([vingaker, lappe]);
    expect(m2.distancesM[1]! / m1.distancesM[1]!).toBeCloseTo(1.5 / 1.2, 9);
  });
});
