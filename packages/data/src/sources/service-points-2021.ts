import { join } from 'node:path';
import { z } from 'zod';
import type { Source } from '@paketbygd/model';
import { cell } from '../columns';
import { readCsvTable, type DataTable } from '../csv-file';

export const SERVICE_POINTS_2021_FILE = join('sweden', 'postal-service-points-2021.csv');

const ServicePointRow = z.object({
  pts_id: cell.nonEmpty,
  operator: cell.nonEmpty,
  kind: z.enum(['Postombud', 'Utlämningsställe', 'Box_Paketskåp', 'Företagscenter'], {
    error: 'kind is one of Postombud, Utlämningsställe, Box_Paketskåp, Företagscenter',
  }),
  deliveries_per_week: cell.optionalNumber,
  name: cell.text,
  address: cell.text,
  postcode: cell.text,
  town: cell.text,
  lon: cell.number,
  lat: cell.number,
  municipality_code: cell.kommunCode,
});
export type ServicePoint2021 = z.infer<typeof ServicePointRow>;

/** PTS's 2021 parcel agents, lockers and service points of all kommuner: one row per carrier and place. */
export function readServicePoints2021(dataDir: string): DataTable<ServicePoint2021> {
  return readCsvTable(join(dataDir, SERVICE_POINTS_2021_FILE), ServicePointRow, (r) => [r.lon, r.lat]);
}

export const SERVICE_POINTS_2021_SOURCE: Source = {
  title: 'PTS service points 2021 (postal-service-points-2021.csv)',
  url: 'https://github.com/PredictiveMovement/digital-twin',
  note: "PTS's (Post- och telestyrelsen) 2021 reporting of parcel agents, lockers and service points; carriers other than PostNord are anonymised as colours (Brun, Gul, Grön). Used as facts with attribution",
};
