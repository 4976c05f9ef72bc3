import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasGeodata, resolveDataDir } from '@paketbygd/data';
import { validate } from '@paketbygd/model';
import { runCli } from './run-cli';

const SKIP_REASON = 'no geodata: ../shared/geodata (or $PAKETBYGD_DATA) is absent';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'paketbygd-init-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Each case starts the real command in a child process: seconds of start-up on a loaded machine.
describe('paketbygd init', { timeout: 90_000 }, () => {
  it('writes a valid scenario for a kommun named without å/ä/ö', (ctx) => {
    if (!hasGeodata()) ctx.skip(SKIP_REASON);
    const out = join(dir, 'vingaker');
    const run = runCli(['init', '--kommun', 'Vingaker', '--out', out]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Vingåker kommun (0428)');
    expect(run.stdout).toMatch(/error: measured on Dalarna/);
    const scenario: unknown = JSON.parse(readFileSync(join(out, 'scenario.json'), 'utf8'));
    expect(validate('scenario', scenario).ok).toBe(true);
  });

  it('reads the data folder from PAKETBYGD_DATA and takes a code', (ctx) => {
    if (!hasGeodata()) ctx.skip(SKIP_REASON);
    const out = join(dir, 'arjeplog');
    const run = runCli(['init', '--kommun', '2506', '--out', out, '--quiet'], {
      env: { PAKETBYGD_DATA: resolveDataDir() },
    });
    expect(run.code).toBe(0);
    expect(readFileSync(join(out, 'scenario.json'), 'utf8')).toContain('Arjeplog kommun (2506)');
  });

  it('exits 1 with the closest names for an unknown kommun', (ctx) => {
    if (!hasGeodata()) ctx.skip(SKIP_REASON);
    const run = runCli(['init', '--kommun', 'Sorsel']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('"Sorsel" is not a Swedish kommun; closest: Sorsele (2422)');
  });

  it('exits 1 naming the missing file', () => {
    const run = runCli(['init', '--kommun', 'Flen', '--data', join(dir, 'nothing-here')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/nothing-here\/sweden\/municipalities\.csv: file not found/);
    expect(run.stderr).not.toMatch(/at .*\.ts:\d+/);
  });

  it('exits 1 naming the file and line of a malformed row', () => {
    const data = join(dir, 'malformed');
    mkdirSync(join(data, 'sweden'), { recursive: true });
    writeFileSync(
      join(data, 'sweden', 'municipalities.csv'),
      'municipality_code,municipality_name,municipality_name_short,county_code\n0428,Vingåkers kommun,Vingåker,04\n482,Flens kommun,Flen,04\n',
    );
    const run = runCli(['init', '--kommun', 'Flen', '--data', data]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('municipalities.csv:3: municipality_code: a kommun code has four digits');
  });
});
