import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Scenario } from '@paketbygd/model';
import { TINY_FEED, TINY_SCENARIO, writeFeedDir } from '../../../tests/support/gtfs-tiny-feed';
import { runCli } from './run-cli';

const dir = mkdtempSync(join(tmpdir(), 'paketbygd-cli-transports-'));
const scenarioFile = join(dir, 'scenario.json');
writeFileSync(scenarioFile, JSON.stringify(TINY_SCENARIO));

describe('paketbygd transports', () => {
  it('writes the scenario with the transports of the week', () => {
    const out = join(dir, 'with-transports.json');
    const run = runCli([
      'transports',
      writeFeedDir(),
      '--scenario',
      scenarioFile,
      '--week',
      '2023-W01',
      '--out',
      out,
    ]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /gtfs-1 +bus 1: Hubben – Skolan \| mon tue thu fri sat \| 2 departures \(10:00, 23:50\)/,
    );
    const text = readFileSync(out, 'utf8');
    const written = Scenario.parse(JSON.parse(text));
    expect(written.transportRoutes.map((t) => t.id)).toEqual(['gtfs-1', 'gtfs-9']);
    // Written as plan.json is: a [lon, lat] on one line, not a number a line.
    expect(text).toMatch(/"location": \[-?\d+(\.\d+)?,-?\d+(\.\d+)?\]/);
    expect(text).not.toMatch(/^\s*-?\d+(\.\d+)?,?$/m);
    expect(run.stdout).toContain('departures of week 2023-W01 (--week), 2023-01-02 – 2023-01-08\n');
  });

  it('says how the dates were chosen: the first whole week of service by default, or the date given', () => {
    const first = runCli(['transports', writeFeedDir(), '--scenario', scenarioFile]);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(
      "departures of week 2023-W01, 2023-01-02 – 2023-01-08: the feed's first whole week of service (service starts 2023-01-01; --week or --date chooses another)\n",
    );
    const day = runCli(['transports', writeFeedDir(), '--scenario', scenarioFile, '--date', '2023-01-07']);
    expect(day.code).toBe(0);
    expect(day.stdout).toContain('departures of 2023-01-07 (--date; ISO week 2023-W01)\n');
    expect(day.stdout).toMatch(/^\d+ trips run, \d+ stop in the area, on \d+ lines$/m);
    const bad = runCli(['transports', writeFeedDir(), '--scenario', scenarioFile, '--date', '2023-02-30']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toBe('paketbygd: (options): date 2023-02-30 is not a date written YYYY-MM-DD\n');
  });

  it('exits 1 with file:line for a broken feed', () => {
    const feed = writeFeedDir({ ...TINY_FEED, 'trips.txt': 'route_id,trip_id\nR1,T1\n' });
    const run = runCli(['transports', feed, '--scenario', scenarioFile]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      'paketbygd: trips.txt:1: missing required column service_id (the header has route_id, trip_id)\n',
    );
  });

  it('exits 1 listing skipped rows unless --allow-skipped', () => {
    const feed = writeFeedDir({
      ...TINY_FEED,
      'stop_times.txt': `${TINY_FEED['stop_times.txt']}\nT9,10:00:00,10:00:00,A,1`,
    });
    const strict = runCli(['transports', feed, '--scenario', scenarioFile, '--week', '2023-W01']);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain('stop_times.txt: 1 row skipped, trip_id not in trips.txt (line 12)');
    const allowed = runCli([
      'transports',
      feed,
      '--scenario',
      scenarioFile,
      '--week',
      '2023-W01',
      '--allow-skipped',
    ]);
    expect(allowed.code).toBe(0);
    expect(allowed.stdout).toContain('stop_times.txt: 1 row skipped, trip_id not in trips.txt (line 12)');
  });
});
