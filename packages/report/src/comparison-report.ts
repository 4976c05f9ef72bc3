import type { ComparisonResult, CriterionMeasure, Kpis, Scenario } from '@paketbygd/model';
import { groupedBarChart, stackedBarChart } from './charts';
import { renderDocument } from './document';
import {
  formatCount,
  formatDate,
  formatKg,
  formatKm,
  formatMoney,
  formatNumber,
  formatShare,
  NBSP,
} from './format';
import { html, type SafeHtml } from './html';
import { kpiDefinitions } from './kpi-cards';
import { SERIES_COLOURS, VAN_COLOURS, cycle } from './palette';
import { table } from './plan-tables';
import { renderSources } from './sources';
import { renderWarnings } from './warnings';

export interface ComparisonReportInput {
  scenario: Scenario;
  comparison: ComparisonResult;
}

type Entry = ComparisonResult['entries'][number];
type Scoring = NonNullable<ComparisonResult['scoring']>;

const MEASURES: Record<CriterionMeasure, { label: string; format: (v: number, currency: string) => string }> =
  {
    price_per_year: { label: 'Price per year', format: (v, c) => formatMoney(v, c) },
    cost_per_parcel: { label: 'Cost per parcel', format: (v, c) => formatMoney(v, c, 1) },
    covered_population_share: { label: 'Population covered', format: (v) => formatShare(v) },
    mean_access_distance_m: { label: 'Mean access distance', format: (v) => formatKm(v) },
    co2_kg_per_week: { label: 'CO₂ per week', format: (v) => formatKg(v) },
    deliveries_per_week: {
      label: 'Deliveries per week',
      format: (v) => formatNumber(v, Number.isInteger(v) ? 0 : 1),
    },
    boxes_open_247: { label: 'Boxes open 24/7', format: (v) => (v >= 0.5 ? 'yes' : 'no') },
    fossil_free_vehicles: { label: 'Fossil-free vehicles', format: (v) => (v >= 0.5 ? 'yes' : 'no') },
    local_jobs: { label: 'Local jobs', format: (v) => formatNumber(v) },
  };

const KINDS: Record<Entry['kind'], string> = {
  today: 'today',
  baseline: 'baseline',
  variant: 'variant',
  bid: 'bid',
};

const MODELS: Record<Scoring['model'], { name: string; how: string }> = {
  absolute_points: {
    name: 'Absolute points',
    how: 'Each criterion gives points from zero at a level stated in advance to full points at another stated level, times its weight. A bid’s points do not depend on the other bids, so the ranking cannot flip when a bid is added or withdrawn. The highest total wins.',
  },
  price_deduction: {
    name: 'Price deduction (mervärdesmodell)',
    how: 'Each quality criterion is worth a stated number of kronor per year; what a bid achieves of it is deducted from its price. The lowest comparison price wins. Like the points model it is absolute: no bid’s result depends on another bid.',
  },
  relative: {
    name: 'Relative points',
    how: 'Each bid is scored against the best and weakest of the bids received, so a bid’s points depend on the other bids. Adding or withdrawing a bid that cannot win can change which bid wins.',
  },
};

function labelOf(comparison: ComparisonResult): (id: string) => string {
  const labels = new Map(comparison.entries.map((e) => [e.id, e.label]));
  return (id) => labels.get(id) ?? id;
}

function formatTotal(scoring: Scoring, total: number, currency: string): string {
  return scoring.model === 'price_deduction'
    ? `${formatMoney(total, currency)} per year`
    : `${formatNumber(total, 1)} of ${formatNumber(scoring.maxPoints)} points`;
}

function statusTags(e: Entry): SafeHtml {
  return html`${e.disqualified ? html`<br /><span class="tag warn" data-status="disqualified">disqualified</span>` : ''}${e.abnormallyLow ? html`<br /><span class="tag warn" data-status="abnormally-low">abnormally low price</span>` : ''}`;
}

