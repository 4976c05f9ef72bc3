import type { Plan, Scenario } from '@paketbygd/model';
import { formatPercent, planWarningTexts, t, withLang, type Lang } from '@paketbygd/report';
import { kpiTable } from './kpi-table';
import { plainSpaces } from './text-columns';

/** "wrote a" and the other files under it, in the language. */
export function wroteLines(files: readonly string[], lang: Lang): string {
  const word = t(lang).cli.wrote;
  return files.map((file, k) => `${k === 0 ? word : ' '.repeat([...word].length)} ${file}`).join('\n');
}

function boxesLine(plan: Plan): string {
  const m = t().cli;
  const boxes = plan.boxes.map((b) => {
    const by = b.filledBy.kind === 'carrier' ? b.filledBy.routeId : m.filledBy[b.filledBy.kind];
    return `${b.name ?? b.siteId} (${by})`;
  });
  return m.boxes(boxes.join(', ') || t().common.none);
}

function placementLine(plan: Plan): string {
  const m = t().cli;
  const { status, gapPct } = plan.placement;
  return m.placement(
    m.placementStatus[status] ?? status,
    gapPct !== null ? formatPercent(gapPct, 2) : undefined,
  );
}

/** What `plan` prints when it is done: the key figures, the boxes, the placement, the warnings and the files. */
export function planSummary(scenario: Scenario, plan: Plan, files: readonly string[], lang: Lang): string {
  const lines = withLang(lang, () => [
    '',
    scenario.name,
    '',
    kpiTable(scenario, plan, lang),
    '',
    boxesLine(plan),
    placementLine(plan),
    // In the report's language, most important first, as the report lists them.
    ...planWarningTexts(scenario, plan, lang).map((w) => t().cli.warning(w)),
    '',
    wroteLines(files, lang),
  ]);
  return `${plainSpaces(lines.join('\n'))}\n`;
}
