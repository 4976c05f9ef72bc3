import type { LonLat, Plan, Scenario } from '@paketbygd/model';
import { formatCount, formatNumber } from './format';
import { html, type SafeHtml } from './html';
import { accessLimitText } from './kpi-cards';
import type { Names } from './lookup';
import { COLOURS } from './palette';
import { px } from './projection';
import { t } from './i18n';

const LOSS_MAX_RADIUS_PX = 26;
const LOSS_MIN_RADIUS_PX = 5;

/**
 * Under each of today's points, a circle whose area grows with the people who lose their point
 * within the access limit if it closes (the plan's "before" analysis); none where nobody would.
 */
export function closureLossLayer(
  scenario: Scenario,
  plan: Plan,
  project: (p: LonLat) => [number, number],
  names: Names,
): SafeHtml {
  const closures = (plan.accessAnalysis?.before.closures ?? []).filter((c) => c.peopleLosingAccess > 0);
  if (closures.length === 0) return html``;
  const where = new Map(scenario.pickupPoints.map((p) => [p.id, p.location]));
  const maxLoss = Math.max(...closures.map((c) => c.peopleLosingAccess));
  const limit = accessLimitText(scenario);
  const circles = closures.flatMap((c) => {
    const location = where.get(c.pickupId);
    if (!location) return [];
    const [x, y] = project(location);
    const r = Math.max(LOSS_MIN_RADIUS_PX, LOSS_MAX_RADIUS_PX * Math.sqrt(c.peopleLosingAccess / maxLoss));
    const title = t().access.mapLossTitle(
      names.place(c.pickupId),
      formatCount(c.peopleLosingAccess),
      limit,
      formatNumber(c.extraHouseholdKmPerWeek),
    );
    return [
      html`<circle data-kind="closure-loss" data-id="${c.pickupId}" data-people="${Math.round(c.peopleLosingAccess)}" cx="${px(x)}" cy="${px(y)}" r="${px(r)}" fill="${COLOURS.closureLoss}" fill-opacity="0.22" stroke="${COLOURS.closureLoss}" stroke-width="1.5"><title>${title}</title></circle>`,
    ];
  });
  return html`<g class="closure-loss">${circles}</g>`;
}

/** The legend's symbol and label for the layer, or undefined when the map has none. */
export function closureLossLegend(plan: Plan): { symbol: SafeHtml; label: string } | undefined {
  if (!(plan.accessAnalysis?.before.closures ?? []).some((c) => c.peopleLosingAccess > 0)) return undefined;
  return {
    symbol: html`<circle cx="14" cy="8" r="6" fill="${COLOURS.closureLoss}" fill-opacity="0.22" stroke="${COLOURS.closureLoss}" stroke-width="1.5"/>`,
    label: t().access.mapLossLegend,
  };
}
