import './style.css';
import type { ComparisonResult, Plan, Problem, Scenario } from '@paketbygd/model';
import { problemToString } from '@paketbygd/model';
import vingaker from '../../../../examples/vingaker/scenario.json';
import bidBiblioteksbudet from '../../../../examples/bids/biblioteksbudet-library-run.json';
import bidBygden from '../../../../examples/bids/bygden-existing-transport.json';
import bidNordbox from '../../../../examples/bids/nordbox-vans.json';
import bidRegionbuss from '../../../../examples/bids/regionbuss-bus-line.json';
import scoringExample from '../../../../examples/bids/scoring.json';
import { ApiClient, ApiError, followJob, storeApiKey, storedApiKey, type RunHandle } from './api';
import { renderComparison } from './compare-view';
import { download, esc, money, num, slug } from './format';
import { applyStatic, lang, onLangChange, setLang, w } from './i18n';
import { PlanMap, renderMapList, type PlanFeatureCollection } from './map';
import { renderPlan } from './plan-view';
import {
  checkCompareDocument,
  checkScenario,
  fieldOfProblem,
  formValuesOf,
  parseText,
  policyOf,
  policyProblems,
  type Json,
  type PolicyFormValues,
} from './scenario';

const $ = <T extends HTMLElement = HTMLElement>(id: string): T => {
  const el = document.getElementById(id);
  if (!el) throw new Error(`#${id} is missing from the page`);
  return el as T;
};

interface State {
  /** The scenario as loaded (raw, so that saving keeps the file as the user wrote it). */
  raw?: Json;
  scenario?: Scenario;
  plan?: { id: string; plan: Plan; geo: PlanFeatureCollection; scenario: Scenario };
  run?: RunHandle;
  bids: Json[];
  scoring?: Json;
  variants: { name: string; policy: Json }[];
  comparison?: { id: string; result: ComparisonResult };
  compareRun?: RunHandle;
}
const state: State = { bids: [], variants: [] };

const keyInput = $<HTMLInputElement>('api-key');
keyInput.value = storedApiKey();
keyInput.addEventListener('input', () => storeApiKey(keyInput.value));
const api = new ApiClient(() => keyInput.value);

const map = new PlanMap($('map'));

/** After the map changed: the table beside it, and the map's name says what it shows now. */
function mapChanged(what: () => string): void {
  renderMapList($<HTMLTableElement>('map-list'), map);
  const summary = map.summary();
  $('map').setAttribute('aria-label', w().mapOf(what(), summary));
  $('map-list-summary').textContent = w().mapTableN(map.entries.length);
  $('map-features').dataset.filled = String(map.entries.length > 0);
  $('map-features').hidden = map.entries.length === 0 || document.body.dataset.tab === 'compare';
}
const tileInput = $<HTMLInputElement>('tile-url');
try {
  tileInput.value = localStorage.getItem('paketbygd.tileUrl') ?? '';
} catch {
  // no storage
}
map.setTileUrl(tileInput.value);
tileInput.addEventListener('change', () => {
  try {
    localStorage.setItem('paketbygd.tileUrl', tileInput.value);
  } catch {
    // no storage
  }
  map.setTileUrl(tileInput.value);
});

// ---- tabs: arrow keys move between them, the selected one is the only one in the tab order

const tabs = ['scenario', 'plan', 'compare'] as const;
type Tab = (typeof tabs)[number];
function selectTab(tab: Tab, focus = false): void {
  for (const t of tabs) {
    const button = $(`tab-${t}`);
    const on = t === tab;
    button.setAttribute('aria-selected', String(on));
    button.tabIndex = on ? 0 : -1;
    $(`panel-${t}`).hidden = !on;
    if (on && focus) button.focus();
  }
  document.querySelector('.layout')!.classList.toggle('wide', tab === 'compare');
  // The table of the map's features goes with the map (hidden on Compare).
  $('map-features').hidden = tab === 'compare' || $('map-features').dataset.filled !== 'true';
  document.body.dataset.tab = tab;
  if (tab !== 'compare') requestAnimationFrame(() => map.refresh());
}
tabs.forEach((t, i) => {
  const button = $(`tab-${t}`);
  button.addEventListener('click', () => selectTab(t));
  button.addEventListener('keydown', (e) => {
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (e.key === 'Home') selectTab(tabs[0], true);
    else if (e.key === 'End') selectTab(tabs[tabs.length - 1]!, true);
    else if (step) selectTab(tabs[(i + step + tabs.length) % tabs.length]!, true);
    else return;
    e.preventDefault();
  });
});

