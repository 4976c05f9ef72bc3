import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { AreaGeometry, type Source } from '@paketbygd/model';
import { DataFileError } from '../errors';

export const BOUNDARIES_FILE = join('sweden', 'swedish_municipalities.geojson');

const BoundaryProperties = z.object({
  properties: z.object({ id: z.string().regex(/^\d{4}$/), kom_namn: z.string().min(1) }),
  geometry: z.object({ type: z.enum(['Polygon', 'MultiPolygon']), coordinates: z.array(z.unknown()) }),
});
export interface Boundary {
  code: string;
  name: string;
  area: AreaGeometry;
  /** [minLon, minLat, maxLon, maxLat] */
  bbox: [number, number, number, number];
}

interface RawFeature {
  code: string;
  name: string;
  index: number;
  geometry: unknown;
}

const memo = new Map<string, Map<string, RawFeature>>();
const checked = new Map<string, Boundary>();

/** Forget the boundaries read in this process. */
export function clearBoundaryCache(): void {
  memo.clear();
  checked.clear();
}

function bboxOf(area: AreaGeometry): [number, number, number, number] {
  const rings = area.type === 'Polygon' ? area.coordinates : area.coordinates.flat();
  let [minLon, minLat, maxLon, maxLat] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const ring of rings) {
    for (const [lon, lat] of ring) {
      minLon = Math.min(minLon, lon);
      maxLon = Math.max(maxLon, lon);
      minLat = Math.min(minLat, lat);
      maxLat = Math.max(maxLat, lat);
    }
  }
  return [minLon, minLat, maxLon, maxLat];
}

function readFeatures(file: string): Map<string, RawFeature> {
  const cached = memo.get(file);
  if (cached) return cached;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new DataFileError(
      file,
      undefined,
      code === 'ENOENT' ? 'file not found' : `not valid JSON: ${(error as Error).message}`,
    );
  }
  const features = (json as { features?: unknown }).features;
  if (!Array.isArray(features)) throw new DataFileError(file, undefined, 'no "features" array');
  const byCode = new Map<string, RawFeature>();
  features.forEach((raw, index) => {
    const parsed = BoundaryProperties.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new DataFileError(
        file,
        undefined,
        `features[${index}].${issue.path.join('.')}: ${issue.message}`,
      );
    }
    const { properties } = parsed.data;
    byCode.set(properties.id, {
      code: properties.id,
      name: properties.kom_namn,
      index,
      geometry: (raw as { geometry: unknown }).geometry,
    });
  });
  memo.set(file, byCode);
  return byCode;
}

/**
 * One kommun's polygon (okfse/sweden-geojson, simplified 2 % with mapshaper). All features' properties
 * are checked when the file is read; a polygon's coordinates when it is first asked for.
 */
export function readBoundary(dataDir: string, code: string): Boundary | undefined {
  const file = join(dataDir, BOUNDARIES_FILE);
  const key = `${file}#${code}`;
  const done = checked.get(key);
  if (done) return done;
  const feature = readFeatures(file).get(code);
  if (!feature) return undefined;
  const parsed = AreaGeometry.safeParse(feature.geometry);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new DataFileError(
      file,
      undefined,
      `features[${feature.index}].geometry.${issue.path.join('.')}: ${issue.message}`,
    );
  }
  const boundary = { code, name: feature.name, area: parsed.data, bbox: bboxOf(parsed.data) };
  checked.set(key, boundary);
  return boundary;
}

export const BOUNDARIES_SOURCE: Source = {
  title: 'Kommun boundaries (swedish_municipalities.geojson)',
  url: 'https://github.com/okfse/sweden-geojson',
  note: 'Valmyndigheten boundaries simplified to 2 % with mapshaper: edges are off by up to a few km, so points up to 5 km outside count as inside',
};
