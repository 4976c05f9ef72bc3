import {
  WEEKDAYS,
  type OpenedBox,
  type Plan,
  type Scenario,
  type UnservedDemand,
  type VanRoute,
} from '@paketbygd/model';
import { STATUS_STYLE, demandStatus } from './coverage';
import {
  dayName,
  formatClock,
  formatCount,
  formatHours,
  formatKg,
  formatKm,
  formatMinutes,
  formatMoney,
  formatShare,
  shortDays,
} from './format';
import { html, type HtmlValue, type SafeHtml } from './html';
import type { Names } from './lookup';
import { carrierRouteColour } from './svg-map';
import { groupVanRoutes } from './van-groups';

export function table(caption: HtmlValue, head: SafeHtml, rows: readonly SafeHtml[], cls = ''): SafeHtml {
  return html`<div class="table-wrap">
    <table class="${cls}">
      <caption>
        ${caption}
      </caption>
      <thead>
        ${head}
      </thead>
      <tbody>
        ${rows}
      </tbody>
    </table>
  </div>`;
}

const HOSTS: Record<string, string> = {
  library: 'library',
  school: 'school',
  community_hall: 'community hall',
  bus_stop: 'bus stop',
  shop: 'shop',
  fuel_station: 'fuel station',
  sports_ground: 'sports ground',
  church: 'church',
  municipal_office: 'municipal office',
  other: 'other',
};

export const UNSERVED_REASONS: Record<UnservedDemand['reason'], string> = {
  no_pickup_in_reach: 'No pickup point within the access limit',
  box_capacity: 'The box is full (compartment capacity)',
  no_vehicle_capacity: 'No vehicle has room',
  unreachable: 'Cannot be reached on the road network',
  budget: 'Serving it would exceed the budget',
};

function filledBy(box: OpenedBox, names: Names, currency: string): SafeHtml {
  const f = box.filledBy;
  if (f.kind === 'carrier') {
    return html`<strong>${names.route(f.routeId)}</strong> <span class="tag">existing transport</span
      ><br /><span class="muted"
        >${formatCount(f.deliveriesPerWeek)} deliveries/week; detour ${formatMinutes(f.detourSPerTrip)},
        ${formatKm(f.detourMPerTrip)} per trip; ${formatMoney(f.costPerWeek, currency)}/week</span
      >`;
  }
  if (f.kind === 'van') {
    return html`<strong>Van</strong>: ${names.vehicle(f.vehicleId)}<br /><span class="muted"
        >${formatCount(f.deliveriesPerWeek)} deliveries/week</span
      >`;
  }
  return html`<span class="tag warn">not filled</span> ${f.reason}`;
}

export function renderBoxTable(scenario: Scenario, plan: Plan, names: Names): SafeHtml {
  if (plan.boxes.length === 0) return html`<p>No box is opened in this plan.</p>`;
  const sites = new Map(scenario.candidateSites.map((s) => [s.id, s]));
  const rows = plan.boxes.map((b) => {
    const site = sites.get(b.siteId);
    const over = b.utilisation > 1;
    return html`<tr data-id="${b.siteId}">
      <th scope="row">${names.place(b.siteId)}<br /><span class="muted">${b.siteId}</span></th>
      <td>
        ${site ? HOSTS[site.host] : '–'}${site && !site.access247 ? html`<br /><span class="muted">not open 24/7</span>` : ''}
      </td>
      <td class="num">${formatCount(b.households)}</td>
      <td class="num">${formatCount(b.population)}</td>
      <td class="num">${formatCount(b.parcelsPerWeek)}</td>
      <td class="num">${formatCount(b.capacityParcelsPerWeek)}</td>
      <td class="num">
        ${formatShare(b.utilisation)}${over ? html` <span class="tag warn">over</span>` : ''}
      </td>
      <td>${filledBy(b, names, plan.currency)}</td>
    </tr>`;
  });
  return table(
    'New parcel boxes, who they serve and what fills them',
    html`<tr>
      <th scope="col">Site</th>
      <th scope="col">Host</th>
      <th scope="col" class="num">Households</th>
      <th scope="col" class="num">Population</th>
      <th scope="col" class="num">Parcels/week</th>
      <th scope="col" class="num">Capacity/week</th>
      <th scope="col" class="num">Utilisation</th>
      <th scope="col">Filled by</th>
    </tr>`,
    rows,
    'boxes',
  );
}

const MAX_GAIN_ROWS = 40;

