import { w } from '../i18n/lang';
import { $ } from '../ui/dom';
import { renderMapList } from './list';
import type { PlanMap } from './plan-map';

/** After the map changed: the table beside it, and the map's name says what it shows now. */
export function describeMap(map: PlanMap, what: string): void {
  renderMapList($<HTMLTableElement>('map-list'), map);
  $('map').setAttribute('aria-label', w().mapOf(what, map.summary()));
  $('map-list-summary').textContent = w().mapTableN(map.entries.length);
  $('map-features').dataset.filled = String(map.entries.length > 0);
  $('map-features').hidden = map.entries.length === 0 || document.body.dataset.tab === 'compare';
}
