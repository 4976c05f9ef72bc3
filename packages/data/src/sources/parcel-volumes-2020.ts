import { join } from 'node:path';
import { z } from 'zod';
import type { Source } from '@paketbygd/model';
import { cell } from '../columns';
import { readCsvTable, type DataTable } from '../csv-file';

export const PARCEL_VOLUMES_2020_FILE = join('sweden', 'parcel-volumes-2020.csv');

const ParcelVolumeRow = z.object({
  municipality_code: cell.kommunCode,
  municipality: cell.nonEmpty,
  parcels_total: cell.count,
  parcels_b2b: cell.count,
  parcels_b2c: cell.count,
  parcels_c2x: cell.count,
});
export type ParcelVolume2020 = z.infer<typeof ParcelVolumeRow>;

/** Parcels delivered in 2020 per kommun: total, B2B, B2C, C2X. */
export function readParcelVolumes2020(dataDir: string): DataTable<ParcelVolume2020> {
  return readCsvTable(join(dataDir, PARCEL_VOLUMES_2020_FILE), ParcelVolumeRow);
}

export function parcelVolumes2020Source(v: ParcelVolume2020): Source {
  return {
    title: 'Parcels delivered per kommun in 2020 (parcel-volumes-2020.csv)',
    url: 'https://github.com/PredictiveMovement/digital-twin',
    note: `kommun ${v.municipality_code}: ${v.parcels_total.toLocaleString('en')} parcels in all, B2C ${v.parcels_b2c.toLocaleString('en')}, C2X ${v.parcels_c2x.toLocaleString('en')}, B2B ${v.parcels_b2b.toLocaleString('en')}; upstream not stated`,
  };
}
