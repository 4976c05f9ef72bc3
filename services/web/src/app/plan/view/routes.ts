import type { Plan, Scenario } from '@paketbygd/model';
import { dayName, t } from '@paketbygd/report';
import { clock, hours, km, minutes, money, num } from '../../i18n/format';
import { lang, w } from '../../i18n/lang';
import { COLOURS } from '../../map/colours';
import { esc } from '../../ui/html';

/** A van stop's kind (hub, box, home) in the page's language. */
const stopKind = (kind: 'hub' | 'box' | 'home'): string =>
  kind === 'home' ? w().homeDelivered : (w().kinds[kind] ?? kind).toLowerCase();

/** One route, folded: its colour and summary (markup, escaped by the caller), then its stops. */
function routeBlock(
  kind: 'carrier' | 'van',
  id: string,
  colour: string,
  summary: string,
  stops: string,
): string {
  return `<details class="route" data-route="${kind}" data-route-id="${esc(id)}">
        <summary><span class="swatch" style="background:${colour}"></span>${summary}</summary>
        <ol class="stops">${stops}</ol>
      </details>`;
}

/** Existing transports carrying parcels, each with its stops (times as the timetable has them). */
function carrierList(plan: Plan, routeName: (id: string) => string): string {
  return plan.carrierRoutes
    .map((r, i) => {
      const colour = COLOURS.carrier[i % COLOURS.carrier.length]!;
      const stops = r.stops
        .map(
          (s) =>
            `<li><span class="time">${esc(s.time)}</span> ${esc(s.name)}${s.boxSiteId ? ` <strong>${esc(w().parcelBox)}</strong>` : ''}</li>`,
        )
        .join('');
      const summary = `${esc(routeName(r.routeId))} —
          ${esc(w().carrierSummary(r.days.map((d) => dayName(d, 'short', lang())).join(', '), r.boxSiteIds.length, num(r.parcelsPerTrip, 1), minutes(r.detourSPerTrip), money(r.costPerWeek, plan.currency)))}`;
      return routeBlock('carrier', r.routeId, colour, summary, stops);
    })
    .join('');
}

/** Van routes, each with its stops and arrival times. */
function vanList(scenario: Scenario, plan: Plan): string {
  const vehicles = new Map(scenario.vehicles.map((v) => [v.id, v]));
  return plan.vanRoutes
    .map((r, i) => {
      const colour = COLOURS.van[i % COLOURS.van.length]!;
      const stops = r.stops
        .map(
          (s) =>
            `<li><span class="time">${clock(s.arrivalS)}</span> ${esc(s.name ?? s.at)} (${esc(stopKind(s.kind))}${s.kind === 'hub' ? '' : `, ${esc(w().stopParcels(num(s.parcels)))}`})</li>`,
        )
        .join('');
      const summary = esc(
        w().vanSummary(
          vehicles.get(r.vehicleId)?.name ?? r.vehicleId,
          dayName(r.day, 'long', lang()),
          km(r.distanceM),
          hours(r.durationS),
          money(r.cost, plan.currency),
        ),
      );
      return routeBlock('van', `${r.vehicleId}-${r.day}`, colour, summary, stops);
    })
    .join('');
}

/** The plan's routes: existing transports first, then vans; a sentence when there are none. */
export function routeList(scenario: Scenario, plan: Plan, routeName: (id: string) => string): string {
  const carrierHtml = carrierList(plan, routeName);
  const vanHtml = vanList(scenario, plan);
  if (!carrierHtml && !vanHtml) return `<p>${esc(w().noRoutes)}</p>`;
  return `${carrierHtml ? `<h4>${esc(t(lang()).tables.carriersCaption)}</h4>${carrierHtml}` : ''}${vanHtml ? `<h4>${esc(t(lang()).tables.vansCaption)}</h4>${vanHtml}` : ''}`;
}
