import type { Problem } from '@paketbygd/model';
import bidBiblioteksbudet from '../../../../../examples/bids/biblioteksbudet-library-run.json';
import bidBygden from '../../../../../examples/bids/bygden-existing-transport.json';
import bidNordbox from '../../../../../examples/bids/nordbox-vans.json';
import bidRegionbuss from '../../../../../examples/bids/regionbuss-bus-line.json';
import scoringExample from '../../../../../examples/bids/scoring.json';
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
  showProblems(problemBox(), 'Some files are not valid:', problems);
  renderEntries();
}

async function uploadBids(input: HTMLInputElement): Promise<void> {
  const problems: Problem[] = [];
  for (const file of Array.from(input.files ?? [])) {
    const parsed = parseText(await file.text());
    if (!parsed.ok) problems.push(...parsed.problems.map((p) => ({ ...p, path: `${file.name}: ${p.path}` })));
    else problems.push(...addCompareDocument(parsed.value, file.name));
  }
  showProblems(problemBox(), 'Some files are not valid:', problems);
  input.value = '';
  renderEntries();
}

/** The policy form as it stands, as a variant under a name. */
function addVariant(): void {
  if (!state.raw) {
    showProblems(problemBox(), 'No scenario:', [
      { path: 'scenario', message: 'load a scenario first (Scenario tab)' },
    ]);
    return;
  }
  if (!validateForm()) {
    showProblems(problemBox(), 'The policy form is not valid:', [
      { path: 'policy', message: 'fix the policy on the Scenario tab first' },
    ]);
    return;
  }
  const nameInput = $<HTMLInputElement>('variant-name');
  const name = nameInput.value.trim() || `Variant ${state.variants.length + 1}`;
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
