import { join } from 'node:path';
import { z } from 'zod';
import type { Source } from '@paketbygd/model';
import { cell } from '../columns';
import { readCsvTable, type DataTable } from '../csv-file';

export const DALARNA_GRID_FILE = join('dalarna', 'population-1km-2025.csv');

const GridRow = z.object({
  rutid: cell.nonEmpty,
  kommunkod: cell.kommunCode,
  lon: cell.number,
  lat: cell.number,
  befolkning_2025: cell.count,
  befolkning_65_plus_2025: cell.count,
});
export type GridCell = z.infer<typeof GridRow>;

/** SCB's population per 1 km square, 31 Dec 2025, for Dalarna (total and 65+), square centres in WGS84. */
export function readDalarnaGrid(dataDir: string): DataTable<GridCell> {
  return readCsvTable(join(dataDir, DALARNA_GRID_FILE), GridRow, (r) => [r.lon, r.lat]);
}

export const DALARNA_GRID_SOURCE: Source = {
  title: 'SCB population per 1 km square, 31 December 2025, Dalarna (total and 65+)',
  url: 'https://github.com/gislab-se/sistamilen',
  note: "Region Dalarna's 2026 parcel study (Paketleveranser i Dalarna, fas 1); SCB open geodata; SCB suppresses small counts",
};
