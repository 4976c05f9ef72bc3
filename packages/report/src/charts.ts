import { html, type SafeHtml } from './html';
import { px } from './projection';

export interface Series {
  label: string;
  colour: string;
}

export interface ChartBase {
  /** Unique in the document: the chart's title and description are referenced by id. */
  id: string;
  title: string;
  desc: string;
  series: readonly Series[];
  format: (value: number) => string;
  widthPx?: number;
  /** The value a full-width bar stands for (such as the maximum points); the largest value otherwise. */
  scaleMax?: number;
}

const VALUE_W = 110;
const BAR_H = 18;
const CHAR_W_PX = 6.6;
const MIN_LABEL_W = 80;
const MAX_LABEL_W = 230;

/** Wide enough for the longest label up to a limit; longer labels are cut with an ellipsis (the full text is in the bar's title). */
function labelLayout(labels: readonly string[]): { widthPx: number; fit: (label: string) => string } {
  const longest = Math.max(0, ...labels.map((l) => l.length));
  const widthPx = Math.min(MAX_LABEL_W, Math.max(MIN_LABEL_W, longest * CHAR_W_PX + 14));
  const maxChars = Math.floor((widthPx - 14) / CHAR_W_PX);
  return {
    widthPx,
    fit: (label) => (label.length <= maxChars ? label : `${label.slice(0, maxChars - 1)}…`),
  };
}

/** The labels' column and the bars' width: what is left of the chart beside the labels and values. */
function plotArea(chart: ChartBase, rows: readonly { label: string }[]) {
  const labels = labelLayout(rows.map((r) => r.label));
  return { labels, labelW: labels.widthPx, plotW: (chart.widthPx ?? 560) - labels.widthPx - VALUE_W };
}

function legendOf(series: readonly Series[]): SafeHtml {
  return html`<ul class="chart-legend">${series.map(
    (s) => html`<li><span class="swatch" style="background:${s.colour}"></span>${s.label}</li>`,
  )}</ul>`;
}

function frame(chart: ChartBase, heightPx: number, body: SafeHtml): SafeHtml {
  const widthPx = chart.widthPx ?? 560;
  return html`<figure class="chart"><svg role="img" aria-labelledby="${chart.id}-title ${chart.id}-desc" viewBox="0 0 ${widthPx} ${heightPx}" width="${widthPx}" height="${heightPx}" xmlns="http://www.w3.org/2000/svg"><title id="${chart.id}-title">${chart.title}</title><desc id="${chart.id}-desc">${chart.desc}</desc>${body}</svg><figcaption><span class="chart-title">${chart.title}</span>${chart.series.length > 1 ? legendOf(chart.series) : ''}</figcaption></figure>`;
}

/** Horizontal bars, one group per category and one bar per series (before/after, or one per bid). */
export function groupedBarChart(
  chart: ChartBase & { categories: readonly { label: string; values: readonly number[] }[] },
): SafeHtml {
  const { labels, labelW, plotW } = plotArea(chart, chart.categories);
  const max = Math.max(
    1e-9,
    chart.scaleMax ?? 0,
    ...chart.categories.flatMap((c) => c.values.map((v) => Math.abs(v))),
  );
  const groupH = chart.series.length * (BAR_H + 3) + 14;
  let y = 8;
  const groups = chart.categories.map((c) => {
    const top = y;
    y += groupH;
    const bars = c.values.map((v, i) => {
      const barY = top + i * (BAR_H + 3);
      const w = (Math.max(0, v) / max) * plotW;
      const s = chart.series[i];
      return html`<rect x="${labelW}" y="${barY}" width="${px(w)}" height="${BAR_H}" fill="${s?.colour ?? '#777'}"><title>${c.label}, ${s?.label ?? ''}: ${chart.format(v)}</title></rect><text class="chart-value" x="${px(labelW + w + 5)}" y="${barY + BAR_H - 5}">${chart.format(v)}</text>`;
    });
    const labelY = top + (c.values.length * (BAR_H + 3)) / 2 + 2;
    return html`<g><text class="chart-label" x="${labelW - 8}" y="${px(labelY)}" text-anchor="end">${labels.fit(c.label)}<title>${c.label}</title></text>${bars}</g>`;
  });
  return frame(
    chart,
    y + 4,
    html`<line x1="${labelW}" y1="4" x2="${labelW}" y2="${y}" stroke="#999"/>${groups}`,
  );
}

/** Horizontal stacked bars: one row per plan or entry, one segment per part of the total. */
export function stackedBarChart(
  chart: ChartBase & { rows: readonly { label: string; values: readonly number[] }[] },
): SafeHtml {
  const { labels, labelW, plotW } = plotArea(chart, chart.rows);
  const totals = chart.rows.map((r) => r.values.reduce((s, v) => s + Math.max(0, v), 0));
  const max = Math.max(1e-9, chart.scaleMax ?? 0, ...totals);
  const rowH = BAR_H + 14;
  const rows = chart.rows.map((r, ri) => {
    const y = 8 + ri * rowH;
    let x = labelW;
    const segments = r.values.map((v, i) => {
      const w = (Math.max(0, v) / max) * plotW;
      const s = chart.series[i];
      const seg = html`<rect x="${px(x)}" y="${y}" width="${px(w)}" height="${BAR_H}" fill="${s?.colour ?? '#777'}" stroke="#fff" stroke-width="0.5"><title>${r.label}, ${s?.label ?? ''}: ${chart.format(v)}</title></rect>`;
      x += w;
      return seg;
    });
    return html`<g><text class="chart-label" x="${labelW - 8}" y="${y + BAR_H - 5}" text-anchor="end">${labels.fit(r.label)}<title>${r.label}</title></text>${segments}<text class="chart-value" x="${px(x + 5)}" y="${y + BAR_H - 5}">${chart.format(totals[ri] ?? 0)}</text></g>`;
  });
  const heightPx = 8 + chart.rows.length * rowH;
  return frame(
    chart,
    heightPx,
    html`<line x1="${labelW}" y1="4" x2="${labelW}" y2="${heightPx - 6}" stroke="#999"/>${rows}`,
  );
}
