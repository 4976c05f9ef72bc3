import type { ComparisonResult, CriterionMeasure, Kpis, Scenario } from '@paketbygd/model';
import { groupedBarChart, stackedBarChart } from './charts';
import { renderDocument } from './document';
import {
  formatCount,
  formatDate,
  formatKg,
  formatList,
  formatMoney,
  formatNumber,
  formatPercent,
  formatShare,
  NBSP,
} from './format';
import { html, type SafeHtml } from './html';
import {
  criterionExplanation,
  entryLabel,
  failedRequirements,
  formatMeasure,
  formatTotal,
  requirementLimit,
  sensitivityCaseText,
  type Worded,
} from './comparison-words';
import { currentLang, t, withLang, type Lang } from './i18n';
import { kpiDefinitions } from './kpi-cards';
import { SERIES_COLOURS, VAN_COLOURS, cycle } from './palette';
import { table } from './plan-tables';
import { renderSections, renderToc, type Section } from './sections';
import { renderSources } from './sources';
import { renderTravelModel, travelModelText } from './travel-model';
import { comparisonWarningItems, renderWarnings } from './warnings';
import { measureLabel, scoredMeasures, type ScoredFigure } from './scored-measures';

export interface ComparisonReportInput {
  scenario: Scenario;
  comparison: ComparisonResult;
  lang?: Lang;
}

type Entry = ComparisonResult['entries'][number];
type Scoring = NonNullable<ComparisonResult['scoring']>;

/** A sentence in the report's language, or the planner's English (a result without its criteria) marked as such. */
function worded(w: Worded): SafeHtml | string {
  return w.lang === currentLang() ? w.text : html`<span lang="${w.lang}">${w.text}</span>`;
}

function labelOf(comparison: ComparisonResult): (id: string) => string {
  const labels = new Map(comparison.entries.map((e) => [e.id, entryLabel(e)]));
  return (id) => labels.get(id) ?? id;
}

function statusTags(e: Entry): SafeHtml {
  const m = t().comparison;
  return html`${e.disqualified ? html`<br /><span class="tag warn" data-status="disqualified">${m.disqualified}</span>` : ''}${e.abnormallyLow ? html`<br /><span class="tag warn" data-status="abnormally-low">${m.abnormallyLowTag}</span>` : ''}`;
}

