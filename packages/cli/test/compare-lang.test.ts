import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, runCli } from './run-cli';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'paketbygd-compare-lang-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const example = (f: string) => join(REPO_ROOT, 'examples', f);
const ENGLISH = [
  'scores (',
  'points',
  'disqualified:',
  'abnormally low',
  'the winner',
  'within reach',
  'SEK a week', // not the scoring file's own English names ('At least 3 deliveries a week')
  'wrote ',
];

describe('compare --lang sv: the summary and progress in the terminal', () => {
  it('scores, disqualifies and flags in Swedish, with Swedish numbers', () => {
    const out = join(dir, 'scored');
    const bids = ['nordbox-vans', 'bygden-existing-transport'].map((b) => example(`bids/${b}.json`));
    const args = [
      'compare',
      example('vingaker/scenario.json'),
      ...bids,
      '--weights',
      example('bids/scoring.json'),
    ];
    const run = runCli([...args, '--out', out, '--time-limit', '2', '--lang', 'sv'], { timeoutMs: 120_000 });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /\npoäng \(Absoluta poäng\):\n {2}1\. NordBox Logistik AB[^:]*: \d+,\d av 100 poäng\n/,
    );
    // Bygden's plan delivers twice a week; the scoring requires three.
    expect(run.stdout).toMatch(/\n {2}diskvalificerat: Bygdens Service.*: 2, krav minst 3\n/);
    expect(run.stdout).toMatch(/\n {2}onormalt lågt pris: .*LOU 16 kap\. 7 §\)\n/);
    expect(run.stdout).toMatch(/\nvinnaren (är densamma i varje känslighetstest|byts när: .+)\n/);
    expect(run.stdout).toContain(
      `\nskrev ${join(out, 'comparison.json')}\n      ${join(out, 'comparison.html')}\n`,
    );
    expect(run.stderr).toMatch(/ 0 % planerar Vingåker kommun: .* \(Paketbygds plan\)\n/);
    expect(run.stderr).toContain(' % efterfrågan −30 %\n');
    expect(run.stderr).toContain('100 % klart\n');
    for (const english of [...ENGLISH, 'planning', 'demand', 'done'])
      expect(run.stdout + run.stderr).not.toContain(english);
  });

  it('without scoring, gives each entry its coverage and cost in Swedish', () => {
    const out = join(dir, 'unscored');
    const args = ['compare', example('vingaker/scenario.json'), example('bids/nordbox-vans.json')];
    const en = runCli([...args, '--out', join(out, 'en'), '--time-limit', '1'], { timeoutMs: 120_000 });
    const sv = runCli([...args, '--out', join(out, 'sv'), '--time-limit', '1', '--lang', 'sv'], {
      timeoutMs: 120_000,
    });
    expect(en.code).toBe(0);
    expect(sv.code).toBe(0);
    expect(sv.stdout).toMatch(
      /\n {2}I dag \(befintliga utlämningsställen\): 61,8 % inom räckhåll, 0 SEK i veckan\n/,
    );
    expect(sv.stdout).toMatch(
      /\n {2}NordBox Logistik AB[^:]*: \d+,\d % inom räckhåll, \d{1,3} \d{3} SEK i veckan\n/,
    );
    for (const english of ENGLISH) expect(sv.stdout).not.toContain(english);
    expect(en.stdout).toMatch(/\n {2}Today \(existing pickup points\): 61\.8 % within reach, 0 SEK a week\n/);
  });
});
