import { describe, expect, it } from 'vitest';
import { buildInstance, checkSolution, parseSolomon, parseVrplib, parseVrplibSolution } from '../src/index';
import { HAVE_SHARED, readShared } from './helpers';

describe.skipIf(!HAVE_SHARED)('parsers on the shared instances', () => {
  it('reads X-n101-k25 and prices its best-known routes at the published cost', () => {
    const parsed = parseVrplib(readShared('cvrp', 'X-n101-k25.vrp'), 'X-n101-k25.vrp');
    expect(parsed.name).toBe('X-n101-k25');
    expect(parsed.spec.jobs).toHaveLength(100);
    expect(parsed.spec.vehicles[0]!.capacity).toEqual([206]);
    const inst = buildInstance(parsed.spec);
    const sol = parseVrplibSolution(readShared('cvrp', 'X-n101-k25.sol'));
    const taskOf = new Map(parsed.customerIds.map((c, t) => [c, t]));
    const routes = sol.routes.map((r, v) => ({ vehicle: v, tasks: r.map((c) => taskOf.get(c)!) }));
    const check = checkSolution(inst, routes, []);
    expect(check.violations).toEqual([]);
    expect(check.cost).toBe(27591);
    expect(sol.cost).toBe(27591);
  });

  it('reads Solomon R101: 25 vehicles of 200, windows, service times, unrounded distances', () => {
    const parsed = parseSolomon(readShared('vrptw', 'R101.txt'), 'R101.txt');
    expect(parsed.name).toBe('R101');
    expect(parsed.spec.vehicles).toHaveLength(25);
    expect(parsed.spec.vehicles[0]!.capacity).toEqual([200]);
    expect(parsed.spec.vehicles[0]!.shiftS).toEqual([0, 230]);
    expect(parsed.spec.jobs[0]).toMatchObject({
      id: 1,
      serviceS: 10,
      delivery: [10],
      timeWindowsS: [[161, 171]],
    });
    const d = parsed.spec.matrices[0]!.distanceM[1]!;
    expect(d).toBeCloseTo(Math.hypot(41 - 35, 49 - 35), 12);
  });
});

describe('parser errors name the place', () => {
  it('VRPLIB: a non-numeric line, a missing capacity, an unsupported edge type', () => {
    const good =
      'NAME : t\nTYPE : CVRP\nDIMENSION : 2\nEDGE_WEIGHT_TYPE : EUC_2D\nCAPACITY : 10\nNODE_COORD_SECTION\n1 0 0\n2 3 4\nDEMAND_SECTION\n1 0\n2 5\nDEPOT_SECTION\n1\n-1\nEOF\n';
    expect(parseVrplib(good).spec.jobs).toHaveLength(1);
    expect(() => parseVrplib(good.replace('2 3 4', '2 3 x'), 'bad.vrp')).toThrow(
      /bad\.vrp:8: expected numbers/,
    );
    expect(() => parseVrplib(good.replace('CAPACITY : 10\n', ''), 'bad.vrp')).toThrow(/CAPACITY is missing/);
    expect(() => parseVrplib(good.replace('EUC_2D', 'GEO'), 'bad.vrp')).toThrow(
      /EDGE_WEIGHT_TYPE GEO is not supported/,
    );
    expect(() => parseVrplib(good.replace('2 5\n', ''), 'bad.vrp')).toThrow(/node 2 has no demand/);
  });

  it('Solomon: a short customer line and a window that ends before it starts', () => {
    const good =
      'T1\n\nVEHICLE\nNUMBER     CAPACITY\n  2         10\n\nCUSTOMER\nCUST NO.  XCOORD.\n 0 0 0 0 0 100 0\n 1 3 4 5 0 50 1\n';
    expect(parseSolomon(good).spec.jobs).toHaveLength(1);
    expect(() => parseSolomon(good.replace(' 1 3 4 5 0 50 1', ' 1 3 4 5 0 50'), 's.txt')).toThrow(
      /s\.txt:10: a customer line has 7 numbers/,
    );
    expect(() => parseSolomon(good.replace(' 1 3 4 5 0 50 1', ' 1 3 4 5 60 50 1'), 's.txt')).toThrow(
      /s\.txt:10: READY TIME is after DUE DATE/,
    );
  });
});
