import type { ComparisonResult } from '@paketbygd/model';
import { esc, km, money, num, pct } from './format';

type Entry = ComparisonResult['entries'][number];

interface Row {
  label: string;
  value: (e: Entry) => number;
  show: (v: number, currency: string) => string;
  higherIsBetter: boolean;
  chart?: boolean;
}

const ROWS: Row[] = [
  { label: 'Boxes', value: (e) => e.boxSiteIds.length, show: (v) => num(v), higherIsBetter: true },
  {
    label: 'People within the access limit',
    value: (e) => e.kpis.access.coveredPopulationShare,
    show: (v) => pct(v),
    higherIsBetter: true,
    chart: true,
  },
  {
    label: 'Mean distance to a pickup point',
    value: (e) => e.kpis.access.meanAccessDistanceM,
    show: (v) => km(v),
    higherIsBetter: false,
  },
  {
    label: 'Cost per week',
    value: (e) => e.kpis.costPerWeek.total,
    show: (v, c) => money(v, c),
    higherIsBetter: false,
    chart: true,
  },
  {
    label: 'Cost per parcel',
    value: (e) => e.kpis.costPerParcel,
    show: (v, c) => `${num(v, 1)} ${c}`,
    higherIsBetter: false,
  },
  {
    label: 'CO₂ per week',
    value: (e) => e.kpis.co2KgPerWeek.total,
    show: (v) => `${num(v)} kg`,
    higherIsBetter: false,
    chart: true,
  },
  {
    label: 'Van km per week',
    value: (e) => e.kpis.vehicleKmPerWeek,
    show: (v) => `${num(v)} km`,
    higherIsBetter: false,
  },
  {
    label: 'Parcels to boxes per week',
    value: (e) => e.kpis.parcelsInBoxesPerWeek,
    show: (v) => num(v),
    higherIsBetter: true,
  },
];

const PALETTE = ['#546e7a', '#0b5cad', '#e65100', '#00897b', '#8e24aa', '#c62828', '#558b2f'];

