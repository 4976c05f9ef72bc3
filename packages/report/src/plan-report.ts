import type { Plan, Scenario, TravelModelSummary } from '@paketbygd/model';
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
} from './format';
import { html, type SafeHtml } from './html';
import { currentLang, t, withLang, type Lang } from './i18n';
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
import { renderSections, renderToc, type Section } from './sections';
import { renderAttribution, renderSources } from './sources';
import { planWarningItems, rankWarning, renderWarnings, type WarningItem } from './warnings';
import { renderTravelModel, travelModelFor } from './travel-model';
import { wordPlanMessage } from './plan-messages';
import { wordStatedAssumption } from './stated-assumptions';
import { renderPlanMap } from './svg-map';
import { tileSource } from './tiles';

export interface PlanReportInput {
  scenario: Scenario;
  plan: Plan;
  /** An XYZ tile URL template ({z}/{x}/{y}) for an optional background; the map never needs it. */
  tileUrl?: string;
  /** How distances and times were computed (backend, detour factor, speeds): printed, and the rings follow it. */
  travelModel?: TravelModelSummary;
  lang?: Lang;
}

/**
 * What the budget covers, and whether the whole plan costs more: the budget limits only what
 * the boxes cost, so a total above it is no error of the plan but must not pass unremarked.
 */
export function budgetCheck(scenario: Scenario, plan: Plan): { text: string; exceeded?: string } | undefined {
  const budget = scenario.policy.budgetPerYear;
  if (budget === undefined) return undefined;
  const m = t().plan;
  const c = plan.currency;
  const cost = plan.kpis.after.costPerWeek;
  const boxes = (cost.boxesInvestment + cost.boxesYearly) * 52;
  const total = cost.total * 52;
  const text = `${m.budgetCovers(formatMoney(budget, c))} ${m.budgetBoxes(formatMoney(boxes, c))}`;
  return total > budget + 0.5
    ? { text, exceeded: m.budgetExceeded(formatMoney(total, c), formatMoney(budget, c)) }
    : { text };
}

function summary(scenario: Scenario, plan: Plan, names: Names): SafeHtml {
  const newly = plan.access.filter((a) => demandStatus(a) === 'newly_covered');
  const newlyPeople = newly.reduce((s, a) => s + a.population, 0);
  const { before, after } = plan.kpis;
  const byCarrier = plan.boxes.filter((b) => b.filledBy.kind === 'carrier').length;
  const byVan = plan.boxes.filter((b) => b.filledBy.kind === 'van').length;
  const boxNames = plan.boxes.map((b) => names.place(b.siteId));
  const m = t().plan;
  const budget = budgetCheck(scenario, plan);
  return html`<div class="callout summary">
    <p>
      <strong>${plan.boxes.length === 0 ? m.noBox : m.boxesOpened(plan.boxes.length, boxNames.join(', '))}</strong>
      ${m.filledBy(byCarrier, byVan, plan.boxes.length - byCarrier - byVan)}
    </p>
    <p>
      ${m.gainSentence(
        formatCount(newlyPeople),
        newly.length,
        accessLimitText(scenario),
        formatShare(before.access.coveredPopulationShare),
        formatShare(after.access.coveredPopulationShare),
      )}
      ${m.distanceSentence(formatKm(before.access.meanAccessDistanceM), formatKm(after.access.meanAccessDistanceM))}
    </p>
    <p>
      ${m.costSentence(
        formatMoney(after.costPerWeek.total, plan.currency),
        formatMoney(after.costPerWeek.total * 52, plan.currency),
        formatMoneyPerParcel(after.costPerParcel, plan.currency),
        formatKg(after.co2KgPerWeek.total),
        formatKg(before.co2KgPerWeek.total),
      )}
    </p>
    ${budget ? html`<p class="budget">${budget.text}${budget.exceeded ? html` <strong class="bad">⚠ ${budget.exceeded}</strong>` : ''}</p>` : ''}
  </div>`;
}

type Access = Plan['kpis']['before']['access'];
type AccessFigure = { label: string; value: (a: Access) => number };

/** Two figures of the access, today against after the plan, as bars and in the chart's description. */
function beforeAfterChart(
  plan: Plan,
  id: string,
  title: string,
  describe: (before1: string, after1: string, before2: string, after2: string) => string,
  show: (v: number) => string,
  figures: [AccessFigure, AccessFigure],
): SafeHtml {
  const { before, after } = plan.kpis;
  const [one, two] = figures.map((f) => ({
    label: f.label,
    values: [f.value(before.access), f.value(after.access)],
  }));
  return groupedBarChart({
    id,
    title,
    desc: describe(
      show(one!.values[0]!),
      show(one!.values[1]!),
      show(two!.values[0]!),
      show(two!.values[1]!),
    ),
    series: [
      { label: t().common.today, colour: '#9aa5b1' },
      { label: t().common.afterPlan, colour: '#0b6e4f' },
    ],
    format: (v) => show(v),
    categories: [one!, two!],
  });
}

