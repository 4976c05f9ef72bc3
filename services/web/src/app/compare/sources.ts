import type { Problem } from '@paketbygd/model';
import bidBiblioteksbudet from '../../../../../examples/bids/biblioteksbudet-library-run.json';
import bidBygden from '../../../../../examples/bids/bygden-existing-transport.json';
import bidNordbox from '../../../../../examples/bids/nordbox-vans.json';
import bidRegionbuss from '../../../../../examples/bids/regionbuss-bus-line.json';
import scoringExample from '../../../../../examples/bids/scoring.json';
import { pw } from '../i18n/page-words';
import { parseText } from '../scenario/check';
import { formPolicy, validateForm } from '../scenario/form';
import { loadExample } from '../scenario/load';
import { state } from '../state/state';
import { $ } from '../ui/dom';
import { showProblems } from '../ui/problems';
import { addCompareDocument, renderEntries } from './entries';

const EXAMPLES: [unknown, string][] = [
  [bidNordbox, 'nordbox-vans.json'],
  [bidRegionbuss, 'regionbuss-bus-line.json'],
  [bidBygden, 'bygden-existing-transport.json'],
  [bidBiblioteksbudet, 'biblioteksbudet-library-run.json'],
  [scoringExample, 'scoring.json'],
];

const problemBox = () => $('compare-problems');

/** The example bids and scoring (and the example scenario when none is loaded). */
function loadExampleBids(): void {
  if (!state.raw) loadExample();
  const problems = EXAMPLES.flatMap(([doc, name]) => addCompareDocument(structuredClone(doc), name));
  showProblems(problemBox(), pw().filesInvalid, problems);
  renderEntries();
}

async function uploadBids(input: HTMLInputElement): Promise<void> {
  const problems: Problem[] = [];
  for (const file of Array.from(input.files ?? [])) {
    const parsed = parseText(await file.text());
    if (!parsed.ok) problems.push(...parsed.problems.map((p) => ({ ...p, path: `${file.name}: ${p.path}` })));
    else problems.push(...addCompareDocument(parsed.value, file.name));
  }
  showProblems(problemBox(), pw().filesInvalid, problems);
  input.value = '';
  renderEntries();
}

/** The policy form as it stands, as a variant under a name. */
function addVariant(): void {
  if (!state.raw) {
    showProblems(problemBox(), pw().noScenarioTitle, [{ path: 'scenario', message: pw().loadScenarioFirst }]);
    return;
  }
  if (!validateForm()) {
    showProblems(problemBox(), pw().formInvalid, [{ path: 'policy', message: pw().fixPolicyFirst }]);
    return;
  }
  const nameInput = $<HTMLInputElement>('variant-name');
  const name = nameInput.value.trim() || pw().variantN(state.variants.length + 1);
  state.variants.push({ name, policy: formPolicy()! });
  nameInput.value = '';
  showProblems(problemBox(), '', []);
  renderEntries();
}

export function initCompareSources(): void {
  $('load-bids').addEventListener('click', loadExampleBids);
  $<HTMLInputElement>('upload-bids').addEventListener(
    'change',
    (e) => void uploadBids(e.target as HTMLInputElement),
  );
  $('add-variant').addEventListener('click', addVariant);
}
