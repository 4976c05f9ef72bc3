import type { Problem } from '@paketbygd/model';
import { problemToString } from '@paketbygd/model';
import { w } from '../i18n/lang';
import { pw } from '../i18n/page-words';
import { state } from '../state/state';
import { $ } from '../ui/dom';
import { showProblems } from '../ui/problems';
import { fieldOfProblem, policyOf, policyProblems, type Json, type PolicyFormValues } from './check';

const form = () => $<HTMLFormElement>('policy-form');
const field = (name: string) => form().elements.namedItem(name) as HTMLInputElement | HTMLSelectElement;
const checkbox = (name: string) => field(name) as HTMLInputElement;

/** A number field's value; empty is `undefined`, what the browser could not read is NaN. */
export const numberField = (name: string): number | undefined => {
  const input = field(name) as HTMLInputElement;
  if (input.value.trim() === '') return input.validity.badInput ? Number.NaN : undefined;
  return Number(input.value);
};

export function readForm(): PolicyFormValues {
  return {
    maxBoxes: numberField('maxBoxes'),
    budgetPerYear: numberField('budgetPerYear'),
    accessKind: field('accessKind').value === 'duration' ? 'duration' : 'distance',
    accessLimit: numberField('accessLimit'),
    deliveriesPerWeek: numberField('deliveriesPerWeek'),
    useExistingTransports: checkbox('useExistingTransports').checked,
    homeDeliveryOutsideCoverage: checkbox('homeDeliveryOutsideCoverage').checked,
  };
}

export function fillForm(v: PolicyFormValues): void {
  const setNum = (name: string, n: number | undefined) =>
    ((field(name) as HTMLInputElement).value = n === undefined ? '' : String(n));
  setNum('maxBoxes', v.maxBoxes);
  setNum('budgetPerYear', v.budgetPerYear);
  field('accessKind').value = v.accessKind;
  setNum('accessLimit', v.accessLimit);
  setNum('deliveriesPerWeek', v.deliveriesPerWeek);
  checkbox('useExistingTransports').checked = v.useExistingTransports;
  checkbox('homeDeliveryOutsideCoverage').checked = v.homeDeliveryOutsideCoverage;
  updateAccessLabel();
}

/** The access limit's label names its unit: metres or minutes. */
export function updateAccessLabel(): void {
  const duration = field('accessKind').value === 'duration';
  $('f-accessLimit').previousElementSibling!.textContent = duration ? w().accessLimitMin : w().accessLimitM;
}

/** The scenario as edited: the loaded file with the form's policy. */
export function editedScenario(): Json | undefined {
  if (!state.raw) return undefined;
  const base = (state.raw.policy ?? {}) as Json;
  return { ...state.raw, policy: policyOf(base, readForm()) };
}

/** The form's policy over the loaded one (for a variant). */
export function formPolicy(): Json | undefined {
  return state.raw ? policyOf((state.raw.policy ?? {}) as Json, readForm()) : undefined;
}

const NUMBER_FIELDS = ['maxBoxes', 'budgetPerYear', 'accessLimit', 'deliveriesPerWeek'];

/** Each field's messages (beside it, `aria-invalid`); the rest go to the problem box. */
function markFields(problems: Problem[]): void {
  const byField = new Map<string, string[]>();
  const other: Problem[] = [];
  for (const p of problems) {
    const f = fieldOfProblem(p.path);
    if (f && NUMBER_FIELDS.includes(f)) byField.set(f, [...(byField.get(f) ?? []), problemToString(p)]);
    else other.push(p);
  }
  for (const name of NUMBER_FIELDS) {
    const messages = byField.get(name) ?? [];
    $(`f-${name}`).setAttribute('aria-invalid', String(messages.length > 0));
    $(`e-${name}`).textContent = messages.join('; ');
  }
  showProblems($('scenario-problems'), pw().policyInvalid, other);
}

/** Validates the form's policy with the model's schema; marks the fields; true when valid. */
export function validateForm(): boolean {
  const policy = formPolicy();
  if (!policy) return false;
  const problems = policyProblems(policy).map((p) => ({ ...p, path: `policy.${p.path}` }));
  // A number field the browser could not read is empty to the script: say so instead of "required".
  for (const name of NUMBER_FIELDS) {
    if (Number.isNaN(numberField(name))) problems.push({ path: `policy.${name}`, message: pw().notANumber });
  }
  markFields(problems);
  return problems.length === 0;
}