// ---- problems

function showProblems(box: HTMLElement, title: string, problems: Problem[]): void {
  if (problems.length === 0) {
    box.hidden = true;
    box.innerHTML = '';
    return;
  }
  box.hidden = false;
  box.innerHTML = `<strong>${esc(title)}</strong><ul>${problems
    .slice(0, 50)
    .map((p) => `<li data-path="${esc(p.path)}"><code>${esc(p.path)}</code>: ${esc(p.message)}</li>`)
    .join('')}${problems.length > 50 ? `<li>… and ${problems.length - 50} more</li>` : ''}</ul>`;
}
const errorProblems = (error: unknown): Problem[] =>
  error instanceof ApiError && error.problems.length > 0
    ? error.problems
    : [
        {
          path: error instanceof ApiError ? `HTTP ${error.status}` : 'error',
          message: (error as Error).message,
        },
      ];

// ---- scenario and policy form

const form = $<HTMLFormElement>('policy-form');
const field = (name: string) => form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement;
const numberField = (name: string): number | undefined => {
  const input = field(name) as HTMLInputElement;
  if (input.value.trim() === '') return input.validity.badInput ? Number.NaN : undefined;
  return Number(input.value);
};

function readForm(): PolicyFormValues {
  return {
    maxBoxes: numberField('maxBoxes'),
    budgetPerYear: numberField('budgetPerYear'),
    accessKind: field('accessKind').value === 'duration' ? 'duration' : 'distance',
    accessLimit: numberField('accessLimit'),
    deliveriesPerWeek: numberField('deliveriesPerWeek'),
    useExistingTransports: (field('useExistingTransports') as HTMLInputElement).checked,
    homeDeliveryOutsideCoverage: (field('homeDeliveryOutsideCoverage') as HTMLInputElement).checked,
  };
}

function fillForm(v: PolicyFormValues): void {
  const setNum = (name: string, n: number | undefined) =>
    ((field(name) as HTMLInputElement).value = n === undefined ? '' : String(n));
  setNum('maxBoxes', v.maxBoxes);
  setNum('budgetPerYear', v.budgetPerYear);
  field('accessKind').value = v.accessKind;
  setNum('accessLimit', v.accessLimit);
  setNum('deliveriesPerWeek', v.deliveriesPerWeek);
  (field('useExistingTransports') as HTMLInputElement).checked = v.useExistingTransports;
  (field('homeDeliveryOutsideCoverage') as HTMLInputElement).checked = v.homeDeliveryOutsideCoverage;
  updateAccessLabel();
}

function updateAccessLabel(): void {
  const duration = field('accessKind').value === 'duration';
  $('f-accessLimit').previousElementSibling!.textContent = duration ? w().accessLimitMin : w().accessLimitM;
}

/** The scenario as edited: the loaded file with the form's policy. */
function editedScenario(): Json | undefined {
  if (!state.raw) return undefined;
  const base = (state.raw.policy ?? {}) as Json;
  return { ...state.raw, policy: policyOf(base, readForm()) };
}

const FIELD_IDS: Record<string, string> = {
  maxBoxes: 'maxBoxes',
  budgetPerYear: 'budgetPerYear',
  accessLimit: 'accessLimit',
  deliveriesPerWeek: 'deliveriesPerWeek',
};