function kpiTable(scenario: Scenario, comparison: ComparisonResult): SafeHtml {
  const c = comparison.currency;
  const entries = comparison.entries;
  const defs = kpiDefinitions(scenario, c);
  const rows = defs.map((def) => {
    const values = entries.map((e) => def.value(e.kpis));
    // Today's zero cost is no achievement: the best value is among the plans and bids.
    const contenders = values.filter((_, i) => entries[i]!.kind !== 'today');
    const best = def.better === 'higher' ? Math.max(...contenders) : Math.min(...contenders);
    const isBest = (i: number) =>
      contenders.length > 1 && entries[i]!.kind !== 'today' && Math.abs((values[i] ?? NaN) - best) < 1e-9;
    return html`<tr data-kpi="${def.id}"><th scope="row">${def.title}</th>${values.map((v, i) =>
      isBest(i)
        ? html`<td class="num best"><strong>${def.format(v)}</strong></td>`
        : html`<td class="num">${def.format(v)}</td>`,
    )}</tr>`;
  });
  const extra = [
    html`<tr>
      <th scope="row">New boxes</th>
      ${entries.map((e) => html`<td class="num">${e.boxSiteIds.length}</td>`)}
    </tr>`,
    html`<tr data-kpi="boxes-filled">
      <th scope="row">Boxes something fills</th>
      ${entries.map((e) => {
        const filled = e.boxSiteIds.length - e.unfilledBoxSiteIds.length;
        return e.unfilledBoxSiteIds.length > 0
          ? html`<td class="num"><strong class="bad">${filled} of ${e.boxSiteIds.length}</strong></td>`
          : html`<td class="num">${e.kind === 'today' ? '–' : `${filled} of ${e.boxSiteIds.length}`}</td>`;
      })}
    </tr>`,
    html`<tr>
      <th scope="row">Parcels per week in boxes</th>
      ${entries.map((e) => html`<td class="num">${formatCount(e.kpis.parcelsInBoxesPerWeek)}</td>`)}
    </tr>`,
    html`<tr>
      <th scope="row">Parcels per week delivered home</th>
      ${entries.map((e) => html`<td class="num">${formatCount(e.kpis.parcelsHomeDeliveredPerWeek)}</td>`)}
    </tr>`,
  ];
  return table(
    'Key figures per entry (the best value in bold)',
    html`<tr>
      <th scope="col">Key figure</th>
      ${entries.map((e) => html`<th scope="col" class="num" data-id="${e.id}">${e.label}<br /><span class="muted">${KINDS[e.kind]}</span>${statusTags(e)}</th>`)}
    </tr>`,
    [...rows, ...extra],
    'kpis',
  );
}

/** The scored figure; where a bid promised more, the promise and the gap beside it. */
function measureCell(e: Entry, m: CriterionMeasure, currency: string): SafeHtml {
  const v = e.measures[m];
  if (v === undefined) return html`<td class="num">–</td>`;
  const promised = e.promised[m];
  const format = (x: number) => MEASURES[m].format(x, currency);
  if (promised === undefined || promised <= v + 1e-9) return html`<td class="num">${format(v)}</td>`;
  return html`<td class="num over-promise" data-measure="${m}"><strong>${format(v)}</strong><br /><span class="muted">promised ${format(promised)}</span><br /><span class="bad">gap ${m === 'boxes_open_247' || m === 'fossil_free_vehicles' ? 'not delivered' : format(promised - v)}</span></td>`;
}

function measuresTable(comparison: ComparisonResult): SafeHtml {
  const present = (Object.keys(MEASURES) as CriterionMeasure[]).filter((m) =>
    comparison.entries.some((e) => e.measures[m] !== undefined),
  );
  if (present.length === 0) return html``;
  return table(
    'What was scored: the plan’s figure, with the bid’s promise and the gap where it promised more',
    html`<tr>
      <th scope="col">Measure</th>
      ${comparison.entries.map((e) => html`<th scope="col" class="num">${e.label}</th>`)}
    </tr>`,
    present.map(
      (m) =>
        html`<tr>
          <th scope="row">${MEASURES[m].label}</th>
          ${comparison.entries.map((e) => measureCell(e, m, comparison.currency))}
        </tr>`,
    ),
    'measures',
  );
}

