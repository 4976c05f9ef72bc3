/** Formatting for the page: the reports' one formatting module (Intl), in the page's language. */
import { sToClockTime } from '@paketbygd/model';
import { formatNumber } from '@paketbygd/report';
import { lang } from './lang';

const NBSP = '\u00a0';
/** Up to `digits` decimals, trailing zeros dropped (4 rather than 4.0). */
export const num = (v: number, digits = 0): string => {
  if (!Number.isFinite(v)) return '–';
  const exact = formatNumber(v, digits, lang());
  return digits > 0 && Math.abs(v - Math.round(v)) < 0.5 * 10 ** -digits ? formatNumber(v, 0, lang()) : exact;
};
export const pct = (share: number, digits = 0): string => `${num(share * 100, digits)}${NBSP}%`;
export const km = (m: number, digits = 1): string => `${num(m / 1000, digits)}${NBSP}km`;
export const money = (v: number, currency: string): string => `${num(v)}${NBSP}${currency}`;
/** A time of day, HH:MM (a van past midnight shows 00:10): the model's one clock format. */
export const clock = (s: number): string => sToClockTime(s, { wrap: true });
export const minutes = (s: number): string => `${num(s / 60, s < 600 ? 1 : 0)}\u00a0min`;
export const hours = (s: number): string => `${num(s / 3600, 1)}\u00a0h`;