/** Validates the form's policy with the model's schema; marks the fields; true when valid. */
function validateForm(): boolean {
  if (!state.raw) return false;
  const values = readForm();
  const policy = policyOf((state.raw.policy ?? {}) as Json, values);
  const problems = policyProblems(policy).map((p) => ({ ...p, path: `policy.${p.path}` }));
  // A number field the browser could not read is empty to the script: say so instead of "required".
  for (const name of Object.keys(FIELD_IDS)) {
    if (Number.isNaN(numberField(name))) problems.push({ path: `policy.${name}`, message: 'not a number' });
  }
  const byField = new Map<string, string[]>();
  const other: Problem[] = [];
  for (const p of problems) {
    const f = fieldOfProblem(p.path);
    if (f && FIELD_IDS[f]) byField.set(f, [...(byField.get(f) ?? []), problemToString(p)]);
    else other.push(p);
  }
  for (const name of Object.keys(FIELD_IDS)) {
    const input = $(`f-${name}`);
    const messages = byField.get(name) ?? [];
    input.setAttribute('aria-invalid', String(messages.length > 0));
    $(`e-${name}`).textContent = messages.join('; ');
  }
  showProblems($('scenario-problems'), 'The policy is not valid:', other);
  return problems.length === 0;
}

function loadScenario(doc: unknown, source: string): void {
  const checked = checkScenario(doc);
  if (!checked.ok) {
    const kept = state.raw ? ' (the scenario loaded before stays)' : '';
    showProblems($('scenario-problems'), `${source} is not a valid scenario${kept}:`, checked.problems);
    return;
  }
  resetResults();
  state.raw = doc as Json;
  state.scenario = checked.value;
  showProblems($('scenario-problems'), '', []);
  const s = checked.value;
  scenarioSource = source;
  writeScenarioSummary();
  form.hidden = false;
  fillForm(formValuesOf(doc && typeof doc === 'object' ? (((doc as Json).policy ?? {}) as Json) : {}));
  validateForm();
  ($('save-scenario') as HTMLButtonElement).disabled = false;
  ($('run-compare') as HTMLButtonElement).disabled = state.bids.length + state.variants.length === 0;
  map.showScenario(s);
  mapChanged(() => w().theScenario(s.name));
}

let scenarioSource = '';
function writeScenarioSummary(): void {
  const s = state.scenario;
  if (!s) return;
  $('scenario-summary').textContent = w().scenarioSummary(
    s.name,
    scenarioSource,
    s.demand.length,
    num(s.demand.reduce((a, d) => a + (d.population ?? 0), 0)),
    s.pickupPoints.length,
    s.candidateSites.length,
    s.transportRoutes.length,
    s.vehicles.length,
  );
}

/**
 * A new scenario makes every result of the old one stale: the plan, its status line and the
 * comparison go, and a run still in progress is cancelled (its result would belong to the old one).
 */
function resetResults(): void {
  void state.run?.cancel().catch(() => undefined);
  void state.compareRun?.cancel().catch(() => undefined);
  state.run = undefined;
  state.compareRun = undefined;
  state.plan = undefined;
  state.comparison = undefined;
  $('plan-progress-text').textContent = '';
  $('plan-progress-box').hidden = true;
  $('compare-progress-text').textContent = '';
  $('compare-progress-box').hidden = true;
  $('plan-view').hidden = true;
  $('plan-empty').hidden = false;
  $('compare-view').hidden = true;
  delete $('map').dataset.features;
}

$('load-example').addEventListener('click', () => loadScenario(structuredClone(vingaker), w().theExample));
$<HTMLInputElement>('upload-scenario').addEventListener('change', async (e) => {
  const input = e.target as HTMLInputElement;
  const file = input.files?.[0];
  if (!file) return;
  const parsed = parseText(await file.text());
  if (!parsed.ok)
    showProblems($('scenario-problems'), `${file.name} is not a valid scenario:`, parsed.problems);
  else loadScenario(parsed.value, file.name);
  input.value = '';
});
$('save-scenario').addEventListener('click', () => {
  const doc = editedScenario();
  if (!doc) return;
  download(`${slug(String(doc.name ?? 'scenario'))}.json`, `${JSON.stringify(doc, null, 2)}\n`);
});
form.addEventListener('input', () => {
  updateAccessLabel();
  validateForm();
});
form.addEventListener('change', () => validateForm());

// ---- run a plan