/** Mandatory requirements (ska-krav) and the abnormally-low check, per bid, before any scoring. */
function checksSection(comparison: ComparisonResult, scoring: Scoring | undefined): SafeHtml {
  const bids = comparison.entries.filter((e) => e.kind === 'bid' || e.kind === 'variant');
  const requirements = scoring?.requirements ?? [];
  const c = comparison.currency;
  const requirementTable =
    requirements.length === 0
      ? html`<p>The scoring states no mandatory requirements.</p>`
      : table(
          'Mandatory requirements (ska-krav), checked before scoring on the figures that are scored',
          html`<tr>
            <th scope="col">Requirement</th>
            ${bids.map((e) => html`<th scope="col" data-id="${e.id}">${e.label}</th>`)}
          </tr>`,
          requirements.map(
            (r) =>
              html`<tr data-requirement="${r.id}">
                <th scope="row">${r.name ?? r.id}</th>
                ${bids.map((e) => {
                  const check = e.requirements.find((x) => x.requirementId === r.id);
                  if (!check) return html`<td>–</td>`;
                  const value = Number.isFinite(check.value)
                    ? MEASURES[r.measure].format(check.value, c)
                    : 'not measured';
                  return check.passed
                    ? html`<td>✓ met: ${value}</td>`
                    : html`<td class="fail"><strong>✗ not met: ${value}</strong></td>`;
                })}
              </tr>`,
          ),
          'requirements',
        );
  const disqualified = bids.filter((e) => e.disqualified);
  const low = bids.filter((e) => e.abnormallyLow);
  return html`${requirementTable}
    ${
      disqualified.length > 0
        ? html`<ul class="disqualified">${disqualified.map(
            (e) =>
              html`<li data-id="${e.id}"><strong>${e.label}: disqualified</strong>, not scored: ${e.requirements
                .filter((x) => !x.passed)
                .map((x) => x.explanation)
                .join('; ')}.</li>`,
          )}</ul>`
        : ''
    }
    <h3>Abnormally low prices</h3>
    ${
      low.length > 0
        ? html`<ul class="abnormally-low">${low.map(
            (e) => html`<li data-id="${e.id}"><strong>${e.label}</strong>: ${e.abnormallyLow}</li>`,
          )}</ul>`
        : html`<p>No price is abnormally low by the rule (below ${formatShare(0.7, 0)} of the median bid or below Paketbygd’s estimate of running the same service).</p>`
    }
    ${table(
      'Price against Paketbygd’s estimate of running the same boxes and transports',
      html`<tr><th scope="col">Bid</th><th scope="col" class="num">Price per year</th><th scope="col" class="num">Estimate per year</th></tr>`,
      bids
        .filter((e) => e.costEstimatePerYear !== undefined)
        .map(
          (e) =>
            html`<tr data-id="${e.id}"><th scope="row">${e.label}</th><td class="num">${formatMoney(e.measures.price_per_year ?? 0, c)}</td><td class="num">${formatMoney(e.costEstimatePerYear ?? 0, c)}</td></tr>`,
        ),
      'estimates',
    )}`;
}

