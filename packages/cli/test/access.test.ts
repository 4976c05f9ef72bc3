import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccessReport } from '@paketbygd/model';
import { REPO_ROOT, runCli } from './run-cli';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'paketbygd-access-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const tiny = () =>
  JSON.parse(readFileSync(join(REPO_ROOT, 'tests', 'fixtures', 'tiny-scenario.json'), 'utf8'));

/** Two villages, each with its own shop; one shop has PostNord, the other DHL; village A gives its people 65+. */
function twoShops(): string {
  const s = tiny();
  s.demand[0].population65Plus = 120;
  s.demand[1].population65Plus = 30;
  s.pickupPoints = [
    { id: 'shop-a', name: 'Shop A', location: [15.851, 59.05], carriers: ['PostNord'] },
    { id: 'shop-b', name: 'Shop B', location: [15.951, 59.06], operator: 'DHL' },
  ];
  const file = join(dir, 'two-shops.json');
  writeFileSync(file, JSON.stringify(s));
  return file;
}

describe('paketbygd access', () => {
  it('prints the measures and the closure table', () => {
    const run = runCli(['access', twoShops()]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/People within 2 km\s+100\.0 %/);
    expect(run.stdout).toMatch(/People 65\+ within 2 km\s+100\.0 %/);
    expect(run.stdout).toMatch(/Shop A\s+PostNord\s+300\s+300\s+120/);
    expect(run.stdout).toMatch(/Shop B\s+DHL\s+168\s+168\s+30/); // 80 households × 2.1 people
    expect(run.stdout).not.toMatch(/NaN|undefined/);
  });

  it('gives the analysis as JSON with --json, and writes access.json and access.html with --out', () => {
    const out = join(dir, 'out');
    const run = runCli(['access', twoShops(), '--json', '--out', out]);
    expect(run.code).toBe(0);
    const report = AccessReport.parse(JSON.parse(run.stdout));
    const a = report.analysis;
    expect(a.pickupPointCount).toBe(2);
    expect(a.population).toBeCloseTo(468, 9);
    // Each village's other-carrier point is the other shop: the second nearest.
    expect(a.nearestOtherCarrier.meanM).toBeCloseTo(a.secondNearest.meanM!, 6);
    expect(AccessReport.parse(JSON.parse(readFileSync(join(out, 'access.json'), 'utf8')))).toEqual(report);
    const html = readFileSync(join(out, 'access.html'), 'utf8');
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain('Shop A');
    // The travel model in full, as plan and compare print it: the detour factor and the speeds.
    const travel = /<p class="travel-model"[^>]*>([^<]*)<\/p>/.exec(html)?.[1] ?? '';
    expect(travel).toMatch(/road distance = straight line × 1\.3/);
    expect(travel).toMatch(/speeds: \d+\u00a0km\/h up to \d+\u00a0km, .*beyond/);
    expect(run.stderr).toContain(join(out, 'access.html'));
  });

  it('refuses a scenario without pickup points with a clear message and exit 1', () => {
    const file = join(dir, 'none.json');
    writeFileSync(file, JSON.stringify({ ...tiny(), pickupPoints: [] }));
    const run = runCli(['access', file]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/pickupPoints: "Tiny test scenario near Vingåker" has no pickup points today/);
    expect(run.stdout + run.stderr).not.toMatch(/NaN/);
  });

  it('refuses an invalid scenario with the path (exit 1) and a missing argument as usage (exit 2)', () => {
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify({ ...tiny(), demand: [] }));
    const bad = runCli(['access', file]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/demand: a scenario needs at least one demand point/);
    const none = runCli(['access']);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/give a scenario file/);
  });

  it('--all with a data folder that is not there: exit 1 naming the file; --all with a file: usage', () => {
    const missing = join(dir, 'no-geodata');
    const run = runCli(['access', '--all', '--data', missing, '--out', join(dir, 'all')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(join(missing, 'sweden', 'municipalities.csv'));
    const both = runCli(['access', twoShops(), '--all']);
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/a scenario file or --all, not both/);
  });
});
