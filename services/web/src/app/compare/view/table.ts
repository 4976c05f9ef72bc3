import { num } from '../../i18n/format';
import { pw } from '../../i18n/page-words';
import { esc } from '../../ui/html';
import type { CompareContext } from './context';
import { ROWS, rowLabel, type Entry } from './rows';

/** An entry's column head, with its kind and its flags (disqualified, abnormally low, unfilled boxes). */
function columnHead(e: Entry, { words, label }: CompareContext): string {
  return `<th scope="col" class="num" data-entry="${esc(e.id)}">${esc(label.get(e.id))}<br><small>${esc(words.kinds[e.kind] ?? e.kind)}</small>${
    e.disqualified
      ? `<br><span class="tag warn" data-status="disqualified">${esc(words.disqualified)}</span>`
      : ''
  }${e.abnormallyLow ? `<br><span class="tag warn" data-status="abnormally-low">${esc(words.abnormallyLowTag)}</span>` : ''}${
    e.unfilledBoxSiteIds.length > 0
      ? `<br><span class="tag warn" data-status="unfilled">${esc(words.unfilledFlag(e.boxSiteIds.length - e.unfilledBoxSiteIds.length, e.boxSiteIds.length))}</span>`
      : ''
  }</th>`;
}

/** One key figure per row; today is shown for reference, the best among the plans and bids marked. */
function figureRows({ result }: CompareContext): string[] {
  const entries = result.entries;
  return ROWS.map((r) => {
    const values = entries.map((e) => r.value(e));
    const contenders = values.filter((_, i) => entries[i]!.kind !== 'today');
    const best = r.higherIsBetter ? Math.max(...contenders) : Math.min(...contenders);
    const isBest = (v: number, i: number) =>
      v === best && contenders.length > 1 && entries[i]!.kind !== 'today';
    return `<tr><th scope="row">${esc(rowLabel(r.label))}</th>${values
      .map(
        (v, i) =>
          `<td class="num${isBest(v, i) ? ' winner' : ''}">${esc(r.show(v, result.currency))}${isBest(v, i) ? `<span class="visually-hidden"> ${esc(pw().best)}</span>` : ''}</td>`,
      )
      .join('')}</tr>`;
  });
}

/** The scores row: total and rank, when the comparison was scored. */
function scoreRow({ result, words, scoreOf }: CompareContext): string[] {
  const scoring = result.scoring;
  if (!scoring) return [];
  return [
    `<tr><th scope="row">${esc(words.sections.scores)} (${esc(words.ofPoints('', num(scoring.maxPoints)).trim())})</th>${result.entries
      .map((e) => {
        const s = scoreOf.get(e.id);
        return `<td class="num${s?.rank === 1 ? ' winner' : ''}">${s ? `${num(s.total, 1)} (#${s.rank})` : '–'}</td>`;
      })
      .join('')}</tr>`,
  ];
}

/** The key-figure table, one column per entry. */
export function compareTable(c: CompareContext): string {
  const head = c.result.entries.map((e) => columnHead(e, c)).join('');
  const rows = [...figureRows(c), ...scoreRow(c)];
  return `<caption class="visually-hidden">${esc(c.words.kpiCaption)}</caption>
    <thead><tr><th scope="col">${esc(c.words.keyFigure)}</th>${head}</tr></thead><tbody>${rows.join('')}</tbody>`;
}
