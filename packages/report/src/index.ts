export { renderPlanReport, budgetCheck, type PlanReportInput } from './plan-report';
export { renderComparisonReport, type ComparisonReportInput } from './comparison-report';
export {
  criterionExplanation,
  entryLabel,
  failedRequirements,
  formatMeasure,
  formatTotal,
  sensitivityCaseText,
  type Worded,
} from './comparison-words';
export {
  scoredMeasures,
  type ScoredFigure,
  type ScoredMeasureRow,
  type ScoredMeasures,
} from './scored-measures';
export { escapeHtml } from './html';
export {
  formatNumber,
  formatMoney,
  formatKm,
  formatShare,
  formatPercent,
  formatKg,
  formatHours,
  formatMinutes,
  formatDate,
  formatList,
  dayName,
  shortDays,
  NBSP,
} from './format';
export { renderAccessTables, renderAccessSection } from './access-tables';
export { accessLimitText, kpiDefinitions, type KpiDefinition } from './kpi-cards';
export { renderAccessReport, renderAccessRanking, type AccessRankingRow } from './access-report';
export { LANGS, LOCALES, isLang, pickLang, t, withLang, type Lang, type Messages } from './i18n';
export { comparisonWarningTexts, planWarningTexts, rankWarnings, type RankedWarning } from './warnings';
export { travelModelText } from './travel-model';
export { wordStatedAssumption, type WordedAssumption } from './stated-assumptions';
