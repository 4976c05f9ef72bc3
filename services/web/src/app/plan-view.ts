import type { Kpis, Plan, Scenario } from '@paketbygd/model';
import { COLOURS } from './colours';
import { dayName, t } from '@paketbygd/report';
import { clock, esc, hours, km, minutes, money, num, pct } from './format';
import { lang, w } from './i18n';

interface KpiDef {
  id: string;
  /** The name in the page's language. */
  label: () => string;
  value: (k: Kpis) => number;
  show: (v: number, currency: string) => string;
  /** Whether a higher value is better (colours the change). */
  higherIsBetter: boolean;
}

export const KPI_DEFS: KpiDef[] = [
  {
    id: 'coveredPopulationShare',
    label: () => t(lang()).kpi.populationWithin(t(lang()).kpi.withinLimit),
    value: (k) => k.access.coveredPopulationShare,
    show: (v) => pct(v),
    higherIsBetter: true,
  },
  {
    id: 'meanAccessDistanceM',
    label: () => t(lang()).kpi.meanAccess,
    value: (k) => k.access.meanAccessDistanceM,
    show: (v) => km(v),
    higherIsBetter: false,
  },
  {
    id: 'p90AccessDistanceM',
    label: () => t(lang()).kpi.p90,
    value: (k) => k.access.p90AccessDistanceM,
    show: (v) => km(v),
    higherIsBetter: false,
  },
  {
    id: 'costPerWeek',
    label: () => t(lang()).kpi.costWeek,
    value: (k) => k.costPerWeek.total,
    show: (v, c) => money(v, c),
    higherIsBetter: false,
  },
  {
    id: 'costPerParcel',
    label: () => t(lang()).kpi.costParcel,
    value: (k) => k.costPerParcel,
    show: (v, c) => `${num(v, 1)}\u00a0${c}`,
    higherIsBetter: false,
  },
  {
    id: 'co2KgPerWeek',
    label: () => t(lang()).kpi.co2Week,
    value: (k) => k.co2KgPerWeek.total,
    show: (v) => `${num(v)}\u00a0kg`,
    higherIsBetter: false,
  },
  {
    id: 'householdTripKmPerWeek',
    label: () => w().householdTripKm,
    value: (k) => k.householdTripKmPerWeek,
    show: (v) => `${num(v)}\u00a0km`,
    higherIsBetter: false,
  },
  {
    id: 'vehicleKmPerWeek',
    label: () => t(lang()).kpi.vehicleKm,
    value: (k) => k.vehicleKmPerWeek,
    show: (v) => `${num(v)}\u00a0km`,
    higherIsBetter: false,
  },
  {
    id: 'parcelsInBoxesPerWeek',
    label: () => t(lang()).comparison.parcelsInBoxes,
    value: (k) => k.parcelsInBoxesPerWeek,
    show: (v) => num(v),
    higherIsBetter: true,
  },
  {
    id: 'parcelsUnservedPerWeek',
    label: () => t(lang()).kpi.unserved,
    value: (k) => k.parcelsUnservedPerWeek,
    show: (v) => num(v),
    higherIsBetter: false,
  },
];

function kpiCards(plan: Plan): string {
  const { before, after } = plan.kpis;
  return KPI_DEFS.map((d) => {
    const b = d.value(before);
    const a = d.value(after);
    const better = d.higherIsBetter ? a > b : a < b;
    const same = Math.abs(a - b) < 1e-9;
    const cls = same ? '' : better ? 'good' : 'bad';
    const arrow = same ? '' : a > b ? '▲' : '▼';
    // Better or worse in words too: the colour alone would not tell everyone.
    const word = same ? w().unchanged : better ? w().better : w().worse;
    return `<div class="kpi" data-kpi="${d.id}" role="group" aria-label="${esc(d.label())}">
      <h4>${esc(d.label())}</h4>
      <div class="after" data-after>${esc(d.show(a, plan.currency))} <span class="delta ${cls}"><span aria-hidden="true">${arrow}</span> ${word}</span></div>
      <div class="before">${esc(w().before)} <span data-before>${esc(d.show(b, plan.currency))}</span></div>
    </div>`;
  }).join('');
}

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

