import type { ComparisonResult } from '@paketbygd/model';
import { comparisonWarningTexts, t } from '@paketbygd/report';
import { lang } from '../../i18n/lang';
import { state } from '../../state/state';
import { langAttr } from '../../ui/english';
import { esc } from '../../ui/html';
import type { CompareContext } from './context';

/** Disqualified bids and abnormally low prices first, then the plans' own remarks. */
export function compareWarnings({ result, words, label }: CompareContext): string {
  const flags = result.entries
    .filter((e) => e.disqualified || e.abnormallyLow)
    .map(
      (e) =>
        `<li data-id="${esc(e.id)}"><strong>${esc(label.get(e.id))}</strong>: ${esc(
          [e.disqualified ? words.flagDisqualified : '', e.abnormallyLow ? words.flagLow : '']
            .filter(Boolean)
            .join('; '),
        )}</li>`,
    )
    .join('');
  return (flags ? `<ul class="flags">${flags}</ul>` : '') + remarks(result);
}

/**
 * The plans' remarks, most important first, as the comparison report words them in the page's
 * language (from their codes); a sentence the planner wrote without a code stays English, marked so.
 */
function remarks(result: ComparisonResult): string {
  const list = state.scenario
    ? comparisonWarningTexts(state.scenario, result, lang())
    : result.warnings.map((text) => ({ text, lang: 'en' as const, entry: undefined }));
  if (list.length === 0) return '';
  const items = list.map(
    (x) =>
      `<li${langAttr(x)}>${x.entry !== undefined ? `<strong>${esc(x.entry)}</strong>: ` : ''}${esc(x.text)}</li>`,
  );
  return `<details><summary>${esc(t(lang()).common.warnings(list.length))}</summary><ul class="warnings">${items.join('')}</ul></details>`;
}
