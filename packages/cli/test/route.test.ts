import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RoutingSolution } from '@paketbygd/model';
import { REPO_ROOT, runCli } from './run-cli';

const SHARED = join(REPO_ROOT, '..', 'shared', 'benchmarks');

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'paketbygd-route-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('paketbygd route', () => {
  it('solves a VRPLIB file and prints {cost, vehicles, routes, unassigned, timeS} with --json', () => {
    const run = runCli([
      'route',
      join(SHARED, 'cvrp', 'X-n101-k25.vrp'),
      '--time-limit',
      '1',
      '--seed',
      '3',
      '--json',
    ]);
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as {
      cost: number;
      vehicles: number;
      routes: number[][];
      unassigned: unknown[];
      timeS: number;
    };
    expect(out.routes.flat().sort((a, b) => a - b)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    expect(out.vehicles).toBe(out.routes.length);
    expect(out.unassigned).toEqual([]);
    expect(out.cost).toBeGreaterThanOrEqual(27591);
    expect(out.cost).toBeLessThan(27591 * 1.05);
    expect(out.timeS).toBeGreaterThanOrEqual(1);
    expect(run.stderr).toMatch(/route: X-n101-k25: cost \d+, \d+ vehicles/);
  });

  it('solves a Solomon file, prints routes in CVRPLIB .sol style, and is quiet with --quiet', () => {
    const run = runCli(['route', join(SHARED, 'vrptw', 'C101.txt'), '--time-limit', '1', '--quiet']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^Route #1: [\d ]+\n/);
    const cost = Number(/Cost ([\d.]+)/.exec(run.stdout)![1]);
    expect(cost).toBeCloseTo(828.94, 2);
  });

  it('without --time-limit stops when the search converges, long before 10 s', (ctx) => {
    if (!existsSync(SHARED)) ctx.skip(`needs ${SHARED}`);
    const run = runCli(['route', join(SHARED, 'vrptw', 'C101.txt'), '--json', '--quiet']);
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as { cost: number; timeS: number };
    expect(out.cost).toBeCloseTo(828.94, 2);
    // 5000 iterations (50 per customer); the process gets a fraction of a core on a busy machine.
    expect(out.timeS).toBeLessThan(5);
  });

  it('answers a VROOM JSON request with a RoutingSolution', () => {
    const run = runCli([
      'route',
      join(REPO_ROOT, 'examples', 'operator', 'time-windows-shipments.json'),
      '--time-limit',
      '1',
      '--json',
      '--quiet',
    ]);
    expect(run.code).toBe(0);
    const solution = RoutingSolution.parse(JSON.parse(run.stdout));
    expect(solution.code).toBe(0);
    expect(solution.routes.length).toBeGreaterThan(0);
  });

  it('reports a missing file, a broken VRPLIB file and an invalid request with a clear message and exit 1', () => {
    const missing = runCli(['route', join(dir, 'nope.vrp')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/nope\.vrp does not exist/);

    const broken = join(dir, 'broken.vrp');
    writeFileSync(
      broken,
      'NAME : b\nTYPE : CVRP\nDIMENSION : 2\nEDGE_WEIGHT_TYPE : EUC_2D\nCAPACITY : 10\nNODE_COORD_SECTION\n1 0 0\n2 x 4\nEOF\n',
    );
    const bad = runCli(['route', broken]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/broken\.vrp:8: expected numbers, got "2 x 4"/);

    const request = join(dir, 'request.json');
    writeFileSync(
      request,
      JSON.stringify({
        vehicles: [{ id: 1, start: [16, 59], capacity: [5] }],
        jobs: [{ id: 1, location: [16, 95] }],
      }),
    );
    const invalid = runCli(['route', request]);
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toMatch(/jobs\[0\]\.location\[1\]: latitude 95 is outside/);
  });

  it('refuses a bad --time-limit', () => {
    const run = runCli(['route', join(SHARED, 'vrptw', 'C101.txt'), '--time-limit', '-3']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--time-limit must be a number greater than 0, not "-3"/);
  });
});