function charts(comparison: ComparisonResult): SafeHtml {
  const c = comparison.currency;
  const entries = comparison.entries;
  const one = (label: string, colour: string) => [{ label, colour }];
  const cost = groupedBarChart({
    id: 'chart-cost',
    title: `Cost per week (${c})`,
    desc: entries.map((e) => `${e.label}: ${formatMoney(e.kpis.costPerWeek.total, c)}`).join('; '),
    series: one('Cost per week', SERIES_COLOURS[0] ?? '#4c72b0'),
    format: (v) => formatMoney(v, c),
    categories: entries.map((e) => ({ label: e.label, values: [e.kpis.costPerWeek.total] })),
  });
  const coverage = groupedBarChart({
    id: 'chart-coverage',
    title: 'Population within the access limit',
    desc: entries.map((e) => `${e.label}: ${formatShare(e.kpis.access.coveredPopulationShare)}`).join('; '),
    series: one('Population covered', SERIES_COLOURS[3] ?? '#55a868'),
    format: (v) => `${formatNumber(v, 1)}${NBSP}%`,
    categories: entries.map((e) => ({
      label: e.label,
      values: [e.kpis.access.coveredPopulationShare * 100],
    })),
  });
  const co2Values = (k: Kpis) => [
    k.co2KgPerWeek.vans,
    k.co2KgPerWeek.carriers,
    k.co2KgPerWeek.householdTrips,
  ];
  const co2 = stackedBarChart({
    id: 'chart-co2',
    title: 'CO₂ per week by source (kg)',
    desc: entries.map((e) => `${e.label}: ${formatKg(e.kpis.co2KgPerWeek.total)}`).join('; '),
    series: ['Vans', 'Existing transports (detours)', 'Household trips'].map((label, i) => ({
      label,
      colour: SERIES_COLOURS[i + 2] ?? '#777',
    })),
    format: (v) => formatKg(v),
    rows: entries.map((e) => ({ label: e.label, values: co2Values(e.kpis) })),
  });
  return html`<div class="charts">${cost}${coverage}${co2}</div>`;
}

function scoresSection(comparison: ComparisonResult, scoring: Scoring): SafeHtml {
  const label = labelOf(comparison);
  const c = comparison.currency;
  const ranked = [...scoring.scores].sort((a, b) => a.rank - b.rank);
  const criterionIds = [...new Set(ranked.flatMap((s) => s.criteria.map((x) => x.criterionId)))];
  const measureOf = new Map(
    ranked.flatMap((s) => s.criteria.map((x) => [x.criterionId, x.measure] as const)),
  );
  const unit = scoring.model === 'price_deduction' ? `${c} deducted per year` : 'points';
  const rows = ranked.map(
    (s) =>
      html`<tr class="${s.rank === 1 ? 'winner' : ''}" data-id="${s.id}">
        <td class="num">${s.rank}</td>
        <th scope="row">${label(s.id)}${s.rank === 1 ? html` <span class="tag">winner</span>` : ''}</th>
        <td class="num">${formatTotal(scoring, s.total, c)}</td>
        ${criterionIds.map((id) => {
          const x = s.criteria.find((k) => k.criterionId === id);
          return html`<td class="num">
            ${x ? (scoring.model === 'price_deduction' ? formatMoney(x.contribution, c) : formatNumber(x.contribution, 1)) : '–'}
          </td>`;
        })}
      </tr>`,
  );
  const ranking = table(
    `Ranking (${MODELS[scoring.model].name}; criterion columns in ${unit})`,
    html`<tr>
      <th scope="col" class="num">Rank</th>
      <th scope="col">Entry</th>
      <th scope="col" class="num">Total</th>
      ${criterionIds.map((id) => {
        const m = measureOf.get(id);
        return html`<th scope="col" class="num">
          ${id}${m ? html`<br /><span class="muted">${MEASURES[m].label}</span>` : ''}
        </th>`;
      })}
    </tr>`,
    rows,
    'scores',
  );
  const chart =
    scoring.model === 'price_deduction'
      ? groupedBarChart({
          id: 'chart-scores',
          title: `Comparison price per year (${c}; lowest wins)`,
          desc: ranked.map((s) => `${label(s.id)}: ${formatMoney(s.total, c)}`).join('; '),
          series: [{ label: 'Comparison price', colour: SERIES_COLOURS[0] ?? '#4c72b0' }],
          format: (v) => formatMoney(v, c),
          categories: ranked.map((s) => ({ label: label(s.id), values: [s.total] })),
        })
      : stackedBarChart({
          id: 'chart-scores',
          title: `Points per criterion (of ${formatNumber(scoring.maxPoints)})`,
          desc: ranked.map((s) => `${label(s.id)}: ${formatNumber(s.total, 1)} points`).join('; '),
          series: criterionIds.map((id, i) => ({ label: id, colour: cycle(VAN_COLOURS, i) })),
          format: (v) => formatNumber(v, 1),
          scaleMax: scoring.maxPoints,
          rows: ranked.map((s) => ({
            label: label(s.id),
            values: criterionIds.map((id) => s.criteria.find((k) => k.criterionId === id)?.contribution ?? 0),
          })),
        });
  const why = ranked.map(
    (s) =>
      html`<div class="route-block" data-id="${s.id}">
        <h4>${s.rank}. ${label(s.id)}: ${formatTotal(scoring, s.total, c)}</h4>
        <ul>
          ${s.criteria.map((x) => html`<li>${x.explanation}</li>`)}
        </ul>
      </div>`,
  );
  const disqualified = comparison.entries.filter((e) => e.disqualified);
  const notRanked =
    disqualified.length > 0
      ? html`<p class="muted">Not ranked (disqualified): ${disqualified.map((e) => e.label).join(', ')}.</p>`
      : '';
  return html`${ranking}${notRanked}
    <div class="charts">${chart}</div>
    <h3>Why each entry scores as it does</h3>
    ${why}`;
}

