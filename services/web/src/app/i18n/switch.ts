import { renderEntries } from '../compare/entries';
import { renderComparison } from '../compare/view/render';
import { showPlan } from '../plan/show';
import { updateAccessLabel } from '../scenario/form';
import { showGtfsAdded } from '../scenario/gtfs';
import { showScenarioMap } from '../scenario/load';
import { writeScenarioSummary } from '../scenario/summary';
import { planMap } from '../state/services';
import { state } from '../state/state';
import { $ } from '../ui/dom';
import { lang, onLangChange, setLang, w } from './lang';
import { applyStatic } from './static';

/** The switch names the other language, in that language. */
function labelSwitch(button: HTMLButtonElement): void {
  button.textContent = w().switchTo;
  button.lang = lang() === 'sv' ? 'en' : 'sv';
  button.setAttribute('aria-label', w().switchLabel);
}

/** Everything drawn from data again, in the new language. */
function redraw(): void {
  writeScenarioSummary();
  if (state.plan) showPlan();
  else if (state.scenario) showScenarioMap();
  else planMap.renderLegend();
  renderEntries();
  if (state.comparison) renderComparison($('panel-compare'), state.comparison.result);
  updateAccessLabel();
  showGtfsAdded();
}

/** The language: the browser's, or the one chosen with the switch (kept in localStorage). */
export function initLangSwitch(): void {
  const button = $<HTMLButtonElement>('lang-switch');
  button.addEventListener('click', () => setLang(lang() === 'sv' ? 'en' : 'sv'));
  onLangChange(() => {
    applyStatic();
    labelSwitch(button);
    redraw();
  });
  applyStatic();
  labelSwitch(button);
}
