import type { Plan, Scenario } from '@paketbygd/model';
import { ACCESS_STRINGS } from './access-strings';
import { renderAccessSection } from './access-tables';
import { groupedBarChart, stackedBarChart } from './charts';
import { demandStatus } from './coverage';
import { renderDocument } from './document';
import {
  formatCount,
  formatDate,
  formatKg,
  formatKm,
  formatMoney,
  formatMoneyPerParcel,
  formatNumber,
  formatPercent,
  formatShare,
  NBSP,
} from './format';
import { html, type SafeHtml } from './html';
import { accessLimitText, renderKpiCards } from './kpi-cards';
import { Names } from './lookup';
import { SERIES_COLOURS } from './palette';
import {
  renderBoxTable,
  renderCarrierRoutes,
  renderGainsTable,
  renderUnserved,
  renderVanRoutes,
} from './plan-tables';
import { renderAttribution, renderSources } from './sources';
import { renderWarnings } from './warnings';
import { renderPlanMap } from './svg-map';
import { tileSource } from './tiles';

export interface PlanReportInput {
  scenario: Scenario;
  plan: Plan;
  /** An XYZ tile URL template ({z}/{x}/{y}) for an optional background; the map never needs it. */
  tileUrl?: string;
}

function summary(scenario: Scenario, plan: Plan, names: Names): SafeHtml {
  const newly = plan.access.filter((a) => demandStatus(a) === 'newly_covered');
  const newlyPeople = newly.reduce((s, a) => s + a.population, 0);
  const { before, after } = plan.kpis;
  const byCarrier = plan.boxes.filter((b) => b.filledBy.kind === 'carrier').length;
  const byVan = plan.boxes.filter((b) => b.filledBy.kind === 'van').length;
  const boxNames = plan.boxes.map((b) => names.place(b.siteId));
  return html`<div class="callout summary">
    <p>
      <strong
        >${plan.boxes.length === 0 ? 'No new box is opened.' : `${plan.boxes.length} new parcel box${plan.boxes.length === 1 ? '' : 'es'}: ${boxNames.join(', ')}.`}</strong
      >
      ${byCarrier} filled by existing transport, ${byVan} by
      van${plan.boxes.length - byCarrier - byVan > 0 ? `, ${plan.boxes.length - byCarrier - byVan} not filled` : ''}.
    </p>
    <p>
      ${formatCount(newlyPeople)} more people (${newly.length} place${newly.length === 1 ? '' : 's'}) get a
      pickup point ${accessLimitText(scenario)}: coverage goes from
      ${formatShare(before.access.coveredPopulationShare)} to
      ${formatShare(after.access.coveredPopulationShare)} of the population. The mean distance to a pickup
      point goes from ${formatKm(before.access.meanAccessDistanceM)} to
      ${formatKm(after.access.meanAccessDistanceM)}.
    </p>
    <p>
      It costs ${formatMoney(after.costPerWeek.total, plan.currency)} per week
      (${formatMoney(after.costPerWeek.total * 52, plan.currency)} per year),
      ${formatMoneyPerParcel(after.costPerParcel, plan.currency)} per parcel, and emits
      ${formatKg(after.co2KgPerWeek.total)} CO₂ per week including household trips (today
      ${formatKg(before.co2KgPerWeek.total)}).
    </p>
  </div>`;
}

