import type { JobView } from '../api/client';
import { num } from '../i18n/format';
import { jobStateWord, pw } from '../i18n/page-words';

/** The status line of a running job: state, percent, the worker's message, the best cost so far. */
export function progressText(view: Pick<JobView, 'state' | 'progress'>, currency: string): string {
  const p = view.progress;
  const parts = [jobStateWord(view.state)];
  if (p) {
    parts.push(`${num(p.percent)}\u00a0%`);
    if (p.message) parts.push(p.message);
    if (p.bestCost !== undefined) parts.push(pw().bestCostSoFar(`${num(p.bestCost)}\u00a0${currency}`));
  }
  return parts.join(' — ');
}
