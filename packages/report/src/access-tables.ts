import type { AccessAnalysis, Plan, Scenario, WeightedDistance } from '@paketbygd/model';
import { formatCount, formatKm, formatNumber, formatShare } from './format';
import { html, type SafeHtml } from './html';
import { accessLimitText } from './kpi-cards';
import type { Names } from './lookup';
import { table } from './plan-tables';
import { currentLang, t } from './i18n';

const MAX_CLOSURE_ROWS = 40;

function distanceCell(w: WeightedDistance, population: number): SafeHtml {
  if (w.meanM === null) return html`<td class="num">${t().access.none}</td>`;
  // A mean over fewer people than live there says so: one carrier, or one point only.
  const over =
    w.population < population - 1e-6
      ? html`<br /><span class="muted">${t().access.overPeople(formatCount(w.population))}</span>`
      : '';
  return html`<td class="num">${formatKm(w.meanM)}${over}</td>`;
}

function shareCell(share: number | null): SafeHtml {
  return html`<td class="num">${share === null ? t().access.none : formatShare(share)}</td>`;
}

/** Before and, when given, after: one column each. */
function measuresTable(scenario: Scenario, states: readonly AccessAnalysis[], heads: readonly string[]) {
  const row = (label: string, cell: (a: AccessAnalysis) => SafeHtml) =>
    html`<tr><th scope="row">${label}</th>${states.map(cell)}</tr>`;
  const has65 = states.some((a) => a.population65Plus !== null);
  const rows = [
    row(t().access.pickupPoints, (a) => html`<td class="num">${formatNumber(a.pickupPointCount)}</td>`),
    row(t().access.meanNearest, (a) => distanceCell(a.nearest, a.population - a.unreachablePopulation)),
    row(t().access.meanSecond, (a) => distanceCell(a.secondNearest, a.population - a.unreachablePopulation)),
    row(t().access.meanOtherCarrier, (a) =>
      distanceCell(a.nearestOtherCarrier, a.population - a.unreachablePopulation),
    ),
    ...(has65
      ? [
          row(t().access.meanNearest65, (a) =>
            a.nearest65Plus ? distanceCell(a.nearest65Plus, a.nearest65Plus.population) : shareCell(null),
          ),
        ]
      : []),
    ...states[0]!.within.flatMap((band, b) => [
      row(t().access.withinKm(formatKm(band.distanceM, 0)), (a) =>
        shareCell(a.within[b]?.populationShare ?? null),
      ),
      ...(has65
        ? [
            row(t().access.withinKm65(formatKm(band.distanceM, 0)), (a) =>
              shareCell(a.within[b]?.population65PlusShare ?? null),
            ),
          ]
        : []),
    ]),
    // A limit of 2, 5 or 10 km is already a row above.
    ...(states[0]!.within.some((band) => band.distanceM === scenario.policy.maxAccessDistanceM)
      ? []
      : [row(t().access.withinLimit(accessLimitText(scenario)), (a) => shareCell(a.withinLimitShare))]),
    row(t().access.unreachable, (a) => html`<td class="num">${formatCount(a.unreachablePopulation)}</td>`),
  ];
  return table(
    t().access.measuresCaption,
    html`<tr><th scope="col">${t().access.measure}</th>${heads.map((h) => html`<th scope="col" class="num">${h}</th>`)}</tr>`,
    rows,
    'access-measures',
  );
}

