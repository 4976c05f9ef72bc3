import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, runCli } from './run-cli';

const SHARED = join(REPO_ROOT, '..', 'shared', 'benchmarks');

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'paketbygd-route-threads-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A VROOM request with a matrix: one vehicle of capacity 2 at 0, four jobs of 1 at 1–4. */
function requestFile(): string {
  const file = join(dir, 'request.json');
  const size = 5;
  const matrix = Array.from({ length: size }, (_, i) =>
    Array.from({ length: size }, (_, j) => 10 * Math.abs(i - j)),
  );
  writeFileSync(
    file,
    JSON.stringify({
      vehicles: [
        { id: 1, start_index: 0, end_index: 0, capacity: [2] },
        { id: 2, start_index: 0, end_index: 0, capacity: [2] },
      ],
      jobs: [1, 2, 3, 4].map((i) => ({ id: i, location_index: i, delivery: [1] })),
      matrices: { car: { durations: matrix } },
    }),
  );
  return file;
}

describe('paketbygd route --threads', () => {
  it('refuses 0, naming the flag', () => {
    const run = runCli(['route', requestFile(), '--threads', '0']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--threads must be a whole number greater than 0, not "0"');
  });

  it('refuses more than twice the cores', () => {
    const run = runCli(['route', requestFile(), '--threads', String(2 * availableParallelism() + 1)]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`--threads must be at most ${2 * availableParallelism()}`);
  });

  it('solves a VROOM request with two searches (the path of the service)', () => {
    const run = runCli(['route', requestFile(), '--threads', '2', '--time-limit', '1', '--json', '--quiet']);
    expect(run.code).toBe(0);
    const solution = JSON.parse(run.stdout) as { summary: { cost: number; unassigned: number } };
    // Two round trips 0→1→2→0 and 0→3→4→0: 40 + 80.
    expect(solution.summary).toMatchObject({ cost: 120, unassigned: 0 });
  });

  it('solves a VRPLIB file with two searches', (ctx) => {
    if (!existsSync(SHARED)) ctx.skip(`needs ${SHARED}`);
    const file = join(SHARED, 'cvrp', 'X-n101-k25.vrp');
    const run = runCli(['route', file, '--threads', '2', '--time-limit', '1', '--json', '--quiet']);
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as { cost: number; routes: number[][] };
    expect(out.routes.flat().sort((a, b) => a - b)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    expect(out.cost).toBeGreaterThanOrEqual(27591);
  });
});