function sensitivitySection(comparison: ComparisonResult, scoring: Scoring): SafeHtml {
  if (scoring.sensitivity.length === 0) return html`<p>No sensitivity analysis was run.</p>`;
  const label = labelOf(comparison);
  const flips = scoring.sensitivity.filter((s) => s.winnerChanges).length;
  const fmt = (v: number | undefined) =>
    v === undefined
      ? '–'
      : scoring.model === 'price_deduction'
        ? formatMoney(v, comparison.currency)
        : `${formatNumber(v, 1)}${NBSP}points`;
  const rows = scoring.sensitivity.map(
    (s) =>
      html`<tr class="${s.winnerChanges ? 'highlight' : ''}">
        <th scope="row">${s.what}</th>
        <td class="num">
          ${s.change > 0 ? '+' : s.change < 0 ? '−' : '±'}${formatNumber(Math.abs(s.change) * 100, 0)}${NBSP}%
        </td>
        <td>${s.ranking.map((id) => label(id)).join(' › ')}</td>
        <td class="num">${s.ranking.length > 1 ? html`${fmt(s.totals[s.ranking[0]!])} against ${fmt(s.totals[s.ranking[1]!])}<br /><span class="muted">margin ${fmt(s.margin)}</span>` : '–'}</td>
        <td>${s.winnerChanges ? html`<strong>yes: ${label(s.ranking[0] ?? '')} wins</strong>` : 'no'}</td>
      </tr>`,
  );
  const ranked = [...scoring.scores].sort((a, b) => a.rank - b.rank);
  const baseMargin =
    ranked.length > 1
      ? html`<p>As scored, ${label(ranked[0]!.id)} leads ${label(ranked[1]!.id)} by ${fmt(Math.abs(ranked[0]!.total - ranked[1]!.total))} (${fmt(ranked[0]!.total)} against ${fmt(ranked[1]!.total)}).</p>`
      : '';
  const rescaled = scoring.sensitivity.some((s) => s.othersRescaled)
    ? html`<p>When one weight moves by ±20 %, the other weights are rescaled in proportion so that the weights still sum to the same total.</p>`
    : '';
  return html`${baseMargin}${rescaled}<p>
      ${flips === 0 ? 'The winner is the same in every case below.' : html`<strong>The winner changes in ${flips} of ${scoring.sensitivity.length} cases</strong> (highlighted).`}
    </p>
    ${table(
      'Ranking when a weight or the demand moves',
      html`<tr>
        <th scope="col">What changed</th>
        <th scope="col" class="num">Change</th>
        <th scope="col">Ranking (best first)</th>
        <th scope="col" class="num">First against second</th>
        <th scope="col">Winner changes</th>
      </tr>`,
      rows,
      'sensitivity',
    )}`;
}

