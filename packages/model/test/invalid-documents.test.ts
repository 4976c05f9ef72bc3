import { describe, expect, it } from 'vitest';
import { INVALID_CASES } from '../../../tests/corpus/invalid-documents';
import { parseJsonText, problemToString, validateDocument, type Problem } from '../src';

function check(text: string): Problem[] {
  const json = parseJsonText(text);
  if (!('value' in json)) return [json];
  const result = validateDocument(json.value);
  return result.problems;
}

describe('invalid documents', () => {
  it.each(INVALID_CASES.map((c) => [c.name, c] as const))('%s: refused with the path named', (_name, c) => {
    const problems = check(c.text);
    expect(problems.length).toBeGreaterThan(0);
    for (const expected of c.expect) {
      const hit = problems.find((p) => p.path === expected.path && expected.message.test(p.message));
      expect(
        hit,
        `no "${expected.path}: ${expected.message}" among\n${problems.map(problemToString).join('\n')}`,
      ).toBeDefined();
    }
  });

  it('refuses a document over the size limit before parsing it', () => {
    const problem = parseJsonText('{}', 50 * 1024 * 1024);
    expect(problem).toMatchObject({
      path: '(document)',
      message: expect.stringMatching(/50\.0 MB; documents are at most 32 MB/),
    });
  });
});
