import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escapeHtml, t } from '@paketbygd/report';
import { REPO_ROOT, runCli } from './run-cli';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'paketbygd-access-lang-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SENTINEL = '\u0001';

/** Every text of a catalogue: its strings, and the fixed parts of its sentence functions. */
function texts(node: unknown): string[] {
  if (typeof node === 'string') return [node];
  if (typeof node === 'function') {
    const args = Array.from({ length: node.length }, () => SENTINEL);
    try {
      return String((node as (...a: unknown[]) => unknown)(...args)).split(SENTINEL);
    } catch {
      return [];
    }
  }
  if (node && typeof node === 'object') return Object.values(node).flatMap(texts);
  return [];
}

/** The English catalogue's phrases (two words or more) that the Swedish one does not also use. */
function englishPhrases(): string[] {
  const swedish = texts(t('sv')).join('\n');
  const phrases = texts(t('en'))
    .map((s) => s.trim())
    .filter((s) => /[a-z]{2,} [a-z]{2,}/i.test(s) && !swedish.includes(s));
  return [...new Set(phrases)];
}

const bodyOf = (html: string) => html.slice(html.indexOf('<body>'));

describe('paketbygd access --lang', () => {
  it('writes access.html in Swedish, with Swedish numbers, under --lang sv', () => {
    const out = join(dir, 'sv');
    const scenario = join(REPO_ROOT, 'examples', 'vingaker', 'scenario.json');
    const run = runCli(['access', scenario, '--out', out, '--lang', 'sv']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const html = readFileSync(join(out, 'access.html'), 'utf8');
    expect(html).toMatch(/<html lang="sv">/);
    expect(html).toContain('<h1>Tillgång till utlämningsställen: ');
    const body = bodyOf(html);
    const phrases = englishPhrases();
    expect(phrases).toContain(t('en').access.measuresCaption); // the check can find something
    for (const phrase of phrases) {
      expect(body).not.toContain(phrase);
      expect(body).not.toContain(escapeHtml(phrase));
    }
    // Decimal comma, space-grouped thousands (Vingåker's largest point serves over 4 000 people).
    expect(body).toMatch(/Medelavstånd till närmaste ställe<\/th>\s*<td class="num">\d+,\d\u00a0km/);
    expect(body).toMatch(/Personer inom 5\u00a0km<\/th>\s*<td class="num">\d+,\d\u00a0%/);
    expect(body).toMatch(/<td class="num">\d\u00a0\d{3}<\/td>/);
    expect(body).not.toMatch(/\d\.\d\u00a0(km|%)|<td class="num">\d{1,3}(,\d{3})+<\/td>/);
    // The terminal too: the measures and the closures in Swedish, with Swedish numbers.
    const sv = t('sv').access;
    expect(run.stdout).toMatch(new RegExp(`\\n${sv.measure} +${sv.today}\\n`));
    expect(run.stdout).toMatch(/\nPersoner inom 5 km +61,8 %\n/);
    expect(run.stdout).toMatch(/\nMedelavstånd till närmaste ställe +\d+,\d km\n/);
    expect(run.stdout).toMatch(/ \d \d{3} /); // Vingåker's largest point serves over 4 000 people
    expect(run.stdout).toContain(`\nskrev ${join(out, 'access.json')}\n`);
    for (const english of [
      t('en').access.measure,
      t('en').access.meanNearest,
      t('en').access.peopleServed,
      'wrote',
    ])
      expect(run.stdout).not.toContain(english);
  });

  it('stays English by default, and refuses another language naming the flag (a usage error, as plan)', () => {
    const scenario = join(REPO_ROOT, 'examples', 'vingaker', 'scenario.json');
    const out = join(dir, 'en');
    expect(runCli(['access', scenario, '--out', out]).code).toBe(0);
    const html = readFileSync(join(out, 'access.html'), 'utf8');
    expect(html).toMatch(/<html lang="en">/);
    expect(html).toContain(`<h1>${escapeHtml(t('en').access.reportTitle(''))}`);
    for (const args of [
      ['access', scenario, '--lang', 'de'],
      ['access', '--all', '--lang', 'de', '--out', join(dir, 'all')],
    ]) {
      const bad = runCli(args);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toMatch(/--lang must be sv or en, not "de"/);
    }
  });
});
