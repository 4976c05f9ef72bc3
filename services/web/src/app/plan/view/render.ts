import type { Plan, Scenario } from '@paketbygd/model';
import { t } from '@paketbygd/report';
import { num } from '../../i18n/format';
import { lang, w } from '../../i18n/lang';
import { boxTable } from './boxes';
import { kpiCards } from './kpi-cards';
import { routeList } from './routes';
import { warningList } from './warnings';

/** Fills the plan panel: meta line, KPI cards, box table, routes, warnings. */
export function renderPlan(root: HTMLElement, scenario: Scenario, plan: Plan): void {
  const routes = new Map(scenario.transportRoutes.map((r) => [r.id, r]));
  const routeName = (id: string) => routes.get(id)?.name ?? id;
  const q = (sel: string) => root.querySelector<HTMLElement>(sel)!;
  q('#plan-meta').textContent = w().meta(
    plan.scenarioName,
    plan.boxes.length,
    plan.vanRoutes.length,
    plan.carrierRoutes.length,
    t(lang()).plan.placement.status[plan.placement.status] ?? plan.placement.status,
    plan.placement.gapPct !== null ? `${num(plan.placement.gapPct, 1)}\u00a0%` : '',
    plan.travel.backend,
  );
  q('#kpi-cards').innerHTML = kpiCards(plan);
  q('#box-table').innerHTML = boxTable(scenario, plan, routeName);
  q('#route-list').innerHTML = routeList(scenario, plan, routeName);
  q('#plan-warnings').innerHTML = warningList(scenario, plan);
}
