import type { Plan } from '@paketbygd/model';
import { money } from '../i18n/format';
import { w } from '../i18n/lang';
import { pw } from '../i18n/page-words';
import { cancelJob, runJob } from '../jobs/run-job';
import type { PlanFeatureCollection } from '../map/features';
import { checkScenario } from '../scenario/check';
import { editedScenario, numberField, validateForm } from '../scenario/form';
import { api } from '../state/services';
import { state } from '../state/state';
import { selectTab } from '../tabs/tabs';
import { $ } from '../ui/dom';
import { errorProblems, showProblems } from '../ui/problems';
import { showPlan } from './show';

const problemBox = () => $('scenario-problems');

/** Plans the edited scenario (the form's submit), then fetches the plan and its GeoJSON. */
async function planScenario(form: HTMLFormElement): Promise<void> {
  if (state.run) return;
  if (!validateForm()) {
    form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
    return;
  }
  const doc = editedScenario()!;
  const full = checkScenario(doc);
  if (!full.ok) {
    showProblems(problemBox(), pw().editedInvalid, full.problems);
    return;
  }
  const generation = state.generation;
  await runJob(api, {
    prefix: 'plan',
    currency: full.value.currency,
    submit: async () => {
      const timeLimitS = numberField('timeLimitS');
      const accepted = await api.submit('plans', doc, { ...(timeLimitS ? { timeLimitS } : {}), seed: 1 });
      document.body.dataset.planJob = accepted.id;
      return accepted;
    },
    hold: (run) => (state.run = run),
    stale: () => state.generation !== generation,
    completed: async (id, text) => {
      text.textContent = w().fetchingPlan;
      const [plan, geo] = await Promise.all([api.result<Plan>(id), api.geojson(id)]);
      if (state.generation !== generation) return;
      state.plan = { id, plan, geo: geo as PlanFeatureCollection, scenario: full.value };
      showPlan();
      text.textContent = w().completedPlan(
        plan.boxes.length,
        money(plan.kpis.after.costPerWeek.total, plan.currency),
      );
      selectTab('plan', true);
    },
    failed: (error) => showProblems(problemBox(), pw().planFailed, [{ path: 'job', message: error }]),
    refused: (error) => showProblems(problemBox(), pw().apiRefusedScenario, errorProblems(error)),
  });
}

export function initPlanRun(): void {
  const form = $<HTMLFormElement>('policy-form');
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void planScenario(form);
  });
  $('cancel-plan').addEventListener('click', () =>
    cancelJob('plan', state.run, (error) =>
      showProblems(problemBox(), pw().cannotCancel, errorProblems(error)),
    ),
  );
}
