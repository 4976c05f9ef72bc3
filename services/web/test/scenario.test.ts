import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  checkCompareDocument,
  checkScenario,
  fieldOfProblem,
  formValuesOf,
  parseText,
  policyOf,
  policyProblems,
} from '../src/app/scenario/check';

const example = (path: string): any =>
  JSON.parse(readFileSync(fileURLToPath(new URL(`../../../examples/${path}`, import.meta.url)), 'utf8'));

/** The page's form logic without a browser: the same model schemas decide what is valid. */
describe('policy form ↔ policy', () => {
  it('round-trips the example policy and keeps the fields the form does not show', () => {
    const policy = example('vingaker/scenario.json').policy;
    const values = formValuesOf(policy);
    expect(values).toMatchObject({
      maxBoxes: 5,
      accessKind: 'distance',
      accessLimit: 5000,
      deliveriesPerWeek: 5,
    });
    expect(policyOf(policy, values)).toEqual(policy);
  });

  it('switching to a travel-time limit drops the distance limit (the schema wants exactly one)', () => {
    const policy = example('vingaker/scenario.json').policy;
    const edited = policyOf(policy, { ...formValuesOf(policy), accessKind: 'duration', accessLimit: 12 });
    expect(edited.maxAccessDurationMin).toBe(12);
    expect(edited).not.toHaveProperty('maxAccessDistanceM');
    expect(policyProblems(edited)).toEqual([]);
  });

  it('problems come from the Policy schema, with paths the form maps to its fields', () => {
    const policy = example('vingaker/scenario.json').policy;
    const problems = policyProblems(
      policyOf(policy, {
        ...formValuesOf(policy),
        deliveriesPerWeek: 9,
        maxBoxes: -1,
        accessLimit: undefined,
      }),
    );
    const paths = problems.map((p) => p.path).sort();
    expect(paths).toEqual(['deliveriesPerWeek', 'maxAccessDistanceM', 'maxBoxes']);
    expect(paths.map((p) => fieldOfProblem(`policy.${p}`))).toEqual([
      'deliveriesPerWeek',
      'accessLimit',
      'maxBoxes',
    ]);
  });
});

describe('documents', () => {
  it('a broken scenario names the path; bad JSON says so', () => {
    const s = example('vingaker/scenario.json');
    s.demand[0].location = [16, 95];
    const checked = checkScenario(s);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.problems[0]!.path).toBe('demand[0].location[1]');
    const text = parseText('{"kind": ');
    expect(text.ok).toBe(false);
    if (!text.ok) expect(text.problems[0]!.message).toMatch(/^not valid JSON/);
  });

  it('bids and scoring are told apart; a scenario is not a compare document', () => {
    expect(checkCompareDocument(example('bids/nordbox-vans.json'))).toMatchObject({ ok: true, kind: 'bid' });
    expect(checkCompareDocument(example('bids/scoring.json'))).toMatchObject({ ok: true, kind: 'scoring' });
    expect(checkCompareDocument(example('vingaker/scenario.json'))).toMatchObject({ ok: false });
  });
});
