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
