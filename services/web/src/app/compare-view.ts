import type { ComparisonResult } from '@paketbygd/model';
import { t } from '@paketbygd/report';
import { esc, km, money, num, pct } from './format';
import { lang, w } from './i18n';

type Entry = ComparisonResult['entries'][number];

interface Row {
  label: string;
  value: (e: Entry) => number;
  show: (v: number, currency: string) => string;
  higherIsBetter: boolean;
  chart?: boolean;
}

const ROWS: Row[] = [
  { label: 'newBoxes', value: (e) => e.boxSiteIds.length, show: (v) => num(v), higherIsBetter: true },
  {
    label: 'covered',
    value: (e) => e.kpis.access.coveredPopulationShare,
    show: (v) => pct(v, 1),
    higherIsBetter: true,
    chart: true,
  },
  {
    label: 'meanAccess',
    value: (e) => e.kpis.access.meanAccessDistanceM,
    show: (v) => km(v),
    higherIsBetter: false,
  },
  {
    label: 'costWeek',
    value: (e) => e.kpis.costPerWeek.total,
    show: (v, c) => money(v, c),
    higherIsBetter: false,
    chart: true,
  },
  {
    label: 'costParcel',
    value: (e) => e.kpis.costPerParcel,
    show: (v, c) => `${num(v, 1)}\u00a0${c}`,
    higherIsBetter: false,
  },
  {
    label: 'co2',
    value: (e) => e.kpis.co2KgPerWeek.total,
    show: (v) => `${num(v)}\u00a0kg`,
    higherIsBetter: false,
    chart: true,
  },
  {
    label: 'vehicleKm',
    value: (e) => e.kpis.vehicleKmPerWeek,
    show: (v) => `${num(v)}\u00a0km`,
    higherIsBetter: false,
  },
  {
    label: 'parcelsInBoxes',
    value: (e) => e.kpis.parcelsInBoxesPerWeek,
    show: (v) => num(v),
    higherIsBetter: true,
  },
];

