import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ComparisonResult, Plan } from '@paketbygd/model';
import { REPO_ROOT, runCli } from './run-cli';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'paketbygd-plan-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const example = (f: string) => join(REPO_ROOT, 'examples', f);

describe('paketbygd plan', () => {
  it('writes plan.json, plan.geojson and report.html and prints the KPI table', () => {
    const out = join(dir, 'vingaker');
    const run = runCli(['plan', example('vingaker/scenario.json'), '--out', out, '--time-limit', '10'], {
      timeoutMs: 120_000,
    });
    expect(run.stderr).toMatch(/placement: choosing box sites/);
    expect(run.code).toBe(0);
    // The report's key figures, with its English titles and formats.
    expect(run.stdout).toMatch(/Key figure\s+Today\s+After the plan\s+Change\n/);
    expect(run.stdout).toMatch(/\nPopulation within 5\.0 km +61\.8 % +\d+\.\d % +\+\d+\.\d pp\n/);
    expect(run.stdout).toMatch(/\nCost per week +0 SEK +\d{1,3},\d{3} SEK +\+\d{1,3},\d{3} SEK\n/);
    expect(run.stdout).toContain(join(out, 'report.html'));
    const plan = Plan.parse(JSON.parse(readFileSync(join(out, 'plan.json'), 'utf8')));
    expect(plan.boxes.length).toBeGreaterThan(0);
    const geojson = JSON.parse(readFileSync(join(out, 'plan.geojson'), 'utf8'));
    expect(geojson.type).toBe('FeatureCollection');
    const kinds = new Set(geojson.features.map((f: { properties: { kind: string } }) => f.properties.kind));
    expect([...kinds]).toEqual(
      expect.arrayContaining(['area', 'demand', 'box', 'pickup-point', 'hub', 'van-route']),
    );
    for (const f of geojson.features) {
      if (f.geometry.type === 'Point')
        expect(f.geometry.coordinates[0]).toBeLessThan(f.geometry.coordinates[1]); // [lon, lat] in Sweden
    }
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(html).toMatch(/^<!doctype html>/i);
    for (const box of plan.boxes) expect(html).toContain(box.name ?? box.siteId);
  });

  it('refuses an invalid scenario with the path, exit 1, and writes nothing', () => {
    const bad = JSON.parse(readFileSync(example('vingaker/scenario.json'), 'utf8'));
    bad.vehicles[0].startHubId = 'nowhere';
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify(bad));
    const out = join(dir, 'bad-out');
    const run = runCli(['plan', file, '--out', out]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/vehicles\[0\]\.startHubId: no hub has id "nowhere"/);
    expect(() => readFileSync(join(out, 'plan.json'))).toThrow();
  });

  it('checks travel options like the file: roadgraph needs --osm', () => {
    const run = runCli([
      'plan',
      example('vingaker/scenario.json'),
      '--travel',
      'roadgraph',
      '--out',
      join(dir, 'x'),
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/--osm: backend "roadgraph" needs osmFile/);
  });

  it('refuses a bad --time-limit as a usage error', () => {
    const run = runCli(['plan', example('vingaker/scenario.json'), '--time-limit', 'soon']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--time-limit must be a number greater than 0, not "soon"/);
  });
});

