import { join } from 'node:path';
import { z } from 'zod';
import type { Source } from '@paketbygd/model';
import { cell } from '../columns';
import { readCsvTable, type DataTable } from '../csv-file';

export const DALARNA_NODES_FILE = join('dalarna', 'service-nodes-2026.csv');

const NodeRow = z.object({
  kluster_id: cell.nonEmpty,
  nodnamn: cell.nonEmpty,
  adress: cell.text,
  postort: cell.text,
  kommun: cell.nonEmpty,
  lon: cell.number,
  lat: cell.number,
  aktorer: cell.nonEmpty,
  servicetyper: cell.nonEmpty,
  median_leveransdagar_per_vecka: cell.optionalNumber,
});
export type ServiceNode2026 = z.infer<typeof NodeRow>;

/** Dalarna's parcel points in 2026, grouped into physical places, with the real carrier names. */
export function readDalarnaServiceNodes(dataDir: string): DataTable<ServiceNode2026> {
  return readCsvTable(join(dataDir, DALARNA_NODES_FILE), NodeRow, (r) => [r.lon, r.lat]);
}

export const DALARNA_NODES_SOURCE: Source = {
  title: "Dalarna's parcel points 2026 with carriers (service-nodes-2026.csv)",
  url: 'https://github.com/gislab-se/sistamilen',
  note: "Region Dalarna's 2026 parcel study: 487 carrier services grouped into 236 physical places",
};
