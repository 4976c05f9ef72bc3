import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { haversineM } from '@paketbygd/model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  FIXTURE_DIR,
  loadFixtures,
  startFixtureServer,
  type FixtureServer,
} from '../../travel/test/osrm-fixture-server';
import { REPO_ROOT, type CliRun } from './run-cli';

const MAIN = join(REPO_ROOT, 'packages', 'cli', 'src', 'main.ts');
const LIECHTENSTEIN = join(FIXTURE_DIR, '..', 'osm', 'liechtenstein-latest.osm.pbf');
/** Travel by a road graph built from the Liechtenstein extract, fresh (no cache between tests). */
const ROAD_GRAPH = ['--travel', 'roadgraph', '--osm', LIECHTENSTEIN, '--no-graph-cache'];

/** Like run-cli's runCli, but asynchronous, so that a fixture server in this process can answer the child. */
function runCliAsync(args: string[]): Promise<CliRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', MAIN, ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, INIT_CWD: '', FORCE_COLOR: '0' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const dir = mkdtempSync(join(tmpdir(), 'paketbygd-matrix-test-'));
const fixturePoints = JSON.parse(readFileSync(join(FIXTURE_DIR, 'points.json'), 'utf8')) as {
  name: string;
  lon: number;
  lat: number;
}[];

function writeGeoJson(name: string, points: { name: string; lon: number; lat: number }[]): string {
  const file = join(dir, name);
  writeFileSync(
    file,
    JSON.stringify({
      type: 'FeatureCollection',
      features: points.map((p) => ({
        type: 'Feature',
        properties: { name: p.name },
        geometry: { type: 'Point', coordinates: [p.lon, p.lat] },
      })),
    }),
  );
  return file;
}

interface MatrixJson {
  backend: string;
  durationsS: (number | null)[][];
  distancesM: (number | null)[][];
  snapDistancesM: number[];
  warnings: { pointIndex: number; message: string }[];
  attribution?: string;
}

describe('paketbygd matrix', () => {
  let server: FixtureServer;
  beforeAll(async () => {
    server = await startFixtureServer(loadFixtures('ch'), undefined, { ignoreRadiuses: true });
  });
  afterAll(() => server.close());

  it('reads a Swedish CSV (semicolons, decimal commas) and prints straight-line rows as JSON', async () => {
    const csv = join(dir, 'vingaker.csv');
    writeFileSync(
      csv,
      'namn;lat;lon\nVingåker;59,0434;15,8716\nMarmorbyn;59,0452;16,0697\nLäppe;59,1296;15,8\n',
    );
    const run = await runCliAsync(['matrix', csv, '--json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as MatrixJson;
    expect(out.backend).toBe('straightline');
    expect(out.durationsS).toHaveLength(3);
    expect(out.distancesM[0]![1]).toBeCloseTo(haversineM([15.8716, 59.0434], [16.0697, 59.0452]) * 1.365, 0);
    expect(out.attribution).toBeUndefined();
  });

  it('computes a road matrix from an OSM extract, with attribution', async () => {
    const file = writeGeoJson('li.geojson', fixturePoints.slice(0, 5));
    const run = await runCliAsync(['matrix', file, ...ROAD_GRAPH, '--json']);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/road graph for liechtenstein-latest\.osm\.pbf built in \d+ ms/);
    const out = JSON.parse(run.stdout) as MatrixJson;
    expect(out.durationsS.map((r) => r.length)).toEqual([5, 5, 5, 5, 5]);
    expect(out.durationsS[0]![0]).toBe(0);
    // Vaduz → Schaan: OSRM says 3518.9 m.
    expect(out.distancesM[0]![1]).toBeGreaterThan(3400);
    expect(out.distancesM[0]![1]).toBeLessThan(3650);
    expect(out.attribution).toMatch(/© OpenStreetMap contributors/);
  });

  it('asks an OSRM server and prints the recorded numbers as a text table', async () => {
    const file = writeGeoJson('all.geojson', fixturePoints);
    const run = await runCliAsync(['matrix', file, '--travel', 'osrm', '--osrm-url', server.url]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^20 points, travel by osrm/);
    // Vaduz → Schaan: 348 s and 3518.9 m in the recording.
    expect(run.stdout).toMatch(/\nVaduz +0\.0 +5\.8 /);
    expect(run.stdout).toMatch(/\nVaduz +0\.0 +3\.5 /);
    expect(run.stdout).toMatch(/snapped to a road ≥ 100 m away: .*Gorn 1276 m/);
    expect(run.stdout).toMatch(/Map data © OpenStreetMap contributors/);
  });

  it('names the point and its line when a CSV holds [lat, lon]', async () => {
    const csv = join(dir, 'swapped.csv');
    writeFileSync(csv, 'name,lon,lat\nVingåker,15.8716,59.0434\nMarmorbyn,59.0452,16.0697\n');
    const run = await runCliAsync(['matrix', csv]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /swapped\.csv line 3 \(Marmorbyn\): \[59\.0452, 16\.0697\] looks like \[lat, lon\]/,
    );
  });

  it('names the point far from any road, and explains a dead server', async () => {
    const file = writeGeoJson('far.geojson', [
      fixturePoints[0]!,
      { name: 'Vingåker', lon: 15.871556, lat: 59.043372 },
    ]);
    const far = await runCliAsync(['matrix', file, ...ROAD_GRAPH]);
    expect(far.code).toBe(1);
    expect(far.stderr).toMatch(/far\.geojson features\[1\] \(Vingåker\): the nearest road is \d+ m away/);
    const dead = await runCliAsync(['matrix', file, '--travel', 'osrm', '--osrm-url', 'http://127.0.0.1:9']);
    expect(dead.code).toBe(1);
    expect(dead.stderr).toMatch(/OSRM at http:\/\/127\.0\.0\.1:9 did not answer/);
  });

  it('explains missing options and bad files', async () => {
    const csv = join(dir, 'ok.csv');
    writeFileSync(csv, 'lon,lat\n15.87,59.04\n');
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'lon,lat\n15.87,abc\n');
    const noCols = join(dir, 'nocols.csv');
    writeFileSync(noCols, 'x1,y1\n1,2\n');
    // Each run is its own process; run them side by side.
    const [noUrl, noOsm, badBackend, missing, badNumber, badHeader] = await Promise.all([
      runCliAsync(['matrix', csv, '--travel', 'osrm']),
      runCliAsync(['matrix', csv, '--travel', 'roadgraph']),
      runCliAsync(['matrix', csv, '--travel', 'bus']),
      runCliAsync(['matrix', join(dir, 'missing.csv')]),
      runCliAsync(['matrix', bad]),
      runCliAsync(['matrix', noCols]),
    ]);
    expect(noUrl.stderr).toMatch(/--travel osrm needs --osrm-url/);
    expect(noOsm.stderr).toMatch(/--travel roadgraph needs --osm FILE/);
    expect(badBackend.code).toBe(2);
    expect(missing.stderr).toMatch(/missing\.csv does not exist/);
    expect(badNumber.stderr).toMatch(/bad\.csv: line 2: lat "abc" is not a number/);
    expect(badHeader.stderr).toMatch(/must name the columns, with "lon" and "lat"/);
    for (const run of [noUrl, noOsm, missing, badNumber, badHeader]) expect(run.code).toBe(1);
  });
});
