import { formatKm, formatShare, t, withLang, type AccessRankingRow, type Lang } from '@paketbygd/report';
import { plainSpaces, textColumns } from './text-columns';

/** The 5 km share: the second of the study's 2, 5 and 10 km. */
const FIVE_KM = 1;

/**
 * What `access --all` prints: the kommuner with the lowest share within 5 km, first the worst, then
 * those that could not be measured, in the language.
 */
export function rankingTable(
  rows: readonly AccessRankingRow[],
  failed: readonly { name: string; code: string; message: string }[],
  topRows: number,
  lang: Lang,
): string {
  return withLang(lang, () => {
    const m = t().access;
    const table = [
      [m.rank, m.kommun, m.code, m.withinKm(formatKm(5000, 0)), m.meanNearest],
      ...rows
        .slice(0, topRows)
        .map((r, i) => [
          String(i + 1),
          r.name,
          r.code,
          formatShare(r.withinShares[FIVE_KM] ?? 0),
          r.nearestMeanM === null ? m.none : formatKm(r.nearestMeanM),
        ]),
    ];
    return plainSpaces(
      [
        t().cli.rankingHead(m.rankingTitle, rows.length),
        '',
        textColumns(table, (c) => c === 0 || c >= 3, true),
        ...failed.map((f) => t().cli.notMeasured(`${f.name} (${f.code})`, f.message)),
      ].join('\n'),
    );
  });
}
