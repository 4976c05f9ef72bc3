/** Formatting for the page: Swedish-style grouping, units in the text. */
const nf = (digits: number) =>
  new Intl.NumberFormat('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: 0 });

export const num = (v: number, digits = 0): string => (Number.isFinite(v) ? nf(digits).format(v) : '–');
export const pct = (share: number, digits = 0): string => `${num(share * 100, digits)} %`;
export const km = (m: number, digits = 1): string => `${num(m / 1000, digits)} km`;
export const money = (v: number, currency: string): string => `${num(v)} ${currency}`;
export const clock = (s: number): string => {
  const t = Math.round(s / 60);
  return `${String(Math.floor(t / 60) % 24).padStart(2, '0')}:${String(t % 60).padStart(2, '0')}`;
};
export const minutes = (s: number): string => `${num(s / 60, s < 600 ? 1 : 0)} min`;
export const hours = (s: number): string => `${num(s / 3600, 1)} h`;

/** Escapes text for innerHTML. */
export const esc = (s: unknown): string =>
  String(s ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Offers a file to the user. */
export function download(name: string, content: Blob | string, type = 'application/json'): void {
  const blob = typeof content === 'string' ? new Blob([content], { type }) : content;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A file name from a title: lower case, dashes. */
export const slug = (s: string): string =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60) || 'scenario';
