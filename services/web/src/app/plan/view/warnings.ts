import type { Plan, Scenario } from '@paketbygd/model';
import { planWarningTexts, t } from '@paketbygd/report';
import { num } from '../../i18n/format';
import { lang, w } from '../../i18n/lang';
import { esc } from '../../ui/html';

/** What the plan could not serve, by place name, with the reason in the page's language. */
function unservedNotes(scenario: Scenario, plan: Plan): string[] {
  const names = new Map(scenario.demand.map((d) => [d.id, d.name ?? d.id]));
  const reasons = t(lang()).tables.unservedReasons as Record<string, string>;
  return plan.unserved.map((u) =>
    w().unservedNote(
      names.get(u.demandId) ?? u.demandId,
      num(u.parcelsPerWeek, 1),
      `${reasons[u.reason] ?? u.reason}${u.detail ? `: ${u.detail}` : ''}`,
    ),
  );
}

/**
 * The plan's warnings in the page's language, most important first (the report's own wording of
 * the planner's coded messages), then what it could not serve. A plan without codes has only
 * English sentences; those are marked `lang="en"` in a Swedish page.
 */
export function warningList(scenario: Scenario, plan: Plan): string {
  const worded = plan.messages !== undefined;
  const warnings = planWarningTexts(scenario, plan, lang());
  const notes = [...warnings, ...unservedNotes(scenario, plan)];
  if (notes.length === 0) return '';
  const english = (i: number) => !worded && i < warnings.length && lang() !== 'en';
  return `<h3>${esc(t(lang()).common.warnings(notes.length).replace(/^⚠ /, ''))}</h3><ul class="warnings">${notes
    .map((x, i) => `<li${english(i) ? ' lang="en"' : ''}>${esc(x)}</li>`)
    .join('')}</ul>`;
}
