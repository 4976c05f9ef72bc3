import type { Kpis, Plan, Scenario } from '@paketbygd/model';
import { COLOURS } from './colours';
import { clock, esc, hours, km, minutes, money, num, pct } from './format';

interface KpiDef {
  id: string;
  label: string;
  value: (k: Kpis) => number;
  show: (v: number, currency: string) => string;
  /** Whether a higher value is better (colours the change). */
  higherIsBetter: boolean;
}

export const KPI_DEFS: KpiDef[] = [
  {
    id: 'coveredPopulationShare',
    label: 'People within the access limit',
    value: (k) => k.access.coveredPopulationShare,
    show: (v) => pct(v),
    higherIsBetter: true,
  },
  {
    id: 'meanAccessDistanceM',
    label: 'Mean distance to a pickup point',
    value: (k) => k.access.meanAccessDistanceM,
    show: (v) => km(v),
    higherIsBetter: false,
  },
  {
    id: 'p90AccessDistanceM',
    label: '90th percentile distance',
    value: (k) => k.access.p90AccessDistanceM,
    show: (v) => km(v),
    higherIsBetter: false,
  },
  {
    id: 'costPerWeek',
    label: 'Cost per week',
    value: (k) => k.costPerWeek.total,
    show: (v, c) => money(v, c),
    higherIsBetter: false,
  },
  {
    id: 'costPerParcel',
    label: 'Cost per parcel',
    value: (k) => k.costPerParcel,
    show: (v, c) => `${num(v, 1)} ${c}`,
    higherIsBetter: false,
  },
  {
    id: 'co2KgPerWeek',
    label: 'CO₂ per week (all trips)',
    value: (k) => k.co2KgPerWeek.total,
    show: (v) => `${num(v)} kg`,
    higherIsBetter: false,
  },
  {
    id: 'householdTripKmPerWeek',
    label: 'Household trips per week',
    value: (k) => k.householdTripKmPerWeek,
    show: (v) => `${num(v)} km`,
    higherIsBetter: false,
  },
  {
    id: 'vehicleKmPerWeek',
    label: 'Van km per week',
    value: (k) => k.vehicleKmPerWeek,
    show: (v) => `${num(v)} km`,
    higherIsBetter: false,
  },
  {
    id: 'parcelsInBoxesPerWeek',
    label: 'Parcels to boxes per week',
    value: (k) => k.parcelsInBoxesPerWeek,
    show: (v) => num(v),
    higherIsBetter: true,
  },
  {
    id: 'parcelsUnservedPerWeek',
    label: 'Parcels unserved per week',
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
    const word = same ? 'unchanged' : better ? 'better' : 'worse';
    return `<div class="kpi" data-kpi="${d.id}" role="group" aria-label="${esc(d.label)}">
      <h4>${esc(d.label)}</h4>
      <div class="after" data-after>${esc(d.show(a, plan.currency))} <span class="delta ${cls}"><span aria-hidden="true">${arrow}</span> ${word}</span></div>
      <div class="before">before: <span data-before>${esc(d.show(b, plan.currency))}</span></div>
    </div>`;
  }).join('');
}

function filledBy(box: Plan['boxes'][number], routeName: (id: string) => string): string {
  const f = box.filledBy;
  switch (f.kind) {
    case 'carrier':
      return `${esc(routeName(f.routeId))}, ${num(f.deliveriesPerWeek)}×/week, +${minutes(f.detourSPerTrip)} a trip`;
    case 'van':
      return `van ${esc(f.vehicleId)}, ${num(f.deliveriesPerWeek)}×/week`;
    default:
      return `not filled: ${esc(f.reason)}`;
  }
}

