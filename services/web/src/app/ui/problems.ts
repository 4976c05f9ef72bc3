import type { Problem } from '@paketbygd/model';
import { ApiError } from '../api/client';
import { pw } from '../i18n/page-words';
import { esc } from './html';

/** Lists problems as `path: message` under a title in a box; no problems hide the box. */
export function showProblems(box: HTMLElement, title: string, problems: Problem[]): void {
  if (problems.length === 0) {
    box.hidden = true;
    box.innerHTML = '';
    return;
  }
  box.hidden = false;
  box.innerHTML = `<strong>${esc(title)}</strong><ul>${problems
    .slice(0, 50)
    .map((p) => `<li data-path="${esc(p.path)}"><code>${esc(p.path)}</code>: ${esc(p.message)}</li>`)
    .join('')}${problems.length > 50 ? `<li>${esc(pw().andMore(problems.length - 50))}</li>` : ''}</ul>`;
}

/** An error as problems: the API's own list, or one line with the HTTP status or "error". */
export const errorProblems = (error: unknown): Problem[] =>
  error instanceof ApiError && error.problems.length > 0
    ? error.problems
    : [
        {
          path: error instanceof ApiError ? `HTTP ${error.status}` : 'error',
          message: (error as Error).message,
        },
      ];
