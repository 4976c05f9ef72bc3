import { isUtf8 } from 'node:buffer';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parse, CsvError } from 'csv-parse';
import type { FeedSource } from './source';
import { GtfsError, type SkipTally } from './problems';

export interface TableSpec {
  file: string;
  required: readonly string[];
  optional?: readonly string[];
}

/** Column positions by name; a missing optional column is -1. */
export type Columns = Record<string, number>;

export type RowHandler = (fields: string[], columns: Columns, line: number) => void;

const NEWLINE = 0x0a;

function countNewlines(bytes: Uint8Array, end = bytes.length): number {
  let n = 0;
  for (let i = bytes.indexOf(NEWLINE); i >= 0 && i < end; i = bytes.indexOf(NEWLINE, i + 1)) n++;
  return n;
}

/** Bytes at the end of a chunk that start a UTF-8 character the next chunk completes. */
function incompleteTail(bytes: Buffer): number {
  for (let back = 1; back <= Math.min(3, bytes.length); back++) {
    const b = bytes[bytes.length - back]!;
    if (b < 0x80) return 0;
    if (b >= 0xc0) {
      const length = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
      return length > back ? back : 0;
    }
  }
  return 0;
}

/**
 * Passes the bytes on unchanged (csv-parse works on bytes) after checking that they are UTF-8
 * (Node's isUtf8, chunk by chunk with a character split across chunks carried over); if not, stops
 * with the line where they stop being so.
 */
function utf8Check(file: string): Transform {
  let carry = Buffer.alloc(0);
  let linesBefore = 0;
  const fail = (bytes: Buffer) => {
    const lenient = new TextDecoder('utf-8').decode(bytes);
    const bad = lenient.indexOf('\uFFFD');
    const line = linesBefore + 1 + (bad < 0 ? 0 : lenient.slice(0, bad).split('\n').length - 1);
    return new GtfsError(file, 'not UTF-8 text (GTFS files are UTF-8; save it as UTF-8)', line);
  };
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      const bytes = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
      const keep = incompleteTail(bytes);
      const whole = bytes.subarray(0, bytes.length - keep);
      if (!isUtf8(whole)) {
        callback(fail(whole));
        return;
      }
      carry = Buffer.from(bytes.subarray(bytes.length - keep));
      linesBefore += countNewlines(whole);
      callback(null, chunk);
    },
    flush(callback) {
      if (carry.length > 0)
        callback(new GtfsError(file, 'not UTF-8 text: the file ends inside a character', linesBefore + 1));
      else callback();
    },
  });
}

function headerColumns(spec: TableSpec, header: string[]): Columns {
  const names = header.map((h) => h.trim());
  const missing = spec.required.filter((c) => !names.includes(c));
  if (missing.length > 0) {
    throw new GtfsError(
      spec.file,
      `missing required column${missing.length === 1 ? '' : 's'} ${missing.join(', ')} (the header has ${names.join(', ')})`,
      1,
    );
  }
  const columns: Columns = {};
  for (const c of [...spec.required, ...(spec.optional ?? [])]) columns[c] = names.indexOf(c);
  return columns;
}

/**
 * Streams one GTFS table through csv-parse, row by row, without holding the file. Rows whose
 * field count differs from the header are skipped and counted; broken CSV or text stops with the line.
 */
export async function readTable(
  source: FeedSource,
  spec: TableSpec,
  tally: SkipTally,
  onRow: RowHandler,
): Promise<number> {
  if (!source.has(spec.file))
    throw new GtfsError(spec.file, `required file missing from feed ${source.name}`);
  const bytes: Readable = await source.open(spec.file);
  let columns: Columns | undefined;
  let width = 0;
  let rows = 0;
  const parser = parse({ bom: true, relax_column_count: true, skip_empty_lines: true });
  // Rows are handled as they are parsed, so parser.info.lines is the line of the row (a 'data'
  // listener in flowing mode is called from inside the parser; on_record is slower by a third).
  parser.on('data', (fields: string[]) => {
    const line = parser.info.lines;
    try {
      if (!columns) {
        columns = headerColumns(spec, fields);
        width = fields.length;
      } else if (fields.length !== width) {
        tally.skip(spec.file, line, `the number of fields differs from the header's ${width}`);
      } else {
        rows++;
        onRow(fields, columns, line);
      }
    } catch (error) {
      parser.destroy(error as Error);
    }
  });
  try {
    await pipeline(bytes, utf8Check(spec.file), parser);
  } catch (error) {
    if (error instanceof GtfsError) throw error;
    if (error instanceof CsvError) {
      const line = (error as CsvError & { lines?: number }).lines;
      throw new GtfsError(spec.file, `not valid CSV: ${error.message}`, line);
    }
    throw new GtfsError(spec.file, `cannot read (${(error as Error).message})`);
  }
  if (!columns) throw new GtfsError(spec.file, 'empty: no header line', 1);
  return rows;
}
