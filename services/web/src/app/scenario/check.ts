import {
  issuesToProblems,
  Policy,
  validate,
  validateDocument,
  type Problem,
  type Scenario,
} from '@paketbygd/model';

export type Json = Record<string, unknown>;

/** A JSON (or JSONC-free) file's text → value; a syntax error becomes a problem that says where. */
export function parseText(text: string): { ok: true; value: unknown } | { ok: false; problems: Problem[] } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return {
      ok: false,
      problems: [{ path: '(document)', message: `not valid JSON: ${(error as Error).message}` }],
    };
  }
}

/** A scenario document checked with the model's schemas and cross-checks. */
export function checkScenario(
  doc: unknown,
): { ok: true; value: Scenario } | { ok: false; problems: Problem[] } {
  const result = validate('scenario', doc);
  return result.ok ? { ok: true, value: result.value } : { ok: false, problems: result.problems };
}

/** A bid or scoring document (kind detected). */
export function checkCompareDocument(
  doc: unknown,
): { ok: true; kind: 'bid' | 'scoring'; value: Json } | { ok: false; problems: Problem[] } {
  const result = validateDocument(doc);
  if (!result.ok) return { ok: false, problems: result.problems };
  if (result.kind !== 'bid' && result.kind !== 'scoring') {
    return {
      ok: false,
      problems: [{ path: 'kind', message: `expected a bid or a scoring document, not a ${result.kind}` }],
    };
  }
  return { ok: true, kind: result.kind, value: doc as Json };
}

/** The policy form's values, as typed (empty fields are `undefined`). */
export interface PolicyFormValues {
  maxBoxes: number | undefined;
  budgetPerYear: number | undefined;
  accessKind: 'distance' | 'duration';
  accessLimit: number | undefined;
  deliveriesPerWeek: number | undefined;
  useExistingTransports: boolean;
  homeDeliveryOutsideCoverage: boolean;
}

export function formValuesOf(policy: Json): PolicyFormValues {
  const n = (v: unknown) => (typeof v === 'number' ? v : undefined);
  const duration = policy.maxAccessDurationMin !== undefined && policy.maxAccessDistanceM === undefined;
  return {
    maxBoxes: n(policy.maxBoxes),
    budgetPerYear: n(policy.budgetPerYear),
    accessKind: duration ? 'duration' : 'distance',
    accessLimit: n(duration ? policy.maxAccessDurationMin : policy.maxAccessDistanceM),
    deliveriesPerWeek: n(policy.deliveriesPerWeek),
    useExistingTransports: policy.useExistingTransports !== false,
    homeDeliveryOutsideCoverage: policy.homeDeliveryOutsideCoverage === true,
  };
}

/** The form's values over the original policy (fields the form does not show are kept). */
export function policyOf(base: Json, v: PolicyFormValues): Json {
  const p: Json = { ...base };
  const set = (key: string, value: unknown) => {
    if (value === undefined) delete p[key];
    else p[key] = value;
  };
  set('maxBoxes', v.maxBoxes);
  set('budgetPerYear', v.budgetPerYear);
  set('maxAccessDistanceM', v.accessKind === 'distance' ? v.accessLimit : undefined);
  set('maxAccessDurationMin', v.accessKind === 'duration' ? v.accessLimit : undefined);
  set('deliveriesPerWeek', v.deliveriesPerWeek);
  p.useExistingTransports = v.useExistingTransports;
  p.homeDeliveryOutsideCoverage = v.homeDeliveryOutsideCoverage;
  return p;
}

/** The policy's problems from the model's Policy schema, paths relative to the policy. */
export function policyProblems(policy: Json): Problem[] {
  const parsed = Policy.safeParse(policy);
  return parsed.success ? [] : issuesToProblems(parsed.error.issues);
}

/** Which form field a policy problem belongs to. */
export function fieldOfProblem(path: string): keyof PolicyFormValues | undefined {
  const head = path.replace(/^policy\./, '').split(/[.[]/)[0];
  switch (head) {
    case 'maxBoxes':
    case 'budgetPerYear':
    case 'deliveriesPerWeek':
    case 'useExistingTransports':
    case 'homeDeliveryOutsideCoverage':
      return head;
    case 'maxAccessDistanceM':
    case 'maxAccessDurationMin':
      return 'accessLimit';
    default:
      return undefined;
  }
}
