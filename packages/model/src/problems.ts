import type { z } from 'zod';

/** One thing wrong with a document: where (`demand[3].location[1]`) and what, with the fix where known. */
export interface Problem {
  path: string;
  message: string;
}

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key)) out += out ? `.${key}` : key;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out || '(document)';
}

export function problemToString(problem: Problem): string {
  return `${problem.path}: ${problem.message}`;
}

/** Thrown by `parseOrThrow`; carries every problem, not just the first. */
export class ValidationError extends Error {
  constructor(
    readonly what: string,
    readonly problems: Problem[],
  ) {
    super(`${what} is not valid:\n${problems.map((p) => `  ${problemToString(p)}`).join('\n')}`);
    this.name = 'ValidationError';
  }
}

function levenshtein(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}

export function closestWord(word: string, vocabulary: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(word.length / 4)) + 1;
  for (const candidate of vocabulary) {
    const d = levenshtein(word.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

/**
 * Field names the model knows, gathered by walking the schemas once, so that an unknown
 * key can be answered with "did you mean …".
 */
export function collectKeys(
  schema: z.ZodType,
  into = new Set<string>(),
  seen = new Set<unknown>(),
): Set<string> {
  if (seen.has(schema)) return into;
  seen.add(schema);
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> } })._zod.def;
  const visit = (child: unknown) => {
    if (child && typeof child === 'object' && '_zod' in child) collectKeys(child as z.ZodType, into, seen);
  };
  switch (def.type) {
    case 'object':
      for (const [key, child] of Object.entries(def.shape as Record<string, unknown>)) {
        into.add(key);
        visit(child);
      }
      break;
    case 'array':
      visit(def.element);
      break;
    case 'tuple':
      (def.items as unknown[]).forEach(visit);
      break;
    case 'union':
      (def.options as unknown[]).forEach(visit);
      break;
    case 'record':
      visit(def.valueType);
      break;
    case 'pipe':
      visit(def.in);
      break;
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'nonoptional':
      visit(def.innerType);
      break;
  }
  return into;
}

/** zod issues → problems with readable paths; unknown keys each get a line and a suggestion. */
export function issuesToProblems(issues: readonly z.core.$ZodIssue[], vocabulary?: Set<string>): Problem[] {
  const problems: Problem[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const suggestion = vocabulary ? closestWord(key, vocabulary) : undefined;
        problems.push({
          path: formatPath([...issue.path, key]),
          message: `unknown field${suggestion ? `; did you mean "${suggestion}"?` : ' (remove it or check its spelling)'}`,
        });
      }
    } else if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      // A union reports every branch; the branch with the fewest complaints is the one the user meant.
      const best = [...issue.errors].sort((a, b) => a.length - b.length)[0]!;
      problems.push(
        ...issuesToProblems(
          best.map((inner) => ({ ...inner, path: [...issue.path, ...inner.path] })),
          vocabulary,
        ),
      );
    } else if (issue.code === 'invalid_type' && /received undefined$/.test(issue.message)) {
      problems.push({ path: formatPath(issue.path), message: `is missing (expected ${issue.expected})` });
    } else {
      problems.push({ path: formatPath(issue.path), message: issue.message });
    }
  }
  return problems;
}