function progressText(
  view: { state: string; progress: { percent: number; message?: string; bestCost?: number } | null },
  currency: string,
): string {
  const p = view.progress;
  const parts = [`${view.state}`];
  if (p) {
    parts.push(`${num(p.percent)} %`);
    if (p.message) parts.push(p.message);
    if (p.bestCost !== undefined) parts.push(`best cost so far ${num(p.bestCost)} ${currency}`);
  }
  return parts.join(' — ');
}

form.addEventListener('submit', async (e) => {
  e.preventDefault();
  if (state.run) return;
  if (!validateForm()) {
    form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
    return;
  }
  const doc = editedScenario()!;
  const full = checkScenario(doc);
  if (!full.ok) {
    showProblems($('scenario-problems'), 'The edited scenario is not valid:', full.problems);
    return;
  }
  const box = $('plan-progress-box');
  const bar = $<HTMLProgressElement>('plan-progress');
  const text = $('plan-progress-text');
  const runButton = $<HTMLButtonElement>('run-plan');
  const cancelButton = $<HTMLButtonElement>('cancel-plan');
  box.hidden = false;
  bar.value = 0;
  text.textContent = w().submitting;
  runButton.disabled = true;
  try {
    const timeLimitS = numberField('timeLimitS');
    const accepted = await api.submit('plans', doc, { ...(timeLimitS ? { timeLimitS } : {}), seed: 1 });
    document.body.dataset.planJob = accepted.id;
    state.run = followJob(api, accepted.id, (view) => {
      bar.value = view.state === 'completed' ? 100 : (view.progress?.percent ?? 0);
      text.textContent = progressText(view, full.value.currency);
    });
    cancelButton.hidden = false;
    cancelButton.focus();
    const end = await state.run.done;
    if (end.state === 'completed') {
      text.textContent = w().fetchingPlan;
      const [plan, geo] = await Promise.all([api.result<Plan>(end.id), api.geojson(end.id)]);
      state.plan = { id: end.id, plan, geo: geo as PlanFeatureCollection, scenario: full.value };
      showPlan();
      text.textContent = w().completedPlan(
        plan.boxes.length,
        money(plan.kpis.after.costPerWeek.total, plan.currency),
      );
      selectTab('plan', true);
    } else if (end.state === 'cancelled') {
      text.textContent = w().cancelled;
    } else {
      text.textContent = w().failed(String(end.error));
      showProblems($('scenario-problems'), 'The plan failed:', [
        { path: 'job', message: end.error ?? 'failed' },
      ]);
    }
  } catch (error) {
    text.textContent = w().notSubmitted;
    showProblems($('scenario-problems'), 'The API refused the scenario:', errorProblems(error));
  } finally {
    state.run = undefined;
    runButton.disabled = false;
    const hadFocus = document.activeElement === cancelButton;
    cancelButton.hidden = true;
    // The focus was on Cancel (it goes there when a run starts): keep it in the form.
    if (hadFocus) runButton.focus();
  }
});
$('cancel-plan').addEventListener('click', async () => {
  $('plan-progress-text').textContent = w().cancelling;
  try {
    await state.run?.cancel();
  } catch (error) {
    showProblems($('scenario-problems'), 'Could not cancel:', errorProblems(error));
  }
});

function showPlan(): void {
  const p = state.plan;
  if (!p) return;
  $('plan-empty').hidden = true;
  $('plan-view').hidden = false;
  renderPlan($('panel-plan'), p.scenario, p.plan);
  const detour = p.scenario.travel.backend === 'straightline' ? p.scenario.travel.detourFactor : undefined;
  const counts = map.showPlan(p.geo, p.scenario.policy.maxAccessDistanceM, detour);
  $('map').dataset.features = JSON.stringify(counts);
  mapChanged(() => w().thePlan(p.plan.scenarioName));
}

$('dl-plan').addEventListener('click', () => {
  if (state.plan)
    download(
      `${slug(state.plan.plan.scenarioName)}-plan.json`,
      `${JSON.stringify(state.plan.plan, null, 2)}\n`,
    );
});
$('dl-geojson').addEventListener('click', () => {
  if (state.plan)
    download(
      `${slug(state.plan.plan.scenarioName)}-plan.geojson`,
      `${JSON.stringify(state.plan.geo)}\n`,
      'application/geo+json',
    );
});
$('dl-report').addEventListener('click', async () => {
  if (!state.plan) return;
  try {
    download(`${slug(state.plan.plan.scenarioName)}-report.html`, await api.report(state.plan.id));
  } catch (error) {
    showProblems($('scenario-problems'), 'Could not fetch the report:', errorProblems(error));
  }
});

