import type { ComparisonResult } from '@paketbygd/model';
import {
  entryLabel,
  failedRequirements,
  formatMoney,
  formatShare,
  formatTotal,
  sensitivityCaseText,
  t,
  withLang,
  type Lang,
} from '@paketbygd/report';
import { wroteLines } from './plan-summary';
import { plainSpaces } from './text-columns';

type Scoring = NonNullable<ComparisonResult['scoring']>;

/** The ranking, who is out and why, and whether the winner holds. */
function scoringLines(result: ComparisonResult, scoring: Scoring): string[] {
  const m = t().cli;
  const label = new Map(result.entries.map((e) => [e.id, entryLabel(e)]));
  const currency = result.currency;
  const flips = scoring.sensitivity.filter((s) => s.winnerChanges);
  return [
    m.scores(t().comparison.models[scoring.model]?.name ?? scoring.model),
    ...scoring.scores.map(
      (s) => `  ${s.rank}. ${label.get(s.id)}: ${formatTotal(scoring, s.total, currency)}`,
    ),
    ...result.entries
      .filter((e) => e.disqualified)
      .map((e) => `  ${m.disqualified(label.get(e.id)!, failedRequirements(e, scoring, currency))}`),
    ...result.entries.filter((e) => e.abnormallyLow).map((e) => `  ${m.abnormallyLow(label.get(e.id)!)}`),
    flips.length
      ? m.winnerChangesWhen(flips.map((f) => sensitivityCaseText(scoring, f).text).join('; '))
      : m.winnerHolds,
  ];
}

/** Each entry's coverage and cost, for a comparison without scoring. */
function entryLines(result: ComparisonResult): string[] {
  return result.entries.map(
    (e) =>
      `  ${t().cli.entrySummary(
        entryLabel(e),
        formatShare(e.kpis.access.coveredPopulationShare),
        formatMoney(e.kpis.costPerWeek.total, result.currency),
      )}`,
  );
}

/** What `compare` prints when it is done, in the language. */
export function compareSummary(result: ComparisonResult, files: readonly string[], lang: Lang): string {
  const lines = withLang(lang, () => [
    '',
    ...(result.scoring ? scoringLines(result, result.scoring) : entryLines(result)),
    '',
    wroteLines(files, lang),
  ]);
  return `${plainSpaces(lines.join('\n'))}\n`;
}
