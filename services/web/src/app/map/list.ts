import { w } from '../i18n/lang';
import { esc } from '../ui/html';
import { kindLabel, KIND_ORDER } from './entries';
import type { PlanMap } from './plan-map';

/**
 * The keyboard's way into the map: a table of everything on it, one button a row that pans the map
 * to the feature and opens its popup (native buttons: Enter and Space).
 */
export function renderMapList(table: HTMLTableElement, map: PlanMap): void {
  const rows = [...map.entries]
    .map((entry, i) => ({ entry, i }))
    .sort((a, b) => KIND_ORDER.indexOf(a.entry.kind) - KIND_ORDER.indexOf(b.entry.kind) || a.i - b.i);
  const m = w();
  table.innerHTML = `<caption class="visually-hidden">${esc(m.everything)}</caption>
    <thead><tr><th scope="col">${esc(m.head[0])}</th><th scope="col">${esc(m.head[1])}</th><th scope="col">${esc(m.head[2])}</th><th scope="col"><span class="visually-hidden">${esc(m.head[3])}</span></th></tr></thead>
    <tbody>${rows
      .map(
        ({ entry, i }) => `<tr data-kind="${esc(entry.kind)}">
        <th scope="row">${esc(entry.name)}</th><td>${esc(kindLabel(entry.kind))}</td><td>${esc(entry.detail)}</td>
        <td><button type="button" data-entry="${i}" aria-label="${esc(m.showOnMap(kindLabel(entry.kind).toLowerCase(), entry.name))}">${esc(m.show)}</button></td></tr>`,
      )
      .join('')}</tbody>`;
  table.onclick = (e) => {
    const button = (e.target as Element).closest<HTMLButtonElement>('button[data-entry]');
    const entry = button ? map.entries[Number(button.dataset.entry)] : undefined;
    if (entry) map.show(entry);
  };
}
