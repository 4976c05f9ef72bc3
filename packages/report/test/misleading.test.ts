import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import type { ComparisonResult, TravelModelSummary } from '@paketbygd/model';
import { renderComparisonReport, renderPlanReport } from '../src/index';
import { NBSP } from '../src/format';
import { rankWarnings } from '../src/warnings';
import { buildComparison, buildPlan, loadScenario } from './fixtures';

const scenario = loadScenario();
const plan = buildPlan(scenario);
const straight: TravelModelSummary = {
  backend: 'straightline',
  detourFactor: 1.25,
  speedBands: [
    { upToM: 2000, speedKmh: 36 },
    { upToM: null, speedKmh: 49 },
  ],
};

describe('reports that cannot mislead', () => {
  it('the budget says what it covers, and a total above it is a warning ranked first', () => {
    const budget = 100_000;
    const tight = { ...scenario, policy: { ...scenario.policy, budgetPerYear: budget } };
    const doc = parse(renderPlanReport({ scenario: tight, plan }));
    const text = doc.querySelector('.summary .budget')!.text;
    expect(text).toMatch(/limits what the new boxes cost .* vans and existing transports are not part of it/);
    expect(plan.kpis.after.costPerWeek.total * 52).toBeGreaterThan(budget);
    expect(text).toMatch(/The whole plan costs .* more than the budget of 100,000/);
    const first = doc.querySelector('section.warnings li')!.text;
    expect(first).toMatch(/more than the budget/);
    // Next to the result it qualifies: at the head of the key figures.
    expect(doc.querySelector('#key-figures .section-warnings')!.text).toMatch(/more than the budget/);
  });

  it('labels every settlement, also one that lies under a candidate site, and not every grid cell', () => {
    // A village exactly under a candidate site's square (as Läppe under its box site).
    const site = scenario.candidateSites.find((s) => s.id === 'box-lappe')!;
    const lappeArea = scenario.demand.find((d) => d.name?.includes('Läppe'))!;
    const under = {
      ...scenario,
      demand: scenario.demand.map((d) =>
        d === lappeArea ? { ...d, name: 'Läppe', location: site.location } : d,
      ),
    };
    const doc = parse(renderPlanReport({ scenario: under, plan: buildPlan(under) }));
    const labels = doc.querySelectorAll('svg.map text.map-label').map((t) => t.text);
    const settlements = under.demand.filter((d) => d.name && !/\d/.test(d.name.split(' ').at(-1)!));
    expect(settlements.length).toBeGreaterThanOrEqual(5);
    for (const d of settlements) expect(labels).toContain(d.name);
    expect(labels).toContain('Läppe');
  });

  it('draws rings at the straight-line radius that the access limit by road allows, and says so', () => {
    const doc = parse(renderPlanReport({ scenario, plan, travelModel: straight }));
    const svg = doc.querySelector('svg.map')!;
    const pxPerM = Number(svg.getAttribute('data-px-per-m'));
    const ring = doc.querySelector('[data-kind="ring-after"]')!;
    const limitM = scenario.policy.maxAccessDistanceM!;
    expect(Number(ring.getAttribute('data-radius-m'))).toBe(Math.round(limitM / 1.25));
    expect(Number(ring.getAttribute('r'))).toBeCloseTo((limitM / 1.25) * pxPerM, 0);
    expect(doc.querySelector('.map-figure figcaption')!.text).toMatch(
      new RegExp(
        `straight-line radius of 4.0${NBSP}km: the access limit of 5.0${NBSP}km by road divided by the detour factor 1.250`,
      ),
    );
  });

  it('prints the travel model (backend, detour factor, speeds) on the plan report and on the comparison', () => {
    const planDoc = parse(renderPlanReport({ scenario, plan, travelModel: straight }));
    const header = planDoc.querySelector('header .travel-model')!.text;
    expect(header).toMatch(/\(straightline\)/);
    expect(header).toMatch(/straight line × 1.250/);
    expect(header).toMatch(/36\u00a0km\/h up to 2\u00a0km, 49\u00a0km\/h beyond/);
    const comparison: ComparisonResult = { ...buildComparison(), travel: straight };
    const cmp = parse(renderComparisonReport({ scenario, comparison }));
    expect(cmp.querySelector('header .travel-model')!.text).toMatch(/straight line × 1.250/);
    expect(cmp.querySelector('#travel')!.text).toMatch(
      /distances are straight lines times the detour factor, not roads/,
    );
    const sv = parse(renderComparisonReport({ scenario, comparison, lang: 'sv' }));
    expect(sv.querySelector('header .travel-model')!.text).toMatch(/fågelvägen × 1,250/);
  });

  it('ranks warnings: what changes a result before what qualifies a detail', () => {
    const ranked = rankWarnings([
      'the nearest box is full for 7 demand points',
      'travel: point "x": the nearest road is 900 m away',
      'coverage after is 76.3 % of the population, short of the target 90 %',
      'no van can fill box "box-marmorbyn" (no_vehicle)',
    ]).map((w) => [w.text.slice(0, 14), w.section]);
    expect(ranked).toEqual([
      ['no van can fil', 'boxes'],
      ['coverage after', 'key-figures'],
      ['the nearest bo', 'boxes'],
      ['travel: point ', 'map'],
    ]);
  });
});

describe('the comparison in Swedish', () => {
  it('Swedish words and numbers, the verdict first, the plans’ warnings folded and marked as English', () => {
    const comparison = buildComparison();
    const many = {
      ...comparison,
      warnings: Array.from({ length: 8 }, (_, i) => `${comparison.entries[1]!.label}: remark ${i}`),
    };
    const doc = parse(renderComparisonReport({ scenario, comparison: many, lang: 'sv' }));
    expect(doc.querySelector('html')!.getAttribute('lang')).toBe('sv');
    expect(doc.querySelector('.winner-callout')!.text).toMatch(/Vinnare: [^]*poäng/);
    expect(doc.querySelector('.winner-callout')!.text).toMatch(/\d,\d av 100 poäng/);
    expect(doc.querySelector('details.warnings')).not.toBeNull();
    expect(doc.querySelector('details.warnings li li')!.getAttribute('lang')).toBe('en');
    expect(doc.querySelector('#key-figures')!.text).toContain('Nyckeltal per alternativ');
    expect(doc.querySelector('#sensitivity')!.text).toMatch(/Vinnaren byts i 1 av 5 fall/);
  });
});
