import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { Scenario, type LonLat } from '@paketbygd/model';
import {
  publicDataScenarios,
  rankKommuner,
  runAccessAll,
  writeRanking,
  type KommunScenarios,
} from '../src/commands/access-all';
import { CliError } from '../src/errors';
import { hasGeodata, resolveDataDir } from '@paketbygd/data';
import { t } from '@paketbygd/report';

const dir = mkdtempSync(join(tmpdir(), 'paketbygd-access-all-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const square: Scenario['area'] = {
  type: 'Polygon',
  coordinates: [
    [
      [15, 60],
      [15.5, 60],
      [15.5, 60.3],
      [15, 60.3],
      [15, 60],
    ],
  ],
};

/** Two villages of 100 people, 0.1° of longitude (about 5.6 km) apart, and shops where given. */
function kommun(name: string, shops: LonLat[]): Scenario {
  return Scenario.parse({
    kind: 'scenario',
    name,
    area: square,
    currency: 'SEK',
    demand: [
      { id: 'a', location: [15.1, 60.1], population: 100, parcelsPerWeek: 20 },
      { id: 'b', location: [15.2, 60.1], population: 100, parcelsPerWeek: 20 },
    ],
    pickupPoints: shops.map((location, i) => ({ id: `shop-${i}`, name: `${name} shop ${i}`, location })),
    policy: { maxAccessDistanceM: 5000, deliveriesPerWeek: 5 },
    travel: { backend: 'straightline', detourFactor: 1 },
  });
}

const source: KommunScenarios = {
  kommuner: [
    { code: '0001', name: 'Both' },
    { code: '0002', name: 'One' },
    { code: '0003', name: 'None' },
    { code: '0004', name: 'Broken' },
  ],
  scenario(code) {
    if (code === '0001')
      return kommun('Both', [
        [15.1, 60.1],
        [15.2, 60.1],
      ]);
    if (code === '0002') return kommun('One', [[15.1, 60.1]]);
    if (code === '0003') return kommun('None', []);
    throw new Error('data/file.csv:12: no boundary for kommun 0004');
  },
};

describe('access --all: ranking kommuner', () => {
  it('ranks by the share within 5 km, lowest first, and lists failures with their reason', async () => {
    const { rows, failed } = await rankKommuner(source);
    expect(rows.map((r) => r.name)).toEqual(['None', 'One', 'Both']);
    expect(rows[0]).toMatchObject({ pickupPointCount: 0, nearestMeanM: null, withinShares: [0, 0, 0] });
    // One shop in village a: village b is 5.6 km away, outside 5 km, inside 10 km.
    expect(rows[1]!.withinShares).toEqual([0.5, 0.5, 1]);
    expect(rows[1]!.worstClosure).toEqual({ name: 'One shop 0', people: 100 });
    expect(rows[2]!.withinShares).toEqual([1, 1, 1]);
    // Each village has its own shop; the other is 5.6 km away, so either closure loses 100 (ties by id).
    expect(rows[2]!.worstClosure).toEqual({ name: 'Both shop 0', people: 100 });
    expect(failed).toEqual([
      { code: '0004', name: 'Broken', message: 'data/file.csv:12: no boundary for kommun 0004' },
    ]);
  });

  it('writes a CSV and an HTML table in that order', async () => {
    const paths = writeRanking(await rankKommuner(source), join(dir, 'out'));
    const lines = readFileSync(paths.csv, 'utf8').trim().split('\n');
    expect(lines[0]).toMatch(/^rank,kommun_code,kommun,population,pickup_points,mean_nearest_km/);
    expect(lines.slice(1).map((l) => l.split(',').slice(0, 5).join(','))).toEqual([
      '1,0003,None,200,0',
      '2,0002,One,200,1',
      '3,0001,Both,200,2',
      ',0004,Broken,,',
    ]);
    expect(lines[4]).toMatch(/no boundary for kommun 0004$/);
    const html = readFileSync(paths.html, 'utf8');
    const order = ['None', 'One', 'Both'].map((n) => html.indexOf(`<th scope="row">${n}</th>`));
    expect(order.every((i, k) => i > 0 && (k === 0 || i > order[k - 1]!))).toBe(true);
    expect(html).toContain('Broken (0004): data/file.csv:12');
  });

  it('writes the HTML table in Swedish with Swedish numbers under --lang sv; the reasons marked English', async () => {
    const out = join(dir, 'sv');
    await runAccessAll({ out, quiet: true, lang: 'sv' }, source);
    const html = readFileSync(join(out, 'access-all.html'), 'utf8');
    expect(html).toMatch(/<html lang="sv">/);
    expect(html).toContain(`<h1>${t('sv').access.rankingTitle}</h1>`);
    expect(html).toContain(`<th scope="col" class="num">${t('sv').access.withinKm('5\u00a0km')}</th>`);
    const body = html.slice(html.indexOf('<body>'));
    // No English heading or cell left (the words both languages share, such as Kommun, aside).
    const sv = t('sv').access as unknown as Record<string, unknown>;
    for (const [key, words] of Object.entries(t('en').access)) {
      if (typeof words === 'string' && words !== sv[key]) expect(body).not.toContain(`>${words}<`);
    }
    // One: one village of two within 5 km, the other 5.6 km away (decimal comma).
    const one = /<tr data-id="0002">[\s\S]*?<\/tr>/.exec(html)![0];
    expect(one).toContain('<td class="num">50,0\u00a0%</td>');
    expect(one).toMatch(/<td class="num">\d+,\d\u00a0km<\/td>/);
    expect(html).toContain('Broken (0004): <span lang="en">data/file.csv:12');
    // The CSV is data, the same in every language.
    expect(readFileSync(join(out, 'access-all.csv'), 'utf8')).toBe(
      readFileSync(writeRanking(await rankKommuner(source), join(dir, 'csv-en')).csv, 'utf8'),
    );
  });

  it('prints the ranking in the language: Swedish words and numbers under --lang sv', async () => {
    const printed = async (lang: string) => {
      const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
      try {
        await runAccessAll({ out: join(dir, `print-${lang}`), lang }, source);
        return write.mock.calls.map((c) => String(c[0])).join('');
      } finally {
        write.mockRestore();
      }
    };
    const sv = await printed('sv');
    expect(sv).toContain(`${t('sv').access.rankingTitle}: 3 kommuner, lägst andel inom 5 km först`);
    expect(sv).toMatch(/Rang +Kommun +Kod +Personer inom 5 km +Medelavstånd till närmaste ställe\n[- ]+\n/);
    // One: one village of two within 5 km, the other 5.6 km away (decimal comma).
    expect(sv).toMatch(/\n +2 +One +0002 +50,0 % +\d+,\d km\n/);
    expect(sv).toMatch(/\ninte mätt: Broken \(0004\): .*data\/file\.csv:12/);
    expect(sv).toContain(`\nskrev ${join(dir, 'print-sv', 'access-all.csv')}\n`);
    for (const english of ['lowest share', 'within 5 km', 'not measured', 'wrote', 'nearest'])
      expect(sv).not.toContain(english);
    const en = await printed('en');
    expect(en).toContain(`${t('en').access.rankingTitle}: 3 kommuner, lowest share within 5 km first`);
    expect(en).toMatch(/\n +2 +One +0002 +50\.0 % +\d+\.\d km\n/);
    expect(en).toMatch(/\nnot measured: Broken \(0004\): .*data\/file\.csv:12/);
  });

  it('runAccessAll writes the files, and refuses when no kommun could be measured', async () => {
    const out = join(dir, 'run');
    const ranking = await runAccessAll({ out, quiet: true }, source);
    expect(ranking.rows).toHaveLength(3);
    expect(readFileSync(join(out, 'access-all.csv'), 'utf8')).toContain('0002,One');
    const broken: KommunScenarios = {
      kommuner: [{ code: '0004', name: 'Broken' }],
      scenario: () => {
        throw new Error('data/file.csv:12: no boundary');
      },
    };
    await expect(runAccessAll({ out, quiet: true }, broken)).rejects.toThrow(CliError);
    await expect(runAccessAll({ out, quiet: true }, broken)).rejects.toThrow(
      /no kommun could be measured.*no boundary/,
    );
  });

  it('measures real kommuner from public data: Ludvika on the SCB grid and its 19 points of 2026', async (ctx) => {
    if (!hasGeodata()) ctx.skip('no geodata folder beside the checkout (../shared/geodata)');
    const all = publicDataScenarios(resolveDataDir());
    expect(all.kommuner).toHaveLength(290);
    const sample = {
      ...all,
      kommuner: all.kommuner.filter((k) => ['2085', '0428', '2506'].includes(k.code)),
    };
    const { rows, failed } = await rankKommuner(sample);
    expect(failed).toEqual([]);
    const ludvika = rows.find((r) => r.code === '2085')!;
    expect(ludvika.pickupPointCount).toBe(19); // service-nodes-2026.csv, kommun Ludvika
    expect(Math.round(ludvika.population)).toBe(26_676); // population-1km-2025.csv, kommunkod 2085
    for (const r of rows) {
      expect(r.nearestMeanM).toBeGreaterThan(0);
      expect(r.withinShares[0]!).toBeLessThanOrEqual(r.withinShares[1]!);
      expect(r.withinShares[1]!).toBeLessThanOrEqual(r.withinShares[2]!);
    }
  });
});