/** Fills the plan panel: meta line, KPI cards, box table, routes, warnings. */
export function renderPlan(root: HTMLElement, scenario: Scenario, plan: Plan): void {
  const sites = new Map(scenario.candidateSites.map((c) => [c.id, c]));
  const routes = new Map(scenario.transportRoutes.map((r) => [r.id, r]));
  const vehicles = new Map(scenario.vehicles.map((v) => [v.id, v]));
  const routeName = (id: string) => routes.get(id)?.name ?? id;
  const q = (sel: string) => root.querySelector<HTMLElement>(sel)!;

  q('#plan-meta').textContent =
    `${plan.scenarioName} — ${plan.boxes.length} boxes, ${plan.vanRoutes.length} van routes, ` +
    `${plan.carrierRoutes.length} existing transport${plan.carrierRoutes.length === 1 ? '' : 's'} carrying parcels; placement ${plan.placement.status}` +
    (plan.placement.gapPct !== null ? ` (gap ${num(plan.placement.gapPct, 1)} %)` : '') +
    `; travel: ${plan.travel.backend}.`;
  q('#kpi-cards').innerHTML = kpiCards(plan);

  const boxRows = plan.boxes
    .map((b) => {
      const site = sites.get(b.siteId);
      return `<tr data-box="${esc(b.siteId)}">
        <th scope="row">${esc(b.name ?? site?.name ?? b.siteId)}<small>${esc(site?.host?.replace(/_/g, ' ') ?? '')}</small></th>
        <td class="num">${num(b.households)}<small>${num(b.parcelsPerWeek, 1)} parcels/wk</small></td>
        <td class="num">${pct(b.utilisation)}</td>
        <td>${filledBy(b, routeName)}</td>
      </tr>`;
    })
    .join('');
  q('#box-table').innerHTML = `<caption class="visually-hidden">Boxes opened by the plan</caption>
    <thead><tr><th scope="col">Site and host</th><th scope="col" class="num">Households served</th>
    <th scope="col" class="num">Utilisation</th><th scope="col">Filled by</th></tr></thead>
    <tbody>${boxRows || '<tr><td colspan="4">No boxes opened.</td></tr>'}</tbody>`;

  const carrierHtml = plan.carrierRoutes
    .map((r, i) => {
      const colour = COLOURS.carrier[i % COLOURS.carrier.length]!;
      const stops = r.stops
        .map(
          (s) =>
            `<li><span class="time">${esc(s.time)}</span> ${esc(s.name)}${s.boxSiteId ? ' <strong>(parcel box)</strong>' : ''}</li>`,
        )
        .join('');
      return `<details class="route" data-route="carrier" data-route-id="${esc(r.routeId)}">
        <summary><span class="swatch" style="background:${colour}"></span>${esc(routeName(r.routeId))} —
          ${esc(r.days.join(', '))}; ${r.boxSiteIds.length} box(es), ${num(r.parcelsPerTrip, 1)} parcels a trip,
          +${minutes(r.detourSPerTrip)} a trip, ${money(r.costPerWeek, plan.currency)}/week</summary>
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
            `<li><span class="time">${clock(s.arrivalS)}</span> ${esc(s.name ?? s.at)} (${esc(s.kind)}${s.kind === 'hub' ? '' : `, ${num(s.parcels)} parcels`})</li>`,
        )
        .join('');
      return `<details class="route" data-route="van" data-route-id="${esc(r.vehicleId)}-${esc(r.day)}">
        <summary><span class="swatch" style="background:${colour}"></span>Van ${esc(vehicles.get(r.vehicleId)?.name ?? r.vehicleId)}, ${esc(r.day)} —
          ${km(r.distanceM)}, ${hours(r.durationS)}, ${money(r.cost, plan.currency)}</summary>
        <ol class="stops">${stops}</ol>
      </details>`;
    })
    .join('');
  q('#route-list').innerHTML =
    carrierHtml || vanHtml
      ? `${carrierHtml ? `<h4>Existing transports carrying parcels</h4>${carrierHtml}` : ''}${vanHtml ? `<h4>Van routes</h4>${vanHtml}` : ''}`
      : '<p>No routes: nothing to deliver to boxes.</p>';

  const notes = [
    ...plan.warnings,
    ...plan.unserved.map(
      (u) =>
        `${u.demandId}: ${num(u.parcelsPerWeek, 1)} parcels/week unserved (${u.reason}${u.detail ? `: ${u.detail}` : ''})`,
    ),
  ];
  q('#plan-warnings').innerHTML = notes.length
    ? `<h3>Warnings</h3><ul class="warnings">${notes.map((w) => `<li>${esc(w)}</li>`).join('')}</ul>`
    : '';
}
