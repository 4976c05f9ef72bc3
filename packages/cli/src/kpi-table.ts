import type { Kpis } from '@paketbygd/model';

const km = (m: number) => `${(m / 1000).toFixed(1)} km`;
const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
const money = (x: number, currency: string) => `${Math.round(x).toLocaleString('sv-SE')} ${currency}`;

/** The before/after summary printed at the end of `plan`. */
export function kpiTable(before: Kpis, after: Kpis, currency: string): string {
  const rows: [string, string, string][] = [
    [
      'people within the access limit',
      pct(before.access.coveredPopulationShare),
      pct(after.access.coveredPopulationShare),
    ],
    [
      'households within the access limit',
      pct(before.access.coveredHouseholdShare),
      pct(after.access.coveredHouseholdShare),
    ],
    ['mean access distance', km(before.access.meanAccessDistanceM), km(after.access.meanAccessDistanceM)],
    ['p90 access distance', km(before.access.p90AccessDistanceM), km(after.access.p90AccessDistanceM)],
    [
      'parcels a week in boxes',
      before.parcelsInBoxesPerWeek.toFixed(0),
      after.parcelsInBoxesPerWeek.toFixed(0),
    ],
    [
      'parcels a week not served',
      before.parcelsUnservedPerWeek.toFixed(0),
      after.parcelsUnservedPerWeek.toFixed(0),
    ],
    [
      'vehicle-km a week (vans, detours)',
      before.vehicleKmPerWeek.toFixed(0),
      after.vehicleKmPerWeek.toFixed(0),
    ],
    [
      'household car-km a week',
      before.householdTripKmPerWeek.toFixed(0),
      after.householdTripKmPerWeek.toFixed(0),
    ],
    ['driver hours a week', before.driverHoursPerWeek.toFixed(1), after.driverHoursPerWeek.toFixed(1)],
    ['cost a week', money(before.costPerWeek.total, currency), money(after.costPerWeek.total, currency)],
    ['cost per parcel (boxes, homes)', '—', money(after.costPerParcel, currency)],
    [
      'CO2 a week (incl. household trips)',
      `${before.co2KgPerWeek.total.toFixed(0)} kg`,
      `${after.co2KgPerWeek.total.toFixed(0)} kg`,
    ],
  ];
  const w0 = Math.max(...rows.map((r) => r[0].length), 3);
  const w1 = Math.max(...rows.map((r) => r[1].length), 'before'.length);
  const w2 = Math.max(...rows.map((r) => r[2].length), 'after'.length);
  const line = (a: string, b: string, c: string) => `${a.padEnd(w0)}  ${b.padStart(w1)}  ${c.padStart(w2)}`;
  return [
    line('', 'before', 'after'),
    line('-'.repeat(w0), '-'.repeat(w1), '-'.repeat(w2)),
    ...rows.map((r) => line(...r)),
  ].join('\n');
}
