import type { ComparisonResult } from '@paketbygd/model';
import { pw } from '../i18n/page-words';
import { cancelJob, runJob } from '../jobs/run-job';
import { editedScenario, numberField } from '../scenario/form';
import { api } from '../state/services';
import { state } from '../state/state';
import { $ } from '../ui/dom';
import { download } from '../ui/download';
import { errorProblems, showProblems } from '../ui/problems';
import { renderComparison } from './view/render';

const problemBox = () => $('compare-problems');

/** The comparison's body: the edited scenario, bids, variants and the scoring (without its notes). */
function comparisonBody(scenario: Record<string, unknown>) {
  const scoring = state.scoring ? { ...state.scoring } : undefined;
  if (scoring) {
    delete scoring.kind;
    delete scoring.name;
    delete scoring.note;
  }
  return { scenario, bids: state.bids, variants: state.variants, ...(scoring ? { scoring } : {}) };
}

async function compare(): Promise<void> {
  if (state.compareRun) return;
  const scenario = editedScenario();
  if (!scenario) return;
  const body = comparisonBody(scenario);
  showProblems(problemBox(), '', []);
  const generation = state.generation;
  await runJob(api, {
    prefix: 'compare',
    currency: String(scenario.currency ?? ''),
    submit: () => {
      const timeLimitS = numberField('timeLimitS');
      return api.submit('comparisons', body, timeLimitS ? { timeLimitS } : {});
    },
    hold: (run) => (state.compareRun = run),
    stale: () => state.generation !== generation,
    completed: async (id, text) => {
      const result = await api.result<ComparisonResult>(id);
      if (state.generation !== generation) return;
      state.comparison = { id, result };
      $('compare-view').hidden = false;
      renderComparison($('panel-compare'), result);
      text.textContent = pw().comparedN(result.entries.length);
    },
    failed: (error) => showProblems(problemBox(), pw().compareFailed, [{ path: 'job', message: error }]),
    refused: (error) => showProblems(problemBox(), pw().apiRefusedComparison, errorProblems(error)),
  });
}

export function initCompareRun(): void {
  $('run-compare').addEventListener('click', () => void compare());
  $('cancel-compare').addEventListener('click', () =>
    cancelJob('compare', state.compareRun, (error) =>
      showProblems(problemBox(), pw().cannotCancel, errorProblems(error)),
    ),
  );
  $('dl-comparison').addEventListener('click', () => {
    if (state.comparison)
      download('comparison.json', `${JSON.stringify(state.comparison.result, null, 2)}\n`);
  });
  $('dl-comparison-report').addEventListener('click', async () => {
    if (!state.comparison) return;
    try {
      download('comparison-report.html', await api.report(state.comparison.id));
    } catch (error) {
      showProblems(problemBox(), pw().cannotFetchReport, errorProblems(error));
    }
  });
}