function charts(plan: Plan): SafeHtml {
  const { before, after } = plan.kpis;
  const c = plan.currency;
  const beforeAfter = [
    { label: 'Today', colour: '#9aa5b1' },
    { label: 'After the plan', colour: '#0b6e4f' },
  ];
  const access = groupedBarChart({
    id: 'chart-coverage',
    title: 'Share within the access limit, today and after',
    desc: `Population: ${formatShare(before.access.coveredPopulationShare)} today, ${formatShare(after.access.coveredPopulationShare)} after. Households: ${formatShare(before.access.coveredHouseholdShare)} today, ${formatShare(after.access.coveredHouseholdShare)} after.`,
    series: beforeAfter,
    format: (v) => formatPercent(v),
    categories: [
      {
        label: 'Population',
        values: [before.access.coveredPopulationShare * 100, after.access.coveredPopulationShare * 100],
      },
      {
        label: 'Households',
        values: [before.access.coveredHouseholdShare * 100, after.access.coveredHouseholdShare * 100],
      },
    ],
  });
  const distance = groupedBarChart({
    id: 'chart-distance',
    title: 'Distance to the nearest pickup point, today and after',
    desc: `Mean ${formatKm(before.access.meanAccessDistanceM)} today, ${formatKm(after.access.meanAccessDistanceM)} after; 90th percentile ${formatKm(before.access.p90AccessDistanceM)} today, ${formatKm(after.access.p90AccessDistanceM)} after.`,
    series: beforeAfter,
    format: (v) => formatKm(v),
    categories: [
      { label: 'Mean', values: [before.access.meanAccessDistanceM, after.access.meanAccessDistanceM] },
      {
        label: '90th percentile',
        values: [before.access.p90AccessDistanceM, after.access.p90AccessDistanceM],
      },
    ],
  });
  const costSeries = ['Box investment (annualised)', 'Box yearly costs', 'Vans', 'Existing transports'].map(
    (label, i) => ({ label, colour: SERIES_COLOURS[i] ?? '#777' }),
  );
  const costValues = (k: typeof before) => [
    k.costPerWeek.boxesInvestment,
    k.costPerWeek.boxesYearly,
    k.costPerWeek.vans,
    k.costPerWeek.carriers,
  ];
  const cost = stackedBarChart({
    id: 'chart-cost',
    title: `Cost per week by part (${c})`,
    desc: `After the plan: box investment ${formatMoney(after.costPerWeek.boxesInvestment, c)}, box yearly costs ${formatMoney(after.costPerWeek.boxesYearly, c)}, vans ${formatMoney(after.costPerWeek.vans, c)}, existing transports ${formatMoney(after.costPerWeek.carriers, c)}; total ${formatMoney(after.costPerWeek.total, c)} per week.`,
    series: costSeries,
    format: (v) => formatMoney(v, c),
    rows: [
      { label: 'Today', values: costValues(before) },
      { label: 'After the plan', values: costValues(after) },
    ],
  });
  const co2Series = ['Vans', 'Existing transports (detours)', 'Household trips'].map((label, i) => ({
    label,
    colour: SERIES_COLOURS[i + 2] ?? '#777',
  }));
  const co2Values = (k: typeof before) => [
    k.co2KgPerWeek.vans,
    k.co2KgPerWeek.carriers,
    k.co2KgPerWeek.householdTrips,
  ];
  const co2 = stackedBarChart({
    id: 'chart-co2',
    title: 'CO₂ per week by source (kg)',
    desc: `Today ${formatKg(before.co2KgPerWeek.total)}, after ${formatKg(after.co2KgPerWeek.total)}; after the plan vans ${formatKg(after.co2KgPerWeek.vans)}, existing transports ${formatKg(after.co2KgPerWeek.carriers)}, household trips ${formatKg(after.co2KgPerWeek.householdTrips)}.`,
    series: co2Series,
    format: (v) => formatKg(v),
    rows: [
      { label: 'Today', values: co2Values(before) },
      { label: 'After the plan', values: co2Values(after) },
    ],
  });
  return html`<div class="charts">${access}${distance}${cost}${co2}</div>`;
}

const PLACEMENT_STATUS: Record<Plan['placement']['status'], string> = {
  optimal: 'optimal: no better placement exists under the model',
  feasible: 'feasible: a good placement, not proven best',
  time_limit: 'stopped at the time limit: the best placement found so far',
  infeasible: 'infeasible: no placement meets every limit of the policy',
};

function placement(plan: Plan): SafeHtml {
  const p = plan.placement;
  const gap =
    p.gapPct === null
      ? 'no bound was proven, so how far from the best this placement may be is unknown'
      : p.gapPct <= 1e-6
        ? 'proven gap 0 %: the bound equals the objective'
        : `proven gap ${formatPercent(p.gapPct, 2)}: no placement can be better than this by more`;
  return html`<dl class="facts placement">
    <dt>Model</dt>
    <dd>${p.model}</dd>
    <dt>Status</dt>
    <dd>${PLACEMENT_STATUS[p.status]}</dd>
    <dt>Objective</dt>
    <dd>${formatNumber(p.objective, 2)}</dd>
    <dt>Bound</dt>
    <dd>${p.bound === null ? 'none' : formatNumber(p.bound, 2)}</dd>
    <dt>Gap</dt>
    <dd>${gap}</dd>
  </dl>`;
}

const ASSUMPTION_LABELS: Record<string, (v: number) => string> = {
  pickupTripsByCarShare: (v) => `Pickup trips made by car: ${formatShare(v, 0)}`,
  parcelsPerPickupTrip: (v) => `Parcels fetched per pickup trip: ${formatNumber(v, 1)}`,
  carCo2GPerKm: (v) => `Car emissions: ${formatNumber(v)}${NBSP}g CO₂/km`,
  peoplePerHousehold: (v) => `People per household: ${formatNumber(v, 1)}`,
};

