import type { AccessReport, Scenario, TravelModelSummary } from '@paketbygd/model';
import { renderAccessTables } from './access-tables';
import { renderDocument } from './document';
import { formatCount, formatDate, formatKm, formatNumber, formatShare } from './format';
import { html, type SafeHtml } from './html';
import { Names } from './lookup';
import { table } from './plan-tables';
import { renderTravelModel, travelModelFor } from './travel-model';
import { renderWarnings } from './warnings';
import { currentLang, t, withLang, type Lang } from './i18n';

/**
 * The page `paketbygd access --out DIR` writes: the access tables of one scenario today, under
 * the travel model they were measured with (as given, else from the report and the scenario), in
 * `lang` (default English) with that language's numbers.
 */
export function renderAccessReport(
  scenario: Scenario,
  report: AccessReport,
  travelModel?: TravelModelSummary,
  lang: Lang = 'en',
): string {
  return withLang(lang, () => accessReportDocument(scenario, report, travelModel));
}

function accessReportDocument(
  scenario: Scenario,
  report: AccessReport,
  travelModel: TravelModelSummary | undefined,
): string {
  const body = html`<header class="report-header">
      <h1>${t().access.reportTitle(scenario.name)}</h1>
      <p class="subtitle">${t().access.reportSubtitle(formatDate(report.createdAt), report.travel.backend)}</p>
      ${renderTravelModel(travelModelFor(travelModel, report, scenario))}
    </header>
    ${renderWarnings(report.warnings)}
    <section id="access">${renderAccessTables(scenario, new Names(scenario), report.analysis)}</section>`;
  return renderDocument(t().access.reportTitle(scenario.name), body);
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

const km = (m: number | null) => (m === null ? t().access.none : formatKm(m));

/** A reason from the data or the planner, which are English: marked so in a report of another language. */
function english(text: string): SafeHtml | string {
  return currentLang() === 'en' ? text : html`<span lang="en">${text}</span>`;
}

type KommunFailure = { code: string; name: string; message: string };

/** The HTML table of `paketbygd access --all`, rows already ranked, in `lang` (default English). */
export function renderAccessRanking(
  rows: readonly AccessRankingRow[],
  failed: readonly KommunFailure[],
  createdAt: string,
  lang: Lang = 'en',
): string {
  return withLang(lang, () => rankingDocument(rows, failed, createdAt));
}

function rankingDocument(
  rows: readonly AccessRankingRow[],
  failed: readonly KommunFailure[],
  createdAt: string,
): string {
  const body = html`<header class="report-header">
      <h1>${t().access.rankingTitle}</h1>
      <p class="subtitle">${t().access.rankingIntro(rows.length, formatDate(createdAt))}</p>
    </header>
    ${table(
      t().access.rankingTitle,
      html`<tr>
        <th scope="col" class="num">${t().access.rank}</th>
        <th scope="col">${t().access.kommun}</th>
        <th scope="col">${t().access.code}</th>
        <th scope="col" class="num">${t().access.population}</th>
        <th scope="col" class="num">${t().access.pickupPoints}</th>
        <th scope="col" class="num">${t().access.meanNearest}</th>
        <th scope="col" class="num">${t().access.meanSecond}</th>
        <th scope="col" class="num">${t().access.meanOtherCarrier}</th>
        ${[2, 5, 10].map((k) => html`<th scope="col" class="num">${t().access.withinKm(formatKm(k * 1000, 0))}</th>`)}
        <th scope="col">${t().access.peopleLosing}</th>
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
          <td>${r.worstClosure ? `${r.worstClosure.name}: ${formatCount(r.worstClosure.people)}` : t().access.none}</td>
        </tr>`,
      ),
      'access-ranking',
    )}
    ${
      failed.length > 0
        ? html`<h2>${t().access.failed}</h2>
            <ul class="access-failed">
              ${failed.map((f) => html`<li>${f.name} (${f.code}): ${english(f.message)}</li>`)}
            </ul>`
        : ''
    }`;
  return renderDocument(t().access.rankingTitle, body);
}
