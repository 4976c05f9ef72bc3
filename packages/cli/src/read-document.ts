import { readFileSync, statSync } from 'node:fs';
import {
  DOCUMENT_KINDS,
  MAX_DOCUMENT_BYTES,
  parseJsonText,
  validate,
  ValidationError,
  type DocumentKind,
  type DocumentTypes,
  type Problem,
} from '@paketbygd/model';

/** Reads a text file without trusting it: size first (a huge file is refused unread), then text without a BOM. */
export function readTextFile(
  path: string,
  maxBytes = MAX_DOCUMENT_BYTES,
): { text: string; size: number } | Problem {
  let size: number;
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) return { path: '(file)', message: `${path} is a directory, not a file` };
    size = stat.size;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return {
      path: '(file)',
      message: code === 'ENOENT' ? `${path} does not exist` : `cannot read ${path} (${code})`,
    };
  }
  if (size > maxBytes) {
    return {
      path: '(document)',
      message: `${path} is ${(size / 1024 / 1024).toFixed(1)} MB; documents are at most ${(maxBytes / 1024 / 1024).toFixed(0)} MB`,
    };
  }
  try {
    const text = readFileSync(path, 'utf8');
    return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, size };
  } catch (error) {
    return { path: '(file)', message: `cannot read ${path} (${(error as NodeJS.ErrnoException).code})` };
  }
}

/** Reads a JSON document from disk without trusting it: size first, then text, then JSON. */
export function readJsonFile(path: string, maxBytes = MAX_DOCUMENT_BYTES): { value: unknown } | Problem {
  const read = readTextFile(path, maxBytes);
  if (!('text' in read)) return read;
  return parseJsonText(read.text, read.size);
}

/** What to do with a document of another kind than the command takes. */
const USE_INSTEAD: Record<DocumentKind, string> = {
  scenario: 'use plan',
  bid: 'use compare <scenario> <bid…>',
  scoring: 'give it to compare with --weights',
  comparison: 'validate it with validate, or run it through the API',
  plan: 'it is a result already; its report is report.html beside it',
  'routing-problem': 'use route',
  'routing-solution': 'it is a result already',
};

function articled(kind: string): string {
  return `${/^[aeiou]/.test(kind) ? 'an' : 'a'} ${kind.replace('-', ' ')}`;
}

/**
 * A document whose "kind" names another known kind is refused with what it is and which command
 * takes it, instead of every field the expected schema misses.
 */
export function wrongKind(value: unknown, expected: DocumentKind): Problem | undefined {
  const kind = value !== null && typeof value === 'object' ? (value as { kind?: unknown }).kind : undefined;
  if (typeof kind !== 'string' || kind === expected) return undefined;
  if (!(DOCUMENT_KINDS as readonly string[]).includes(kind)) return undefined;
  return {
    path: 'kind',
    message: `this is ${articled(kind)}, not ${articled(expected)}; ${USE_INSTEAD[kind as DocumentKind]}`,
  };
}

/** Reads and validates a document of a known kind; problems are thrown with the file's name. */
export function loadDocument<K extends DocumentKind>(file: string, kind: K): DocumentTypes[K] {
  const read = readJsonFile(file);
  if (!('value' in read)) throw new ValidationError(file, [read]);
  const other = wrongKind(read.value, kind);
  if (other) throw new ValidationError(file, [other]);
  const checked = validate(kind, read.value);
  if (!checked.ok) throw new ValidationError(file, checked.problems);
  return checked.value;
}
