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

  it('names the scenario and its generated places in Swedish under --lang sv, and prints its assumptions so', (ctx) => {
    if (!hasGeodata()) ctx.skip(SKIP_REASON);
    const out = join(dir, 'arjeplog-sv');
    const run = runCli(['init', '--kommun', 'Arjeplog', '--out', out, '--lang', 'sv']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const scenario = validate('scenario', JSON.parse(readFileSync(join(out, 'scenario.json'), 'utf8')));
    if (!scenario.ok) throw new Error('invalid scenario');
    const s = scenario.value;
    expect(s.name).toBe('Arjeplogs kommun (2506): paketutlämning i dag och paketskåp på verkliga platser');
    expect(s.description).toMatch(/^Byggt av `paketbygd init` från öppna data: 9 utlämningsställen i dag/);
    const demand = s.demand.map((d) => d.name ?? '');
    expect(demand).toEqual(expect.arrayContaining(['Arjeplog', 'kring Rebak']));
    expect(demand.filter((n) => /^around |^1 km square/.test(n))).toEqual([]);
    const sites = s.candidateSites.map((c) => c.name ?? '');
    expect(sites).toContain('Paketskåp vid Slagnäs Lanthandel, Gammvägen 3');
    expect(sites.filter((n) => n.startsWith('Box at'))).toEqual([]);
    expect(s.hubs[0]!.name).toBe('Paketterminal, Arjeplog');
    // The file's statements stay English for JSON readers; the printed summary is Swedish.
    expect(s.statedAssumptions.find((a) => a.code === 'hub')!.statement).toBe(
      "one parcel hub in Arjeplog, the kommun's largest place; parcels arrive there at 06:30 on weekdays",
    );
    expect(run.stdout).toContain('48 efterfrågepunkter, 2\u00a0876 invånare');
    expect(run.stdout).toContain(
      '- Paketterminal: en paketterminal i Arjeplog, kommunens största ort; paketen kommer dit kl. 06:30 på vardagar',
    );
    expect(run.stdout).toContain('fågelvägen gånger den uppmätta omvägsfaktorn');
    expect(run.stdout).toContain(`skrev ${join(out, 'scenario.json')}`);
  });

  it('refuses a language it does not have, as plan does', () => {
    const run = runCli(['init', '--kommun', 'Arjeplog', '--lang', 'de']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--lang must be sv or en, not "de"');
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
