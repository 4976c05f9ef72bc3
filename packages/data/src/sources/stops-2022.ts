import { join } from 'node:path';
import { z } from 'zod';
import type { Source } from '@paketbygd/model';
import { cell } from '../columns';
import { readCsvTable, type DataTable } from '../csv-file';

export const STOPS_2022_FILE = join('sweden', 'stops-sweden-2022.csv');

const StopRow = z.object({
  stop_id: cell.nonEmpty,
  stop_name: cell.nonEmpty,
  lat: cell.number,
  lon: cell.number,
  location_type: cell.text,
});
export type Stop2022 = z.infer<typeof StopRow>;

/** Every public-transport stop of Sweden (GTFS Sverige 2 stops.txt, May 2022). */
export function readStops2022(dataDir: string): DataTable<Stop2022> {
  return readCsvTable(join(dataDir, STOPS_2022_FILE), StopRow, (r) => [r.lon, r.lat]);
}

export const STOPS_2022_SOURCE: Source = {
  title: 'Public-transport stops of Sweden, May 2022 (Trafiklab GTFS Sverige 2 stops.txt)',
  url: 'https://www.trafiklab.se/api/gtfs-datasets/gtfs-sverige-2/',
  license: 'CC0-1.0',
};
