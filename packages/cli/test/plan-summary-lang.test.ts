import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Plan, Scenario } from '@paketbygd/model';
import { kpiDefinitions, t, withLang } from '@paketbygd/report';
import { REPO_ROOT, runCli, type CliRun } from './run-cli';

let dir: string;
let sv: CliRun;
let plan: Plan;
const file = join(REPO_ROOT, 'examples', 'vingaker', 'scenario.json');
const scenario = Scenario.parse(JSON.parse(readFileSync(file, 'utf8')));

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'paketbygd-summary-'));
  const out = join(dir, 'sv');
  sv = runCli(['plan', file, '--out', out, '--time-limit', '3', '--lang', 'sv'], { timeoutMs: 120_000 });
  plan = Plan.parse(JSON.parse(readFileSync(join(out, 'plan.json'), 'utf8')));
}, 130_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const plain = (s: string) => s.replace(/\u00a0/g, ' ');

describe('plan --lang sv: the summary in the terminal', () => {
  it("prints the report's key figures in Swedish, with Swedish numbers, and no English label", () => {
    expect(sv.code).toBe(0);
    expect(sv.stdout).toMatch(/Nyckeltal\s+I dag\s+Efter planen\s+Förändring\n-+ +-+/);
    // Decimal commas, space-grouped thousands, a true minus, percentage points.
    expect(sv.stdout).toMatch(/\nBefolkning inom 5,0 km +61,8 % +\d+,\d % +\+\d+,\d p\.e\.\n/);
    expect(sv.stdout).toMatch(/\nKostnad per vecka +0 SEK +\d{1,3} \d{3} SEK +\+\d{1,3} \d{3} SEK\n/);
    expect(sv.stdout).toMatch(/\nMedelavstånd till ett utlämningsställe +\d+,\d km +\d+,\d km +−\d+,\d km\n/);
    // Every key figure of the report is a row, with the report's formats, in its order.
    const rows = withLang('sv', () =>
      kpiDefinitions(scenario, plan.currency).map((def) => {
        const [before, after] = [def.value(plan.kpis.before), def.value(plan.kpis.after)];
        return [def.title, def.format(before), def.format(after), def.formatDelta(after - before)].map(plain);
      }),
    );
    const table = sv.stdout.split('\n').filter((line) => rows.some((r) => line.startsWith(`${r[0]} `)));
    expect(table).toHaveLength(rows.length);
    rows.forEach((r, k) => expect(table[k]).toMatch(new RegExp(`^${r.map(escape).join(' +')}$`)));
    // The columns line up: every row is as wide as the head.
    const head = sv.stdout.split('\n').find((line) => line.startsWith('Nyckeltal'))!;
    for (const line of table) expect([...line].length).toBe([...head].length);
    // No English: neither the report's English titles nor the CLI's old ones.
    const english = withLang('en', () => kpiDefinitions(scenario, plan.currency).map((d) => d.title));
    for (const label of [
      ...english,
      t('en').common.afterPlan,
      'people within the access limit',
      'cost a week',
    ])
      expect(sv.stdout).not.toContain(label);
    expect(sv.stdout).not.toMatch(/\d\.\d (%|km|h)|\d,\d{3} SEK/);
  });

  it('prints the boxes, the placement, the warnings, the files and the progress in Swedish', () => {
    const out = join(dir, 'sv');
    const boxes = plan.boxes.map(
      (b) =>
        `${b.name ?? b.siteId} (${b.filledBy.kind === 'carrier' ? b.filledBy.routeId : t('sv').cli.filledBy[b.filledBy.kind]})`,
    );
    expect(sv.stdout).toContain(`\npaketskåp: ${boxes.join(', ')}\n`);
    expect(sv.stdout).toMatch(
      /\nplacering: (optimal|tillåten|stoppad vid tidsgränsen|omöjlig)(, gap \d+,\d\d %)?\n/,
    );
    // The plan misses its coverage target: the warning, with the report's Swedish words and numbers.
    expect(sv.stdout).toMatch(/\nvarning: täckningen efter är \d+,\d % av befolkningen, under målet 90 %\n/);
    expect(sv.stdout).toContain(
      `\nskrev ${join(out, 'plan.json')}\n      ${join(out, 'plan.geojson')}\n      ${join(out, 'report.html')}\n`,
    );
    // Progress on stderr, worded from the planner's steps and figures.
    expect(sv.stderr).toMatch(/ 5 % resor: reseavstånd mellan \d+ punkter \(straightline\)\n/);
    for (const step of ['before', 'placement', 'carriers', 'vans', 'evaluate', 'writing'] as const)
      expect(sv.stderr).toContain(` % ${t('sv').cli.progress[step]}\n`);
    for (const english of [
      'boxes:',
      'placement:',
      'warning:',
      'wrote ',
      ' (van)',
      'travel matrix',
      'choosing box sites',
      'writing files',
    ])
      expect(sv.stdout + sv.stderr).not.toContain(english);
  });
});
