import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The environment variable that points at the geodata folder (the one holding `sweden/` and `dalarna/`). */
export const DATA_DIR_ENV = 'PAKETBYGD_DATA';

/**
 * The geodata folder: the one given, else $PAKETBYGD_DATA, else `../shared/geodata` beside the
 * checkout (the workspace's convention: data is read from there, never copied into the repository).
 */
export function resolveDataDir(given?: string): string {
  if (given) return resolve(given);
  const fromEnv = process.env[DATA_DIR_ENV];
  if (fromEnv) return resolve(fromEnv);
  const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
  return resolve(repoRoot, '..', 'shared', 'geodata');
}

/** True when the folder holds the national files (tests skip without them). */
export function hasGeodata(dataDir = resolveDataDir()): boolean {
  return existsSync(join(dataDir, 'sweden', 'municipalities.csv'));
}
