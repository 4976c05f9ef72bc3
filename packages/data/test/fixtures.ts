import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A geodata folder in the system's temp dir holding only the files given (relative path → text). */
export function tempDataDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'paketbygd-data-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

export const SKIP_REASON =
  'no geodata: ../shared/geodata (or $PAKETBYGD_DATA) is absent, so the public files cannot be read';
