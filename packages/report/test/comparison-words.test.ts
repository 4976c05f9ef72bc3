import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import type { ComparisonResult, PlanMessage } from '@paketbygd/model';
import {
  comparisonWarningTexts,
  criterionExplanation,
  entryLabel,
  renderComparisonReport,
  sensitivityCaseText,
} from '../src/index';
import { buildComparison, loadScenario, loadScoring } from './fixtures';

/** The fixture as the planner writes it today: the criteria beside the scores, its own "what" of each case. */
function withCriteria(model: 'absolute_points' | 'price_deduction' = 'absolute_points'): ComparisonResult {
  const base = buildComparison(model);
  const criteria = loadScoring().criteria.map((c) => ({ ...c, valuePerYear: 100_000 }));
  const what = (s: ComparisonResult['scoring'] & object, i: number) =>
    i < 3
      ? `${model === 'price_deduction' ? 'value' : 'weight'} of "${criteria[i === 2 ? 1 : 0]!.name}" ${s.sensitivity[i]!.change > 0 ? '+' : '−'}20 % (the other weights rescaled to keep their sum)`
      : `demand ${s.sensitivity[i]!.change < 0 ? '−' : '+'}30 %`;
  return {
    ...base,
    scoring: {
      ...base.scoring!,
      criteria,
      sensitivity: base.scoring!.sensitivity.map((s, i) => ({ ...s, what: what(base.scoring!, i) })),
    },
  };
}

