import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, runCli } from './run-cli';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'paketbygd-errors-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const scenario = join(REPO_ROOT, 'examples', 'vingaker', 'scenario.json');
const STACK_LINE = /^\s+at .+[(:]\d+/m;
/** An OSM extract of Lund station, Sweden: a real map that does not cover Vingåker. */
const LUND = join(REPO_ROOT, '..', 'shared', 'geodata', 'osm', 'lund-station-sweden.osm.pbf');

/** A port on which nothing listens: bound, then closed again. */
async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

describe('travel-backend failures exit 1 with the point and a fix, never a stack trace', () => {
  it('an OSM extract that does not cover the scenario names the first place off the map', (ctx) => {
    if (!existsSync(LUND)) ctx.skip(`${LUND} is missing (the shared OSM extracts)`);
    const run = runCli(['plan', scenario, '--travel', 'roadgraph', '--osm', LUND, '--out', join(dir, 'a')], {
      timeoutMs: 120_000,
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /travel \(roadgraph\): demand point "Vingåker" \(geonames-2662830\): the nearest road is \d+ m away/,
    );
    expect(run.stderr).toMatch(/fix: give an OpenStreetMap extract that covers the whole scenario/);
    expect(run.stderr).not.toMatch(STACK_LINE);
    expect(existsSync(join(dir, 'a', 'plan.json'))).toBe(false);
  }, 120_000);

  it('a missing OSM file', () => {
    const run = runCli(['plan', scenario, '--travel', 'roadgraph', '--osm', join(dir, 'nowhere.osm.pbf')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/nowhere\.osm\.pbf does not exist\n {2}fix: give an \.osm\.pbf/);
    expect(run.stderr).not.toMatch(STACK_LINE);
  });

  it('OSRM not running, in plan and in compare; --debug adds the stack trace', async () => {
    const url = `http://127.0.0.1:${await freePort()}`;
    const plan = runCli(['plan', scenario, '--travel', 'osrm', '--osrm-url', url, '--quiet']);
    expect(plan.code).toBe(1);
    expect(plan.stderr).toMatch(/did not answer .*Is osrm-routed running there\?\n {2}fix: start OSRM/);
    expect(plan.stderr).not.toMatch(STACK_LINE);
    const bid = join(REPO_ROOT, 'examples', 'bids', 'nordbox-vans.json');
    const compare = runCli(['compare', scenario, bid, '--travel', 'osrm', '--osrm-url', url, '--quiet']);
    expect(compare.code).toBe(1);
    expect(compare.stderr).toMatch(/fix: start OSRM/);
    expect(compare.stderr).not.toMatch(STACK_LINE);
    const debug = runCli(['plan', scenario, '--travel', 'osrm', '--osrm-url', url, '--quiet', '--debug']);
    expect(debug.code).toBe(1);
    expect(debug.stderr).toMatch(STACK_LINE);
  }, 180_000);
});

describe('documents of another kind and empty demand', () => {
  it('plan on a bid says it is a bid and to use compare, not the schema wording', () => {
    const run = runCli(['plan', join(REPO_ROOT, 'examples', 'bids', 'nordbox-vans.json')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/kind: this is a bid, not a scenario; use compare <scenario> <bid…>/);
    expect(run.stderr).not.toMatch(/expected "scenario"|is missing/);
  });

  it('compare with a scoring file as its scenario says what it is', () => {
    const scoring = join(REPO_ROOT, 'examples', 'bids', 'scoring.json');
    const run = runCli(['compare', scoring, join(REPO_ROOT, 'examples', 'bids', 'nordbox-vans.json')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/this is a scoring, not a scenario; give it to compare with --weights/);
  });

  it('a scenario whose demand is all zero is an error, in plan and in compare', () => {
    const empty = JSON.parse(readFileSync(scenario, 'utf8'));
    for (const d of empty.demand) d.parcelsPerWeek = 0;
    const file = join(dir, 'no-demand.json');
    writeFileSync(file, JSON.stringify(empty));
    const plan = runCli(['plan', file, '--out', join(dir, 'empty')]);
    expect(plan.code).toBe(1);
    expect(plan.stderr).toMatch(
      /demand: all \d+ demand points have 0 parcels a week: there is nothing to plan/,
    );
    expect(existsSync(join(dir, 'empty', 'plan.json'))).toBe(false);
    const compare = runCli(['compare', file, join(REPO_ROOT, 'examples', 'bids', 'nordbox-vans.json')]);
    expect(compare.code).toBe(1);
    expect(compare.stderr).toMatch(/nothing to plan/);
  }, 120_000);
});
