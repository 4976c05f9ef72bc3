import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { Plan, type AccessAnalysis, type PointClosure } from '@paketbygd/model';
import { renderPlanReport } from '../src/index';
import { t } from '../src/i18n';
import { formatKm, formatShare } from '../src/format';
import { buildPlan, loadScenario } from './fixtures';

const ACCESS_STRINGS = t('en').access;

const scenario = loadScenario();

function closure(
  pickupId: string,
  peopleLosingAccess: number,
  extra: Partial<PointClosure> = {},
): PointClosure {
  return {
    pickupId,
    carriers: ['PostNord', 'DHL'],
    newBox: false,
    peopleServed: peopleLosingAccess + 100,
    parcelsPerWeek: 50,
    peopleLosingAccess,
    people65PlusLosingAccess: peopleLosingAccess / 4,
    peopleLeftWithoutPoint: 0,
    extraHouseholdKmPerWeek: 1234,
    nearestOtherPointM: 11_100,
    nearestOtherCarrierPointM: null,
    ...extra,
  };
}

function analysis(closures: PointClosure[], nearestM: number): AccessAnalysis {
  return {
    pickupPointCount: closures.length,
    population: 9000,
    population65Plus: 2500,
    rankedBy: 'distance',
    nearest: { meanM: nearestM, population: 9000 },
    secondNearest: { meanM: 14_150, population: 9000 },
    nearestOtherCarrier: { meanM: null, population: 0 },
    nearest65Plus: { meanM: 5100, population: 2500 },
    within: [
      { distanceM: 2000, populationShare: 0.586, population65PlusShare: 0.5 },
      { distanceM: 5000, populationShare: 0.64, population65PlusShare: 0.6 },
      { distanceM: 10_000, populationShare: 0.78, population65PlusShare: 0.7 },
    ],
    withinLimitShare: 0.64,
    withinLimit65PlusShare: 0.6,
    unreachablePopulation: 0,
    closures,
    notes: ['a note from the analysis'],
  };
}

const before = analysis([closure('pts-3497', 5056), closure('pts-9740', 608)], 4356);
const after = analysis([closure('pts-3497', 4000), closure('pts-9740', 0)], 1832);
const plan = Plan.parse({ ...buildPlan(scenario), accessAnalysis: { before, after } });
const out = renderPlanReport({ scenario, plan });
const doc = parse(out);

describe('the access section of the plan report', () => {
  it('shows the study measures today and with the new boxes', () => {
    const table = doc.querySelector('table.access-measures')!;
    const cells = (label: string) =>
      table
        .querySelectorAll('tbody tr')
        .find((r) => r.querySelector('th')!.text.trim() === label)!
        .querySelectorAll('td')
        .map((td) => td.text.trim());
    expect(cells(ACCESS_STRINGS.meanNearest)).toEqual([formatKm(4356), formatKm(1832)]);
    expect(cells(ACCESS_STRINGS.meanOtherCarrier)).toEqual([ACCESS_STRINGS.none, ACCESS_STRINGS.none]);
    expect(cells(ACCESS_STRINGS.withinKm65(formatKm(5000, 0)))).toEqual([formatShare(0.6), formatShare(0.6)]);
    // The 5 km limit is the 5 km band: no second row for it.
    expect(table.text).not.toContain(ACCESS_STRINGS.withinLimit(`within ${formatKm(5000)}`));
  });

  it('lists what each closure costs, today and with the new boxes', () => {
    const rows = doc.querySelectorAll('table.access-closures tbody tr');
    expect(rows.map((r) => r.getAttribute('data-id'))).toEqual(['pts-3497', 'pts-9740']);
    const first = rows[0]!.querySelectorAll('td').map((td) => td.text.trim());
    expect(first[0]).toBe('PostNord, DHL');
    expect(first[2]).toBe('5,056'); // people who lose their point
    expect(first[3]).toBe('1,264'); // of them 65+
    expect(first[4]).toBe('4,000'); // with the new boxes
    expect(first[5]).toBe('1,234'); // extra km a week
    expect(doc.querySelector('section#access ul.access-notes')!.text).toContain('a note from the analysis');
  });

  it('draws the loss under each point on the map, larger for the larger loss', () => {
    const circles = doc.querySelectorAll('svg.map circle[data-kind="closure-loss"]');
    expect(circles.map((c) => c.getAttribute('data-id'))).toEqual(['pts-3497', 'pts-9740']);
    const r = circles.map((c) => Number(c.getAttribute('r')));
    expect(r[0]).toBeGreaterThan(r[1]!);
    expect(circles[0]!.querySelector('title')!.text).toMatch(/5,056 people lose their point within 5\.0/);
    expect(doc.querySelector('.legend')!.text).toContain(ACCESS_STRINGS.mapLossLegend);
  });

  it('never prints NaN or undefined', () => {
    expect(out).not.toMatch(/NaN|undefined/);
  });

  it('says so when a plan has no access analysis', () => {
    const old = parse(renderPlanReport({ scenario, plan: buildPlan(scenario) }));
    expect(old.querySelector('section#access')!.text).toContain(ACCESS_STRINGS.notInPlan);
    expect(old.querySelectorAll('circle[data-kind="closure-loss"]')).toHaveLength(0);
  });

  it('in a Swedish report: the section, its tables and the map in Swedish, with Swedish numbers; the analysis’s own notes marked English', () => {
    const sv = parse(renderPlanReport({ scenario, plan, lang: 'sv' }));
    const section = sv.querySelector('section#access')!;
    expect(section.querySelector('h2')!.text).toBe('Tillgång till utlämningsställen');
    expect(sv.querySelector('nav.toc')!.text).toContain('Tillgång till utlämningsställen');
    const row = (label: string) =>
      section
        .querySelectorAll('table.access-measures tbody tr')
        .find((tr) => tr.querySelector('th')!.text === label)
        ?.querySelectorAll('td')
        .map((td) => td.text);
    expect(row('Medelavstånd till närmaste ställe')).toEqual(['4,4\u00a0km', '1,8\u00a0km']);
    expect(row('Personer 65+ inom 5\u00a0km')).toEqual(['60,0\u00a0%', '60,0\u00a0%']);
    expect(section.querySelector('table.access-closures caption')!.text.trim()).toMatch(
      /^Om stället stänger: /,
    );
    expect(section.text).not.toMatch(/\b(People|Mean distance|Pickup points|If this point closes)\b/);
    expect(sv.querySelector('circle[data-kind="closure-loss"] title')!.text).toMatch(
      /^Om .* stänger: 5\u00a0056 personer förlorar sitt ställe /,
    );
    expect(sv.querySelector('.legend')!.text).toContain(
      'Om stället stänger: personer som förlorar sitt ställe',
    );
    const note = section
      .querySelectorAll('ul.access-notes li')
      .find((li) => li.text === 'a note from the analysis');
    expect(note?.getAttribute('lang')).toBe('en');
    expect(doc.querySelectorAll('section#access [lang="en"]')).toHaveLength(0);
  });
});