function kpiTable(scenario: Scenario, comparison: ComparisonResult): SafeHtml {
  const c = comparison.currency;
  const m = t().comparison;
  const entries = comparison.entries;
  const label = labelOf(comparison);
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
      <th scope="row">${m.newBoxes}</th>
      ${entries.map((e) => html`<td class="num">${e.boxSiteIds.length}</td>`)}
    </tr>`,
    html`<tr data-kpi="boxes-filled">
      <th scope="row">${m.boxesFilled}</th>
      ${entries.map((e) => {
        const filled = e.boxSiteIds.length - e.unfilledBoxSiteIds.length;
        if (e.kind === 'today') return html`<td class="num">–</td>`;
        const text = m.nOfM(filled, e.boxSiteIds.length);
        return e.unfilledBoxSiteIds.length > 0
          ? html`<td class="num"><strong class="bad">${text}</strong></td>`
          : html`<td class="num">${text}</td>`;
      })}
    </tr>`,
    html`<tr>
      <th scope="row">${m.parcelsInBoxes}</th>
      ${entries.map((e) => html`<td class="num">${formatCount(e.kpis.parcelsInBoxesPerWeek)}</td>`)}
    </tr>`,
    html`<tr>
      <th scope="row">${m.parcelsHome}</th>
      ${entries.map((e) => html`<td class="num">${formatCount(e.kpis.parcelsHomeDeliveredPerWeek)}</td>`)}
    </tr>`,
  ];
  return table(
    m.kpiCaption,
    html`<tr>
      <th scope="col">${m.keyFigure}</th>
      ${entries.map(
        (e) =>
          html`<th scope="col" class="num" data-id="${e.id}">${label(e.id)}<br /><span class="muted">${m.kinds[e.kind] ?? e.kind}</span>${statusTags(e)}</th>`,
      )}
    </tr>`,
    [...rows, ...extra],
    'kpis',
  );
}

/** The scored figure; where a bid promised more, the promise and the gap beside it. */
function measureCell(f: ScoredFigure, measure: CriterionMeasure): SafeHtml {
  if (!f.overPromise) return html`<td class="num">${f.value}</td>`;
  return html`<td class="num over-promise" data-measure="${measure}"><strong>${f.value}</strong><br /><span class="muted">${f.overPromise.promised}</span><br /><span class="bad">${f.overPromise.gap}</span></td>`;
}

function measuresTable(comparison: ComparisonResult): SafeHtml {
  const label = labelOf(comparison);
  const { caption, measureHead, rows } = scoredMeasures(comparison);
  if (rows.length === 0) return html``;
  return table(
    caption,
    html`<tr>
      <th scope="col">${measureHead}</th>
      ${comparison.entries.map((e) => html`<th scope="col" class="num">${label(e.id)}</th>`)}
    </tr>`,
    rows.map(
      (r) =>
        html`<tr>
          <th scope="row">${r.label}</th>
          ${r.figures.map((f) => measureCell(f, r.measure))}
        </tr>`,
    ),
    'measures',
  );
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Why a price is abnormally low, from the rule and the prices (the planner's text when the rule is not given). */
function lowReason(e: Entry, comparison: ComparisonResult): string {
  const rule = comparison.abnormallyLowRule;
  const price = e.measures.price_per_year;
  if (!rule || price === undefined) return e.abnormallyLow ?? '';
  const m = t().comparison;
  const c = comparison.currency;
  const prices = comparison.entries
    .filter((x) => x.kind === 'bid')
    .map((x) => x.measures.price_per_year ?? 0);
  const reasons: string[] = [];
  if (prices.length >= 3) {
    const med = median(prices);
    if (price < rule.shareOfMedian * med)
      reasons.push(
        m.lowMedian(
          formatMoney(price, c),
          formatPercent((price / med) * 100, 0),
          formatMoney(med, c),
          formatPercent(rule.shareOfMedian * 100, 0),
        ),
      );
  }
  if (rule.belowPlanEstimate && e.costEstimatePerYear !== undefined && price < e.costEstimatePerYear)
    reasons.push(m.lowEstimate(formatMoney(price, c), formatMoney(e.costEstimatePerYear, c)));
  return `${reasons.join('; ')}. ${m.lou}`;
}

/** Mandatory requirements (ska-krav) and the abnormally-low check, per bid, before any scoring. */
function checksSection(comparison: ComparisonResult, scoring: Scoring | undefined): SafeHtml {
  const m = t().comparison;
  const label = labelOf(comparison);
  const bids = comparison.entries.filter((e) => e.kind === 'bid' || e.kind === 'variant');
  const requirements = scoring?.requirements ?? [];
  const c = comparison.currency;
  const requirementTable =
    requirements.length === 0
      ? html`<p>${m.noRequirements}</p>`
      : table(
          m.requirementsCaption,
          html`<tr>
            <th scope="col">${m.requirement}</th>
            ${bids.map((e) => html`<th scope="col" data-id="${e.id}">${label(e.id)}</th>`)}
          </tr>`,
          requirements.map(
            (r) =>
              html`<tr data-requirement="${r.id}">
                <th scope="row">${r.name ?? r.id}<br /><span class="muted">${requirementLimit(r, c)}</span></th>
                ${bids.map((e) => {
                  const check = e.requirements.find((x) => x.requirementId === r.id);
                  if (!check) return html`<td>–</td>`;
                  const value = Number.isFinite(check.value)
                    ? formatMeasure(r.measure, check.value, c)
                    : m.notMeasured;
                  return check.passed
                    ? html`<td>${m.met(value)}</td>`
                    : html`<td class="fail"><strong>${m.notMet(value)}</strong></td>`;
                })}
              </tr>`,
          ),
          'requirements',
        );
  const disqualified = bids.filter((e) => e.disqualified);
  const low = bids.filter((e) => e.abnormallyLow);
  const share = comparison.abnormallyLowRule?.shareOfMedian ?? 0.7;
  return html`${requirementTable}
    ${
      disqualified.length > 0
        ? html`<ul class="disqualified">
          ${disqualified.map(
            (e) =>
              html`<li data-id="${e.id}">
                <strong>${m.disqualifiedLine(label(e.id))}</strong>${m.notScored(failedRequirements(e, scoring, c))}
              </li>`,
          )}
        </ul>`
        : ''
    }
    <h3>${m.lowTitle}</h3>
    ${
      low.length > 0
        ? html`<ul class="abnormally-low">
          ${low.map((e) => html`<li data-id="${e.id}"><strong>${label(e.id)}</strong>: ${lowReason(e, comparison)}</li>`)}
        </ul>`
        : html`<p>${m.lowNone(formatShare(share, 0))}</p>`
    }
    ${table(
      m.estimateCaption,
      html`<tr>
        <th scope="col">${m.estimateHead[0]}</th>
        <th scope="col" class="num">${m.estimateHead[1]}</th>
        <th scope="col" class="num">${m.estimateHead[2]}</th>
      </tr>`,
      bids
        .filter((e) => e.costEstimatePerYear !== undefined)
        .map(
          (e) =>
            html`<tr data-id="${e.id}">
              <th scope="row">${label(e.id)}</th>
              <td class="num">${formatMoney(e.measures.price_per_year ?? 0, c)}</td>
              <td class="num">${formatMoney(e.costEstimatePerYear ?? 0, c)}</td>
            </tr>`,
        ),
      'estimates',
    )}`;
}

function charts(comparison: ComparisonResult): SafeHtml {
  const c = comparison.currency;
  const m = t().comparison;
  const label = labelOf(comparison);
  const entries = comparison.entries;
  const one = (name: string, colour: string) => [{ label: name, colour }];
  const cost = groupedBarChart({
    id: 'chart-cost',
    title: m.costTitle(c),
    desc: entries.map((e) => `${label(e.id)}: ${formatMoney(e.kpis.costPerWeek.total, c)}`).join('; '),
    series: one(m.costSeries, SERIES_COLOURS[0] ?? '#4c72b0'),
    format: (v) => formatMoney(v, c),
    categories: entries.map((e) => ({ label: label(e.id), values: [e.kpis.costPerWeek.total] })),
  });
  const coverage = groupedBarChart({
    id: 'chart-coverage',
    title: m.coverageTitle,
    desc: entries
      .map((e) => `${label(e.id)}: ${formatShare(e.kpis.access.coveredPopulationShare)}`)
      .join('; '),
    series: one(m.coverageSeries, SERIES_COLOURS[3] ?? '#55a868'),
    format: (v) => formatPercent(v),
    categories: entries.map((e) => ({
      label: label(e.id),
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
    title: t().plan.charts.co2Title,
    desc: entries.map((e) => `${label(e.id)}: ${formatKg(e.kpis.co2KgPerWeek.total)}`).join('; '),
    series: t().plan.charts.co2Series.map((name, i) => ({
      label: name,
      colour: SERIES_COLOURS[i + 2] ?? '#777',
    })),
    format: (v) => formatKg(v),
    rows: entries.map((e) => ({ label: label(e.id), values: co2Values(e.kpis) })),
  });
  return html`<div class="charts">${cost}${coverage}${co2}</div>`;
}

function scoresSection(comparison: ComparisonResult, scoring: Scoring): SafeHtml {
  const label = labelOf(comparison);
  const m = t().comparison;
  const c = comparison.currency;
  const ranked = [...scoring.scores].sort((a, b) => a.rank - b.rank);
  const criterionIds = [...new Set(ranked.flatMap((s) => s.criteria.map((x) => x.criterionId)))];
  const measureOf = new Map(
    ranked.flatMap((s) => s.criteria.map((x) => [x.criterionId, x.measure] as const)),
  );
  const unit = scoring.model === 'price_deduction' ? m.deducted(c) : t().common.points;
  const rows = ranked.map(
    (s) =>
      html`<tr class="${s.rank === 1 ? 'winner' : ''}" data-id="${s.id}">
        <td class="num">${s.rank}</td>
        <th scope="row">${label(s.id)}${s.rank === 1 ? html` <span class="tag">${m.winnerTag}</span>` : ''}</th>
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
    m.rankingCaption(m.models[scoring.model]?.name ?? scoring.model, unit),
    html`<tr>
      <th scope="col" class="num">${m.rankHead[0]}</th>
      <th scope="col">${m.rankHead[1]}</th>
      <th scope="col" class="num">${m.rankHead[2]}</th>
      ${criterionIds.map((id) => {
        const measure = measureOf.get(id);
        return html`<th scope="col" class="num">
          ${id}${measure ? html`<br /><span class="muted">${measureLabel(measure)}</span>` : ''}
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
          title: m.priceChartTitle(c),
          desc: ranked.map((s) => `${label(s.id)}: ${formatMoney(s.total, c)}`).join('; '),
          series: [{ label: m.priceChartSeries, colour: SERIES_COLOURS[0] ?? '#4c72b0' }],
          format: (v) => formatMoney(v, c),
          categories: ranked.map((s) => ({ label: label(s.id), values: [s.total] })),
        })
      : stackedBarChart({
          id: 'chart-scores',
          title: m.pointsChartTitle(formatNumber(scoring.maxPoints)),
          desc: ranked.map((s) => m.pointsDesc(label(s.id), formatNumber(s.total, 1))).join('; '),
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
          ${s.criteria.map((x) => html`<li>${worded(criterionExplanation(comparison, s.id, x))}</li>`)}
        </ul>
      </div>`,
  );
  const disqualified = comparison.entries.filter((e) => e.disqualified);
  const notRanked =
    disqualified.length > 0
      ? html`<p class="muted">${m.notRanked(formatList(disqualified.map((e) => label(e.id))))}</p>`
      : '';
  return html`${ranking}${notRanked}
    <div class="charts">${chart}</div>
    <h3>${m.why}</h3>
    ${why}`;
}

function sensitivitySection(comparison: ComparisonResult, scoring: Scoring): SafeHtml {
  const m = t().comparison;
  if (scoring.sensitivity.length === 0) return html`<p>${m.noSensitivity}</p>`;
  const label = labelOf(comparison);
  const flips = scoring.sensitivity.filter((s) => s.winnerChanges).length;
  const fmt = (v: number | undefined) =>
    v === undefined
      ? '–'
      : scoring.model === 'price_deduction'
        ? formatMoney(v, comparison.currency)
        : `${formatNumber(v, 1)}${NBSP}${t().common.points}`;
  const rows = scoring.sensitivity.map(
    (s) =>
      html`<tr class="${s.winnerChanges ? 'highlight' : ''}">
        <th scope="row">${worded(sensitivityCaseText(scoring, s))}</th>
        <td class="num">
          ${s.change > 0 ? '+' : s.change < 0 ? '−' : '±'}${formatNumber(Math.abs(s.change) * 100, 0)}${NBSP}%
        </td>
        <td>${s.ranking.map((id) => label(id)).join(' › ')}</td>
        <td class="num">
          ${
            s.ranking.length > 1 && s.totals[s.ranking[0]!] !== undefined
              ? html`${m.against(fmt(s.totals[s.ranking[0]!]), fmt(s.totals[s.ranking[1]!]))}<br /><span class="muted"
                  >${m.margin(fmt(s.margin))}</span
                >`
              : '–'
          }
        </td>
        <td>${s.winnerChanges ? html`<strong>${m.winsYes(label(s.ranking[0] ?? ''))}</strong>` : t().common.no}</td>
      </tr>`,
  );
  const ranked = [...scoring.scores].sort((a, b) => a.rank - b.rank);
  const baseMargin =
    ranked.length > 1
      ? html`<p>
          ${m.leads(
            label(ranked[0]!.id),
            label(ranked[1]!.id),
            fmt(Math.abs(ranked[0]!.total - ranked[1]!.total)),
            fmt(ranked[0]!.total),
            fmt(ranked[1]!.total),
          )}
        </p>`
      : '';
  const rescaled = scoring.sensitivity.some((s) => s.othersRescaled) ? html`<p>${m.rescaled}</p>` : '';
  return html`${baseMargin}${rescaled}
    <p>
      ${
        flips === 0
          ? m.sameWinner
          : html`<strong>${m.winnerChanges(flips, scoring.sensitivity.length)}</strong>${m.highlighted}`
      }
    </p>
    ${table(
      m.sensitivityCaption,
      html`<tr>
        <th scope="col">${m.sensitivityHead[0]}</th>
        <th scope="col" class="num">${m.sensitivityHead[1]}</th>
        <th scope="col">${m.sensitivityHead[2]}</th>
        <th scope="col" class="num">${m.sensitivityHead[3]}</th>
        <th scope="col">${m.sensitivityHead[4]}</th>
      </tr>`,
      rows,
      'sensitivity',
    )}`;
}

function verdict(comparison: ComparisonResult): SafeHtml {
  const m = t().comparison;
  const label = labelOf(comparison);
  const scoring = comparison.scoring;
  const c = comparison.currency;
  const flagged = comparison.entries.filter(
    (e) => e.disqualified || e.abnormallyLow || (e.kind === 'bid' && e.unfilledBoxSiteIds.length > 0),
  );
  const flagsOf = (e: Entry) =>
    [
      e.disqualified ? m.flagDisqualified : '',
      e.abnormallyLow ? m.flagLow : '',
      e.unfilledBoxSiteIds.length > 0
        ? m.unfilledFlag(e.boxSiteIds.length - e.unfilledBoxSiteIds.length, e.boxSiteIds.length)
        : '',
    ]
      .filter(Boolean)
      .join('; ');
  const flags = flagged.length
    ? html`<ul class="flags">
        ${flagged.map((e) => html`<li data-id="${e.id}"><strong>${label(e.id)}</strong>: ${flagsOf(e)}</li>`)}
      </ul>`
    : '';
  if (!scoring) return html`<div class="callout"><p>${m.unscored}</p>${flags}</div>`;
  const winners = scoring.scores.filter((s) => s.rank === 1);
  const winner = winners[0];
  if (!winner) return html`<div class="callout"><p><strong>${m.noneRanked}</strong></p>${flags}</div>`;
  const runnerUp = scoring.scores.find((s) => s.rank === 2);
  return html`<div class="callout winner-callout">
    <p>
      <strong>${m.winner(formatList(winners.map((w) => label(w.id))))}</strong>${winners.length > 1 ? m.tied : ''},
      ${formatTotal(scoring, winner.total, c)}${
        runnerUp ? m.aheadOf(label(runnerUp.id), formatTotal(scoring, runnerUp.total, c)) : ''
      }${m.under(
        (m.models[scoring.model]?.name ?? scoring.model).toLowerCase(),
        scoring.scoreOn === 'plan' ? m.onPlan : m.onPromise,
      )}
    </p>
    ${flags}
  </div>`;
}

export function renderComparisonReport(input: ComparisonReportInput): string {
  return withLang(input.lang ?? 'en', () => render(input));
}

function render({ scenario, comparison }: ComparisonReportInput): string {
  const m = t().comparison;
  const scoring = comparison.scoring;
  const sections: Section[] = [
    [
      'key-figures',
      m.sections.keyFigures,
      html`${kpiTable(scenario, comparison)}${measuresTable(comparison)}`,
    ],
    ['charts', m.sections.charts, charts(comparison)],
  ];
  if (comparison.entries.some((e) => e.kind === 'bid')) {
    sections.push(['checks', m.sections.checks, checksSection(comparison, scoring)]);
  }
  if (scoring) {
    const model = m.models[scoring.model] ?? { name: scoring.model, how: '' };
    sections.push([
      'scoring-model',
      m.sections.model,
      html`<p><strong>${model.name}.</strong> ${model.how}</p>
        <p>${scoring.scoreOn === 'plan' ? m.scoreOnPlan : m.scoreOnPromise}</p>
        ${
          scoring.model === 'relative'
            ? html`<div class="warnings" role="note"><strong>⚠</strong> ${m.relativeWarning}</div>`
            : ''
        }`,
    ]);
    sections.push(['scores', m.sections.scores, scoresSection(comparison, scoring)]);
    sections.push(['sensitivity', m.sections.sensitivity, sensitivitySection(comparison, scoring)]);
  }
  const travel = comparison.travel;
  sections.push([
    'travel',
    m.sections.travel,
    html`${renderTravelModel(travel)}<p>
        ${travel?.backend === 'straightline' ? t().travel.straightInComparison : t().travel.sameMatrix}
      </p>`,
  ]);
  sections.push(['sources', m.sections.sources, renderSources(scenario.sources)]);
  // The entries' own labels prefix their warnings; "today" has none.
  const entryLabels = comparison.entries.map((e) => e.label);
  const body = html`<header class="report-header">
      <h1>${m.title(comparison.name)}</h1>
      <p class="subtitle">
        ${m.subtitle(scenario.name, formatDate(comparison.createdAt), comparison.entries.length, comparison.currency)}
      </p>
      ${travel ? html`<p class="travel-model">${travelModelText(travel)}</p>` : ''}
      ${renderToc(sections)}
    </header>
    ${verdict(comparison)}${renderWarnings(comparisonWarningItems(scenario, comparison), entryLabels, {
      folded: comparison.warnings.length > 6,
      entryName: (l) =>
        entryLabel(comparison.entries.find((e) => e.label === l) ?? { kind: 'bid', label: l }),
    })}${renderSections(
      sections,
      comparison.warnings.filter((w) => !entryLabels.some((l) => w.startsWith(`${l}: `))),
    )}
    <footer>${m.footer}</footer>`;
  return renderDocument(m.title(comparison.name), body);
}