// ---- compare

function renderEntries(): void {
  const items = [
    ...state.variants.map((v, i) => ({
      text: `Variant: ${v.name}`,
      remove: () => state.variants.splice(i, 1),
    })),
    ...state.bids.map((b, i) => ({
      text: `Bid ${String(b.id)}: ${String(b.bidder ?? '')}`,
      remove: () => state.bids.splice(i, 1),
    })),
    ...(state.scoring
      ? [
          {
            text: `Scoring: ${String(state.scoring.name ?? state.scoring.model ?? 'scoring')}`,
            remove: () => (state.scoring = undefined),
          },
        ]
      : []),
  ];
  const list = $('compare-entries');
  list.innerHTML = '';
  for (const item of items) {
    const li = document.createElement('li');
    const span = document.createElement('span');
    span.textContent = item.text;
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = 'Remove';
    button.setAttribute('aria-label', `Remove ${item.text}`);
    button.addEventListener('click', () => {
      item.remove();
      renderEntries();
    });
    li.append(span, button);
    list.append(li);
  }
  ($('run-compare') as HTMLButtonElement).disabled =
    !state.raw || state.bids.length + state.variants.length === 0;
}

function addCompareDocument(doc: unknown, source: string): Problem[] {
  const checked = checkCompareDocument(doc);
  if (!checked.ok) return checked.problems.map((p) => ({ ...p, path: `${source}: ${p.path}` }));
  if (checked.kind === 'scoring') state.scoring = checked.value;
  else {
    state.bids = state.bids.filter((b) => b.id !== checked.value.id);
    state.bids.push(checked.value);
  }
  return [];
}

$('load-bids').addEventListener('click', () => {
  if (!state.raw) loadScenario(structuredClone(vingaker), w().theExample);
  const problems = [
    ...addCompareDocument(structuredClone(bidNordbox), 'nordbox-vans.json'),
    ...addCompareDocument(structuredClone(bidRegionbuss), 'regionbuss-bus-line.json'),
    ...addCompareDocument(structuredClone(bidBygden), 'bygden-existing-transport.json'),
    ...addCompareDocument(structuredClone(bidBiblioteksbudet), 'biblioteksbudet-library-run.json'),
    ...addCompareDocument(structuredClone(scoringExample), 'scoring.json'),
  ];
  showProblems($('compare-problems'), 'Some files are not valid:', problems);
  renderEntries();
});
$<HTMLInputElement>('upload-bids').addEventListener('change', async (e) => {
  const input = e.target as HTMLInputElement;
  const problems: Problem[] = [];
  for (const file of Array.from(input.files ?? [])) {
    const parsed = parseText(await file.text());
    if (!parsed.ok) problems.push(...parsed.problems.map((p) => ({ ...p, path: `${file.name}: ${p.path}` })));
    else problems.push(...addCompareDocument(parsed.value, file.name));
  }
  showProblems($('compare-problems'), 'Some files are not valid:', problems);
  input.value = '';
  renderEntries();
});
$('add-variant').addEventListener('click', () => {
  if (!state.raw) {
    showProblems($('compare-problems'), 'No scenario:', [
      { path: 'scenario', message: 'load a scenario first (Scenario tab)' },
    ]);
    return;
  }
  if (!validateForm()) {
    showProblems($('compare-problems'), 'The policy form is not valid:', [
      { path: 'policy', message: 'fix the policy on the Scenario tab first' },
    ]);
    return;
  }
  const nameInput = $<HTMLInputElement>('variant-name');
  const name = nameInput.value.trim() || `Variant ${state.variants.length + 1}`;
  state.variants.push({ name, policy: policyOf((state.raw.policy ?? {}) as Json, readForm()) });
  nameInput.value = '';
  showProblems($('compare-problems'), '', []);
  renderEntries();
});

