import { join } from 'node:path';
import { z } from 'zod';
import type { Source } from '@paketbygd/model';
import { cell } from '../columns';
import { readCsvTable, type DataTable } from '../csv-file';

export const MUNICIPALITIES_FILE = join('sweden', 'municipalities.csv');
export const POPULATION_2016_FILE = join('sweden', 'municipalities-population-2016.csv');

const MunicipalityRow = z.object({
  municipality_code: cell.kommunCode,
  municipality_name: cell.nonEmpty,
  municipality_name_short: cell.nonEmpty,
  county_code: z.string().regex(/^\d{2}$/, 'a county code has two digits'),
});
export type MunicipalityRow = z.infer<typeof MunicipalityRow>;

const PopulationRow = z.object({
  municipality_code: cell.kommunCode,
  municipality: cell.nonEmpty,
  population_2016: cell.count,
  land_km2: cell.number,
});
export type PopulationRow = z.infer<typeof PopulationRow>;

/** The 290 kommuner with code, name and county (sjbrg/swedish-geodata, CC0). */
export function readMunicipalities(dataDir: string): DataTable<MunicipalityRow> {
  return readCsvTable(join(dataDir, MUNICIPALITIES_FILE), MunicipalityRow);
}

/** Population (SCB, 31 Dec 2016) and land area per kommun (peterdalle/svensktext). */
export function readPopulation2016(dataDir: string): DataTable<PopulationRow> {
  return readCsvTable(join(dataDir, POPULATION_2016_FILE), PopulationRow);
}

export const MUNICIPALITIES_SOURCE: Source = {
  title: 'Swedish kommuner and their codes (municipalities.csv)',
  url: 'https://github.com/sjbrg/swedish-geodata',
  license: 'CC0-1.0',
};

export function population2016Source(code: string, population: number): Source {
  return {
    title: 'SCB: population per kommun, 31 December 2016 (municipalities-population-2016.csv)',
    url: 'https://github.com/peterdalle/svensktext',
    note: `kommun ${code}: ${population.toLocaleString('en')} people`,
  };
}
