import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { haversineM } from '@paketbygd/model';
import { DEFAULT_DETOUR_FACTOR } from '@paketbygd/travel';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, runCli } from './run-cli';
import { rectangleArea } from '../../../tests/support/scenarios';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'paketbygd-place-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A path of 4 vertices 1–2–3–4 with costs 1, 10, 1; a pair listed twice keeps its last cost (10). */
const PATH_GRAPH = '4 4 2\n1 2 1\n2 3 3\n3 4 1\n2 3 10\n';

/** Three villages along a road near Vingåker, two candidate sites and one parcel agent. */
function scenario(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    kind: 'scenario',
    name: 'place test',
    area: rectangleArea([15.8, 58.9], [16.2, 59.1]),
    currency: 'SEK',
    demand: [
      { id: 'west', location: [15.85, 59.0], population: 300, parcelsPerWeek: 60 },
      { id: 'middle', location: [16.0, 59.0], population: 200, parcelsPerWeek: 40 },
      { id: 'east', location: [16.15, 59.0], population: 100, parcelsPerWeek: 20 },
    ],
    candidateSites: [
      {
        id: 'site-west',
        location: [15.851, 59.0],
        host: 'school',
        compartments: 40,
        investmentCost: 100000,
        yearlyCost: 5000,
      },
      {
        id: 'site-middle',
        location: [16.001, 59.0],
        host: 'shop',
        compartments: 40,
        investmentCost: 100000,
        yearlyCost: 5000,
      },
    ],
    pickupPoints: [{ id: 'agent-east', location: [16.149, 59.0] }],
    policy: { maxAccessDistanceM: 2000, maxBoxes: 1, deliveriesPerWeek: 5 },
    ...overrides,
  };
}

function write(name: string, content: string | object): string {
  const file = join(dir, name);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

describe('paketbygd place', () => {
  it('solves an OR-Library file to proven optimality and prints the JSON the issue asks for', () => {
    const run = runCli(['place', write('path.txt', PATH_GRAPH), '--json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout);
    // Medians {1 or 2} and {3 or 4}: each other vertex is 1 away.
    expect(out).toMatchObject({ objective: 2, bound: 2, gapPct: 0, status: 'optimal' });
    expect(out.open).toHaveLength(2);
    expect(typeof out.timeS).toBe('number');
  });

  it('reproduces the OR-Library optimum of pmed1 (5819)', (ctx) => {
    const pmed1 = join(REPO_ROOT, '..', 'shared', 'benchmarks', 'pmedian', 'instances', 'pmed1.txt');
    if (!existsSync(pmed1)) ctx.skip(`${pmed1} is missing (the shared OR-Library instances)`);
    const run = runCli(['place', pmed1, '--json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ objective: 5819, status: 'optimal', gapPct: 0 });
  });

  it('places a box for a scenario: the parcel agent counts, straight-line distances are stated', () => {
    const file = write('scenario.json', scenario());
    const run = runCli(['place', file, '--model', 'coverage', '--json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout);
    // The west village is the largest; the east one is served by the existing agent.
    expect(out.open).toEqual(['site-west']);
    expect(out.objective).toBe(400);
    expect(out.status).toBe('optimal');
    expect(out.notes.join(' ')).toContain(
      `straight lines × ${DEFAULT_DETOUR_FACTOR} (default detour factor)`,
    );

    const text = runCli(['place', file]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('lexicographic, 1 new site open — optimal');
    expect(text.stdout).toContain('open: site-west');
    expect(text.stdout).toContain('note: access distances are straight lines');
  });

  it('--p and --radius override the policy', () => {
    const run = runCli([
      'place',
      write('s2.json', scenario()),
      '--model',
      'coverage',
      '--p',
      '2',
      '--radius',
      '500',
      '--json',
    ]);
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out.open).toEqual(['site-west', 'site-middle']);
    expect(out.objective).toBe(600);
  });

  it('distance decay takes its scale from the access limit when none is given', () => {
    const run = runCli([
      'place',
      write('decay.json', scenario()),
      '--model',
      'decay',
      '--decay',
      'exponential',
      '--json',
    ]);
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out.status).toBe('optimal');
    expect(out.open).toEqual(['site-west']);
    // Each village uses its nearest open place (site-west or the agent) with share exp(−d / 2000 m), d = the detour factor × straight line.
    const open: [number, number][] = [
      [15.851, 59.0],
      [16.149, 59.0],
    ];
    const villages: [[number, number], number][] = [
      [[15.85, 59.0], 300],
      [[16.0, 59.0], 200],
      [[16.15, 59.0], 100],
    ];
    const expected = villages.reduce(
      (sum, [at, people]) =>
        sum +
        people * Math.exp(-Math.min(...open.map((o) => haversineM(at, o) * DEFAULT_DETOUR_FACTOR)) / 2000),
      0,
    );
    expect(out.objective).toBeCloseTo(expected, 6);
  });

  it('answers an empty candidate list, a p that is too large and a budget that buys nothing with what and where', () => {
    const noSites = scenario({
      candidateSites: [],
      policy: { maxAccessDistanceM: 2000, deliveriesPerWeek: 5 },
    });
    const empty = runCli(['place', write('empty.json', noSites), '--p', '1']);
    expect(empty.code).toBe(1);
    expect(empty.stderr).toContain('candidateSites: the list is empty');
    const tooMany = runCli(['place', write('many.json', scenario()), '--p', '5']);
    expect(tooMany.code).toBe(1);
    expect(tooMany.stderr).toContain('p: is 5, larger than the 2 candidate sites');
    const poor = runCli([
      'place',
      write(
        'poor.json',
        scenario({ policy: { maxAccessDistanceM: 2000, budgetPerYear: 100, deliveriesPerWeek: 5 } }),
      ),
    ]);
    expect(poor.code).toBe(1);
    expect(poor.stderr).toContain(
      'budgetPerYear: 100 per year buys no box: the cheapest candidate site "site-west" costs 15000 per year',
    );
  });

  it('rejects a missing file and a bad flag', () => {
    const missing = runCli(['place', join(dir, 'nope.txt')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('nope.txt does not exist');
    const badFlag = runCli(['place', write('p.txt', PATH_GRAPH), '--p', '0']);
    expect(badFlag.code).toBe(2);
    expect(badFlag.stderr).toContain('--p must be a whole number greater than 0, not "0"');
    expect(readFileSync(join(dir, 'p.txt'), 'utf8')).toBe(PATH_GRAPH);
  });
});
