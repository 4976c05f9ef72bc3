import { CriterionMeasure, type ComparisonResult } from '@paketbygd/model';
import { BOOLEAN_MEASURES, formatMeasure } from './comparison-words';
import { currentLang, t, withLang, type Lang } from './i18n';

/**
 * What a comparison scored on each measure, worded: the figure, and where a bid promised more than
 * its plan delivers, the promise and the gap. The comparison report's measures table and the web
 * page's Compare tab both show it from here.
 */

type Entry = ComparisonResult['entries'][number];

/** One entry's figure on one measure. */
export interface ScoredFigure {
  entryId: string;
  /** The figure that was scored, or '–' where the entry has none. */
  value: string;
  /** Where the bid promised more than it delivers: "promised 7" and "gap 5" in the language. */
  overPromise?: { promised: string; gap: string };
}

export interface ScoredMeasureRow {
  measure: CriterionMeasure;
  /** The measure's name in the language. */
  label: string;
  /** One per entry, in the comparison's order. */
  figures: ScoredFigure[];
}

export interface ScoredMeasures {
  /** What the table shows: the plan's figures with the promises beside them, or the promises. */
  caption: string;
  /** The head of the measures' column. */
  measureHead: string;
  /** The measures some entry has, in the model's order; none when nothing was measured. */
  rows: ScoredMeasureRow[];
}

/** A measure's name in the language being rendered. */
export function measureLabel(m: CriterionMeasure): string {
  return t().comparison.measures[m] ?? m;
}

function figureOf(e: Entry, measure: CriterionMeasure, currency: string): ScoredFigure {
  const m = t().comparison;
  const v = e.measures[measure];
  if (v === undefined) return { entryId: e.id, value: '–' };
  const format = (x: number) => formatMeasure(measure, x, currency);
  const promised = e.promised[measure];
  if (promised === undefined || promised <= v + 1e-9) return { entryId: e.id, value: format(v) };
  const gap = BOOLEAN_MEASURES.has(measure) ? m.notDelivered : format(promised - v);
  return {
    entryId: e.id,
    value: format(v),
    overPromise: { promised: m.promised(format(promised)), gap: m.gap(gap) },
  };
}

function wordMeasures(comparison: ComparisonResult): ScoredMeasures {
  const m = t().comparison;
  const present = CriterionMeasure.options.filter((x) =>
    comparison.entries.some((e) => e.measures[x] !== undefined),
  );
  return {
    caption: m.measuresCaption((comparison.scoring?.scoreOn ?? 'plan') === 'plan'),
    measureHead: m.measure,
    rows: present.map((measure) => ({
      measure,
      label: measureLabel(measure),
      figures: comparison.entries.map((e) => figureOf(e, measure, comparison.currency)),
    })),
  };
}

/** The scored figures of every entry on every measure, in a language (default: the one being rendered). */
export function scoredMeasures(comparison: ComparisonResult, lang: Lang = currentLang()): ScoredMeasures {
  return withLang(lang, () => wordMeasures(comparison));
}
