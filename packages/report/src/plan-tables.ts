import {
  sToClockTime,
  WEEKDAYS,
  type OpenedBox,
  type Plan,
  type Scenario,
  type UnservedDemand,
  type VanRoute,
} from '@paketbygd/model';
import { demandStatus, statusStyle } from './coverage';
import {
  dayName,
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
import { t } from './i18n';
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

/** The table's header cells; columns whose index is in `numeric` are right-aligned numbers. */
function headRow(cells: readonly string[], numeric: readonly number[]): SafeHtml {
  return html`<tr>${cells.map((c, i) => html`<th scope="col"${numeric.includes(i) ? html` class="num"` : ''}>${c}</th>`)}</tr>`;
}

export function unservedReason(reason: UnservedDemand['reason']): string {
  return t().tables.unservedReasons[reason] ?? reason;
}

function filledBy(box: OpenedBox, names: Names, currency: string): SafeHtml {
  return html`${filling(box, names, currency)}${whyNotUsed(box, names)}`;
}

function filling(box: OpenedBox, names: Names, currency: string): SafeHtml {
  const f = box.filledBy;
  const m = t().tables;
  if (f.kind === 'carrier') {
    const departures = (f.departures ?? []).map((d) =>
      d.transfer
        ? m.departureAfterTransfer(
            d.departureId,
            d.transfer.stopName,
            d.leavesAt,
            d.arrivesAt,
            dayName(d.day, 'short'),
            d.transfer.fromDepartureId,
            d.transfer.fromArrivesAt,
          )
        : m.departure(d.departureId, d.leavesAt, d.arrivesAt, dayName(d.day, 'short')),
    );
    const noRoom = new Set(f.vanDayReasons?.filter((r) => r.reason === 'too_little_room').map((r) => r.day));
    const vanDays = [
      ...(f.vanDays?.some((d) => !noRoom.has(d))
        ? [m.vanOnDays(shortDays(f.vanDays.filter((d) => !noRoom.has(d))))]
        : []),
      ...(noRoom.size > 0 ? [m.vanOnDaysNoRoom(shortDays([...noRoom]))] : []),
    ];
    return html`<strong>${names.route(f.routeId)}</strong> <span class="tag">${m.existingTransport}</span
      ><br /><span class="muted"
        >${m.carrierDetail(
          formatCount(f.deliveriesPerWeek),
          formatMinutes(f.detourSPerTrip),
          formatKm(f.detourMPerTrip),
          formatMoney(f.costPerWeek, currency),
        )}</span
      >${departures.length ? html`<ul class="departures">${departures.map((d) => html`<li>${d}</li>`)}</ul>` : ''}${
        vanDays.length ? html`<br /><span class="muted">${vanDays.join('; ')}</span>` : ''
      }`;
  }
  if (f.kind === 'van') {
    return html`<strong>${m.van}</strong>: ${names.vehicle(f.vehicleId)}<br /><span class="muted"
        >${m.vanDetail(formatCount(f.deliveriesPerWeek))}</span
      >`;
  }
  return html`<span class="tag warn">${m.notFilled}</span> ${f.reason}`;
}

/** Why the scenario's transports that could have carried parcels here do not; far-away ones are counted. */
function whyNotUsed(box: OpenedBox, names: Names): SafeHtml {
  const m = t().tables;
  const notUsed = box.transportsNotUsed ?? [];
  const near = notUsed.filter((n) => n.reason !== 'no_stop_near_box');
  const far = notUsed.length - near.length;
  if (notUsed.length === 0) return html``;
  return html`<ul class="not-used">
    ${near.map(
      (n) =>
        html`<li data-route="${n.routeId}" data-reason="${n.reason}">
          ${m.notUsed(names.route(n.routeId), m.notUsedReasons[n.reason])}<br /><span class="muted" lang="en"
            >${n.detail}</span
          >
        </li>`,
    )}
    ${far ? html`<li class="muted">${m.farTransports(far)}</li>` : ''}
  </ul>`;
}

export function renderBoxTable(scenario: Scenario, plan: Plan, names: Names): SafeHtml {
  const m = t().tables;
  if (plan.boxes.length === 0) return html`<p>${m.noBoxes}</p>`;
  const sites = new Map(scenario.candidateSites.map((s) => [s.id, s]));
  const rows = plan.boxes.map((b) => {
    const site = sites.get(b.siteId);
    const over = b.utilisation > 1;
    return html`<tr data-id="${b.siteId}">
      <th scope="row">${names.place(b.siteId)}<br /><span class="muted">${b.siteId}</span></th>
      <td>
        ${site ? (m.hosts[site.host] ?? site.host) : '–'}${site && !site.access247 ? html`<br /><span class="muted">${m.not247}</span>` : ''}
      </td>
      <td class="num">${formatCount(b.households)}</td>
      <td class="num">${formatCount(b.population)}</td>
      <td class="num">${formatCount(b.parcelsPerWeek)}</td>
      <td class="num">${formatCount(b.capacityParcelsPerWeek)}</td>
      <td class="num">
        ${formatShare(b.utilisation)}${over ? html` <span class="tag warn">${m.over}</span>` : ''}
      </td>
      <td>${filledBy(b, names, plan.currency)}</td>
    </tr>`;
  });
  return table(m.boxesCaption, headRow(m.boxesHead, [2, 3, 4, 5, 6]), rows, 'boxes');
}

const MAX_GAIN_ROWS = 40;

/** The places whose nearest pickup point moves closer: the answer to "which villages gain". */
export function renderGainsTable(plan: Plan, names: Names): SafeHtml {
  const gains = plan.access
    .filter((a) => a.after.distanceM < a.before.distanceM - 1 || (a.after.covered && !a.before.covered))
    .sort((a, b) => b.population - a.population);
  const m = t().tables;
  if (gains.length === 0) return html`<p>${m.noGains}</p>`;
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
          >${statusStyle(status).label}</span
        >
      </td>
    </tr>`;
  });
  if (rest.length > 0) {
    rows.push(
      html`<tr class="more"><th scope="row">${m.smallerPlaces(rest.length)}</th><td class="num">${formatCount(rest.reduce((s, a) => s + a.population, 0))}</td><td class="num">${formatCount(rest.reduce((s, a) => s + a.households, 0))}</td><td colspan="4" class="muted">${m.eachOnMap}</td></tr>`,
    );
  }
  const people = gains.reduce((s, a) => s + a.population, 0);
  return table(m.gainsCaption(formatCount(people)), headRow(m.gainsHead, [1, 2, 5]), rows, 'gains');
}

export function renderCarrierRoutes(scenario: Scenario, plan: Plan, names: Names): SafeHtml {
  const m = t().tables;
  if (plan.carrierRoutes.length === 0) {
    return html`<p>${m.noCarriers(!scenario.policy.useExistingTransports)}</p>`;
  }
  const routes = new Map(scenario.transportRoutes.map((r) => [r.id, r]));
  const summary = table(
    m.carriersCaption,
    headRow(m.carriersHead, [3, 4, 5, 6]),
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
          ${m.carrierFacts(
            source.operator ?? m.operatorUnknown,
            source.kind.replace(/_/g, ' '),
            formatCount(source.spareCapacityParcels),
            formatCount(source.maxDetourMin),
          )}${source.note ? html`; ${source.note}` : ''}
        </p>`
      : '';
    const stops = r.stops.map(
      (s) =>
        html`<tr${s.boxSiteId ? html` class="winner"` : ''}><td class="num">${s.time}</td><th scope="row">${s.boxSiteId && s.name === s.boxSiteId ? names.place(s.boxSiteId) : s.name}</th><td>${s.boxSiteId ? html`<span class="tag">${m.boxInserted}</span> ${names.place(s.boxSiteId)}` : ''}</td></tr>`,
    );
    return html`<div class="route-block">
      <h3>${names.route(r.routeId)}</h3>
      ${facts}${table(m.stopsCaption(shortDays(r.days)), headRow(m.stopsHead, [0]), stops)}
    </div>`;
  });
  return html`${summary}${blocks}`;
}

