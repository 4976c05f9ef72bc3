import type { Kpis } from '@paketbygd/model';

const km = (m: number) => `${(m / 1000).toFixed(1)} km`;
const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
const money = (x: number, currency: string) => `${Math.round(x).toLocaleString('sv-SE')} ${currency}`;

/** The before/after summary printed at the end of `plan`. */
export function kpiTable(before: Kpis, after: Kpis, currency: string): string {
  // One row: a label and the same figure before and after, in the same format.
  const both = (label: string, show: (k: Kpis) => string): [string, string, string] => [
    label,
    show(before),
    show(after),
  ];
  const whole = (x: number) => x.toFixed(0);
  const rows: [string, string, string][] = [
    both('people within the access limit', (k) => pct(k.access.coveredPopulationShare)),
    both('households within the access limit', (k) => pct(k.access.coveredHouseholdShare)),
    both('mean access distance', (k) => km(k.access.meanAccessDistanceM)),
    both('p90 access distance', (k) => km(k.access.p90AccessDistanceM)),
    both('parcels a week in boxes', (k) => whole(k.parcelsInBoxesPerWeek)),
    both('parcels a week not served', (k) => whole(k.parcelsUnservedPerWeek)),
    both('vehicle-km a week (vans, detours)', (k) => whole(k.vehicleKmPerWeek)),
    both('household car-km a week', (k) => whole(k.householdTripKmPerWeek)),
    both('driver hours a week', (k) => k.driverHoursPerWeek.toFixed(1)),
    both('cost a week', (k) => money(k.costPerWeek.total, currency)),
    ['cost per parcel (boxes, homes)', '—', money(after.costPerParcel, currency)],
    both('CO2 a week (incl. household trips)', (k) => `${whole(k.co2KgPerWeek.total)} kg`),
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
