import { createWriteStream, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { once } from 'node:events';
import { parse } from 'csv-parse/sync';

/** The id columns of each file: each copy gets them with its own prefix, so no id repeats. */
const ID_COLUMNS: Record<string, string[]> = {
  'agency.txt': [],
  'stops.txt': ['stop_id', 'parent_station'],
  'routes.txt': ['route_id'],
  'trips.txt': ['route_id', 'service_id', 'trip_id', 'shape_id'],
  'calendar.txt': ['service_id'],
  'calendar_dates.txt': ['service_id'],
  'stop_times.txt': ['trip_id', 'stop_id'],
};

function csvField(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/**
 * Writes `copies` copies of a feed into one feed, ids prefixed per copy (positions unchanged, so
 * every copy's lines stop in the same kommun). Returns the stop_times rows written.
 */
export async function replicateFeed(from: string, to: string, copies: number): Promise<number> {
  mkdirSync(to, { recursive: true });
  let stopTimes = 0;
  for (const [file, idColumns] of Object.entries(ID_COLUMNS)) {
    const rows = parse(readFileSync(join(from, file)), { bom: true }) as string[][];
    const header = rows[0]!;
    const idIndexes = idColumns.map((c) => header.indexOf(c)).filter((i) => i >= 0);
    if (file === 'agency.txt') {
      writeFileSync(join(to, file), rows.map((r) => r.map(csvField).join(',')).join('\n'));
      continue;
    }
    const out = createWriteStream(join(to, file));
    out.write(`${header.join(',')}\n`);
    for (let copy = 0; copy < copies; copy++) {
      let chunk = '';
      for (const row of rows.slice(1)) {
        const fields = row.map((v, i) => (idIndexes.includes(i) && v !== '' ? `r${copy}_${v}` : v));
        chunk += `${fields.map(csvField).join(',')}\n`;
      }
      if (!out.write(chunk)) await once(out, 'drain');
      if (file === 'stop_times.txt') stopTimes += rows.length - 1;
    }
    out.end();
    await once(out, 'finish');
  }
  return stopTimes;
}
