import type { Plan } from '@paketbygd/model';
import { t } from '@paketbygd/report';
import { num } from '../../i18n/format';
import { lang, w } from '../../i18n/lang';
import { esc } from '../../ui/html';

/** The plan's warnings and what it could not serve. */
export function warningList(plan: Plan): string {
  const notes = [
    ...plan.warnings,
    ...plan.unserved.map((u) =>
      w().unservedNote(u.demandId, num(u.parcelsPerWeek, 1), `${u.reason}${u.detail ? `: ${u.detail}` : ''}`),
    ),
  ];
  return notes.length
    ? `<h3>${esc(t(lang()).common.warnings(notes.length).replace(/^⚠ /, ''))}</h3><ul class="warnings"${lang() === 'en' ? '' : ' lang="en"'}>${notes.map((x) => `<li>${esc(x)}</li>`).join('')}</ul>`
    : '';
}
