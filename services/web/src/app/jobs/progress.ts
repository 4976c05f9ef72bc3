import type { JobView } from '../api/client';
import { num } from '../i18n/format';

/** The status line of a running job: state, percent, the worker's message, the best cost so far. */
export function progressText(view: Pick<JobView, 'state' | 'progress'>, currency: string): string {
  const p = view.progress;
  const parts = [`${view.state}`];
  if (p) {
    parts.push(`${num(p.percent)} %`);
    if (p.message) parts.push(p.message);
    if (p.bestCost !== undefined) parts.push(`best cost so far ${num(p.bestCost)} ${currency}`);
  }
  return parts.join(' — ');
}
