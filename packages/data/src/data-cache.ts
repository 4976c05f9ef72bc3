import { clearCsvCache } from './csv-file';
import { clearBoundaryCache } from './sources/boundaries';

/** Forget every file read in this process, so the next `initScenario` reads them again (the benchmark's cold runs). */
export function clearDataCache(): void {
  clearCsvCache();
  clearBoundaryCache();
}