function closuresTable(
  scenario: Scenario,
  before: AccessAnalysis,
  after: AccessAnalysis | undefined,
  names: Names,
) {
  const limit = accessLimitText(scenario);
  const losingAfter = new Map(after?.closures.map((c) => [c.pickupId, c.peopleLosingAccess]) ?? []);
  const has65 = before.population65Plus !== null;
  const shown = before.closures.slice(0, MAX_CLOSURE_ROWS);
  const rest = before.closures.slice(MAX_CLOSURE_ROWS);
  const km = (m: number | null) => (m === null ? t().access.none : formatKm(m));
  const rows = shown.map(
    (c) =>
      html`<tr data-id="${c.pickupId}">
        <th scope="row">${names.place(c.pickupId)}</th>
        <td>${c.carriers.length > 0 ? c.carriers.join(', ') : html`<span class="muted">${t().access.unknownCarriers}</span>`}</td>
        <td class="num">${formatCount(c.peopleServed)}</td>
        <td class="num">${formatCount(c.peopleLosingAccess)}${c.peopleLeftWithoutPoint > 0 ? html`<br /><span class="muted">${t().access.leftWithout(formatCount(c.peopleLeftWithoutPoint))}</span>` : ''}</td>
        ${has65 ? html`<td class="num">${formatCount(c.people65PlusLosingAccess ?? 0)}</td>` : ''}
        ${after ? html`<td class="num">${formatCount(losingAfter.get(c.pickupId) ?? 0)}</td>` : ''}
        <td class="num">${formatNumber(c.extraHouseholdKmPerWeek)}</td>
        <td class="num">${km(c.nearestOtherPointM)}</td>
        <td class="num">${km(c.nearestOtherCarrierPointM)}</td>
      </tr>`,
  );
  if (rest.length > 0) {
    const people = rest.reduce((s, c) => s + c.peopleLosingAccess, 0);
    rows.push(
      html`<tr class="more"><th scope="row" colspan="${6 + (has65 ? 1 : 0) + (after ? 1 : 0)}">${t().access.morePoints(rest.length, formatCount(people))}</th></tr>`,
    );
  }
  return html`<p>${t().access.closuresIntro}</p>${table(
    t().access.closuresCaption(limit),
    html`<tr>
      <th scope="col">${t().access.point}</th>
      <th scope="col">${t().access.carriers}</th>
      <th scope="col" class="num">${t().access.peopleServed}</th>
      <th scope="col" class="num">${t().access.peopleLosing}</th>
      ${has65 ? html`<th scope="col" class="num">${t().access.people65Losing}</th>` : ''}
      ${after ? html`<th scope="col" class="num">${t().access.losingAfter}</th>` : ''}
      <th scope="col" class="num">${t().access.extraKm}</th>
      <th scope="col" class="num">${t().access.nearestOther}</th>
      <th scope="col" class="num">${t().access.nearestOtherCarrier}</th>
    </tr>`,
    rows,
    'access-closures',
  )}`;
}

/** The analysis's own notes (the planner's English, marked so in another language), then the report's. */
function notes(states: readonly AccessAnalysis[]): SafeHtml {
  const english = currentLang() === 'en' ? html`` : html` lang="en"`;
  const own = [...new Set(states.flatMap((a) => a.notes))].map((n) => html`<li${english}>${n}</li>`);
  const duration = states.some((a) => a.rankedBy === 'duration')
    ? [html`<li>${t().access.rankedByDuration}</li>`]
    : [];
  if (own.length + duration.length === 0) return html``;
  return html`<h3>${t().access.notes}</h3><ul class="access-notes">${own}${duration}</ul>`;
}

/** The access tables of one state (today) or two (today, and with the new boxes). */
export function renderAccessTables(
  scenario: Scenario,
  names: Names,
  before: AccessAnalysis,
  after?: AccessAnalysis,
): SafeHtml {
  if (before.pickupPointCount === 0 && !after) return html`<p>${t().access.noPoints}</p>`;
  const states = after ? [before, after] : [before];
  const heads = after ? [t().access.today, t().access.afterPlan] : [t().access.today];
  return html`<p>${t().access.intro}</p>${measuresTable(scenario, states, heads)}${
    before.closures.length > 0 ? closuresTable(scenario, before, after, names) : ''
  }${notes(states)}`;
}

/** The plan report's access section. */
export function renderAccessSection(scenario: Scenario, plan: Plan, names: Names): SafeHtml {
  const analysis = plan.accessAnalysis;
  if (!analysis) return html`<p>${t().access.notInPlan}</p>`;
  return renderAccessTables(scenario, names, analysis.before, analysis.after);
}
