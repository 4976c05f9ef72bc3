/**
 * Numbers for Swedish readers in English text: digits grouped by a no-break space
 * ("12 345"), a decimal point, and a space before the unit ("4.2 km", "87.3 %").
 * The no-break space keeps a number and its unit on one line in narrow table cells.
 */
export const NBSP = '\u00a0';
const MINUS = '\u2212';

export function formatNumber(value: number, decimals = 0): string {
  if (!Number.isFinite(value)) return '–';
  const fixed = Math.abs(value).toFixed(decimals);
  const [whole = '0', fraction] = fixed.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, NBSP);
  const negative = value < 0 && Number(fixed) !== 0;
  return `${negative ? MINUS : ''}${grouped}${fraction ? `.${fraction}` : ''}`;
}

export function formatMoney(value: number, currency: string, decimals = 0): string {
  return `${formatNumber(value, decimals)}${NBSP}${currency}`;
}

/** Cost per parcel is small: kronor with one decimal say more than whole kronor. */
export function formatMoneyPerParcel(value: number, currency: string): string {
  return formatMoney(value, currency, value < 100 ? 1 : 0);
}

export function formatKm(distanceM: number, decimals = 1): string {
  return `${formatNumber(distanceM / 1000, decimals)}${NBSP}km`;
}

/** A share in 0..1 as a percentage. */
export function formatShare(share: number, decimals = 1): string {
  return `${formatNumber(share * 100, decimals)}${NBSP}%`;
}

export function formatPercent(percent: number, decimals = 1): string {
  return `${formatNumber(percent, decimals)}${NBSP}%`;
}

export function formatKg(kg: number): string {
  return `${formatNumber(kg, kg < 100 ? 1 : 0)}${NBSP}kg`;
}

export function formatHours(hours: number): string {
  return `${formatNumber(hours, 1)}${NBSP}h`;
}

export function formatMinutes(durationS: number): string {
  return `${formatNumber(durationS / 60, durationS < 600 ? 1 : 0)}${NBSP}min`;
}

/** Seconds after midnight as 24-hour HH:MM (a van that runs past midnight shows 24:10, not 00:10). */
export function formatClock(secondsAfterMidnight: number): string {
  const totalMin = Math.round(secondsAfterMidnight / 60);
  const h = Math.floor(totalMin / 60);
  const m = totalMin - h * 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

/** Parcels and people are estimates with decimals; whole numbers read better above ten. */
export function formatCount(value: number): string {
  return formatNumber(value, Math.abs(value) < 10 && !Number.isInteger(value) ? 1 : 0);
}

export function formatDate(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.toISOString().slice(0, 10)} ${d.toISOString().slice(11, 16)} UTC`;
}

const DAY_NAMES: Record<string, string> = {
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
  sun: 'Sunday',
};

export function dayName(day: string): string {
  return DAY_NAMES[day] ?? day;
}

export function shortDays(days: readonly string[]): string {
  return days.map((d) => (DAY_NAMES[d] ?? d).slice(0, 3)).join(', ');
}