function charts(plan: Plan): SafeHtml {
  const { before, after } = plan.kpis;
  const c = plan.currency;
  const m = t().plan.charts;
  const access = beforeAfterChart(plan, 'chart-coverage', m.shareTitle, m.shareDesc, formatPercent, [
    { label: m.population, value: (x) => x.coveredPopulationShare * 100 },
    { label: m.households, value: (x) => x.coveredHouseholdShare * 100 },
  ]);
  const distance = beforeAfterChart(plan, 'chart-distance', m.distanceTitle, m.distanceDesc, formatKm, [
    { label: m.mean, value: (x) => x.meanAccessDistanceM },
    { label: m.p90, value: (x) => x.p90AccessDistanceM },
  ]);
  const costSeries = m.costSeries.map((label, i) => ({ label, colour: SERIES_COLOURS[i] ?? '#777' }));
  const costValues = (k: typeof before) => [
    k.costPerWeek.boxesInvestment,
    k.costPerWeek.boxesYearly,
    k.costPerWeek.vans,
    k.costPerWeek.carriers,
  ];
  const cost = stackedBarChart({
    id: 'chart-cost',
    title: m.costTitle(c),
    desc: m.costDesc(
      formatMoney(after.costPerWeek.boxesInvestment, c),
      formatMoney(after.costPerWeek.boxesYearly, c),
      formatMoney(after.costPerWeek.vans, c),
      formatMoney(after.costPerWeek.carriers, c),
      formatMoney(after.costPerWeek.total, c),
    ),
    series: costSeries,
    format: (v) => formatMoney(v, c),
    rows: [
      { label: t().common.today, values: costValues(before) },
      { label: t().common.afterPlan, values: costValues(after) },
    ],
  });
  const co2Series = m.co2Series.map((label, i) => ({
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
    title: m.co2Title,
    desc: m.co2Desc(
      formatKg(before.co2KgPerWeek.total),
      formatKg(after.co2KgPerWeek.total),
      formatKg(after.co2KgPerWeek.vans),
      formatKg(after.co2KgPerWeek.carriers),
      formatKg(after.co2KgPerWeek.householdTrips),
    ),
    series: co2Series,
    format: (v) => formatKg(v),
    rows: [
      { label: t().common.today, values: co2Values(before) },
      { label: t().common.afterPlan, values: co2Values(after) },
    ],
  });
  return html`<div class="charts">${access}${distance}${cost}${co2}</div>`;
}

function placement(plan: Plan): SafeHtml {
  const p = plan.placement;
  const m = t().plan.placement;
  const gap =
    p.gapPct === null ? m.noBound : p.gapPct <= 1e-6 ? m.zeroGap : m.gap(formatPercent(p.gapPct, 2));
  return html`<dl class="facts placement">
    <dt>${m.model}</dt>
    <dd>${p.model}</dd>
    <dt>${m.statusLabel}</dt>
    <dd>${m.status[p.status] ?? p.status}</dd>
    <dt>${m.objective}</dt>
    <dd>${formatNumber(p.objective, 2)}</dd>
    <dt>${m.bound}</dt>
    <dd>${p.bound === null ? t().common.none : formatNumber(p.bound, 2)}</dd>
    <dt>${m.gapLabel}</dt>
    <dd>${gap}</dd>
  </dl>`;
}

/** The planner's assumptions in the report's language (a plan without codes: its English sentences). */
function plannerAssumptions(plan: Plan, names: Names): SafeHtml[] {
  if (!plan.messages) return plan.assumptions.map((a) => html`<li lang="en">${a}</li>`);
  return plan.messages.assumptions.map((a) =>
    a.code === 'placement_note' && currentLang() !== 'en'
      ? html`<li lang="en">${a.text}</li>`
      : html`<li>${wordPlanMessage(a, names)}</li>`,
  );
}

function assumptions(
  scenario: Scenario,
  plan: Plan,
  travelModel: TravelModelSummary | undefined,
  names: Names,
): SafeHtml {
  const p = scenario.policy;
  const m = t().plan.assumptions;
  const yesNo = (b: boolean) => (b ? t().common.yes : t().common.no);
  const policy: string[] = [
    m.accessLimit(accessLimitText(scenario)),
    ...(p.targetCoveredShare !== undefined ? [m.target(formatShare(p.targetCoveredShare, 0))] : []),
    ...(p.maxBoxes !== undefined ? [m.maxBoxes(p.maxBoxes)] : []),
    ...(p.budgetPerYear !== undefined ? [m.budget(formatMoney(p.budgetPerYear, scenario.currency))] : []),
    m.deliveries(p.deliveriesPerWeek),
    m.home(yesNo(p.homeDeliveryOutsideCoverage)),
    m.transports(yesNo(p.useExistingTransports)),
    m.lifetime(formatNumber(p.boxLifetimeYears)),
    m.dwell(formatNumber(p.dwellTimeDays, 1)),
  ];
  const labelled: Record<string, ((v: string) => string) | undefined> = {
    pickupTripsByCarShare: (v) => m.pickupTripsByCarShare(v),
    parcelsPerPickupTrip: (v) => m.parcelsPerPickupTrip(v),
    carCo2GPerKm: (v) => m.carCo2GPerKm(v),
    peoplePerHousehold: (v) => m.peoplePerHousehold(v),
  };
  const household = Object.entries(scenario.assumptions).map(([key, value]) => {
    const text =
      key === 'pickupTripsByCarShare'
        ? formatShare(value, 0)
        : key === 'carCo2GPerKm'
          ? formatNumber(value)
          : formatNumber(value, key === 'parcelsPerPickupTrip' || key === 'peoplePerHousehold' ? 1 : 2);
    return labelled[key] ? labelled[key](text) : `${key}: ${text}`;
  });
  const stated = scenario.statedAssumptions.map(wordStatedAssumption);
  return html`<div class="assumptions">
    ${
      stated.length
        ? html`<h3>${m.byScenario}</h3>
            <ul>
              ${stated.map((a) => {
                const body = html`<strong>${a.subject}</strong>: ${a.statement}${a.measuredError ? html`. <em>${m.measuredError}</em>: ${a.measuredError}` : ''}`;
                // An assumption written by hand stays in English, and says so to the browser.
                return a.inLanguage ? html`<li>${body}</li>` : html`<li lang="en">${body}</li>`;
              })}
            </ul>`
        : ''
    }
    <h3>${m.byPlanner}</h3>
    ${
      plan.assumptions.length
        ? html`<ul>
          ${plannerAssumptions(plan, names)}
        </ul>`
        : html`<p>${m.noneStated}</p>`
    }
    <h3>${m.household}</h3>
    <ul>
      ${household.map((a) => html`<li>${a}</li>`)}
    </ul>
    <h3>${m.policy}</h3>
    <ul>
      ${policy.map((a) => html`<li>${a}</li>`)}
    </ul>
    <h3>${m.travel}</h3>
    ${renderTravelModel(travelModel)}
  </div>`;
}

export function renderPlanReport(input: PlanReportInput): string {
  return withLang(input.lang ?? 'en', () => render(input));
}

function render({ scenario, plan, tileUrl, travelModel: given }: PlanReportInput): string {
  const names = new Names(scenario, plan);
  const m = t().plan;
  const travelModel = travelModelFor(given, plan, scenario);
  const budget = budgetCheck(scenario, plan);
  // The budget's warning is worded here, in the report's language; the plan's through their codes.
  const warnings: WarningItem[] = [
    ...(budget?.exceeded ? [{ text: budget.exceeded, ...rankWarning('budget'), english: false }] : []),
    ...planWarningItems(plan, names),
  ];
  const sections: Section[] = [
    [
      'key-figures',
      m.sections.keyFigures,
      renderKpiCards(scenario, plan.currency, plan.kpis.before, plan.kpis.after),
    ],
    [
      'map',
      m.sections.map,
      renderPlanMap(scenario, plan, names, {
        ...(tileUrl ? { tileUrl } : {}),
        ...(travelModel ? { travelModel } : {}),
      }),
    ],
    ['gains', m.sections.gains, renderGainsTable(plan, names)],
    ['access', t().access.sectionTitle, renderAccessSection(scenario, plan, names)],
    ['boxes', m.sections.boxes, renderBoxTable(scenario, plan, names)],
    ['carriers', m.sections.carriers, renderCarrierRoutes(scenario, plan, names)],
    ['vans', m.sections.vans, renderVanRoutes(plan, names)],
    ['unserved', m.sections.unserved, renderUnserved(plan, names)],
    ['charts', m.sections.charts, charts(plan)],
    ['placement', m.sections.placement, placement(plan)],
    ['assumptions', m.sections.assumptions, assumptions(scenario, plan, travelModel, names)],
    ['sources', m.sections.sources, html`${renderAttribution(plan)}${renderSources(scenario.sources)}`],
  ];
  const timings = plan.timingsS ? Object.values(plan.timingsS).reduce((s, v) => s + v, 0) : undefined;
  const body = html`<header class="report-header">
      <h1>${m.title(scenario.name)}</h1>
      <p class="subtitle">
        ${m.subtitle(
          plan.scenarioName,
          formatDate(plan.createdAt),
          plan.currency,
          scenario.demand.length,
          formatCount(plan.kpis.after.parcelsPerWeek),
        )}
      </p>
      ${renderTravelModel(travelModel)}
      ${scenario.description ? html`<p class="lead">${scenario.description}</p>` : ''}
      ${renderToc(sections)}
    </header>
    ${summary(scenario, plan, names)}${renderWarnings(warnings)}${renderSections(sections, warnings)}
    <footer>${m.footer(timings !== undefined ? formatNumber(timings, 1) : undefined)}</footer>`;
  const origin = tileSource(tileUrl)?.cspSource;
  return renderDocument(m.title(scenario.name), body, origin ? { allowImagesFrom: origin } : {});
}
