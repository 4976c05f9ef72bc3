import { readFileSync, statSync } from 'node:fs';
import {
  MAX_DOCUMENT_BYTES,
  parseJsonText,
  validate,
  ValidationError,
  type DocumentKind,
  type DocumentTypes,
  type Problem,
} from '@paketbygd/model';

/** Reads a JSON document from disk without trusting it: size first, then text, then JSON. */
export function readJsonFile(path: string, maxBytes = MAX_DOCUMENT_BYTES): { value: unknown } | Problem {
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
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    return { path: '(file)', message: `cannot read ${path} (${(error as NodeJS.ErrnoException).code})` };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return parseJsonText(text, size);
}

/** Reads and validates a document of a known kind; problems are thrown with the file's name. */
export function loadDocument<K extends DocumentKind>(file: string, kind: K): DocumentTypes[K] {
  const read = readJsonFile(file);
  if (!('value' in read)) throw new ValidationError(file, [read]);
  const checked = validate(kind, read.value);
  if (!checked.ok) throw new ValidationError(file, checked.problems);
  return checked.value;
}
