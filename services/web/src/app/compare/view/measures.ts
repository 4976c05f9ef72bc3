import type { CriterionMeasure } from '@paketbygd/model';
import { scoredMeasures, type ScoredFigure } from '@paketbygd/report';
import { lang, w } from '../../i18n/lang';
import { esc } from '../../ui/html';
import type { CompareContext } from './context';

/** One entry's scored figure; where the bid promised more, its promise and the gap under it. */
function figureCell(f: ScoredFigure, measure: CriterionMeasure): string {
  if (!f.overPromise) return `<td class="num">${esc(f.value)}</td>`;
  return `<td class="num over-promise" data-entry="${esc(f.entryId)}" data-measure="${esc(measure)}"><strong>${esc(f.value)}</strong><small>${esc(f.overPromise.promised)}</small><small class="gap">${esc(f.overPromise.gap)}</small></td>`;
}

/**
 * What was scored on each measure, as the comparison report's measures table shows it (the same
 * words, in the page's language): a bid scored on what its plan delivers shows its promise beside.
 */
export function compareMeasures({ result, label }: CompareContext): string {
  const { caption, measureHead, rows } = scoredMeasures(result, lang());
  if (rows.length === 0) return '';
  const heads = result.entries
    .map((e) => `<th scope="col" class="num" data-entry="${esc(e.id)}">${esc(label.get(e.id) ?? e.id)}</th>`)
    .join('');
  const body = rows
    .map(
      (r) =>
        `<tr data-measure="${esc(r.measure)}"><th scope="row">${esc(r.label)}</th>${r.figures.map((f) => figureCell(f, r.measure)).join('')}</tr>`,
    )
    .join('');
  return `<h3>${esc(w().scored)}</h3>
    <div class="table-wrap"><table id="measures-table"><caption>${esc(caption)}</caption>
    <thead><tr><th scope="col">${esc(measureHead)}</th>${heads}</tr></thead><tbody>${body}</tbody></table></div>`;
}