/** A horizontal bar chart as inline SVG, with a text alternative. */
function barChart(
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

/** Fills the compare panel: KPI table, charts, scores with breakdown, sensitivity. */
export function renderComparison(root: HTMLElement, result: ComparisonResult): void {
  const q = (sel: string) => root.querySelector<HTMLElement>(sel)!;
  const entries = result.entries;
  const label = new Map(entries.map((e) => [e.id, e.label]));
  const scoring = result.scoring;
  const scoreOf = new Map((scoring?.scores ?? []).map((s) => [s.id, s]));
  const colour = new Map(entries.map((e, i) => [e.id, PALETTE[i % PALETTE.length]!]));

  const head = entries
    .map(
      (e) =>
        `<th scope="col" class="num" data-entry="${esc(e.id)}">${esc(e.label)}<br><small>${esc(e.kind)}</small></th>`,
    )
    .join('');
  const rows = ROWS.map((r) => {
    const values = entries.map((e) => r.value(e));
    const best = r.higherIsBetter ? Math.max(...values) : Math.min(...values);
    return `<tr><th scope="row">${esc(r.label)}</th>${values
      .map(
        (v) =>
          `<td class="num${v === best && entries.length > 1 ? ' winner' : ''}">${esc(r.show(v, result.currency))}${v === best && entries.length > 1 ? '<span class="visually-hidden"> (best)</span>' : ''}</td>`,
      )
      .join('')}</tr>`;
  });
  if (scoring) {
    rows.push(
      `<tr><th scope="row">Score (of ${num(scoring.maxPoints)})</th>${entries
        .map((e) => {
          const s = scoreOf.get(e.id);
          return `<td class="num${s?.rank === 1 ? ' winner' : ''}">${s ? `${num(s.total, 1)} (#${s.rank})` : '–'}</td>`;
        })
        .join('')}</tr>`,
    );
  }
  q('#compare-table').innerHTML =
    `<caption class="visually-hidden">Key figures of each entry; the best in bold</caption>
    <thead><tr><th scope="col">Key figure</th>${head}</tr></thead><tbody>${rows.join('')}</tbody>`;

  const charts = ROWS.filter((r) => r.chart).map((r) =>
    barChart(
      r.label,
      entries.map((e) => ({
        label: e.label,
        value: r.value(e),
        text: r.show(r.value(e), result.currency),
        colour: colour.get(e.id)!,
      })),
    ),
  );
  if (scoring) {
    const scored = entries.filter((e) => scoreOf.has(e.id));
    charts.unshift(
      barChart(
        `Score (${scoring.model.replace('_', ' ')}${scoring.higherWins ? ', higher wins' : ', lower wins'})`,
        scored.map((e) => ({
          label: e.label,
          value: scoreOf.get(e.id)!.total,
          text: num(scoreOf.get(e.id)!.total, 1),
          colour: colour.get(e.id)!,
        })),
      ),
    );
  }
  q('#compare-charts').innerHTML = charts.join('');

  if (scoring) {
    const ranked = [...scoring.scores].sort((a, b) => a.rank - b.rank);
    q('#compare-scores').innerHTML = ranked
      .map((s) => {
        const crit = s.criteria
          .map(
            (
              c,
            ) => `<tr><th scope="row">${esc(c.criterionId)}</th><td>${esc(c.measure)}</td><td class="num">${num(c.value, 3)}</td>
              <td class="num">${pct(c.fulfilment)}</td><td class="num">${num(c.contribution, 2)}</td><td>${esc(c.explanation)}</td></tr>`,
          )
          .join('');
        return `<details class="route score" data-score="${esc(s.id)}" ${s.rank === 1 ? 'open' : ''}>
          <summary><strong>#${s.rank}</strong> ${esc(label.get(s.id) ?? s.id)}: <strong>${num(s.total, 1)}</strong> of ${num(scoring.maxPoints)}</summary>
          <div class="table-wrap"><table><thead><tr><th scope="col">Criterion</th><th scope="col">Measure</th><th scope="col" class="num">Value</th>
          <th scope="col" class="num">Fulfilment</th><th scope="col" class="num">Contribution</th><th scope="col">Why</th></tr></thead>
          <tbody>${crit}</tbody></table></div></details>`;
      })
      .join('');
    const sens = scoring.sensitivity
      .map(
        (
          s,
        ) => `<tr class="${s.winnerChanges ? 'winner' : ''}"><td>${esc(s.what)}</td><td class="num">${s.change > 0 ? '+' : ''}${num(s.change * 100)} %</td>
          <td>${esc(s.ranking.map((id) => label.get(id) ?? id).join(' › '))}</td><td>${s.winnerChanges ? 'yes' : 'no'}</td></tr>`,
      )
      .join('');
    const flips = scoring.sensitivity.filter((s) => s.winnerChanges).length;
    q('#compare-sensitivity').innerHTML = `<p id="sensitivity-summary">${
      flips === 0
        ? 'The winner stays the same under every change tested.'
        : `The winner changes under ${flips} of ${scoring.sensitivity.length} changes tested.`
    }</p>
      <div class="table-wrap"><table id="sensitivity-table"><thead><tr><th scope="col">Change</th><th scope="col" class="num">By</th>
      <th scope="col">Ranking</th><th scope="col">Winner changes</th></tr></thead><tbody>${sens}</tbody></table></div>`;
  } else {
    q('#compare-scores').innerHTML =
      '<p>No scoring given: load or upload a scoring file to rank the entries.</p>';
    q('#compare-sensitivity').innerHTML = '<p>Sensitivity needs a scoring.</p>';
  }
  q('#compare-warnings').innerHTML = result.warnings.length
    ? `<h3>Warnings</h3><ul class="warnings">${result.warnings.map((w) => `<li>${esc(w)}</li>`).join('')}</ul>`
    : '';
}