/** A row's name in the page's language (the reports' words). */
function rowLabel(key: string): string {
  const r = t(lang());
  const names: Record<string, string> = {
    newBoxes: r.comparison.newBoxes,
    covered: r.comparison.coverageSeries,
    meanAccess: r.kpi.meanAccess,
    costWeek: r.kpi.costWeek,
    costParcel: r.kpi.costParcel,
    co2: r.comparison.measures.co2_kg_per_week ?? 'CO₂',
    vehicleKm: r.kpi.vehicleKm,
    parcelsInBoxes: r.comparison.parcelsInBoxes,
  };
  return names[key] ?? key;
}

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
  const words = t(lang()).comparison;
  const label = new Map(entries.map((e) => [e.id, e.kind === 'today' ? words.todayLabel : e.label]));
  const scoring = result.scoring;
  const scoreOf = new Map((scoring?.scores ?? []).map((s) => [s.id, s]));
  const colour = new Map(entries.map((e, i) => [e.id, PALETTE[i % PALETTE.length]!]));

  const head = entries
    .map(
      (e) =>
        `<th scope="col" class="num" data-entry="${esc(e.id)}">${esc(label.get(e.id))}<br><small>${esc(words.kinds[e.kind] ?? e.kind)}</small>${
          e.disqualified
            ? `<br><span class="tag warn" data-status="disqualified">${esc(words.disqualified)}</span>`
            : ''
        }${e.abnormallyLow ? `<br><span class="tag warn" data-status="abnormally-low">${esc(words.abnormallyLowTag)}</span>` : ''}${
          e.unfilledBoxSiteIds.length > 0
            ? `<br><span class="tag warn" data-status="unfilled">${esc(words.unfilledFlag(e.boxSiteIds.length - e.unfilledBoxSiteIds.length, e.boxSiteIds.length))}</span>`
            : ''
        }</th>`,
    )
    .join('');
  // Today is shown for reference; the best value is marked among the plans and bids.
  const rows = ROWS.map((r) => {
    const values = entries.map((e) => r.value(e));
    const contenders = values.filter((_, i) => entries[i]!.kind !== 'today');
    const best = r.higherIsBetter ? Math.max(...contenders) : Math.min(...contenders);
    const isBest = (v: number, i: number) =>
      v === best && contenders.length > 1 && entries[i]!.kind !== 'today';
    return `<tr><th scope="row">${esc(rowLabel(r.label))}</th>${values
      .map(
        (v, i) =>
          `<td class="num${isBest(v, i) ? ' winner' : ''}">${esc(r.show(v, result.currency))}${isBest(v, i) ? '<span class="visually-hidden"> (best)</span>' : ''}</td>`,
      )
      .join('')}</tr>`;
  });
  if (scoring) {
    rows.push(
      `<tr><th scope="row">${esc(words.sections.scores)} (${esc(words.ofPoints('', num(scoring.maxPoints)).trim())})</th>${entries
        .map((e) => {
          const s = scoreOf.get(e.id);
          return `<td class="num${s?.rank === 1 ? ' winner' : ''}">${s ? `${num(s.total, 1)} (#${s.rank})` : '–'}</td>`;
        })
        .join('')}</tr>`,
    );
  }
  q('#compare-table').innerHTML = `<caption class="visually-hidden">${esc(words.kpiCaption)}</caption>
    <thead><tr><th scope="col">${esc(words.keyFigure)}</th>${head}</tr></thead><tbody>${rows.join('')}</tbody>`;

  const charts = ROWS.filter((r) => r.chart).map((r) =>
    barChart(
      rowLabel(r.label),
      entries.map((e) => ({
        label: label.get(e.id) ?? e.id,
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
        `${words.sections.scores} (${words.models[scoring.model]?.name ?? scoring.model})`,
        scored.map((e) => ({
          label: label.get(e.id) ?? e.id,
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
            ) => `<tr><th scope="row">${esc(c.criterionId)}</th><td>${esc(words.measures[c.measure] ?? c.measure)}</td><td class="num">${num(c.value, 3)}</td>
              <td class="num">${pct(c.fulfilment)}</td><td class="num">${num(c.contribution, 2)}</td><td>${esc(c.explanation)}</td></tr>`,
          )
          .join('');
        return `<details class="route score" data-score="${esc(s.id)}" ${s.rank === 1 ? 'open' : ''}>
          <summary><strong>#${s.rank}</strong> ${esc(label.get(s.id) ?? s.id)}: <strong>${esc(words.ofPoints(num(s.total, 1), num(scoring.maxPoints)))}</strong></summary>
          <div class="table-wrap"><table><thead><tr><th scope="col">${esc(w().cmpHead[0])}</th><th scope="col">${esc(w().cmpHead[1])}</th><th scope="col" class="num">${esc(w().cmpHead[2])}</th>
          <th scope="col" class="num">${esc(w().cmpHead[3])}</th><th scope="col" class="num">${esc(w().cmpHead[4])}</th><th scope="col">${esc(w().cmpHead[5])}</th></tr></thead>
          <tbody>${crit}</tbody></table></div></details>`;
      })
      .join('');
    const sens = scoring.sensitivity
      .map(
        (
          s,
        ) => `<tr class="${s.winnerChanges ? 'winner' : ''}"><td>${esc(s.what)}</td><td class="num">${s.change > 0 ? '+' : ''}${num(s.change * 100)}\u00a0%</td>
          <td>${esc(s.ranking.map((id) => label.get(id) ?? id).join(' › '))}</td><td class="num">${
            s.ranking.length > 1 && s.totals[s.ranking[0]!] !== undefined
              ? esc(words.against(num(s.totals[s.ranking[0]!]!, 1), num(s.totals[s.ranking[1]!]!, 1))) +
                `<br><small>${esc(words.margin(num(s.margin, 1)))}</small>`
              : '–'
          }</td><td>${s.winnerChanges ? esc(t(lang()).common.yes) : esc(t(lang()).common.no)}</td></tr>`,
      )
      .join('');
    const flips = scoring.sensitivity.filter((s) => s.winnerChanges).length;
    const rescaled = scoring.sensitivity.some((s) => s.othersRescaled) ? ` ${words.rescaled}` : '';
    const h = words.sensitivityHead;
    q('#compare-sensitivity').innerHTML = `<p id="sensitivity-summary">${esc(
      flips === 0 ? words.sameWinner : `${words.winnerChanges(flips, scoring.sensitivity.length)}.`,
    )}${esc(rescaled)}</p>
      <div class="table-wrap"><table id="sensitivity-table"><thead><tr><th scope="col">${esc(h[0])}</th><th scope="col" class="num">${esc(h[1])}</th>
      <th scope="col">${esc(h[2])}</th><th scope="col" class="num">${esc(h[3])}</th><th scope="col">${esc(h[4])}</th></tr></thead><tbody>${sens}</tbody></table></div>`;
  } else {
    q('#compare-scores').innerHTML = `<p>${esc(words.unscored)}</p>`;
    q('#compare-sensitivity').innerHTML = `<p>${esc(words.noSensitivity)}</p>`;
  }
  // Disqualified bids and abnormally low prices first, then the plans' own remarks (in English).
  const flagged = entries.filter((e) => e.disqualified || e.abnormallyLow);
  const flags = flagged
    .map(
      (e) =>
        `<li data-id="${esc(e.id)}"><strong>${esc(label.get(e.id))}</strong>: ${esc(
          [e.disqualified ? words.flagDisqualified : '', e.abnormallyLow ? words.flagLow : '']
            .filter(Boolean)
            .join('; '),
        )}</li>`,
    )
    .join('');
  q('#compare-warnings').innerHTML =
    (flags ? `<ul class="flags">${flags}</ul>` : '') +
    (result.warnings.length
      ? `<details><summary>${esc(t(lang()).common.warnings(result.warnings.length))}</summary><ul class="warnings"${lang() === 'en' ? '' : ' lang="en"'}>${result.warnings.map((x) => `<li>${esc(x)}</li>`).join('')}</ul></details>`
      : '');
}
