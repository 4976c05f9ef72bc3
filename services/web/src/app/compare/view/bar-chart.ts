import { esc } from '../../ui/html';

/** One colour per entry, the same in every chart. */
export const PALETTE = ['#546e7a', '#0b5cad', '#e65100', '#00897b', '#8e24aa', '#c62828', '#558b2f'];

/** A horizontal bar chart as inline SVG, with a text alternative. */
export function barChart(
  title: string,
  items: { label: string; value: number; text: string; colour: string }[],
): string {
  const max = Math.max(...items.map((i) => Math.abs(i.value)), 1e-9);
  const rowH = 26;
  const labelW = 170;
  const barW = 190;
  const h = items.length * rowH + 6;
  const bars = items
    .map((it, i) => {
      const w = Math.max(1, (Math.abs(it.value) / max) * barW);
      const y = i * rowH + 4;
      return `<text x="4" y="${y + 15}">${esc(it.label.length > 24 ? `${it.label.slice(0, 23)}…` : it.label)}</text>
        <rect x="${labelW}" y="${y}" width="${w.toFixed(1)}" height="${rowH - 8}" fill="${it.colour}" rx="2"></rect>
        <text x="${(labelW + w + 4).toFixed(1)}" y="${y + 15}">${esc(it.text)}</text>`;
    })
    .join('');
  const alt = `${title}: ${items.map((i) => `${i.label} ${i.text}`).join('; ')}`;
  return `<figure class="chart"><figcaption>${esc(title)}</figcaption>
    <svg viewBox="0 0 ${labelW + barW + 110} ${h}" width="100%" role="img" aria-label="${esc(alt)}">${bars}</svg></figure>`;
}
