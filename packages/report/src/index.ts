export { renderPlanReport, type PlanReportInput } from './plan-report';
export { renderComparisonReport, type ComparisonReportInput } from './comparison-report';
export { escapeHtml } from './html';
export {
  formatNumber,
  formatMoney,
  formatKm,
  formatShare,
  formatClock,
  formatKg,
  formatHours,
  NBSP,
} from './format';
export { renderAccessTables, renderAccessSection } from './access-tables';
export { accessLimitText } from './kpi-cards';
export { renderAccessReport, renderAccessRanking, type AccessRankingRow } from './access-report';
export { ACCESS_STRINGS } from './access-strings';
