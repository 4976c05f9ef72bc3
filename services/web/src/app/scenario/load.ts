import vingaker from '../../../../../examples/vingaker/scenario.json';
import { w } from '../i18n/lang';
import { pw } from '../i18n/page-words';
import { describeMap } from '../map/describe';
import { resetResults } from '../state/reset';
import { planMap } from '../state/services';
import { state } from '../state/state';
import { $ } from '../ui/dom';
import { showProblems } from '../ui/problems';
import { checkScenario, formValuesOf, type Json } from './check';
import { fillForm, validateForm } from './form';
import { writeScenarioSummary } from './summary';

/** Loads a scenario document: checked first; a bad one keeps the scenario loaded before. */
export function loadScenario(doc: unknown, source: string): void {
  const checked = checkScenario(doc);
  if (!checked.ok) {
    showProblems(
      $('scenario-problems'),
      pw().notAScenario(source, state.raw !== undefined),
      checked.problems,
    );
    return;
  }
  resetResults();
  state.raw = doc as Json;
  state.scenario = checked.value;
  state.source = source;
  showProblems($('scenario-problems'), '', []);
  writeScenarioSummary();
  $('policy-form').hidden = false;
  $('gtfs').hidden = false;
  fillForm(formValuesOf(doc && typeof doc === 'object' ? (((doc as Json).policy ?? {}) as Json) : {}));
  validateForm();
  $<HTMLButtonElement>('save-scenario').disabled = false;
  $<HTMLButtonElement>('run-compare').disabled = state.bids.length + state.variants.length === 0;
  showScenarioMap();
}

/** The loaded scenario on the map, before any plan. */
export function showScenarioMap(): void {
  const s = state.scenario;
  if (!s) return;
  planMap.showScenario(s);
  describeMap(planMap, w().theScenario(s.name));
}

/** The bundled Vingåker example. */
export function loadExample(): void {
  loadScenario(structuredClone(vingaker), w().theExample);
}