function assumptions(scenario: Scenario, plan: Plan): SafeHtml {
  const p = scenario.policy;
  const policy: string[] = [
    `Access limit: ${accessLimitText(scenario).replace('within ', '')}`,
    ...(p.targetCoveredShare !== undefined
      ? [`Target share covered: ${formatShare(p.targetCoveredShare, 0)}`]
      : []),
    ...(p.maxBoxes !== undefined ? [`At most ${p.maxBoxes} new boxes`] : []),
    ...(p.budgetPerYear !== undefined
      ? [`Budget: ${formatMoney(p.budgetPerYear, scenario.currency)} per year`]
      : []),
    `Deliveries per week: ${p.deliveriesPerWeek}`,
    `Home delivery outside coverage: ${p.homeDeliveryOutsideCoverage ? 'yes' : 'no'}`,
    `Existing transports may carry parcels: ${p.useExistingTransports ? 'yes' : 'no'}`,
    `Box investment spread over ${formatNumber(p.boxLifetimeYears)} years`,
    `A parcel waits ${formatNumber(p.dwellTimeDays, 1)} days in a compartment on average`,
    ...(scenario.travel.detourFactor !== undefined
      ? [`Road distance = straight line × ${formatNumber(scenario.travel.detourFactor, 2)}`]
      : []),
  ];
  const household = Object.entries(scenario.assumptions).map(([key, value]) =>
    ASSUMPTION_LABELS[key] ? ASSUMPTION_LABELS[key](value) : `${key}: ${formatNumber(value, 2)}`,
  );
  const stated = scenario.statedAssumptions;
  return html`<div class="assumptions">
    ${
      stated.length
        ? html`<h3>Stated by the scenario (assumed, not measured)</h3>
            <ul>
              ${stated.map(
                (a) =>
                  html`<li>
                    <strong>${a.subject}</strong>: ${a.statement}${a.measuredError ? html`. <em>Measured error</em>: ${a.measuredError}` : ''}
                  </li>`,
              )}
            </ul>`
        : ''
    }
    <h3>Stated by the planner</h3>
    ${
      plan.assumptions.length
        ? html`<ul>
            ${plan.assumptions.map((a) => html`<li>${a}</li>`)}
          </ul>`
        : html`<p>None stated.</p>`
    }
    <h3>Household trips (scenario)</h3>
    <ul>
      ${household.map((a) => html`<li>${a}</li>`)}
    </ul>
    <h3>Policy (scenario)</h3>
    <ul>
      ${policy.map((a) => html`<li>${a}</li>`)}
    </ul>
  </div>`;
}

export function renderPlanReport({ scenario, plan, tileUrl }: PlanReportInput): string {
  const names = new Names(scenario, plan);
  const sections: [string, string, SafeHtml][] = [
    [
      'key-figures',
      'Key figures',
      renderKpiCards(scenario, plan.currency, plan.kpis.before, plan.kpis.after),
    ],
    ['map', 'Map', renderPlanMap(scenario, plan, names, tileUrl ? { tileUrl } : {})],
    ['gains', 'Who gains', renderGainsTable(plan, names)],
    ['access', ACCESS_STRINGS.sectionTitle, renderAccessSection(scenario, plan, names)],
    ['boxes', 'Parcel boxes', renderBoxTable(scenario, plan, names)],
    ['carriers', 'Existing transports', renderCarrierRoutes(scenario, plan, names)],
    ['vans', 'Van routes', renderVanRoutes(plan, names)],
    ['unserved', 'Parcels not served', renderUnserved(plan, names)],
    ['charts', 'Before and after', charts(plan)],
    ['placement', 'Placement', placement(plan)],
    ['assumptions', 'Assumptions', assumptions(scenario, plan)],
    [
      'sources',
      'Data sources and attribution',
      html`${renderAttribution(plan)}${renderSources(scenario.sources)}`,
    ],
  ];
  const timings = plan.timingsS ? Object.values(plan.timingsS).reduce((s, v) => s + v, 0) : undefined;
  const body = html`<header class="report-header">
      <h1>Parcel delivery plan: ${scenario.name}</h1>
      <p class="subtitle">
        Scenario “${plan.scenarioName}” · planned ${formatDate(plan.createdAt)} · amounts in ${plan.currency}
        · ${scenario.demand.length} places, ${formatCount(plan.kpis.after.parcelsPerWeek)} parcels per week
      </p>
      ${scenario.description ? html`<p class="lead">${scenario.description}</p>` : ''}
      <nav class="toc" aria-label="Contents">
        <ul>
          ${sections.map(([id, title]) => html`<li><a href="#${id}">${title}</a></li>`)}
        </ul>
      </nav>
    </header>
    ${renderWarnings(plan.warnings)}${summary(scenario, plan, names)}${sections.map(
      ([id, title, content]) =>
        html`<section id="${id}" aria-labelledby="${id}-h">
          <h2 id="${id}-h">${title}</h2>
          ${content}
        </section>`,
    )}
    <footer>
      Made by Paketbygd${timings !== undefined ? ` in ${formatNumber(timings, 1)} s` : ''}. This file needs no
      network connection: the map, charts and styles are all inside it.
    </footer>`;
  const origin = tileSource(tileUrl)?.cspSource;
  return renderDocument(
    `Parcel delivery plan: ${scenario.name}`,
    body,
    origin ? { allowImagesFrom: origin } : {},
  );
}
