import type { LonLat } from '@paketbygd/model';
import type { Projection } from './projection';

export interface Tile {
  href: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

const MAX_TILES = 64;

function tileX(lon: number, z: number): number {
  return ((lon + 180) / 360) * 2 ** z;
}

function tileY(lat: number, z: number): number {
  const rad = (lat * Math.PI) / 180;
  return ((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * 2 ** z;
}

function tileLon(x: number, z: number): number {
  return (x / 2 ** z) * 360 - 180;
}

function tileLat(y: number, z: number): number {
  return (Math.atan(Math.sinh(Math.PI * (1 - (2 * y) / 2 ** z))) * 180) / Math.PI;
}

/** A tile URL template needs {z}, {x} and {y}; {s} becomes "a". */
export function isTileTemplate(url: string): boolean {
  return ['{z}', '{x}', '{y}'].every((p) => url.includes(p));
}

/**
 * A usable tile template and what the page's Content-Security-Policy must allow for it: the
 * origin of an http(s) server, or 'self' for tiles in a folder beside the report. Other
 * schemes (javascript:, data:, file:) are refused.
 */
export function tileSource(url: string | undefined): { template: string; cspSource: string } | undefined {
  if (!url || !isTileTemplate(url)) return undefined;
  const filled = url.replace(/\{[a-z]\}/g, '0');
  if (!/^[a-z][a-z0-9+.-]*:/i.test(filled) && !filled.startsWith('//')) {
    return { template: url, cspSource: "'self'" };
  }
  try {
    const parsed = new URL(filled);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:'
      ? { template: url, cspSource: parsed.origin }
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Web-Mercator tiles that cover the map, placed by projecting each tile's corners. Over a
 * municipality the difference between Mercator and the map's projection inside one tile is
 * below a pixel, so no reprojection is needed.
 */
export function tilesFor(projection: Projection, template: string): Tile[] {
  const [west, north] = projection.unproject(0, 0);
  const [east, south] = projection.unproject(projection.widthPx, projection.heightPx);
  const midLat = (north + south) / 2;
  const groundM = 40_075_016.686 * Math.cos((midLat * Math.PI) / 180);
  let z = Math.max(0, Math.min(18, Math.round(Math.log2((groundM * projection.pxPerM) / 256))));
  let range = tileRange(west, north, east, south, z);
  while (z > 0 && range.count > MAX_TILES) {
    z -= 1;
    range = tileRange(west, north, east, south, z);
  }
  const tiles: Tile[] = [];
  for (let x = range.x0; x <= range.x1; x++) {
    for (let y = range.y0; y <= range.y1; y++) {
      const corner: LonLat = [tileLon(x, z), tileLat(y, z)];
      const opposite: LonLat = [tileLon(x + 1, z), tileLat(y + 1, z)];
      const [px0, py0] = projection.project(corner);
      const [px1, py1] = projection.project(opposite);
      tiles.push({
        href: template
          .replace('{z}', String(z))
          .replace('{x}', String(x))
          .replace('{y}', String(y))
          .replace('{s}', 'a'),
        x: px0,
        y: py0,
        width: px1 - px0,
        height: py1 - py0,
      });
    }
  }
  return tiles;
}

function tileRange(west: number, north: number, east: number, south: number, z: number) {
  const last = 2 ** z - 1;
  const x0 = Math.max(0, Math.floor(tileX(west, z)));
  const x1 = Math.min(last, Math.floor(tileX(east, z)));
  const y0 = Math.max(0, Math.floor(tileY(north, z)));
  const y1 = Math.min(last, Math.floor(tileY(south, z)));
  return { x0, x1, y0, y1, count: (x1 - x0 + 1) * (y1 - y0 + 1) };
}
