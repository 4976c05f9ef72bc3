import type { Plan, Scenario } from '@paketbygd/model';
import { t } from '@paketbygd/report';
import { minutes, num, pct } from '../../i18n/format';
import { lang, w } from '../../i18n/lang';
import { esc } from '../../ui/html';

function filledBy(box: Plan['boxes'][number], routeName: (id: string) => string): string {
  const f = box.filledBy;
  switch (f.kind) {
    case 'carrier':
      return esc(
        w().filledCarrier(routeName(f.routeId), num(f.deliveriesPerWeek), minutes(f.detourSPerTrip)),
      );
    case 'van':
      return esc(w().filledVan(f.vehicleId, num(f.deliveriesPerWeek)));
    default:
      return esc(w().notFilled(f.reason));
  }
}

/** The table of the boxes the plan opens: site and host, households, utilisation, what fills it. */
export function boxTable(scenario: Scenario, plan: Plan, routeName: (id: string) => string): string {
  const sites = new Map(scenario.candidateSites.map((c) => [c.id, c]));
  const boxRows = plan.boxes
    .map((b) => {
      const site = sites.get(b.siteId);
      return `<tr data-box="${esc(b.siteId)}">
        <th scope="row">${esc(b.name ?? site?.name ?? b.siteId)}<small>${esc(site ? (t(lang()).tables.hosts[site.host] ?? site.host) : '')}</small></th>
        <td class="num">${num(b.households)}<small>${esc(w().parcelsWk(num(b.parcelsPerWeek, 1)))}</small></td>
        <td class="num">${pct(b.utilisation)}</td>
        <td>${filledBy(b, routeName)}</td>
      </tr>`;
    })
    .join('');
  const h = w().boxHead;
  return `<caption class="visually-hidden">${esc(w().boxCaption)}</caption>
    <thead><tr><th scope="col">${esc(h[0])}</th><th scope="col" class="num">${esc(h[1])}</th>
    <th scope="col" class="num">${esc(h[2])}</th><th scope="col">${esc(h[3])}</th></tr></thead>
    <tbody>${boxRows || `<tr><td colspan="4">${esc(t(lang()).tables.noBoxes)}</td></tr>`}</tbody>`;
}
