import { num } from '../../i18n/format';
import { barChart } from './bar-chart';
import type { CompareContext } from './context';
import { ROWS, rowLabel } from './rows';

/** The score chart (when scored), then coverage, cost and CO₂. */
export function compareCharts({ result, words, label, scoreOf, colour }: CompareContext): string {
  const entries = result.entries;
  const charts = ROWS.filter((r) => r.chart).map((r) =>
    barChart(
      rowLabel(r.label),
      entries.map((e) => ({
        label: label.get(e.id) ?? e.id,
        value: r.value(e),
        text: r.show(r.value(e), result.currency),
        colour: colour.get(e.id)!,
      })),
    ),
  );
  const scoring = result.scoring;
  if (scoring) {
    const scored = entries.filter((e) => scoreOf.has(e.id));
    charts.unshift(
      barChart(
        `${words.sections.scores} (${words.models[scoring.model]?.name ?? scoring.model})`,
        scored.map((e) => ({
          label: label.get(e.id) ?? e.id,
          value: scoreOf.get(e.id)!.total,
          text: num(scoreOf.get(e.id)!.total, 1),
          colour: colour.get(e.id)!,
        })),
      ),
    );
  }
  return charts.join('');
}
