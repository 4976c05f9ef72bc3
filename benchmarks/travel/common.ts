import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LonLat } from '@paketbygd/model';

export const REPO = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** Shared map data beside the checkout; never copied into the repository. */
export const GEODATA = join(REPO, '..', 'shared', 'geodata');
export const OSM = join(GEODATA, 'osm');
export const FIXTURES = join(GEODATA, 'osrm-fixtures');

export const EXTRACTS = {
  liechtenstein: join(OSM, 'liechtenstein-latest.osm.pbf'),
  'north-bayreuth': join(OSM, 'north-bayreuth.osm.gz'),
  andorra: join(OSM, 'andorra.osm.pbf'),
  lund: join(OSM, 'lund-station-sweden.osm.pbf'),
} as const;

export function fixturePoints(): LonLat[] {
  return (
    JSON.parse(readFileSync(join(FIXTURES, 'points.json'), 'utf8')) as { lon: number; lat: number }[]
  ).map((p) => [p.lon, p.lat]);
}

export function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(q * (sorted.length - 1))]!;
}

export function table(header: string[], rows: (string | number)[][]): string {
  const cells = [header, ...rows.map((r) => r.map(String))];
  const widths = header.map((_, c) => Math.max(...cells.map((r) => r[c]!.length)));
  const line = (r: string[]) => `| ${r.map((v, c) => v.padEnd(widths[c]!)).join(' | ')} |`;
  return [
    line(header),
    `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`,
    ...cells.slice(1).map(line),
  ].join('\n');
}
