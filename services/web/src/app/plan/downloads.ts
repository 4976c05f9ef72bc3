import { pw } from '../i18n/page-words';
import { api } from '../state/services';
import { state } from '../state/state';
import { $ } from '../ui/dom';
import { download, slug } from '../ui/download';
import { errorProblems, showProblems } from '../ui/problems';

/** The plan as plan.json, as GeoJSON, and the API's HTML report. */
export function initPlanDownloads(): void {
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
      showProblems($('scenario-problems'), pw().cannotFetchReport, errorProblems(error));
    }
  });
}
