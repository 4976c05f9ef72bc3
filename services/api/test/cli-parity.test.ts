import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { example, startApiWithWorker, type TestApi } from './support';

// One path for each job: `paketbygd route req.json` and POST /v1/routes fill the matrix the same
// way (the travel package's straight lines, speeds and detour factor) and solve the same way.
const CLI = join(import.meta.dirname, '..', '..', '..', 'packages', 'cli', 'src', 'main.ts');

let t: TestApi;
let stack: Awaited<ReturnType<typeof startApiWithWorker>>;

beforeAll(async () => {
  stack = await startApiWithWorker(14);
  t = stack.api;
});
afterAll(async () => {
  await stack?.close();
});

/** The operator example with locations only: the matrix is left to us. */
function requestWithLocationsOnly(): Record<string, unknown> {
  const { matrices: _matrices, ...request } = example('operator/small-cvrp.json');
  const strip = <T extends Record<string, unknown>>(x: T) => {
    const { location_index: _i, start_index: _s, end_index: _e, ...rest } = x;
    return rest;
  };
  return { ...request, jobs: request.jobs.map(strip), vehicles: request.vehicles.map(strip) };
}

it('the CLI and the API give the same routes, durations and cost for the same request', async () => {
  const request = requestWithLocationsOnly();
  const dir = mkdtempSync(join(tmpdir(), 'paketbygd-parity-'));
  const file = join(dir, 'request.json');
  writeFileSync(file, JSON.stringify(request));
  const cli = spawnSync(
    process.execPath,
    ['--import', 'tsx', CLI, 'route', file, '--time-limit', '1', '--seed', '7', '--json', '--quiet'],
    { encoding: 'utf8', timeout: 60_000 },
  );
  expect(cli.status, cli.stderr).toBe(0);
  const fromCli = JSON.parse(cli.stdout);

  const res = await t.call('/v1/routes?wait=30&timeLimitS=1&seed=7', { json: request });
  expect(res.status).toBe(200);
  const fromApi = await res.json();

  // Two identical vans may swap routes between equally good answers: compare the totals, and
  // every leg both answers drive (same places → same travel time and distance).
  const totals = (solution: any) => {
    const { cost, duration, distance, service, unassigned } = solution.summary;
    return { cost, duration, distance, service, unassigned, travel: solution.travel?.backend };
  };
  expect(totals(fromCli)).toEqual(totals(fromApi));
  const legs = (solution: any) => {
    const byPlaces = new Map<string, [number, number]>();
    for (const route of solution.routes) {
      for (let k = 1; k < route.steps.length; k++) {
        const [from, to] = [route.steps[k - 1], route.steps[k]];
        const key = `${from.location} → ${to.location}`;
        byPlaces.set(key, [to.duration - from.duration, to.distance - from.distance]);
      }
    }
    return byPlaces;
  };
  const cliLegs = legs(fromCli);
  const apiLegs = legs(fromApi);
  const shared = [...cliLegs.keys()].filter((key) => apiLegs.has(key));
  expect(shared.length).toBeGreaterThan(0);
  expect(shared[0]).toMatch(/^\d.* → \d/);
  for (const key of shared) expect(cliLegs.get(key), key).toEqual(apiLegs.get(key));
  // The travel times are the travel package's straight lines, not a fallback of the solver's own.
  expect(fromCli.travel.backend).toBe('straightline');
  expect(fromCli.summary.duration).toBeGreaterThan(0);
}, 90_000);