/** The places whose nearest pickup point moves closer: the answer to "which villages gain". */
export function renderGainsTable(plan: Plan, names: Names): SafeHtml {
  const gains = plan.access
    .filter((a) => a.after.distanceM < a.before.distanceM - 1 || (a.after.covered && !a.before.covered))
    .sort((a, b) => b.population - a.population);
  if (gains.length === 0) return html`<p>No place gets a closer pickup point in this plan.</p>`;
  // Grid-cell scenarios have thousands of places; the largest tell the story, the rest are summed.
  const shown = gains.slice(0, MAX_GAIN_ROWS);
  const rest = gains.slice(MAX_GAIN_ROWS);
  const rows = shown.map((a) => {
    const status = demandStatus(a);
    return html`<tr data-id="${a.demandId}">
      <th scope="row">${names.demandPoint(a.demandId)}</th>
      <td class="num">${formatCount(a.population)}</td>
      <td class="num">${formatCount(a.households)}</td>
      <td>
        ${names.place(a.before.pickupId)}<br /><span class="muted"
          >${formatKm(a.before.distanceM)}, ${formatMinutes(a.before.durationS)}</span
        >
      </td>
      <td>
        ${names.place(a.after.pickupId)}<br /><span class="muted"
          >${formatKm(a.after.distanceM)}, ${formatMinutes(a.after.durationS)}</span
        >
      </td>
      <td class="num">${formatKm(a.after.distanceM - a.before.distanceM)}</td>
      <td>
        <span class="tag${status === 'newly_covered' || status === 'covered_before' ? '' : ' warn'}"
          >${STATUS_STYLE[status].label}</span
        >
      </td>
    </tr>`;
  });
  if (rest.length > 0) {
    rows.push(
      html`<tr class="more"><th scope="row">${rest.length} smaller places</th><td class="num">${formatCount(rest.reduce((s, a) => s + a.population, 0))}</td><td class="num">${formatCount(rest.reduce((s, a) => s + a.households, 0))}</td><td colspan="4" class="muted">each shown on the map</td></tr>`,
    );
  }
  const people = gains.reduce((s, a) => s + a.population, 0);
  return table(
    `Places with a closer pickup point after the plan: ${formatCount(people)} people`,
    html`<tr>
      <th scope="col">Place</th>
      <th scope="col" class="num">People</th>
      <th scope="col" class="num">Households</th>
      <th scope="col">Nearest pickup today</th>
      <th scope="col">Nearest pickup after</th>
      <th scope="col" class="num">Change</th>
      <th scope="col">Coverage</th>
    </tr>`,
    rows,
    'gains',
  );
}

export function renderCarrierRoutes(scenario: Scenario, plan: Plan, names: Names): SafeHtml {
  if (plan.carrierRoutes.length === 0) {
    return html`<p>
      No existing transport carries parcels in this
      plan${scenario.policy.useExistingTransports ? '' : ' (the policy does not use existing transports)'}.
    </p>`;
  }
  const routes = new Map(scenario.transportRoutes.map((r) => [r.id, r]));
  const summary = table(
    'Existing transports that carry parcels',
    html`<tr>
      <th scope="col">Route</th>
      <th scope="col">Days</th>
      <th scope="col">Boxes inserted</th>
      <th scope="col" class="num">Parcels/trip</th>
      <th scope="col" class="num">Detour/trip</th>
      <th scope="col" class="num">Cost/week</th>
      <th scope="col" class="num">CO₂/week</th>
    </tr>`,
    plan.carrierRoutes.map(
      (r, i) =>
        html`<tr data-id="${r.routeId}">
          <th scope="row">
            <span class="swatch" style="background:${carrierRouteColour(i)}"></span>${names.route(r.routeId)}
          </th>
          <td>${shortDays(r.days)}</td>
          <td>${r.boxSiteIds.map((id) => names.place(id)).join(', ')}</td>
          <td class="num">${formatCount(r.parcelsPerTrip)}</td>
          <td class="num">${formatMinutes(r.detourSPerTrip)}<br />${formatKm(r.detourMPerTrip)}</td>
          <td class="num">${formatMoney(r.costPerWeek, plan.currency)}</td>
          <td class="num">${formatKg(r.co2KgPerWeek)}</td>
        </tr>`,
    ),
    'carriers',
  );
  const blocks = plan.carrierRoutes.map((r) => {
    const source = routes.get(r.routeId);
    const facts = source
      ? html`<p class="muted">
          ${source.operator ?? 'operator not stated'}; ${source.kind.replace(/_/g, ' ')}; spare room
          ${formatCount(source.spareCapacityParcels)} parcels, detour allowed
          ${formatCount(source.maxDetourMin)} min${source.note ? html`; ${source.note}` : ''}
        </p>`
      : '';
    const stops = r.stops.map(
      (s) =>
        html`<tr${s.boxSiteId ? html` class="winner"` : ''}><td class="num">${s.time}</td><th scope="row">${s.boxSiteId && s.name === s.boxSiteId ? names.place(s.boxSiteId) : s.name}</th><td>${s.boxSiteId ? html`<span class="tag">box inserted</span> ${names.place(s.boxSiteId)}` : ''}</td></tr>`,
    );
    return html`<div class="route-block">
      <h3>${names.route(r.routeId)}</h3>
      ${facts}${table(
        `Stops in driving order (${shortDays(r.days)})`,
        html`<tr>
          <th scope="col" class="num">Time</th>
          <th scope="col">Stop</th>
          <th scope="col">Parcel box</th>
        </tr>`,
        stops,
      )}
    </div>`;
  });
  return html`${summary}${blocks}`;
}

