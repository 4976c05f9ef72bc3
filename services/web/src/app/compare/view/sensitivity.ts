import type { ComparisonResult } from '@paketbygd/model';
import { sensitivityCaseText, t } from '@paketbygd/report';
import { num } from '../../i18n/format';
import { lang } from '../../i18n/lang';
import { langAttr } from '../../ui/english';
import { esc } from '../../ui/html';
import type { CompareContext } from './context';

type Scoring = NonNullable<ComparisonResult['scoring']>;
type Case = Scoring['sensitivity'][number];

/** One case: what moved, the ranking, the first against the second with the margin. */
function caseRow(s: Case, scoring: Scoring, { words, label }: CompareContext): string {
  // Worded as the comparison report words it, in the page's language.
  const what = sensitivityCaseText(scoring, s, lang());
  const lead =
    s.ranking.length > 1 && s.totals[s.ranking[0]!] !== undefined
      ? esc(words.against(num(s.totals[s.ranking[0]!]!, 1), num(s.totals[s.ranking[1]!]!, 1))) +
        `<br><small>${esc(words.margin(num(s.margin, 1)))}</small>`
      : '–';
  return `<tr class="${s.winnerChanges ? 'winner' : ''}"><td${langAttr(what)}>${esc(what.text)}</td><td class="num">${s.change > 0 ? '+' : ''}${num(s.change * 100)}\u00a0%</td>
          <td>${esc(s.ranking.map((id) => label.get(id) ?? id).join(' › '))}</td><td class="num">${lead}</td><td>${s.winnerChanges ? esc(t(lang()).common.yes) : esc(t(lang()).common.no)}</td></tr>`;
}

/** Whether the winner holds when a weight or the demand moves, and that other weights are rescaled. */
export function compareSensitivity(c: CompareContext): string {
  const { words } = c;
  const scoring = c.result.scoring;
  if (!scoring) return `<p>${esc(words.noSensitivity)}</p>`;
  const flips = scoring.sensitivity.filter((s) => s.winnerChanges).length;
  const rescaled = scoring.sensitivity.some((s) => s.othersRescaled) ? ` ${words.rescaled}` : '';
  const h = words.sensitivityHead;
  return `<p id="sensitivity-summary">${esc(
    flips === 0 ? words.sameWinner : `${words.winnerChanges(flips, scoring.sensitivity.length)}.`,
  )}${esc(rescaled)}</p>
      <div class="table-wrap"><table id="sensitivity-table"><thead><tr><th scope="col">${esc(h[0])}</th><th scope="col" class="num">${esc(h[1])}</th>
      <th scope="col">${esc(h[2])}</th><th scope="col" class="num">${esc(h[3])}</th><th scope="col">${esc(h[4])}</th></tr></thead><tbody>${scoring.sensitivity.map((s) => caseRow(s, scoring, c)).join('')}</tbody></table></div>`;
}
