import { t } from '@paketbygd/report';
import { lang } from '../../i18n/lang';
import { englishAttr } from '../../ui/english';
import { esc } from '../../ui/html';
import type { CompareContext } from './context';

/** Disqualified bids and abnormally low prices first, then the plans' own remarks (in English). */
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
  return (
    (flags ? `<ul class="flags">${flags}</ul>` : '') +
    (result.warnings.length
      ? `<details><summary>${esc(t(lang()).common.warnings(result.warnings.length))}</summary><ul class="warnings"${englishAttr()}>${result.warnings.map((x) => `<li>${esc(x)}</li>`).join('')}</ul></details>`
      : '')
  );
}