describe('the comparison in words (report and web page alike)', () => {
  const comparison = withCriteria();
  const nordbox = comparison.scoring!.scores.find((s) => s.id === 'nordbox')!;
  const price = nordbox.criteria.find((c) => c.criterionId === 'price')!;

  it('explains a criterion in Swedish under sv and in English under en, with the language said', () => {
    const sv = criterionExplanation(comparison, 'nordbox', price, 'sv');
    expect(sv.lang).toBe('sv');
    expect(sv.text).toBe(
      'Price per year (investment spread over the contract + yearly + parcel fees): 358\u00a0100\u00a0SEK, 31\u00a0% av vägen från 450\u00a0000\u00a0SEK (0 poäng) till 150\u00a0000\u00a0SEK (full poäng): 12,3 av 40,0 poäng',
    );
    const en = criterionExplanation(comparison, 'nordbox', price, 'en');
    expect(en).toEqual({
      lang: 'en',
      text: 'Price per year (investment spread over the contract + yearly + parcel fees): 358,100\u00a0SEK, 31\u00a0% of the way from 450,000\u00a0SEK (0 points) to 150,000\u00a0SEK (full points): 12.3 of 40.0 points',
    });
  });

  it('words the price-deduction model, and falls back to the planner’s English (marked en) without criteria', () => {
    const deduction = withCriteria('price_deduction');
    const s = deduction.scoring!.scores.find((x) => x.id === 'nordbox')!;
    const coverage = s.criteria.find((c) => c.criterionId === 'coverage')!;
    expect(criterionExplanation(deduction, 'nordbox', coverage, 'sv').text).toMatch(
      /^Population within 5 km of a pickup point: 91,2\u00a0% når \d+\u00a0% av vägen från 60,0\u00a0% till 95,0\u00a0%, så [\d\u00a0]+\u00a0SEK av 100\u00a0000\u00a0SEK dras av$/,
    );
    const older = buildComparison();
    const x = older.scoring!.scores[0]!.criteria[0]!;
    expect(criterionExplanation(older, older.scoring!.scores[0]!.id, x, 'sv')).toEqual({
      text: x.explanation,
      lang: 'en',
    });
  });

  it('names what a sensitivity case changed in the language, or keeps the planner’s text marked en', () => {
    const scoring = comparison.scoring!;
    expect(sensitivityCaseText(scoring, scoring.sensitivity[1]!, 'sv')).toEqual({
      text: 'vikten för ”Price per year (investment spread over the contract + yearly + parcel fees)” +20\u00a0%',
      lang: 'sv',
    });
    expect(sensitivityCaseText(scoring, scoring.sensitivity[3]!, 'sv').text).toBe('efterfrågan −30\u00a0%');
    expect(sensitivityCaseText(scoring, scoring.sensitivity[4]!, 'en').text).toBe('demand +30\u00a0%');
    const odd = { ...scoring.sensitivity[0]!, what: 'the moon moved' };
    expect(sensitivityCaseText(scoring, odd, 'sv')).toEqual({ text: 'the moon moved', lang: 'en' });
  });

  it('the Swedish report shows the same sentences, and marks the planner’s English of an older result lang="en"', () => {
    const scenario = loadScenario();
    const doc = parse(renderComparisonReport({ scenario, comparison, lang: 'sv' }));
    const why = doc.querySelector('#scores .route-block[data-id="nordbox"]')!.text;
    expect(why).toContain(criterionExplanation(comparison, 'nordbox', price, 'sv').text);
    expect(doc.querySelectorAll('#scores [lang="en"]')).toHaveLength(0);
    expect(doc.querySelector('table.sensitivity tbody tr th')!.text).toBe(
      sensitivityCaseText(comparison.scoring!, comparison.scoring!.sensitivity[0]!, 'sv').text,
    );
    const older = parse(renderComparisonReport({ scenario, comparison: buildComparison(), lang: 'sv' }));
    const marked = older.querySelectorAll('#scores .route-block li span[lang="en"]');
    expect(marked.length).toBe(older.querySelectorAll('#scores .route-block li').length);
    expect(older.querySelectorAll('table.sensitivity tbody th span[lang="en"]').length).toBeGreaterThan(0);
  });

  it('words the plans’ remarks from their codes in the language, most important first, each under its entry', () => {
    const scenario = loadScenario();
    const base = buildComparison();
    const bid = base.entries.find((e) => e.kind === 'bid')!;
    const unfilled: PlanMessage = {
      code: 'box_unfilled',
      params: { site: 'box-lappe', reason: 'no_vehicle' },
      text: 'no van can fill box "box-lappe"',
    };
    const withCodes: ComparisonResult = {
      ...base,
      entries: base.entries.map((e) => (e.id === bid.id ? { ...e, planWarnings: [unfilled] } : e)),
      warnings: ['a remark without a code', `${bid.label}: ${unfilled.text}`],
    };
    const sv = comparisonWarningTexts(scenario, withCodes, 'sv');
    // The unfilled box (rank 4) before the uncoded remark (rank 10), which stays English.
    expect(sv).toEqual([
      {
        text: 'ingen bil kan fylla paketskåpet ”Läppe” (scenariot har inga bilar): hushållen hämtar sina paket där de gör i dag',
        lang: 'sv',
        entry: bid.label,
      },
      { text: 'a remark without a code', lang: 'en' },
    ]);
    expect(comparisonWarningTexts(scenario, withCodes, 'en')[0]).toEqual({
      text: expect.stringMatching(/^no van can fill .*Läppe/),
      lang: 'en',
      entry: bid.label,
    });
  });

  it('names the planner’s own plan and today in the language, also above the plan’s remarks', () => {
    const scenario = loadScenario();
    const base = buildComparison();
    const short: PlanMessage = {
      code: 'coverage_short',
      params: { coveredShare: 0.8679, targetShare: 0.9 },
      text: 'coverage after is 86.8 % of the population, short of the target 90 %',
    };
    const label = 'Vingåker kommun (as planned)';
    const comparison: ComparisonResult = {
      ...base,
      entries: base.entries.map((e) => (e.kind === 'baseline' ? { ...e, label, planWarnings: [short] } : e)),
      warnings: [`${label}: ${short.text}`],
    };
    expect(entryLabel({ kind: 'baseline', label }, 'sv')).toBe('Vingåker kommun (Paketbygds plan)');
    expect(entryLabel({ kind: 'baseline', label }, 'en')).toBe('Vingåker kommun (Paketbygd’s plan)');
    expect(entryLabel({ kind: 'today', label: 'Today' }, 'sv')).toBe('I dag (befintliga utlämningsställen)');
    expect(comparisonWarningTexts(scenario, comparison, 'sv')).toEqual([
      {
        text: 'täckningen efter är 86,8\u00a0% av befolkningen, under målet 90\u00a0%',
        lang: 'sv',
        entry: 'Vingåker kommun (Paketbygds plan)',
      },
    ]);
    const html = renderComparisonReport({ scenario, comparison, lang: 'sv' });
    expect(html).not.toContain('(as planned)');
    const group = parse(html).querySelector('.warnings li strong')!;
    expect(group.text).toBe('Vingåker kommun (Paketbygds plan)');
  });
});
