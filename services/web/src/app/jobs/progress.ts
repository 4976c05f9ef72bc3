import type { JobView } from '../api/client';
import { num } from '../i18n/format';
import { lang } from '../i18n/lang';
import { jobStateWord, pw } from '../i18n/page-words';

/**
 * The status line of a running job: state, percent, the worker's message, the best cost so far.
 * The worker's message is its own English sentence; in another language it is marked `lang="en"`
 * for screen readers.
 */
export function showProgress(
  line: HTMLElement,
  view: Pick<JobView, 'state' | 'progress'>,
  currency: string,
): void {
  const p = view.progress;
  const parts: (string | HTMLElement)[] = [jobStateWord(view.state)];
  if (p) {
    parts.push(`${num(p.percent)}\u00a0%`);
    if (p.message) {
      const message = document.createElement('span');
      message.textContent = p.message;
      if (lang() !== 'en') message.lang = 'en';
      parts.push(message);
    }
    if (p.bestCost !== undefined) parts.push(pw().bestCostSoFar(`${num(p.bestCost)}\u00a0${currency}`));
  }
  line.replaceChildren(...parts.flatMap((part, i) => (i === 0 ? [part] : [' — ', part])));
}
