import { currentLang, LOCALES, type Lang } from './i18n/lang';

/**
 * Every number in reports and on the page, through the platform's Intl API: under Swedish,
 * digits grouped by a (no-break) space, a decimal comma and a true minus ("−1 234,5"); under
 * English, "-1,234.5". A no-break space joins a number and its unit.
 */
export const NBSP = '\u00a0';

const cache = new Map<string, Intl.NumberFormat>();

function numberFormat(lang: Lang, decimals: number): Intl.NumberFormat {
  const key = `${lang}:${decimals}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.NumberFormat(LOCALES[lang], {
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
    });
    cache.set(key, f);
  }
  return f;
}

export function formatNumber(value: number, decimals = 0, lang: Lang = currentLang()): string {
  if (!Number.isFinite(value)) return '–';
  // "−0.0" says nothing a reader can use: a value that rounds to zero is zero.
  const rounded = Math.abs(value) < 0.5 * 10 ** -decimals ? 0 : value;
  return numberFormat(lang, decimals)
    .format(rounded)
    .replace(/\u202f/g, NBSP);
}

export function formatMoney(
  value: number,
  currency: string,
  decimals = 0,
  lang: Lang = currentLang(),
): string {
  return `${formatNumber(value, decimals, lang)}${NBSP}${currency}`;
}

/** Cost per parcel is small: kronor with one decimal say more than whole kronor (a fall as much as a rise). */
export function formatMoneyPerParcel(value: number, currency: string): string {
  return formatMoney(value, currency, Math.abs(value) < 100 ? 1 : 0);
}

export function formatKm(distanceM: number, decimals = 1, lang: Lang = currentLang()): string {
  return `${formatNumber(distanceM / 1000, decimals, lang)}${NBSP}km`;
}

/** A share in 0..1 as a percentage. */
export function formatShare(share: number, decimals = 1, lang: Lang = currentLang()): string {
  return formatPercent(share * 100, decimals, lang);
}

export function formatPercent(percent: number, decimals = 1, lang: Lang = currentLang()): string {
  return `${formatNumber(percent, decimals, lang)}${NBSP}%`;
}

/** A decimal below 100 kg, where it says something; a fall is given as a rise of the same size. */
export function formatKg(kg: number): string {
  return `${formatNumber(kg, Math.abs(kg) < 100 ? 1 : 0)}${NBSP}kg`;
}

export function formatHours(hours: number): string {
  return `${formatNumber(hours, 1)}${NBSP}h`;
}

export function formatMinutes(durationS: number): string {
  return `${formatNumber(durationS / 60, Math.abs(durationS) < 600 ? 1 : 0)}${NBSP}min`;
}

/** Parcels and people are estimates with decimals; whole numbers read better above ten. */
export function formatCount(value: number): string {
  return formatNumber(value, Math.abs(value) < 10 && !Number.isInteger(value) ? 1 : 0);
}

export function formatDate(iso: string, lang: Lang = currentLang()): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const text = new Intl.DateTimeFormat(LOCALES[lang], {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'UTC',
  }).format(d);
  return `${text} UTC`;
}

/** "a, b and c" / "a, b och c". */
export function formatList(items: readonly string[], lang: Lang = currentLang()): string {
  return new Intl.ListFormat(LOCALES[lang], { type: 'conjunction' }).format(items);
}

const DAY_DATES: Record<string, string> = {
  mon: '2024-01-01',
  tue: '2024-01-02',
  wed: '2024-01-03',
  thu: '2024-01-04',
  fri: '2024-01-05',
  sat: '2024-01-06',
  sun: '2024-01-07',
};

/** A weekday ("mon") by name in the language, from Intl: "Monday", "måndag". */
export function dayName(day: string, style: 'long' | 'short' = 'long', lang: Lang = currentLang()): string {
  const date = DAY_DATES[day];
  if (!date) return day;
  return new Intl.DateTimeFormat(LOCALES[lang], { weekday: style, timeZone: 'UTC' }).format(new Date(date));
}

export function shortDays(days: readonly string[]): string {
  return days.map((d) => dayName(d, 'short')).join(', ');
}
