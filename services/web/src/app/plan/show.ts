import { w } from '../i18n/lang';
import { describeMap } from '../map/describe';

import { planMap } from '../state/services';
import { state } from '../state/state';
import { $ } from '../ui/dom';
import { baseRoadsOf } from './base-roads';
import { renderPlan } from './view/render';

/** The finished plan: the Plan tab's figures and the map, with rings at the effective radius. */
export function showPlan(): void {
  const p = state.plan;
  if (!p) return;
  $('plan-empty').hidden = true;
  $('plan-view').hidden = false;
  renderPlan($('panel-plan'), p.scenario, p.plan);
  const detour = p.scenario.travel.backend === 'straightline' ? p.scenario.travel.detourFactor : undefined;
  const counts = planMap.showPlan(p.geo, p.scenario.policy.maxAccessDistanceM, detour, baseRoadsOf(p.plan));
  $('map').dataset.features = JSON.stringify(counts);
  describeMap(planMap, w().thePlan(p.plan.scenarioName));
}
