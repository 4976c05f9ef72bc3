import { join } from 'node:path';
import { z } from 'zod';
import type { Source } from '@paketbygd/model';
import { cell } from '../columns';
import { readCsvTable, type DataTable } from '../csv-file';

export const GEONAMES_FILE = join('sweden', 'geonames-se-cities500.csv');

const SettlementRow = z.object({
  geonameid: cell.nonEmpty,
  name: cell.nonEmpty,
  latitude: cell.number,
  longitude: cell.number,
  kommun_code: z.union([cell.kommunCode, z.literal('')]),
  population: cell.count,
});
export type Settlement = z.infer<typeof SettlementRow>;

/** GeoNames places of at least 500 people in Sweden, with the kommun they lie in. */
export function readSettlements(dataDir: string): DataTable<Settlement> {
  return readCsvTable(
    join(dataDir, GEONAMES_FILE),
    SettlementRow,
    (r) => [r.longitude, r.latitude],
    (r) => (r.kommun_code === '' ? 'no kommun code' : undefined),
  );
}

export const GEONAMES_SOURCE: Source = {
  title: 'GeoNames cities500: Swedish places of 500 people or more',
  url: 'https://www.geonames.org/',
  license: 'CC BY 4.0',
  note: 'villages under 500 people are missing; some kommun seats carry urban-area totals',
};
