import { updateAccessLabel, editedScenario, validateForm } from './form';
import { pw } from '../i18n/page-words';
import { $ } from '../ui/dom';
import { download, slug } from '../ui/download';
import { showProblems } from '../ui/problems';
import { parseText } from './check';
import { loadExample, loadScenario } from './load';

/** The Scenario tab's controls: the example, an upload, save, and the form's live validation. */
export function initScenarioControls(): void {
  $('load-example').addEventListener('click', loadExample);
  $<HTMLInputElement>('upload-scenario').addEventListener('change', async (e) => {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    const parsed = parseText(await file.text());
    if (!parsed.ok)
      showProblems($('scenario-problems'), pw().notAScenario(file.name, false), parsed.problems);
    else loadScenario(parsed.value, file.name);
    input.value = '';
  });
  $('save-scenario').addEventListener('click', () => {
    const doc = editedScenario();
    if (!doc) return;
    download(`${slug(String(doc.name ?? 'scenario'))}.json`, `${JSON.stringify(doc, null, 2)}\n`);
  });
  const form = $<HTMLFormElement>('policy-form');
  form.addEventListener('input', () => {
    updateAccessLabel();
    validateForm();
  });
  form.addEventListener('change', () => validateForm());
}
