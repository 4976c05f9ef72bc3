import type { ComparisonResult } from '@paketbygd/model';
import { entryLabel, t } from '@paketbygd/report';
import { lang } from '../../i18n/lang';
import { PALETTE } from './bar-chart';

type Scoring = NonNullable<ComparisonResult['scoring']>;

/** What every part of the compare panel needs: the result, its words, each entry's label and colour. */
export interface CompareContext {
  result: ComparisonResult;
  words: ReturnType<typeof t>['comparison'];
  label: Map<string, string>;
  scoreOf: Map<string, Scoring['scores'][number]>;
  colour: Map<string, string>;
}

export function compareContext(result: ComparisonResult): CompareContext {
  const words = t(lang()).comparison;
  const entries = result.entries;
  return {
    result,
    words,
    label: new Map(entries.map((e) => [e.id, entryLabel(e, lang())])),
    scoreOf: new Map((result.scoring?.scores ?? []).map((s) => [s.id, s])),
    colour: new Map(entries.map((e, i) => [e.id, PALETTE[i % PALETTE.length]!])),
  };
}
