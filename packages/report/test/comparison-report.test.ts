import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { ComparisonResult } from '@paketbygd/model';
import { renderComparisonReport } from '../src/index';
import { formatMoney, formatShare } from '../src/format';
import { buildComparison, loadScenario } from './fixtures';
import { externalLoads } from './html-checks';

const scenario = loadScenario();

describe('renderComparisonReport', () => {
  const comparison = buildComparison('absolute_points');
  const out = renderComparisonReport({ scenario, comparison });
  const doc = parse(out);

  it('uses a fixture the model accepts', () => {
    expect(() => ComparisonResult.parse(comparison)).not.toThrow();
  });

  it('is a complete, self-contained HTML document', () => {
    expect(out.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(out.trimEnd().endsWith('</html>')).toBe(true);
    expect(doc.querySelector('h1')!.text).toContain(comparison.name);
    expect(externalLoads(doc)).toEqual([]);
    expect(out).not.toMatch(/<script/i);
  });

  it('shows every entry side by side with its key figures', () => {
    const heads = doc.querySelectorAll('table.kpis thead th[data-id]');
    expect(heads.map((h) => h.getAttribute('data-id'))).toEqual(comparison.entries.map((e) => e.id));
    const coverageRow = doc.querySelector('table.kpis tr[data-kpi="covered-population"]')!;
    const cells = coverageRow.querySelectorAll('td').map((td) => td.text);
    expect(cells).toEqual(comparison.entries.map((e) => formatShare(e.kpis.access.coveredPopulationShare)));
    const costRow = doc.querySelector('table.kpis tr[data-kpi="cost-week"]')!;
    expect(costRow.querySelectorAll('td').map((td) => td.text)).toEqual(
      comparison.entries.map((e) => formatMoney(e.kpis.costPerWeek.total, 'SEK')),
    );
    // Chart labels may be shortened; the full label is each label's <title>.
    const chartLabels = doc.querySelectorAll('#charts .chart-label title').map((t) => t.text);
    for (const e of comparison.entries) expect(chartLabels).toContain(e.label);
    // Bold marks the best bid, not today's zero cost.
    const bestCost = doc.querySelectorAll('table.kpis tr[data-kpi="cost-week"] td.best').map((td) => td.text);
    const cheapest = Math.min(
      ...comparison.entries.filter((e) => e.kind === 'bid').map((e) => e.kpis.costPerWeek.total),
    );
    expect(bestCost).toEqual([formatMoney(cheapest, 'SEK')]);
  });

  it('names the winner and ranks the bids with each criterion explained', () => {
    const winner = comparison.scoring!.scores.find((s) => s.rank === 1)!;
    const label = comparison.entries.find((e) => e.id === winner.id)!.label;
    expect(doc.querySelector('.winner-callout')!.text).toContain(`Winner: ${label}`);
    const rows = doc.querySelectorAll('table.scores tbody tr');
    expect(rows.map((r) => r.getAttribute('data-id'))).toEqual(
      [...comparison.scoring!.scores].sort((a, b) => a.rank - b.rank).map((s) => s.id),
    );
    expect(rows[0]!.getAttribute('class')).toContain('winner');
    const scores = doc.querySelector('#scores')!.text;
    for (const s of comparison.scoring!.scores)
      for (const c of s.criteria) expect(scores).toContain(c.explanation);
    expect(doc.querySelector('#scoring-model')!.text).toContain('Absolute points');
    expect(doc.querySelector('#scoring-model .warnings')).toBeNull();
  });

  it('highlights the sensitivity cases in which the winner changes', () => {
    const rows = doc.querySelectorAll('table.sensitivity tbody tr');
    expect(rows).toHaveLength(comparison.scoring!.sensitivity.length);
    const flips = comparison.scoring!.sensitivity.map((s) => s.winnerChanges);
    expect(rows.map((r) => r.getAttribute('class') === 'highlight')).toEqual(flips);
    expect(doc.querySelector('#sensitivity')!.text).toContain('The winner changes in 1 of 5 cases');
  });

  it('shows the warning of the relative model first, and groups the warnings of the plans by entry', () => {
    const relative = buildComparison('relative');
    const parsed = parse(renderComparisonReport({ scenario, comparison: relative }));
    const items = parsed.querySelectorAll('section.warnings > ul > li');
    expect(items[0]!.text).toBe(relative.warnings.at(-1));
    expect(items[0]!.text).toMatch(/^relative scoring/);
    const regionbuss = relative.entries[2]!;
    const group = items.find((li) => li.querySelector('strong')?.text === regionbuss.label)!;
    expect(group.querySelectorAll('li').map((li) => li.text)).toEqual([
      'no van can fill box "box-marmorbyn" (no_vehicle)',
      "costs are the bid's prices",
    ]);
    expect(parsed.querySelector('#scoring-model .warnings')!.text).toContain(
      'rankings can flip with the set of bids',
    );
  });

  it('shows a disqualified bid, an abnormally low price and a promise the plan does not deliver', () => {
    const flagged: ComparisonResult = {
      ...comparison,
      entries: comparison.entries.map((e) =>
        e.id === 'bygden'
          ? {
              ...e,
              disqualified: true,
              abnormallyLow: 'below 70 % of the median bid. LOU (2016:1145) 16 kap. 7 §',
              promised: { deliveries_per_week: 7 },
              measures: { ...e.measures, deliveries_per_week: 2 },
              requirements: [
                {
                  requirementId: 'min-deliveries',
                  measure: 'deliveries_per_week',
                  value: 2,
                  passed: false,
                  explanation: 'min-deliveries: 2, required at least 3',
                },
              ],
            }
          : e,
      ),
      scoring: {
        ...comparison.scoring!,
        requirements: [{ id: 'min-deliveries', measure: 'deliveries_per_week', min: 3 }],
        scores: comparison.scoring!.scores.filter((s) => s.id !== 'bygden'),
      },
    };
    const parsed = parse(renderComparisonReport({ scenario, comparison: flagged }));
    const head = parsed.querySelector('table.kpis thead th[data-id="bygden"]')!;
    expect(head.querySelector('[data-status="disqualified"]')).not.toBeNull();
    expect(head.querySelector('[data-status="abnormally-low"]')).not.toBeNull();
    expect(parsed.querySelector('ul.disqualified li[data-id="bygden"]')!.text).toMatch(
      /disqualified.*required at least 3/,
    );
    expect(parsed.querySelector('ul.abnormally-low li[data-id="bygden"]')!.text).toMatch(/16 kap\. 7 §/);
    expect(parsed.querySelector('tr[data-requirement="min-deliveries"] td.fail')!.text).toMatch(/not met: 2/);
    const cell = parsed.querySelector('td.over-promise[data-measure="deliveries_per_week"]')!;
    expect(cell.text).toMatch(/2.*promised 7.*gap 5/s);
    expect(parsed.querySelector('.winner-callout')!.text).toMatch(/LOU 16 kap\. 7 §/);
    expect(
      parsed.querySelectorAll('table.scores tbody tr').map((r) => r.getAttribute('data-id')),
    ).not.toContain('bygden');
  });

  it('states the margin of every sensitivity case and that the other weights are rescaled', () => {
    const withMargins: ComparisonResult = {
      ...comparison,
      scoring: {
        ...comparison.scoring!,
        sensitivity: comparison.scoring!.sensitivity.map((s) => ({
          ...s,
          totals: Object.fromEntries(s.ranking.map((id, i) => [id, 50 - i * 2.5])),
          margin: 2.5,
          othersRescaled: true,
        })),
      },
    };
    const parsed = parse(renderComparisonReport({ scenario, comparison: withMargins }));
    const section = parsed.querySelector('#sensitivity')!.text;
    expect(section).toMatch(/other weights are rescaled/);
    expect(parsed.querySelector('table.sensitivity tbody tr')!.text).toMatch(
      /50\.0.points against 47\.5.points/,
    );
    expect(parsed.querySelector('table.sensitivity tbody tr')!.text).toMatch(/margin 2\.5/);
  });

  it('escapes entry labels and sensitivity text', () => {
    const evil = '<script>alert(1)</script>';
    const hostile = {
      ...comparison,
      name: `Bids ${evil}`,
      entries: comparison.entries.map((e, i) => (i === 1 ? { ...e, label: `${e.label} ${evil}` } : e)),
    };
    const out2 = renderComparisonReport({ scenario, comparison: hostile });
    expect(out2).not.toContain('<script');
    expect(out2).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('renders a comparison without scoring', () => {
    const { scoring: _scoring, ...unscored } = comparison;
    const parsed = parse(renderComparisonReport({ scenario, comparison: unscored }));
    expect(parsed.querySelector('#scores')).toBeNull();
    expect(parsed.querySelectorAll('table.kpis thead th[data-id]')).toHaveLength(comparison.entries.length);
  });
});