/** Fills the plan panel: meta line, KPI cards, box table, routes, warnings. */
export function renderPlan(root: HTMLElement, scenario: Scenario, plan: Plan): void {
  const sites = new Map(scenario.candidateSites.map((c) => [c.id, c]));
  const routes = new Map(scenario.transportRoutes.map((r) => [r.id, r]));
  const vehicles = new Map(scenario.vehicles.map((v) => [v.id, v]));
  const routeName = (id: string) => routes.get(id)?.name ?? id;
  const q = (sel: string) => root.querySelector<HTMLElement>(sel)!;

  q('#plan-meta').textContent = w().meta(
    plan.scenarioName,
    plan.boxes.length,
    plan.vanRoutes.length,
    plan.carrierRoutes.length,
    t(lang()).plan.placement.status[plan.placement.status] ?? plan.placement.status,
    plan.placement.gapPct !== null ? `${num(plan.placement.gapPct, 1)}\u00a0%` : '',
    plan.travel.backend,
  );
  q('#kpi-cards').innerHTML = kpiCards(plan);

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
  q('#box-table').innerHTML = `<caption class="visually-hidden">${esc(w().boxCaption)}</caption>
    <thead><tr><th scope="col">${esc(h[0])}</th><th scope="col" class="num">${esc(h[1])}</th>
    <th scope="col" class="num">${esc(h[2])}</th><th scope="col">${esc(h[3])}</th></tr></thead>
    <tbody>${boxRows || `<tr><td colspan="4">${esc(t(lang()).tables.noBoxes)}</td></tr>`}</tbody>`;

  const carrierHtml = plan.carrierRoutes
    .map((r, i) => {
      const colour = COLOURS.carrier[i % COLOURS.carrier.length]!;
      const stops = r.stops
        .map(
          (s) =>
            `<li><span class="time">${esc(s.time)}</span> ${esc(s.name)}${s.boxSiteId ? ` <strong>${esc(w().parcelBox)}</strong>` : ''}</li>`,
        )
        .join('');
      return `<details class="route" data-route="carrier" data-route-id="${esc(r.routeId)}">
        <summary><span class="swatch" style="background:${colour}"></span>${esc(routeName(r.routeId))} —
          ${esc(w().carrierSummary(r.days.map((d) => dayName(d, 'short', lang())).join(', '), r.boxSiteIds.length, num(r.parcelsPerTrip, 1), minutes(r.detourSPerTrip), money(r.costPerWeek, plan.currency)))}</summary>
        <ol class="stops">${stops}</ol>
      </details>`;
    })
    .join('');
  const vanHtml = plan.vanRoutes
    .map((r, i) => {
      const colour = COLOURS.van[i % COLOURS.van.length]!;
      const stops = r.stops
        .map(
          (s) =>
            `<li><span class="time">${clock(s.arrivalS)}</span> ${esc(s.name ?? s.at)} (${esc(s.kind)}${s.kind === 'hub' ? '' : `, ${esc(w().stopParcels(num(s.parcels)))}`})</li>`,
        )
        .join('');
      return `<details class="route" data-route="van" data-route-id="${esc(r.vehicleId)}-${esc(r.day)}">
        <summary><span class="swatch" style="background:${colour}"></span>${esc(w().vanSummary(vehicles.get(r.vehicleId)?.name ?? r.vehicleId, dayName(r.day, 'long', lang()), km(r.distanceM), hours(r.durationS), money(r.cost, plan.currency)))}</summary>
        <ol class="stops">${stops}</ol>
      </details>`;
    })
    .join('');
  q('#route-list').innerHTML =
    carrierHtml || vanHtml
      ? `${carrierHtml ? `<h4>${esc(t(lang()).tables.carriersCaption)}</h4>${carrierHtml}` : ''}${vanHtml ? `<h4>${esc(t(lang()).tables.vansCaption)}</h4>${vanHtml}` : ''}`
      : `<p>${esc(w().noRoutes)}</p>`;

  const notes = [
    ...plan.warnings,
    ...plan.unserved.map((u) =>
      w().unservedNote(u.demandId, num(u.parcelsPerWeek, 1), `${u.reason}${u.detail ? `: ${u.detail}` : ''}`),
    ),
  ];
  q('#plan-warnings').innerHTML = notes.length
    ? `<h3>${esc(t(lang()).common.warnings(notes.length).replace(/^⚠ /, ''))}</h3><ul class="warnings"${lang() === 'en' ? '' : ' lang="en"'}>${notes.map((x) => `<li>${esc(x)}</li>`).join('')}</ul>`
    : '';
}
