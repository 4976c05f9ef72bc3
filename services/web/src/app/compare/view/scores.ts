import type { ComparisonResult } from '@paketbygd/model';
import { criterionExplanation } from '@paketbygd/report';
import { num, pct } from '../../i18n/format';
import { lang, w } from '../../i18n/lang';
import { langAttr } from '../../ui/english';
import { esc } from '../../ui/html';
import type { CompareContext } from './context';

type Scoring = NonNullable<ComparisonResult['scoring']>;

/** One entry's score, folded, with its breakdown per criterion (the winner's open). */
function scoreDetails(
  s: Scoring['scores'][number],
  scoring: Scoring,
  { result, words, label }: CompareContext,
): string {
  const crit = s.criteria
    .map((c) => {
      // Worded as the comparison report words it, in the page's language.
      const why = criterionExplanation(result, s.id, c, lang());
      return `<tr><th scope="row">${esc(c.criterionId)}</th><td>${esc(words.measures[c.measure] ?? c.measure)}</td><td class="num">${num(c.value, 3)}</td>
              <td class="num">${pct(c.fulfilment)}</td><td class="num">${num(c.contribution, 2)}</td><td${langAttr(why)}>${esc(why.text)}</td></tr>`;
    })
    .join('');
  const h = w().cmpHead;
  return `<details class="route score" data-score="${esc(s.id)}" ${s.rank === 1 ? 'open' : ''}>
          <summary><strong>#${s.rank}</strong> ${esc(label.get(s.id) ?? s.id)}: <strong>${esc(words.ofPoints(num(s.total, 1), num(scoring.maxPoints)))}</strong></summary>
          <div class="table-wrap"><table><thead><tr><th scope="col">${esc(h[0])}</th><th scope="col">${esc(h[1])}</th><th scope="col" class="num">${esc(h[2])}</th>
          <th scope="col" class="num">${esc(h[3])}</th><th scope="col" class="num">${esc(h[4])}</th><th scope="col">${esc(h[5])}</th></tr></thead>
          <tbody>${crit}</tbody></table></div></details>`;
}

/** The scores, best first. */
export function compareScores(c: CompareContext): string {
  const scoring = c.result.scoring;
  if (!scoring) return `<p>${esc(c.words.unscored)}</p>`;
  return [...scoring.scores]
    .sort((a, b) => a.rank - b.rank)
    .map((s) => scoreDetails(s, scoring, c))
    .join('');
}
