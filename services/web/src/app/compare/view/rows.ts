import type { ComparisonResult } from '@paketbygd/model';
import { t } from '@paketbygd/report';
import { km, money, num, pct } from '../../i18n/format';
import { lang } from '../../i18n/lang';

export type Entry = ComparisonResult['entries'][number];

/** A key figure of the comparison: how to read it from an entry and show it. */
export interface Row {
  label: string;
  value: (e: Entry) => number;
  show: (v: number, currency: string) => string;
  higherIsBetter: boolean;
  chart?: boolean;
}

export const ROWS: Row[] = [
  { label: 'newBoxes', value: (e) => e.boxSiteIds.length, show: (v) => num(v), higherIsBetter: true },
  {
    label: 'covered',
    value: (e) => e.kpis.access.coveredPopulationShare,
    show: (v) => pct(v, 1),
    higherIsBetter: true,
    chart: true,
  },
  {
    label: 'meanAccess',
    value: (e) => e.kpis.access.meanAccessDistanceM,
    show: (v) => km(v),
    higherIsBetter: false,
  },
  {
    label: 'costWeek',
    value: (e) => e.kpis.costPerWeek.total,
    show: (v, c) => money(v, c),
    higherIsBetter: false,
    chart: true,
  },
  {
    label: 'costParcel',
    value: (e) => e.kpis.costPerParcel,
    show: (v, c) => `${num(v, 1)}\u00a0${c}`,
    higherIsBetter: false,
  },
  {
    label: 'co2',
    value: (e) => e.kpis.co2KgPerWeek.total,
    show: (v) => `${num(v)}\u00a0kg`,
    higherIsBetter: false,
    chart: true,
  },
  {
    label: 'vehicleKm',
    value: (e) => e.kpis.vehicleKmPerWeek,
    show: (v) => `${num(v)}\u00a0km`,
    higherIsBetter: false,
  },
  {
    label: 'parcelsInBoxes',
    value: (e) => e.kpis.parcelsInBoxesPerWeek,
    show: (v) => num(v),
    higherIsBetter: true,
  },
];

/** A row's name in the page's language (the reports' words). */
export function rowLabel(key: string): string {
  const r = t(lang());
  const names: Record<string, string> = {
    newBoxes: r.comparison.newBoxes,
    covered: r.comparison.coverageSeries,
    meanAccess: r.kpi.meanAccess,
    costWeek: r.kpi.costWeek,
    costParcel: r.kpi.costParcel,
    co2: r.comparison.measures.co2_kg_per_week ?? 'CO₂',
    vehicleKm: r.kpi.vehicleKm,
    parcelsInBoxes: r.comparison.parcelsInBoxes,
  };
  return names[key] ?? key;
}
