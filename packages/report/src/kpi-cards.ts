import type { Kpis, Scenario } from '@paketbygd/model';
import {
  formatHours,
  formatKg,
  formatKm,
  formatMinutes,
  formatMoney,
  formatMoneyPerParcel,
  formatNumber,
  formatCount,
  formatShare,
  NBSP,
} from './format';
import { html, type SafeHtml } from './html';
import { t } from './i18n';

export interface KpiDefinition {
  id: string;
  title: string;
  value: (k: Kpis) => number;
  format: (v: number) => string;
  /** How to print the change; shares change by percentage points, not percent. */
  formatDelta: (d: number) => string;
  better: 'higher' | 'lower';
  note?: (k: Kpis) => string;
}

function signed(d: number, text: string): string {
  if (Math.abs(d) < 1e-9) return `±${text.replace(/^[−-]/, '')}`;
  return d > 0 ? `+${text}` : text;
}

export function accessLimitText(scenario: Scenario): string {
  const p = scenario.policy;
  const m = t().kpi;
  if (p.maxAccessDistanceM !== undefined) return m.within(formatKm(p.maxAccessDistanceM));
  if (p.maxAccessDurationMin !== undefined)
    return m.within(`${formatNumber(p.maxAccessDurationMin)}${NBSP}min`);
  return m.withinLimit;
}

export function kpiDefinitions(scenario: Scenario, currency: string): KpiDefinition[] {
  const limit = accessLimitText(scenario);
  const m = t().kpi;
  const pp = (d: number) => signed(d, `${formatNumber(d * 100, 1)}${NBSP}${m.pp}`);
  return [
    {
      id: 'covered-population',
      title: m.populationWithin(limit),
      value: (k) => k.access.coveredPopulationShare,
      format: (v) => formatShare(v),
      formatDelta: pp,
      better: 'higher',
    },
    {
      id: 'covered-households',
      title: m.householdsWithin(limit),
      value: (k) => k.access.coveredHouseholdShare,
      format: (v) => formatShare(v),
      formatDelta: pp,
      better: 'higher',
    },
    {
      id: 'mean-access',
      title: m.meanAccess,
      value: (k) => k.access.meanAccessDistanceM,
      format: (v) => formatKm(v),
      formatDelta: (d) => signed(d, formatKm(d)),
      better: 'lower',
      note: (k) => m.meanTime(formatMinutes(k.access.meanAccessDurationS)),
    },
    {
      id: 'p90-access',
      title: m.p90,
      value: (k) => k.access.p90AccessDistanceM,
      format: (v) => formatKm(v),
      formatDelta: (d) => signed(d, formatKm(d)),
      better: 'lower',
    },
    {
      id: 'vehicle-km',
      title: m.vehicleKm,
      value: (k) => k.vehicleKmPerWeek,
      format: (v) => `${formatNumber(v)}${NBSP}km`,
      formatDelta: (d) => signed(d, `${formatNumber(d)}${NBSP}km`),
      better: 'lower',
      note: (k) => m.detourKm(`${formatNumber(k.carrierDetourKmPerWeek, 1)}${NBSP}km`),
    },
    {
      id: 'driver-hours',
      title: m.driverHours,
      value: (k) => k.driverHoursPerWeek,
      format: (v) => formatHours(v),
      formatDelta: (d) => signed(d, formatHours(d)),
      better: 'lower',
    },
    {
      id: 'cost-week',
      title: m.costWeek,
      value: (k) => k.costPerWeek.total,
      format: (v) => formatMoney(v, currency),
      formatDelta: (d) => signed(d, formatMoney(d, currency)),
      better: 'lower',
      note: (k) => m.costYear(formatMoney(k.costPerWeek.total * 52, currency)),
    },
    {
      id: 'cost-parcel',
      title: m.costParcel,
      value: (k) => k.costPerParcel,
      format: (v) => formatMoneyPerParcel(v, currency),
      formatDelta: (d) => signed(d, formatMoneyPerParcel(d, currency)),
      better: 'lower',
    },
    {
      id: 'co2-week',
      title: m.co2Week,
      value: (k) => k.co2KgPerWeek.total,
      format: (v) => formatKg(v),
      formatDelta: (d) => signed(d, formatKg(d)),
      better: 'lower',
      note: (k) =>
        m.householdTrips(
          formatKg(k.co2KgPerWeek.householdTrips),
          `${formatNumber(k.householdTripKmPerWeek)}${NBSP}km`,
        ),
    },
    {
      id: 'unserved',
      title: m.unserved,
      value: (k) => k.parcelsUnservedPerWeek,
      format: (v) => formatCount(v),
      formatDelta: (d) => signed(d, formatCount(d)),
      better: 'lower',
      note: (k) => m.ofParcels(formatCount(k.parcelsPerWeek)),
    },
  ];
}

function deltaClass(def: KpiDefinition, d: number, scale: number): string {
  if (Math.abs(d) <= 1e-6 * Math.max(1, Math.abs(scale))) return 'same';
  return d > 0 === (def.better === 'higher') ? 'better' : 'worse';
}

export function renderKpiCards(scenario: Scenario, currency: string, before: Kpis, after: Kpis): SafeHtml {
  const m = t().kpi;
  const cards = kpiDefinitions(scenario, currency).map((def) => {
    const b = def.value(before);
    const a = def.value(after);
    const d = a - b;
    const cls = deltaClass(def, d, b);
    return html`<section class="kpi" data-kpi="${def.id}" aria-labelledby="kpi-${def.id}">
      <h3 id="kpi-${def.id}">${def.title}</h3>
      <div class="after">${def.format(a)}</div>
      <div class="before">${m.todayValue(def.format(b))}</div>
      <div class="delta ${cls}">
        ${def.formatDelta(d)}${cls === 'same' ? '' : cls === 'better' ? m.better : m.worse}
      </div>
      ${def.note ? html`<div class="before">${def.note(after)}</div>` : ''}
    </section>`;
  });
  return html`<div class="kpi-grid">${cards}</div>`;
}