describe('paketbygd compare', () => {
  it('scores the three example bids and writes comparison.json and comparison.html', () => {
    const out = join(dir, 'bids');
    const bids = ['nordbox-vans', 'bygden-existing-transport', 'regionbuss-bus-line'].map((b) =>
      example(`bids/${b}.json`),
    );
    const run = runCli(
      [
        'compare',
        example('vingaker/scenario.json'),
        ...bids,
        '--weights',
        example('bids/scoring.json'),
        '--out',
        out,
        '--time-limit',
        '3',
      ],
      { timeoutMs: 120_000 },
    );
    expect(run.code).toBe(0);
    // The scoring model by its name in the report, each total as the report gives it.
    expect(run.stdout).toMatch(/scores \(Absolute points\):\n {2}1\. [^\n]+: \d+\.\d of 100 points\n/);
    const result = ComparisonResult.parse(JSON.parse(readFileSync(join(out, 'comparison.json'), 'utf8')));
    // Bygden's plan delivers twice a week; the scoring requires three: disqualified, not ranked.
    expect(result.scoring!.scores).toHaveLength(2);
    expect(run.stdout).toMatch(/disqualified: Bygdens Service.*required at least 3/);
    expect(readFileSync(join(out, 'comparison.html'), 'utf8')).toContain('Regionbuss Paket AB');
  });

  it('refuses a bid whose sites are not in the scenario, naming the file and path', () => {
    const bid = JSON.parse(readFileSync(example('bids/nordbox-vans.json'), 'utf8'));
    bid.sites[0].siteId = 'box-atlantis';
    const file = join(dir, 'bid.json');
    writeFileSync(file, JSON.stringify(bid));
    const run = runCli(['compare', example('vingaker/scenario.json'), file]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${file} is not valid`);
    expect(run.stderr).toMatch(/sites\[0\]\.siteId: "box-atlantis" is not a candidate site/);
  });
});

describe('--lang', () => {
  it('plan --lang sv writes the report in Swedish with Swedish numbers; --lang de is a usage error', () => {
    const out = join(dir, 'sv');
    const run = runCli(
      [
        'plan',
        example('vingaker/scenario.json'),
        '--out',
        out,
        '--time-limit',
        '3',
        '--quiet',
        '--lang',
        'sv',
      ],
      { timeoutMs: 120_000 },
    );
    expect(run.code).toBe(0);
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(html).toMatch(/<html lang="sv">/);
    expect(html).toContain('Plan för paketleveranser');
    expect(html).toMatch(/\d\u00a0\d{3}\u00a0SEK/);
    expect(html).toMatch(/\d,\d\u00a0%/);
    const bad = runCli(['plan', example('vingaker/scenario.json'), '--lang', 'de']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--lang must be sv or en, not "de"/);
  });
});

describe('paketbygd demo', () => {
  it('runs the Vingåker example end to end and says where the report is', () => {
    const out = join(dir, 'demo');
    const started = performance.now();
    const run = runCli(['demo', '--out', out, '--lang', 'sv'], { timeoutMs: 120_000 });
    expect(run.code).toBe(0);
    const comparison = readFileSync(join(out, 'bids', 'comparison.html'), 'utf8');
    expect(comparison).toMatch(/<html lang="sv">/);
    expect(comparison).toContain('Vinnare: Regionbuss');
    expect(comparison).toContain('diskvalificerat');
    expect(comparison).toContain('onormalt lågt pris');
    expect((performance.now() - started) / 1000).toBeLessThan(60);
    // Under --lang sv the terminal is Swedish too: where the reports are, the Arjeplog lines, the summaries.
    expect(run.stdout).toContain(`Rapporten för Vingåker: ${join(out, 'vingaker', 'report.html')}`);
    expect(run.stdout).toContain(`Jämförelsen av anbuden: ${join(out, 'bids', 'comparison.html')}`);
    expect(readFileSync(join(out, 'vingaker', 'report.html'), 'utf8').length).toBeGreaterThan(10_000);
    // Arjeplog: boxes filled by named bus departures, and the cost against vans alone.
    expect(run.stdout).toMatch(
      /: bus \d+: Arjeplog Busstation – .* på [a-zåäö, ]+ \(gtfs-[\d-]+\.\d+ lämnar \d\d:\d\d, vid skåpet \d\d:\d\d\)/,
    );
    expect(run.stdout).toMatch(
      /kostnad i veckan: \d{1,3}( \d{3})* SEK med bussavgångarna, \d{1,3}( \d{3})* SEK med bara bilar/,
    );
    expect(run.stdout).toContain(`Rapporten för Arjeplog: ${join(out, 'arjeplog', 'report.html')}`);
    expect(readFileSync(join(out, 'arjeplog', 'report.html'), 'utf8')).toMatch(/<html lang="sv">/);
    for (const english of [
      'The Vingåker report',
      'cost a week',
      ' leaves ',
      'wrote ',
      'boxes:',
      'placement:',
    ])
      expect(run.stdout).not.toContain(english);
    expect(run.stdout).toMatch(/\npoäng \(Absoluta poäng\):\n/);
  });
});