$('run-compare').addEventListener('click', async () => {
  if (state.compareRun) return;
  const scenario = editedScenario();
  if (!scenario) return;
  const scoring = state.scoring ? { ...state.scoring } : undefined;
  if (scoring) {
    delete scoring.kind;
    delete scoring.name;
    delete scoring.note;
  }
  const body = {
    scenario,
    bids: state.bids,
    variants: state.variants,
    ...(scoring ? { scoring } : {}),
  };
  const box = $('compare-progress-box');
  const bar = $<HTMLProgressElement>('compare-progress');
  const text = $('compare-progress-text');
  const runButton = $<HTMLButtonElement>('run-compare');
  const cancelButton = $<HTMLButtonElement>('cancel-compare');
  box.hidden = false;
  bar.value = 0;
  text.textContent = w().submitting;
  runButton.disabled = true;
  showProblems($('compare-problems'), '', []);
  try {
    const timeLimitS = numberField('timeLimitS');
    const accepted = await api.submit('comparisons', body, timeLimitS ? { timeLimitS } : {});
    state.compareRun = followJob(api, accepted.id, (view) => {
      bar.value = view.state === 'completed' ? 100 : (view.progress?.percent ?? 0);
      text.textContent = progressText(view, String(scenario.currency ?? ''));
    });
    cancelButton.hidden = false;
    cancelButton.focus();
    const end = await state.compareRun.done;
    if (end.state === 'completed') {
      const result = await api.result<ComparisonResult>(end.id);
      state.comparison = { id: end.id, result };
      $('compare-view').hidden = false;
      renderComparison($('panel-compare'), result);
      text.textContent = `completed: ${result.entries.length} entries compared`;
    } else if (end.state === 'cancelled') text.textContent = 'cancelled';
    else {
      text.textContent = w().failed(String(end.error));
      showProblems($('compare-problems'), 'The comparison failed:', [
        { path: 'job', message: end.error ?? 'failed' },
      ]);
    }
  } catch (error) {
    text.textContent = w().notSubmitted;
    showProblems($('compare-problems'), 'The API refused the comparison:', errorProblems(error));
  } finally {
    state.compareRun = undefined;
    runButton.disabled = false;
    const hadFocus = document.activeElement === cancelButton;
    cancelButton.hidden = true;
    if (hadFocus) runButton.focus();
  }
});
$('cancel-compare').addEventListener('click', async () => {
  $('compare-progress-text').textContent = 'cancelling…';
  try {
    await state.compareRun?.cancel();
  } catch (error) {
    showProblems($('compare-problems'), 'Could not cancel:', errorProblems(error));
  }
});
$('dl-comparison').addEventListener('click', () => {
  if (state.comparison) download('comparison.json', `${JSON.stringify(state.comparison.result, null, 2)}\n`);
});
$('dl-comparison-report').addEventListener('click', async () => {
  if (!state.comparison) return;
  try {
    download('comparison-report.html', await api.report(state.comparison.id));
  } catch (error) {
    showProblems($('compare-problems'), 'Could not fetch the report:', errorProblems(error));
  }
});

// ---- language: the browser's, or the one chosen with the switch (kept in localStorage)

const langSwitch = $<HTMLButtonElement>('lang-switch');
function labelSwitch(): void {
  langSwitch.textContent = w().switchTo;
  langSwitch.lang = lang() === 'sv' ? 'en' : 'sv';
  langSwitch.setAttribute('aria-label', w().switchLabel);
}
langSwitch.addEventListener('click', () => setLang(lang() === 'sv' ? 'en' : 'sv'));
onLangChange(() => {
  labelSwitch();
  writeScenarioSummary();
  if (state.plan) showPlan();
  else if (state.scenario) {
    map.showScenario(state.scenario);
    const name = state.scenario.name;
    mapChanged(() => w().theScenario(name));
  } else map.renderLegend();
  if (state.comparison) renderComparison($('panel-compare'), state.comparison.result);
  updateAccessLabel();
});
applyStatic();
labelSwitch();

selectTab('scenario');
document.body.dataset.ready = 'true';
