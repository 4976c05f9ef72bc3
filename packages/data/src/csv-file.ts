import { readFileSync, statSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { z } from 'zod';
import type { LonLat } from '@paketbygd/model';
import { DataFileError } from './errors';
import { insideSweden, outsideSwedenReason } from './sweden-bounds';

/** A row of a data file with the line it starts on (1 is the header). */
export interface Located<T> {
  line: number;
  value: T;
}

/** A row that was read but not used, and why. Refused rows are counted and reported, never silently dropped. */
export interface RefusedRow {
  line: number;
  reason: string;
}

export interface DataTable<T> {
  file: string;
  rows: Located<T>[];
  refused: RefusedRow[];
}

const memo = new Map<string, { mtimeMs: number; table: DataTable<unknown> }>();

/** Forget the CSV tables read in this process. */
export function clearCsvCache(): void {
  memo.clear();
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new DataFileError(file, undefined, code === 'ENOENT' ? 'file not found' : `cannot read: ${code}`);
  }
}

function zodMessage(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || 'row'}: ${i.message}`).join('; ');
}

/**
 * csv-parse in its fastest mode (arrays, no per-record info). Each record then sits on one line
 * (line = index + 2) unless a quoted field holds a line break; that is checked by counting lines,
 * and only then is the file parsed again with csv-parse's line info.
 */
function parseCsv(
  file: string,
  text: string,
): { header: string[]; records: { cells: string[]; line: number }[] } {
  try {
    const rows = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: true }) as string[][];
    const header = rows[0] ?? [];
    if (header.length === 0) throw new DataFileError(file, 1, 'no header row');
    // Every line between the first and the last is a record: no blank line, no line break in a field.
    const physicalLines = text.trim().split('\n').length;
    if (physicalLines === rows.length) {
      return { header, records: rows.slice(1).map((cells, i) => ({ cells, line: i + 2 })) };
    }
    const withInfo = parse(text, {
      bom: true,
      skip_empty_lines: true,
      relax_column_count: true,
      info: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
    return {
      header,
      records: withInfo.slice(1).map(({ record, info }) => ({ cells: record, line: info.lines })),
    };
  } catch (error) {
    if (error instanceof DataFileError) throw error;
    const e = error as { lines?: number; message: string };
    throw new DataFileError(file, e.lines, `not valid CSV: ${e.message}`);
  }
}

/**
 * Reads a CSV file with a header row: each row is checked with `schema` (a malformed row throws,
 * naming the file and line), and rows whose position (`locate`) lies outside Sweden are refused with
 * their line. Tables are kept in memory for the process, keyed by path and modification time.
 */
export function readCsvTable<T>(
  file: string,
  schema: z.ZodType<T>,
  locate?: (row: T) => LonLat,
  refuse?: (row: T) => string | undefined,
): DataTable<T> {
  let mtimeMs: number;
  try {
    mtimeMs = statSync(file).mtimeMs;
  } catch {
    throw new DataFileError(file, undefined, 'file not found');
  }
  const cached = memo.get(file);
  if (cached && cached.mtimeMs === mtimeMs) return cached.table as DataTable<T>;

  const { header, records } = parseCsv(file, readText(file));
  const table: DataTable<T> = { file, rows: [], refused: [] };
  for (const { cells, line } of records) {
    if (cells.length !== header.length) {
      throw new DataFileError(file, line, `has ${cells.length} fields; the header has ${header.length}`);
    }
    const record: Record<string, string> = {};
    header.forEach((name, i) => (record[name] = cells[i]!));
    const parsed = schema.safeParse(record);
    if (!parsed.success) throw new DataFileError(file, line, zodMessage(parsed.error));
    const location = locate?.(parsed.data);
    if (location && !insideSweden(location)) {
      table.refused.push({ line, reason: outsideSwedenReason(location) });
      continue;
    }
    const reason = refuse?.(parsed.data);
    if (reason !== undefined) {
      table.refused.push({ line, reason });
      continue;
    }
    table.rows.push({ line, value: parsed.data });
  }
  memo.set(file, { mtimeMs, table });
  return table;
}

/** A note for a source: how many rows were refused, why, and at which lines (the first few of each reason). */
export function refusedNote(table: DataTable<unknown>): string {
  const byReason = new Map<string, number[]>();
  for (const r of table.refused) {
    const kind = r.reason.includes('outside Sweden') ? 'outside Sweden' : r.reason;
    byReason.set(kind, [...(byReason.get(kind) ?? []), r.line]);
  }
  return [...byReason]
    .map(([reason, lines]) => {
      const shown = lines.slice(0, 12).join(', ');
      return `${lines.length} rows refused (${reason}): lines ${shown}${lines.length > 12 ? ', …' : ''}`;
    })
    .join('; ');
}
