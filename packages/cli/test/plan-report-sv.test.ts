import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Plan } from '@paketbygd/model';
import { escapeHtml } from '@paketbygd/report';
import { REPO_ROOT, runCli } from './run-cli';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'paketbygd-sv-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('plan --lang sv: the planner’s warnings and assumptions', () => {
  it('the Swedish report of the Vingåker example contains no English warning or assumption sentence', () => {
    const out = join(dir, 'vingaker');
    const scenario = join(REPO_ROOT, 'examples', 'vingaker', 'scenario.json');
    const run = runCli(['plan', scenario, '--out', out, '--time-limit', '5', '--lang', 'sv'], {
      timeoutMs: 180_000,
    });
    expect(run.code).toBe(0);
    const plan = Plan.parse(JSON.parse(readFileSync(join(out, 'plan.json'), 'utf8')));
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    // The plan has warnings (coverage short of the 90 % target) and the planner's assumptions.
    expect(plan.warnings.length).toBeGreaterThan(0);
    expect(plan.messages!.warnings.map((m) => m.text)).toEqual(plan.warnings);
    for (const sentence of [...plan.warnings, ...plan.assumptions]) {
      expect(html).not.toContain(escapeHtml(sentence));
      expect(html).not.toContain(sentence);
    }
    // No warning is marked as English, and the coverage warning is there in Swedish, with a decimal comma.
    const warningLists =
      html.match(
        /<section class="warnings"[\s\S]*?<\/section>|<ul class="section-warnings"[\s\S]*?<\/ul>/g,
      ) ?? [];
    expect(warningLists.length).toBeGreaterThan(1);
    for (const list of warningLists) expect(list).not.toContain('lang="en"');
    expect(warningLists[0]).toMatch(/täckningen efter är \d+,\d\u00a0% av befolkningen/);
    // The CLI prints them in the same language (with plain spaces for the no-break ones).
    expect(run.stdout).toMatch(/varning: täckningen efter är \d+,\d % av befolkningen, under målet 90 %/);
  });
});
