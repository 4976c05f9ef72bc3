import type { Plan, Scenario } from '@paketbygd/model';
import { kpiDefinitions, t, withLang, type Lang } from '@paketbygd/report';
import { plainSpaces, textColumns } from './text-columns';

/**
 * The before/after summary printed at the end of `plan`: the report's key figures, with its titles,
 * number formats and changes, in its language.
 */
export function kpiTable(scenario: Scenario, plan: Pick<Plan, 'kpis' | 'currency'>, lang: Lang): string {
  return withLang(lang, () => {
    const { before, after } = plan.kpis;
    const m = t();
    const rows = kpiDefinitions(scenario, plan.currency).map((def) => {
      const valueBefore = def.value(before);
      const valueAfter = def.value(after);
      return [
        def.title,
        def.format(valueBefore),
        def.format(valueAfter),
        def.formatDelta(valueAfter - valueBefore),
      ];
    });
    const head = [m.comparison.keyFigure, m.common.today, m.common.afterPlan, m.cli.change];
    return plainSpaces(textColumns([head, ...rows], (c) => c > 0, true));
  });
}
