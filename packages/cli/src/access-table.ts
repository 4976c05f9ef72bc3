import type { AccessReport, Scenario, WeightedDistance } from '@paketbygd/model';
import {
  accessLimitText,
  formatKm,
  formatNumber,
  formatShare,
  t,
  withLang,
  type Lang,
} from '@paketbygd/report';
import { plainSpaces, textColumns } from './text-columns';

const MAX_CLOSURE_ROWS = 25;

const km = (w: WeightedDistance) => (w.meanM === null ? t().access.none : formatKm(w.meanM));
const share = (s: number | null) => (s === null ? t().access.none : formatShare(s));

/** The readable output of `paketbygd access`: the study's measures, then the closures, in plain text in the language. */
export function accessTable(scenario: Scenario, report: AccessReport, lang: Lang): string {
  return withLang(lang, () => tables(report, accessLimitText(scenario)));
}

function tables(report: AccessReport, limitText: string): string {
  const S = t().access;
  const a = report.analysis;
  const limitM = report.accessLimit.maxAccessDistanceM;
  const has65 = a.population65Plus !== null;
  const measures: string[][] = [
    [S.measure, S.today],
    [S.pickupPoints, formatNumber(a.pickupPointCount)],
    [S.meanNearest, km(a.nearest)],
    [S.meanSecond, km(a.secondNearest)],
    [S.meanOtherCarrier, km(a.nearestOtherCarrier)],
    ...(has65 && a.nearest65Plus ? [[S.meanNearest65, km(a.nearest65Plus)]] : []),
    ...a.within.flatMap((w) => [
      [S.withinKm(formatKm(w.distanceM, 0)), share(w.populationShare)],
      ...(has65 ? [[S.withinKm65(formatKm(w.distanceM, 0)), share(w.population65PlusShare)]] : []),
    ]),
    // A limit of 2, 5 or 10 km is already a row above.
    ...(a.within.some((w) => w.distanceM === limitM)
      ? []
      : [
          [S.withinLimit(limitText), share(a.withinLimitShare)],
          ...(has65 ? [[`${S.withinLimit(limitText)}, 65+`, share(a.withinLimit65PlusShare)]] : []),
        ]),
    [S.unreachable, formatNumber(a.unreachablePopulation)],
  ];
  const closures: string[][] = [
    [
      S.point,
      S.carriers,
      S.peopleServed,
      S.peopleLosing,
      ...(has65 ? [S.people65Losing] : []),
      S.extraKm,
      S.nearestOther,
      S.nearestOtherCarrier,
    ],
    ...a.closures
      .slice(0, MAX_CLOSURE_ROWS)
      .map((c) => [
        c.name ?? c.pickupId,
        c.carriers.join(', ') || S.unknownCarriers,
        formatNumber(c.peopleServed),
        formatNumber(c.peopleLosingAccess),
        ...(has65 ? [formatNumber(c.people65PlusLosingAccess ?? 0)] : []),
        formatNumber(c.extraHouseholdKmPerWeek),
        c.nearestOtherPointM === null ? S.none : formatKm(c.nearestOtherPointM),
        c.nearestOtherCarrierPointM === null ? S.none : formatKm(c.nearestOtherCarrierPointM),
      ]),
  ];
  const more = a.closures.length - MAX_CLOSURE_ROWS;
  return plainSpaces(
    [
      textColumns(measures, (c) => c > 0),
      '',
      S.closuresCaption(limitText),
      textColumns(closures, (c) => c >= 2),
      ...(more > 0
        ? [
            S.morePoints(
              more,
              formatNumber(a.closures.slice(MAX_CLOSURE_ROWS).reduce((s, c) => s + c.peopleLosingAccess, 0)),
            ),
          ]
        : []),
      ...a.notes.map((n) => t().cli.note(n)),
    ].join('\n'),
  );
}
