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

/** Bytes to text, refusing anything that is not UTF-8 with the line where it stops being so. */
function utf8Text(file: string): Transform {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let linesBefore = 0;
  const fail = (chunk: Buffer) => {
    const lenient = new TextDecoder('utf-8').decode(chunk);
    const bad = lenient.indexOf('\uFFFD');
    const line = linesBefore + 1 + (bad < 0 ? 0 : lenient.slice(0, bad).split('\n').length - 1);
    return new GtfsError(file, 'not UTF-8 text (GTFS files are UTF-8; save it as UTF-8)', line);
  };
  return new Transform({
    readableObjectMode: false,
    decodeStrings: true,
    transform(chunk: Buffer, _encoding, callback) {
      let text: string;
      try {
        text = decoder.decode(chunk, { stream: true });
      } catch {
        callback(fail(chunk));
        return;
      }
      linesBefore += countNewlines(chunk);
      callback(null, text);
    },
    flush(callback) {
      try {
        callback(null, decoder.decode());
      } catch {
        callback(new GtfsError(file, 'not UTF-8 text: the file ends inside a character', linesBefore + 1));
      }
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
  const parser = parse({ relax_column_count: true, skip_empty_lines: true });
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
    await pipeline(bytes, utf8Text(spec.file), parser);
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
