import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { Option } from 'commander';
import { LonLat, type TravelBackend, type TravelSettings } from '@paketbygd/model';
import {
  DEFAULT_DETOUR_FACTOR,
  TravelError,
  createTravelCosts,
  matrixRows,
  type TravelMatrix,
} from '@paketbygd/travel';
import { CliError } from '../errors';
import { numberFlag } from '../flags';

interface MatrixOptions {
  travel: TravelBackend;
  osrmUrl?: string;
  osm?: string;
  json?: boolean;
  maxSnapM?: number;
  flagFar?: boolean;
  detourFactor?: number;
  graphCache?: string | false;
}

/** A point from the file, with where it came from so that errors can point at it. */
export interface NamedPoint {
  location: LonLat;
  name?: string;
  /** "line 4" or "features[3]". */
  where: string;
}

const MAX_POINTS_BYTES = 64 * 1024 * 1024;

function readText(file: string): string {
  let size: number;
  try {
    const stat = statSync(file);
    if (stat.isDirectory()) throw new CliError(`${file} is a directory, not a points file`);
    size = stat.size;
  } catch (error) {
    if (error instanceof CliError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(code === 'ENOENT' ? `${file} does not exist` : `cannot read ${file} (${code})`);
  }
  if (size > MAX_POINTS_BYTES)
    throw new CliError(`${file} is ${(size / 1024 / 1024).toFixed(0)} MB; a points file is at most 64 MB`);
  const text = readFileSync(file, 'utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function parseGeoJson(file: string, text: string): NamedPoint[] {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    throw new CliError(`${file}: is not valid JSON (${(error as Error).message})`);
  }
  const fc = doc as { type?: unknown; features?: unknown };
  if (fc?.type !== 'FeatureCollection' || !Array.isArray(fc.features)) {
    throw new CliError(`${file}: expected a GeoJSON FeatureCollection of Point features`);
  }
  return fc.features.map((f: unknown, k) => {
    const feature = f as {
      geometry?: { type?: unknown; coordinates?: unknown };
      properties?: Record<string, unknown> | null;
    };
    const where = `features[${k}]`;
    if (feature?.geometry?.type !== 'Point') {
      throw new CliError(
        `${file}: ${where}.geometry: is ${JSON.stringify(feature?.geometry?.type ?? null)}, expected a Point`,
      );
    }
    const parsed = LonLat.safeParse(feature.geometry.coordinates);
    if (!parsed.success)
      throw new CliError(`${file}: ${where}.geometry.coordinates: ${parsed.error.issues[0]!.message}`);
    const name = feature.properties?.name ?? feature.properties?.id;
    return { location: parsed.data, where, ...(name !== undefined ? { name: String(name) } : {}) };
  });
}

function parseCsv(file: string, text: string): NamedPoint[] {
  const lines = text.split(/\r?\n/);
  const headerLine = lines[0] ?? '';
  // Swedish spreadsheets write "59,04;15,87": semicolons between fields, commas in numbers.
  const delimiter = headerLine.includes(';') ? ';' : headerLine.includes('\t') ? '\t' : ',';
  const header = headerLine.split(delimiter).map((h) => h.trim().toLowerCase().replace(/^"|"$/g, ''));
  const lonCol = header.findIndex((h) => ['lon', 'lng', 'longitude', 'x'].includes(h));
  const latCol = header.findIndex((h) => ['lat', 'latitude', 'y'].includes(h));
  const nameCol = header.findIndex((h) => ['name', 'id', 'namn'].includes(h));
  if (lonCol < 0 || latCol < 0) {
    throw new CliError(
      `${file}: line 1 must name the columns, with "lon" and "lat" among them (found: ${header.join(', ') || 'nothing'})`,
    );
  }
  const points: NamedPoint[] = [];
  lines.slice(1).forEach((line, k) => {
    if (line.trim() === '') return;
    const where = `line ${k + 2}`;
    const cells = line.split(delimiter).map((c) => c.trim().replace(/^"|"$/g, ''));
    const number = (col: number, what: string) => {
      const raw = cells[col] ?? '';
      const value = Number(delimiter === ';' ? raw.replace(',', '.') : raw);
      if (raw === '' || !Number.isFinite(value))
        throw new CliError(`${file}: ${where}: ${what} ${JSON.stringify(raw)} is not a number`);
      return value;
    };
    const location = [number(lonCol, 'lon'), number(latCol, 'lat')];
    const parsed = LonLat.safeParse(location);
    if (!parsed.success) throw new CliError(`${file}: ${where}: ${parsed.error.issues[0]!.message}`);
    const name = nameCol >= 0 ? cells[nameCol] : undefined;
    points.push({ location: parsed.data, where, ...(name ? { name } : {}) });
  });
  return points;
}

/** Reads points from a GeoJSON FeatureCollection of Points or a CSV with lon and lat columns. */
export function readPoints(file: string): NamedPoint[] {
  const text = readText(file);
  const looksJson = /\.(geo)?json$/i.test(file) || text.trimStart().startsWith('{');
  const points = looksJson ? parseGeoJson(file, text) : parseCsv(file, text);
  if (points.length === 0) throw new CliError(`${file}: has no points`);
  return points;
}

function describePoint(file: string, points: NamedPoint[], k: number): string {
  const p = points[k];
  if (!p) return `point ${k}`;
  return `${basename(file)} ${p.where}${p.name ? ` (${p.name})` : ''}`;
}

function round1(v: number): number {
  return Math.round(v * 10) / 10;
}

function printText(
  m: TravelMatrix,
  points: NamedPoint[],
  backend: string,
  attribution: string | undefined,
): void {
  const out = process.stdout;
  const labels = points.map((p, k) => p.name ?? String(k));
  out.write(`${points.length} points, travel by ${backend}\n`);
  if (points.length > 25) {
    const finite = Array.from(m.durationsS).filter((v) => Number.isFinite(v));
    out.write(
      `longest trip ${(Math.max(...finite) / 60).toFixed(1)} min; use --json for the ${points.length}×${points.length} matrix\n`,
    );
  } else {
    const width = Math.max(8, ...labels.map((l) => l.length));
    const cell = (v: number, scale: number) =>
      (Number.isFinite(v) ? (v / scale).toFixed(1) : 'none').padStart(width);
    for (const [title, values, scale] of [
      ['minutes', m.durationsS, 60],
      ['kilometres', m.distancesM, 1000],
    ] as const) {
      out.write(
        `\n${title} (row → column)\n${''.padEnd(width)} ${labels.map((l) => l.padStart(width)).join(' ')}\n`,
      );
      for (let i = 0; i < m.sourceCount; i++) {
        const row = [];
        for (let j = 0; j < m.destinationCount; j++)
          row.push(cell(values[i * m.destinationCount + j]!, scale));
        out.write(`${labels[i]!.padEnd(width)} ${row.join(' ')}\n`);
      }
    }
  }
  const far = Array.from(m.snapDistancesM)
    .map((d, k) => [d, k] as const)
    .filter(([d]) => d >= 100);
  if (far.length > 0)
    out.write(
      `\nsnapped to a road ≥ 100 m away: ${far.map(([d, k]) => `${labels[k]} ${Math.round(d)} m`).join(', ')}\n`,
    );
  for (const w of m.warnings) out.write(`warning: ${w.message}\n`);
  if (attribution) out.write(`\nMap data ${attribution}\n`);
}

export function registerMatrix(program: Command): void {
  program
    .command('matrix')
    .description(
      'travel times and distances between points (GeoJSON FeatureCollection of Points, or CSV with lon,lat columns)',
    )
    .argument(
      '<points>',
      'points file: .geojson/.json FeatureCollection of Points, or .csv with lon and lat columns',
    )
    .addOption(
      new Option('--travel <backend>', 'how to compute travel')
        .choices(['osrm', 'roadgraph', 'straightline'])
        .default('straightline'),
    )
    .option('--osrm-url <url>', 'OSRM server for --travel osrm, such as http://localhost:5000')
    .option('--osm <file>', 'OpenStreetMap extract (.osm.pbf, .osm, .osm.gz) for --travel roadgraph')
    .option(
      '--max-snap-m <metres>',
      'refuse points farther than this from a road (default 2000)',
      numberFlag('--max-snap-m'),
    )
    .option('--flag-far', 'warn about points far from roads instead of refusing them')
    .option(
      '--detour-factor <factor>',
      `road/straight-line ratio for --travel straightline (default ${DEFAULT_DETOUR_FACTOR}, measured)`,
      numberFlag('--detour-factor'),
    )
    .option(
      '--graph-cache <dir>',
      'where built road graphs are kept (default: $PAKETBYGD_CACHE_DIR or the temp dir)',
    )
    .option('--no-graph-cache', 'build the road graph every time')
    .option('--json', 'print {durationsS, distancesM, snapDistancesM} as arrays of rows')
    .action(async (file: string, options: MatrixOptions) => {
      const settings: TravelSettings = { backend: options.travel };
      if (options.travel === 'osrm') {
        if (!options.osrmUrl)
          throw new CliError('--travel osrm needs --osrm-url (for example http://localhost:5000)');
        try {
          new URL(options.osrmUrl);
        } catch {
          throw new CliError(
            `--osrm-url ${options.osrmUrl} is not a URL (for example http://localhost:5000)`,
          );
        }
        settings.osrmUrl = options.osrmUrl;
      }
      if (options.travel === 'roadgraph') {
        if (!options.osm)
          throw new CliError('--travel roadgraph needs --osm FILE (an .osm.pbf, .osm or .osm.gz extract)');
        settings.osmFile = options.osm;
      }
      if (options.maxSnapM !== undefined) settings.maxSnapDistanceM = options.maxSnapM;
      if (options.detourFactor !== undefined) {
        if (options.detourFactor < 1)
          throw new CliError('--detour-factor is at least 1: roads are never shorter than a straight line');
        settings.detourFactor = options.detourFactor;
      }
      const points = readPoints(file);
      let m: TravelMatrix;
      let attribution: string | undefined;
      try {
        const travel = createTravelCosts(settings, {
          matrixCache: false,
          ...(options.flagFar ? { farPoints: 'flag' as const } : {}),
          ...(options.graphCache !== undefined ? { graphCacheDir: options.graphCache } : {}),
          log: (message) => process.stderr.write(`${message}\n`),
        });
        attribution = travel.attribution;
        m = await travel.matrix(points.map((p) => p.location));
        await travel.close?.();
      } catch (error) {
        if (error instanceof TravelError) {
          const message = error.message.replace(
            /^point (\d+): /,
            (_, k: string) => `${describePoint(file, points, Number(k))}: `,
          );
          throw new CliError(message);
        }
        throw error;
      }
      for (const w of m.warnings)
        w.message = w.message.replace(
          /^point (\d+): /,
          (_, k: string) => `${describePoint(file, points, Number(k))}: `,
        );
      if (options.json) {
        const round = (values: Float64Array) => matrixRows(m, values.map(round1));
        const body = {
          backend: options.travel,
          points: points.length,
          durationsS: round(m.durationsS),
          distancesM: round(m.distancesM),
          snapDistancesM: Array.from(m.snapDistancesM, round1),
          warnings: m.warnings,
          ...(attribution ? { attribution } : {}),
        };
        process.stdout.write(`${JSON.stringify(body)}\n`);
      } else {
        printText(m, points, options.travel, attribution);
      }
    });
}
