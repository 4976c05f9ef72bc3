import { num } from '../i18n/format';
import { w } from '../i18n/lang';
import { state } from '../state/state';
import { $ } from '../ui/dom';

/** One line about the loaded scenario: its name, source and what it holds. */
export function writeScenarioSummary(): void {
  const s = state.scenario;
  if (!s) return;
  $('scenario-summary').textContent = w().scenarioSummary(
    s.name,
    state.source,
    s.demand.length,
    num(s.demand.reduce((a, d) => a + (d.population ?? 0), 0)),
    s.pickupPoints.length,
    s.candidateSites.length,
    s.transportRoutes.length,
    s.vehicles.length,
  );
}
