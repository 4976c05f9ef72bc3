import type { AccessReport, Scenario, TravelModelSummary } from '@paketbygd/model';
import { ACCESS_STRINGS as S } from './access-strings';
import { renderAccessTables } from './access-tables';
import { renderDocument } from './document';
import { formatCount, formatDate, formatKm, formatNumber, formatShare } from './format';
import { html } from './html';
import { Names } from './lookup';
import { table } from './plan-tables';
import { renderTravelModel, travelModelFor } from './travel-model';
import { renderWarnings } from './warnings';

/**
 * The page `paketbygd access --out DIR` writes: the access tables of one scenario today, under
 * the travel model they were measured with (as given, else from the report and the scenario).
 */
export function renderAccessReport(
  scenario: Scenario,
  report: AccessReport,
  travelModel?: TravelModelSummary,
): string {
  const body = html`<header class="report-header">
      <h1>${S.reportTitle(scenario.name)}</h1>
      <p class="subtitle">${S.reportSubtitle(formatDate(report.createdAt), report.travel.backend)}</p>
      ${renderTravelModel(travelModelFor(travelModel, report, scenario))}
    </header>
    ${renderWarnings(report.warnings)}
    <section id="access">${renderAccessTables(scenario, new Names(scenario), report.analysis)}</section>`;
  return renderDocument(S.reportTitle(scenario.name), body);
}

/** One kommun of `paketbygd access --all`. */
export interface AccessRankingRow {
  code: string;
  name: string;
  population: number;
  pickupPointCount: number;
  nearestMeanM: number | null;
  secondNearestMeanM: number | null;
  otherCarrierMeanM: number | null;
  /** Shares within 2, 5 and 10 km. */
  withinShares: readonly number[];
  /** The point whose closure loses most people within the access limit, and how many. */
  worstClosure: { name: string; people: number } | null;
}

const km = (m: number | null) => (m === null ? S.none : formatKm(m));

/** The HTML table of `paketbygd access --all`, rows already ranked. */
export function renderAccessRanking(
  rows: readonly AccessRankingRow[],
  failed: readonly { code: string; name: string; message: string }[],
  createdAt: string,
): string {
  const body = html`<header class="report-header">
      <h1>${S.rankingTitle}</h1>
      <p class="subtitle">${S.rankingIntro(rows.length, formatDate(createdAt))}</p>
    </header>
    ${table(
      S.rankingTitle,
      html`<tr>
        <th scope="col" class="num">${S.rank}</th>
        <th scope="col">${S.kommun}</th>
        <th scope="col">${S.code}</th>
        <th scope="col" class="num">${S.population}</th>
        <th scope="col" class="num">${S.pickupPoints}</th>
        <th scope="col" class="num">${S.meanNearest}</th>
        <th scope="col" class="num">${S.meanSecond}</th>
        <th scope="col" class="num">${S.meanOtherCarrier}</th>
        ${[2, 5, 10].map((k) => html`<th scope="col" class="num">${S.withinKm(formatKm(k * 1000, 0))}</th>`)}
        <th scope="col">${S.peopleLosing}</th>
      </tr>`,
      rows.map(
        (r, i) => html`<tr data-id="${r.code}">
          <td class="num">${i + 1}</td>
          <th scope="row">${r.name}</th>
          <td>${r.code}</td>
          <td class="num">${formatCount(r.population)}</td>
          <td class="num">${formatNumber(r.pickupPointCount)}</td>
          <td class="num">${km(r.nearestMeanM)}</td>
          <td class="num">${km(r.secondNearestMeanM)}</td>
          <td class="num">${km(r.otherCarrierMeanM)}</td>
          ${r.withinShares.map((s) => html`<td class="num">${formatShare(s)}</td>`)}
          <td>${r.worstClosure ? `${r.worstClosure.name}: ${formatCount(r.worstClosure.people)}` : S.none}</td>
        </tr>`,
      ),
      'access-ranking',
    )}
    ${
      failed.length > 0
        ? html`<h2>${S.failed}</h2>
            <ul class="access-failed">
              ${failed.map((f) => html`<li>${f.name} (${f.code}): ${f.message}</li>`)}
            </ul>`
        : ''
    }`;
  return renderDocument(S.rankingTitle, body);
}
