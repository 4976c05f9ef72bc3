/** One stylesheet for both reports: system fonts only, so nothing is fetched when the file opens. */
export const STYLES = `
:root { --ink: #1d2329; --muted: #5b6570; --line: #d9dde2; --panel: #f6f7f9; --accent: #0b6e4f; --warn-bg: #fff4e5; --warn-line: #d9822b; --good: #1b7f4b; --bad: #b3261e; }
* { box-sizing: border-box; }
html { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--ink); background: #fff; line-height: 1.45; -webkit-text-size-adjust: 100%; }
body { margin: 0; }
main { max-width: 1240px; margin: 0 auto; padding: 24px 28px 48px; }
header.report-header { border-bottom: 3px solid var(--accent); margin-bottom: 20px; padding-bottom: 12px; }
h1 { font-size: 1.7rem; margin: 0 0 4px; }
h2 { font-size: 1.3rem; margin: 36px 0 12px; padding-bottom: 4px; border-bottom: 1px solid var(--line); }
h3 { font-size: 1.08rem; margin: 22px 0 8px; }
h4 { font-size: 0.95rem; margin: 0 0 6px; }
.subtitle { color: var(--muted); margin: 0; }
.lead { font-size: 1.05rem; max-width: 70ch; }
nav.toc ul { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 6px 16px; margin: 8px 0 0; font-size: 0.92rem; }
a { color: #0b5394; }
.warnings { background: var(--warn-bg); border: 1px solid var(--warn-line); border-left: 6px solid var(--warn-line); border-radius: 4px; padding: 10px 16px; margin: 16px 0; }
.warnings h2 { border: 0; margin: 4px 0 6px; font-size: 1.1rem; }
details.warnings summary { cursor: pointer; }
details.warnings summary h2 { display: inline; }
.section-warnings { list-style: none; padding: 6px 10px; margin: 6px 0 10px; background: var(--warn-bg); border-left: 4px solid var(--warn-line); border-radius: 3px; font-size: 0.92rem; }
.travel-model { color: var(--muted); font-size: 0.9rem; margin: 6px 0 0; }
.budget { border-top: 1px solid var(--line); padding-top: 6px; }
.warnings ul { margin: 0; padding-left: 20px; }
.callout { background: var(--panel); border-left: 6px solid var(--accent); padding: 10px 16px; border-radius: 4px; margin: 12px 0; }
.kpi-grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(220px, 1fr)); gap: 12px; }
.kpi { border: 1px solid var(--line); border-radius: 6px; padding: 10px 12px; background: #fff; }
.kpi h3 { font-size: 0.85rem; font-weight: 600; color: var(--muted); margin: 0 0 6px; }
.kpi .after { font-size: 1.45rem; font-weight: 700; }
.kpi .before { color: var(--muted); font-size: 0.88rem; }
.kpi .delta { font-size: 0.85rem; font-weight: 600; }
.delta.better { color: var(--good); }
.delta.worse { color: var(--bad); }
.delta.same { color: var(--muted); }
.table-wrap { overflow-x: auto; margin: 8px 0 16px; }
table { border-collapse: collapse; width: 100%; font-size: 0.92rem; }
caption { text-align: left; font-weight: 600; padding: 4px 0 6px; }
th, td { border-bottom: 1px solid var(--line); padding: 6px 8px; vertical-align: top; text-align: left; }
thead th { background: var(--panel); border-bottom: 2px solid #b9c0c7; white-space: nowrap; }
table.kpis thead th, table.measures thead th, table.scores thead th { white-space: normal; min-width: 7em; }
table.kpis tbody th, table.measures tbody th { min-width: 12em; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr.highlight td, tr.highlight th { background: #fff4e5; }
tr.winner td, tr.winner th { background: #e7f4ec; }
.map-figure { margin: 0; display: grid; grid-template-columns: minmax(0, 1fr) 260px; gap: 16px; align-items: start; }
.map-wrap { border: 1px solid var(--line); border-radius: 6px; overflow: hidden; background: #fbfbf8; }
svg.map { display: block; width: 100%; height: auto; }
.map-label { font-size: 11px; fill: #222; paint-order: stroke; stroke: #fff; stroke-width: 3px; stroke-linejoin: round; }
.map-label-box { font-weight: 700; fill: #0b4f39; }
.scale-text { font-size: 11px; fill: #222; }
.legend { font-size: 0.86rem; }
.legend-title { font-size: 0.95rem; margin: 0 0 6px; }
.legend-list { list-style: none; padding: 0; margin: 0; }
.legend-list li { display: flex; align-items: center; gap: 6px; margin: 3px 0; }
.legend-symbol { flex: none; }
.legend-note { color: var(--muted); }
.map-figure figcaption { grid-column: 1 / -1; }
.map-note { color: var(--muted); font-size: 0.86rem; margin: 4px 0; }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(460px, 1fr)); gap: 16px 28px; }
figure.chart { margin: 0; }
figure.chart svg { width: 100%; height: auto; max-width: 620px; display: block; }
figure.chart figcaption { font-size: 0.92rem; margin-top: 4px; }
.chart-title { font-weight: 600; }
.chart-label { font-size: 12px; fill: #222; }
.chart-value { font-size: 11px; fill: #333; }
.chart-legend { list-style: none; padding: 0; margin: 4px 0 0; display: flex; flex-wrap: wrap; gap: 4px 14px; font-size: 0.85rem; }
.swatch { display: inline-block; width: 12px; height: 12px; border-radius: 2px; margin-right: 5px; vertical-align: -1px; }
ol.stops { margin: 4px 0; padding-left: 22px; }
ol.stops li { margin: 1px 0; }
.tag { display: inline-block; font-size: 0.78rem; padding: 0 6px; border-radius: 8px; background: #e7f4ec; color: #0b4f39; margin-left: 4px; }
.tag.warn { background: #fde8e6; color: var(--bad); }
.muted { color: var(--muted); }
.bad, td.fail { color: var(--bad); }
td.over-promise { background: #fdf0ee; }
.route-block { border: 1px solid var(--line); border-radius: 6px; padding: 8px 12px; margin: 10px 0; }
.days { display: grid; grid-template-columns: repeat(auto-fill, minmax(360px, 1fr)); gap: 12px; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 4px 14px; margin: 8px 0; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; }
footer { margin-top: 40px; color: var(--muted); font-size: 0.85rem; border-top: 1px solid var(--line); padding-top: 10px; }
@media (max-width: 900px) {
  main { padding: 16px; }
  .map-figure { grid-template-columns: 1fr; }
  .charts { grid-template-columns: 1fr; }
}
@media print {
  main { max-width: none; padding: 0; }
  nav.toc { display: none; }
  h2 { break-after: avoid; }
  .kpi, figure, .route-block, tr { break-inside: avoid; }
  .map-figure { grid-template-columns: 1fr; }
  .table-wrap { overflow: visible; }
  a { color: inherit; }
}
`;
