// The public face of @paketbygd/data: readers of public data files and `init` (a kommun → a scenario).
export { initScenario, type InitOptions } from './init/init-scenario';
export { listKommuner, findKommun, lenientName, DALARNA_COUNTY_CODE, type Kommun } from './kommuner';
export { clearDataCache } from './data-cache';
export { resolveDataDir, hasGeodata, DATA_DIR_ENV } from './data-dir';
export { DataFileError, UnknownKommunError } from './errors';
export { type DataTable, type Located, type RefusedRow } from './csv-file';
export { SWEDEN_BOUNDS, insideSweden } from './sweden-bounds';
export { SPREAD_RULES, type SpreadRule } from './init/spread';
export { MEASURED_SPREAD_ERROR_PP, DEFAULT_SPREAD_RULE } from './init/spread-rule-error';
export { spreadRuleErrorText } from './stated-assumptions';
export {
  measureSpreadError,
  ACCESS_RADII_KM,
  type SpreadErrorResult,
  type KommunSpreadError,
} from './evaluation/spread-error';
export { readServicePoints2021, type ServicePoint2021 } from './sources/service-points-2021';
export { readParcelVolumes2020, type ParcelVolume2020 } from './sources/parcel-volumes-2020';
export { readStops2022, type Stop2022 } from './sources/stops-2022';
export { readSettlements, type Settlement } from './sources/geonames';
export { readMunicipalities, readPopulation2016 } from './sources/municipalities';
export { readBoundary, type Boundary } from './sources/boundaries';
export { readDalarnaGrid, type GridCell } from './sources/dalarna-grid-2025';
export { readDalarnaServiceNodes, type ServiceNode2026 } from './sources/dalarna-service-nodes-2026';
export * from './gtfs/index';