export function renderVanRoutes(plan: Plan, names: Names): SafeHtml {
  if (plan.vanRoutes.length === 0) return html`<p>No van drives in this plan.</p>`;
  const { groups, groupOf } = groupVanRoutes(plan);
  const colourOf = (i: number) => groups[groupOf[i] ?? 0]?.colour ?? '#000';
  const order = plan.vanRoutes
    .map((r, i) => ({ r, i }))
    .sort((a, b) => WEEKDAYS.indexOf(a.r.day) - WEEKDAYS.indexOf(b.r.day) || a.i - b.i);
  const parcelsOf = (r: VanRoute) => r.stops.reduce((s, x) => s + (x.kind === 'hub' ? 0 : x.parcels), 0);
  const summary = table(
    'Van routes per week',
    html`<tr><th scope="col">Day</th><th scope="col">Vehicle</th><th scope="col" class="num">Stops</th><th scope="col" class="num">Parcels</th><th scope="col" class="num">Distance</th><th scope="col" class="num">Duration</th><th scope="col" class="num">Cost</th><th scope="col" class="num">CO₂</th></tr>`,
    order.map(
      ({ r, i }) =>
        html`<tr><th scope="row">${dayName(r.day)}</th><td><span class="swatch" style="background:${colourOf(i)}"></span>${names.vehicle(r.vehicleId)}</td><td class="num">${r.stops.filter((s) => s.kind !== 'hub').length}</td><td class="num">${formatCount(parcelsOf(r))}</td><td class="num">${formatKm(r.distanceM)}</td><td class="num">${formatHours(r.durationS / 3600)}</td><td class="num">${formatMoney(r.cost, plan.currency)}</td><td class="num">${formatKg(r.co2Kg)}</td></tr>`,
    ),
    'vans',
  );
  // A route driven the same way on several days is listed once, with its days.
  const blocks = groups.map((g) => {
    const r = plan.vanRoutes[g.routeIndexes[0] ?? 0]!;
    const when =
      g.days.length > 1 ? `${shortDays(g.days)} (the same route each day)` : dayName(g.days[0] ?? r.day);
    const vehicle = names.vehicle(r.vehicleId);
    return html`<div class="route-block" data-vehicle="${r.vehicleId}" data-days="${g.days.join(' ')}"><h3><span class="swatch" style="background:${g.colour}"></span>${vehicle}, ${when}</h3><p class="muted">${formatKm(r.distanceM)}, ${formatHours(r.durationS / 3600)}, ${formatMoney(r.cost, plan.currency)} and ${formatKg(r.co2Kg)} CO₂ a day</p>${table(
      `Stops of ${vehicle}, ${shortDays(g.days)}`,
      html`<tr><th scope="col" class="num">Arrival</th><th scope="col">Stop</th><th scope="col" class="num">Parcels</th></tr>`,
      r.stops.map(
        (s) =>
          html`<tr><td class="num">${formatClock(s.arrivalS)}</td><th scope="row">${s.name ?? names.place(s.at)}${s.kind === 'hub' ? html` <span class="muted">(hub)</span>` : s.kind === 'home' ? html` <span class="muted">(home delivery)</span>` : ''}</th><td class="num">${s.kind === 'hub' ? '' : formatCount(s.parcels)}</td></tr>`,
      ),
    )}</div>`;
  });
  return html`${summary}<div class="days">${blocks}</div>`;
}

export function renderUnserved(plan: Plan, names: Names): SafeHtml {
  if (plan.unserved.length === 0) {
    return html`<p>
      Every parcel is accounted for: delivered to a box, an existing pickup point or a home.
    </p>`;
  }
  const total = plan.unserved.reduce((s, u) => s + u.parcelsPerWeek, 0);
  return table(
    `Parcels not served: ${formatCount(total)} per week`,
    html`<tr>
      <th scope="col">Place</th>
      <th scope="col" class="num">Parcels/week</th>
      <th scope="col">Reason</th>
      <th scope="col">Detail</th>
    </tr>`,
    plan.unserved.map(
      (u) =>
        html`<tr data-id="${u.demandId}">
          <th scope="row">${names.demandPoint(u.demandId)}</th>
          <td class="num">${formatCount(u.parcelsPerWeek)}</td>
          <td>${UNSERVED_REASONS[u.reason]}</td>
          <td>${u.detail ?? ''}</td>
        </tr>`,
    ),
    'unserved',
  );
}
