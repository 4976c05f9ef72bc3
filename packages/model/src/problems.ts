import type { z } from 'zod';

/** One thing wrong with a document: where (`demand[3].location[1]`) and what, with the fix where known. */
export interface Problem {
  path: string;
  message: string;
}

/**
 * Longest field name shown whole in a path, and the longest one given a "did you mean": a name
 * longer than any the model knows is no misspelling, and comparing it would cost time in its length.
 */
export const MAX_SUGGESTED_NAME_LENGTH = 64;
/** Problems listed in one answer; the rest are counted in a last problem. */
export const MAX_REPORTED_PROBLEMS = 100;

/** A key as a path shows it: whole when short, else its start and its length. */
function shownKey(key: string): string {
  if (key.length <= MAX_SUGGESTED_NAME_LENGTH) return key;
  return `${key.slice(0, 32)}… (${key.length} characters)`;
}

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (
      typeof key === 'string' &&
      key.length <= MAX_SUGGESTED_NAME_LENGTH &&
      /^[A-Za-z_$][\w$]*$/.test(key)
    )
      out += out ? `.${key}` : key;
    else out += `[${JSON.stringify(shownKey(String(key)))}]`;
  }
  return out || '(document)';
}

/** The last problem of a capped list: how many more there were. */
export function moreProblems(count: number): Problem {
  return {
    path: '(document)',
    message: `and ${count.toLocaleString('en-US')} more problems (only the first ${MAX_REPORTED_PROBLEMS} are listed)`,
  };
}

/** How many problems a list stands for: its own, and those a capped list counts in its last one. */
export function problemCount(problems: readonly Problem[]): number {
  const counted = /^and ([\d,]+) more problems/.exec(problems.at(-1)?.message ?? '');
  return counted ? problems.length - 1 + Number(counted[1]!.replaceAll(',', '')) : problems.length;
}

/** At most MAX_REPORTED_PROBLEMS problems, and one more that counts the rest (a count made before included). */
export function capProblems(problems: readonly Problem[]): Problem[] {
  const total = problemCount(problems);
  const listed = total === problems.length ? problems : problems.slice(0, -1);
  if (listed.length <= MAX_REPORTED_PROBLEMS && total === listed.length) return [...listed];
  const kept = listed.slice(0, MAX_REPORTED_PROBLEMS);
  return [...kept, moreProblems(total - kept.length)];
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

/**
 * The known word nearest to `word`, within a few edits, for "did you mean". Names longer than
 * MAX_SUGGESTED_NAME_LENGTH get none, so the cost stays bounded whatever the input.
 */
export function closestWord(word: string, vocabulary: Iterable<string>): string | undefined {
  if (word.length > MAX_SUGGESTED_NAME_LENGTH) return undefined;
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(word.length / 4)) + 1;
  const lower = word.toLowerCase();
  for (const candidate of vocabulary) {
    // The distance is at least the difference in length: skip the words that cannot win.
    if (Math.abs(candidate.length - word.length) >= bestDistance) continue;
    const d = levenshtein(lower, candidate.toLowerCase());
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

/**
 * zod issues → problems with readable paths; unknown keys each get a line and a suggestion. At
 * most MAX_REPORTED_PROBLEMS are listed and the rest counted, in time linear in the issues.
 */
export function issuesToProblems(issues: readonly z.core.$ZodIssue[], vocabulary?: Set<string>): Problem[] {
  const problems: Problem[] = [];
  const skipped = collectProblems(issues, vocabulary, problems, []);
  return skipped > 0 ? [...problems, moreProblems(skipped)] : problems;
}

/** Fills `problems` up to the cap; answers how many did not fit. */
function collectProblems(
  issues: readonly z.core.$ZodIssue[],
  vocabulary: Set<string> | undefined,
  problems: Problem[],
  prefix: PropertyKey[],
): number {
  let skipped = 0;
  const room = () => problems.length < MAX_REPORTED_PROBLEMS;
  for (const issue of issues) {
    const path = [...prefix, ...issue.path];
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        if (!room()) {
          skipped++;
          continue;
        }
        const suggestion = vocabulary ? closestWord(key, vocabulary) : undefined;
        problems.push({
          path: formatPath([...path, key]),
          message: `unknown field${suggestion ? `; did you mean "${suggestion}"?` : ' (remove it or check its spelling)'}`,
        });
      }
    } else if (!room()) {
      skipped++;
    } else if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      // A union reports every branch; the branch with the fewest complaints is the one the user meant.
      let best = issue.errors[0]!;
      for (const branch of issue.errors) if (branch.length < best.length) best = branch;
      skipped += collectProblems(best, vocabulary, problems, path);
    } else if (issue.code === 'invalid_type' && /received undefined$/.test(issue.message)) {
      problems.push({ path: formatPath(path), message: `is missing (expected ${issue.expected})` });
    } else {
      problems.push({ path: formatPath(path), message: issue.message });
    }
  }
  return skipped;
}
