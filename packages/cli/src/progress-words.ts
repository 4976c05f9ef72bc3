import type { CompareStep, PlanProgress } from '@paketbygd/planner';
import { entryLabel, formatPercent, t, withLang, type Lang } from '@paketbygd/report';
import { plainSpaces } from './text-columns';

/** A plan's step in the language, from the planner's step id and figures (not its English message). */
export function planProgressText(p: PlanProgress, lang: Lang): string {
  const m = t(lang).cli.progress;
  return p.step === 'travel' ? m.travel(p.travel.points, p.travel.backend) : m[p.step];
}

/** Where a comparison stands, in the language. */
export function compareProgressText(s: CompareStep, lang: Lang): string {
  return withLang(lang, () => {
    const m = t().cli.progress;
    if (s.step === 'plan') return m.planning(entryLabel(s.entry));
    if (s.step === 'done') return m.done;
    const sign = s.change > 0 ? '+' : '−';
    return plainSpaces(m.demand(`${sign}${formatPercent(Math.abs(s.change) * 100, 0)}`));
  });
}
