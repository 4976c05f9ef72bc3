import type { ComparisonResult } from '@paketbygd/model';
import { compareCharts } from './charts';
import { compareContext } from './context';
import { compareWarnings } from './flags';
import { compareMeasures } from './measures';
import { compareScores } from './scores';
import { compareSensitivity } from './sensitivity';
import { compareTable } from './table';

/** Fills the compare panel: KPI table, what was scored (promised and delivered), charts, scores with breakdown, sensitivity, flags. */
export function renderComparison(root: HTMLElement, result: ComparisonResult): void {
  const q = (sel: string) => root.querySelector<HTMLElement>(sel)!;
  const c = compareContext(result);
  q('#compare-table').innerHTML = compareTable(c);
  q('#compare-measures').innerHTML = compareMeasures(c);
  q('#compare-charts').innerHTML = compareCharts(c);
  q('#compare-scores').innerHTML = compareScores(c);
  q('#compare-sensitivity').innerHTML = compareSensitivity(c);
  q('#compare-warnings').innerHTML = compareWarnings(c);
}
