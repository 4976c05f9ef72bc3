import { html, type SafeHtml } from './html';

/**
 * The warnings box at the top of a report. A comparison's planner prefixes each entry's
 * warnings with the entry's label ("Bidder AB: coverage after is …"); those are grouped under
 * the label, and the warnings about the comparison itself (such as the relative model's) come
 * first, so that a dozen plan warnings cannot bury them.
 */
export function renderWarnings(list: readonly string[], entryLabels: readonly string[] = []): SafeHtml {
  if (list.length === 0) return html``;
  const labels = [...entryLabels].sort((a, b) => b.length - a.length);
  const general: string[] = [];
  const byEntry = new Map<string, string[]>();
  for (const w of list) {
    const label = labels.find((l) => w.startsWith(`${l}: `));
    if (label === undefined) general.push(w);
    else byEntry.set(label, [...(byEntry.get(label) ?? []), w.slice(label.length + 2)]);
  }
  const grouped = entryLabels
    .filter((l) => byEntry.has(l))
    .map(
      (l) =>
        html`<li><strong>${l}</strong><ul>${(byEntry.get(l) ?? []).map((w) => html`<li>${w}</li>`)}</ul></li>`,
    );
  return html`<section class="warnings" role="note" aria-labelledby="warnings-title"><h2 id="warnings-title">⚠ Warnings (${list.length})</h2><ul>${general.map((w) => html`<li>${w}</li>`)}${grouped}</ul></section>`;
}
