import type { Kpis, Plan } from '@paketbygd/model';
import { t } from '@paketbygd/report';
import { km, money, num, pct } from '../../i18n/format';
import { lang, w } from '../../i18n/lang';
import { esc } from '../../ui/html';

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

/** Before → after cards, with better/worse in words beside the arrow. */
export function kpiCards(plan: Plan): string {
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
