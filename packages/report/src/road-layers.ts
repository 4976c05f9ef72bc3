import type { AccessArea, Plan } from '@paketbygd/model';
import { formatKm, formatMinutes } from './format';
import { html, type SafeHtml } from './html';
import { COLOURS } from './palette';
import { pathOf, type Projection } from './projection';

/**
 * The plan's main roads (`plan.baseRoads`, from a road graph) as the map's lowest layer: one path,
 * thin and pale, so that routes and places drawn over it stay readable. Empty without roads.
 */
export function baseRoadLayer(plan: Pick<Plan, 'baseRoads'>, projection: Projection): SafeHtml | '' {
  const roads = plan.baseRoads ?? [];
  if (roads.length === 0) return '';
  const d = roads.map((r) => pathOf(projection, r.coordinates)).join('');
  return html`<g class="base-roads" data-kind="base-roads" data-count="${roads.length}" aria-hidden="true"><path d="${d}" fill="none" stroke="${COLOURS.baseRoad}" stroke-width="1.6" stroke-linejoin="round" stroke-linecap="round"/></g>`;
}

/** The access limit an area was drawn for, in words: "5.0 km" or "10 min". */
export function areaLimitText(area: Pick<AccessArea, 'limitM' | 'limitS'>): string {
  return area.limitM !== undefined ? formatKm(area.limitM) : formatMinutes(area.limitS ?? 0);
}

/**
 * Road isochrones of the access limit (`plan.accessAreas`): today's pickup points dashed, the new
 * boxes solid, as the rings they replace. Empty when the plan has none (the map draws rings).
 */
export function accessAreaLayer(plan: Pick<Plan, 'accessAreas'>, projection: Projection): SafeHtml | '' {
  const areas = plan.accessAreas ?? [];
  if (areas.length === 0) return '';
  const shapes = areas.map((a) => {
    const before = a.kind === 'pickup';
    const colour = before ? COLOURS.ringBefore : COLOURS.ringAfter;
    return html`<path data-kind="${before ? 'area-before' : 'area-after'}" data-id="${a.pointId}" d="${pathOf(projection, a.outline, true)}" fill="${colour}" fill-opacity="0.08" stroke="${colour}" stroke-opacity="0.6" stroke-width="1" stroke-linejoin="round"${before ? html` stroke-dasharray="4 3"` : ''}/>`;
  });
  return html`<g class="access-areas">${shapes}</g>`;
}