export function renderVanRoutes(plan: Plan, names: Names): SafeHtml {
  const m = t().tables;
  if (plan.vanRoutes.length === 0) return html`<p>${m.noVans}</p>`;
  const { groups, groupOf } = groupVanRoutes(plan);
  const colourOf = (i: number) => groups[groupOf[i] ?? 0]?.colour ?? '#000';
  const order = plan.vanRoutes
    .map((r, i) => ({ r, i }))
    .sort((a, b) => WEEKDAYS.indexOf(a.r.day) - WEEKDAYS.indexOf(b.r.day) || a.i - b.i);
  const parcelsOf = (r: VanRoute) => r.stops.reduce((s, x) => s + (x.kind === 'hub' ? 0 : x.parcels), 0);
  const summary = table(
    m.vansCaption,
    headRow(m.vansHead, [2, 3, 4, 5, 6, 7]),
    order.map(
      ({ r, i }) =>
        html`<tr><th scope="row">${dayName(r.day)}</th><td><span class="swatch" style="background:${colourOf(i)}"></span>${names.vehicle(r.vehicleId)}</td><td class="num">${r.stops.filter((s) => s.kind !== 'hub').length}</td><td class="num">${formatCount(parcelsOf(r))}</td><td class="num">${formatKm(r.distanceM)}</td><td class="num">${formatHours(r.durationS / 3600)}</td><td class="num">${formatMoney(r.cost, plan.currency)}</td><td class="num">${formatKg(r.co2Kg)}</td></tr>`,
    ),
    'vans',
  );
  // A route driven the same way on several days is listed once, with its days.
  const blocks = groups.map((g) => {
    const r = plan.vanRoutes[g.routeIndexes[0] ?? 0]!;
    const when = g.days.length > 1 ? m.sameRoute(shortDays(g.days)) : dayName(g.days[0] ?? r.day);
    const vehicle = names.vehicle(r.vehicleId);
    return html`<div class="route-block" data-vehicle="${r.vehicleId}" data-days="${g.days.join(' ')}"><h3><span class="swatch" style="background:${g.colour}"></span>${vehicle}, ${when}</h3><p class="muted">${m.vanDay(formatKm(r.distanceM), formatHours(r.durationS / 3600), formatMoney(r.cost, plan.currency), formatKg(r.co2Kg))}</p>${table(
      m.vanStopsCaption(vehicle, shortDays(g.days)),
      headRow(m.vanStopsHead, [0, 2]),
      r.stops.map(
        (s) =>
          html`<tr><td class="num">${sToClockTime(s.arrivalS)}</td><th scope="row">${s.name ?? names.place(s.at)}${s.kind === 'hub' ? html` <span class="muted">${m.hub}</span>` : s.kind === 'home' ? html` <span class="muted">${m.homeDelivery}</span>` : ''}</th><td class="num">${s.kind === 'hub' ? '' : formatCount(s.parcels)}</td></tr>`,
      ),
    )}</div>`;
  });
  return html`${summary}<div class="days">${blocks}</div>`;
}

export function renderUnserved(plan: Plan, names: Names): SafeHtml {
  const m = t().tables;
  if (plan.unserved.length === 0) return html`<p>${m.allServed}</p>`;
  const total = plan.unserved.reduce((s, u) => s + u.parcelsPerWeek, 0);
  return table(
    m.unservedCaption(formatCount(total)),
    headRow(m.unservedHead, [1]),
    plan.unserved.map(
      (u) =>
        html`<tr data-id="${u.demandId}">
          <th scope="row">${names.demandPoint(u.demandId)}</th>
          <td class="num">${formatCount(u.parcelsPerWeek)}</td>
          <td>${unservedReason(u.reason)}</td>
          <td>${u.detail ?? ''}</td>
        </tr>`,
    ),
    'unserved',
  );
}