export function renderComparisonReport({ scenario, comparison }: ComparisonReportInput): string {
  const label = labelOf(comparison);
  const scoring = comparison.scoring;
  const winner = scoring?.scores.find((s) => s.rank === 1);
  const winners = scoring?.scores.filter((s) => s.rank === 1) ?? [];
  const sections: [string, string, SafeHtml][] = [
    [
      'key-figures',
      'Key figures side by side',
      html`${kpiTable(scenario, comparison)}${measuresTable(comparison)}`,
    ],
    ['charts', 'Cost, coverage and CO₂', charts(comparison)],
  ];
  if (comparison.entries.some((e) => e.kind === 'bid')) {
    sections.push(['checks', 'Requirements and prices', checksSection(comparison, scoring)]);
  }
  if (scoring) {
    sections.push([
      'scoring-model',
      'Scoring model',
      html`<p><strong>${MODELS[scoring.model].name}.</strong> ${MODELS[scoring.model].how}</p>
        ${scoring.model === 'relative' ? html`<div class="warnings" role="note"><strong>⚠ Relative model:</strong> rankings can flip with the set of bids. Prefer an absolute model (points against stated levels, or a price deduction) for a decision.</div>` : ''}`,
    ]);
    sections.push(['scores', 'Scores', scoresSection(comparison, scoring)]);
    sections.push(['sensitivity', 'Sensitivity', sensitivitySection(comparison, scoring)]);
  }
  sections.push(['sources', 'Data sources', renderSources(scenario.sources)]);

  const flagged = comparison.entries.filter((e) => e.disqualified || e.abnormallyLow);
  const flags = flagged.length
    ? html`<ul>${flagged.map(
        (e) =>
          html`<li><strong>${e.label}</strong>: ${e.disqualified ? 'disqualified (a mandatory requirement is not met)' : ''}${e.disqualified && e.abnormallyLow ? '; ' : ''}${e.abnormallyLow ? 'abnormally low price: ask the bidder to explain it (LOU 16 kap. 7 §)' : ''}</li>`,
      )}</ul>`
    : '';
  const runnerUp = scoring?.scores.find((s) => s.rank === 2);
  const verdict = scoring
    ? winner
      ? html`<div class="callout winner-callout">
          <p>
            <strong>Winner: ${winners.map((w) => label(w.id)).join(' and ')}</strong
            >${winners.length > 1 ? ' (tied)' : ''},
            ${formatTotal(scoring, winner.total, comparison.currency)}${runnerUp ? html`, ahead of ${label(runnerUp.id)} (${formatTotal(scoring, runnerUp.total, comparison.currency)})` : ''}, under the
            ${MODELS[scoring.model].name.toLowerCase()} model, scored on ${scoring.scoreOn === 'plan' ? 'what each plan delivers' : 'what each bid promises'}.
          </p>
          ${flags}
        </div>`
      : html`<div class="callout"><p><strong>No entry is ranked: none meets every mandatory requirement.</strong></p>${flags}</div>`
    : html`<div class="callout">
        <p>These entries are compared without scoring: the key figures below are the whole comparison.</p>${flags}
      </div>`;
  const warnings = renderWarnings(
    comparison.warnings,
    comparison.entries.map((e) => e.label),
  );
  const body = html`<header class="report-header">
      <h1>Comparison: ${comparison.name}</h1>
      <p class="subtitle">
        Scenario “${scenario.name}” · compared ${formatDate(comparison.createdAt)} ·
        ${comparison.entries.length} entries · amounts in ${comparison.currency}
      </p>
      <nav class="toc" aria-label="Contents">
        <ul>
          ${sections.map(([id, title]) => html`<li><a href="#${id}">${title}</a></li>`)}
        </ul>
      </nav>
    </header>
    ${warnings}${verdict}${sections.map(
      ([id, title, content]) =>
        html`<section id="${id}" aria-labelledby="${id}-h">
          <h2 id="${id}-h">${title}</h2>
          ${content}
        </section>`,
    )}
    <footer>
      Made by Paketbygd. Every entry is evaluated on the same demand and the same travel matrix. This file
      needs no network connection.
    </footer>`;
  return renderDocument(`Comparison: ${comparison.name}`, body);
}
