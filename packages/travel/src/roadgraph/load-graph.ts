import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { TravelError } from '../errors';
import { CarGraphCollector, buildCarGraph } from './build-graph';
import { PROFILE_VERSION } from './car-profile';
import { GRAPH_ARRAYS, type GraphMeta, type RoadGraph } from './graph';
import { readOsmPbf } from './osm-pbf';
import { readOsmXml } from './osm-xml';

const MAGIC = 'PAKETBYGD-ROADGRAPH-1\n';

/** Where built graphs are kept: PAKETBYGD_CACHE_DIR, or the OS temp dir. */
export function defaultGraphCacheDir(): string {
  return process.env.PAKETBYGD_CACHE_DIR
    ? join(process.env.PAKETBYGD_CACHE_DIR, 'roadgraph')
    : join(tmpdir(), 'paketbygd', 'roadgraph');
}

export interface LoadGraphOptions {
  /** Directory for built graphs; `false` builds every time and writes nothing. */
  cacheDir?: string | false;
  /** Called with one line about what happened (built or read from cache, and how long it took). */
  log?: (message: string) => void;
}

export interface LoadedGraph {
  graph: RoadGraph;
  fromCache: boolean;
  fileHash: string;
  buildMs: number;
}

function readOsmFile(path: string, bytes: Uint8Array): RoadGraph {
  const collector = new CarGraphCollector();
  const name = basename(path);
  const isGzip = bytes[0] === 0x1f && bytes[1] === 0x8b;
  if (/\.osm\.pbf$|\.pbf$/i.test(path) && !isGzip) {
    readOsmPbf(bytes, collector, name);
  } else if (/\.osm(\.gz)?$|\.xml(\.gz)?$/i.test(path) || isGzip) {
    let text: string;
    try {
      text = new TextDecoder().decode(isGzip ? gunzipSync(bytes) : bytes);
    } catch (error) {
      throw new TravelError(
        'MapData',
        `${name}: cannot be gunzipped (${(error as Error).message}); is it truncated?`,
        undefined,
        { cause: error },
      );
    }
    readOsmXml(text, collector, name);
  } else {
    throw new TravelError('MapData', `${name}: unknown map format; give an .osm.pbf, .osm or .osm.gz file`);
  }
  const graph = buildCarGraph(collector, name);
  if (graph.meta.stats.edges === 0) {
    throw new TravelError(
      'MapData',
      `${name}: has no roads a car may use (${graph.meta.stats.osmWays} ways read)`,
    );
  }
  return graph;
}

function align8(n: number): number {
  return (n + 7) & ~7;
}

export function writeGraph(path: string, graph: RoadGraph): void {
  const arrays = GRAPH_ARRAYS.map((name) => ({ name, array: graph[name] }));
  const index = new Uint8Array(graph.spatialIndex);
  const parts: { name: string; type: string; length: number; offset: number }[] = [];
  let offset = 0;
  for (const { name, array } of arrays) {
    parts.push({ name, type: array.constructor.name, length: array.length, offset });
    offset = align8(offset + array.byteLength);
  }
  parts.push({ name: 'spatialIndex', type: 'ArrayBuffer', length: index.byteLength, offset });
  offset = align8(offset + index.byteLength);
  const header = new TextEncoder().encode(JSON.stringify({ meta: graph.meta, parts }));
  const headerLen = align8(MAGIC.length + 4 + header.length);
  const out = new Uint8Array(headerLen + offset);
  out.set(new TextEncoder().encode(MAGIC), 0);
  new DataView(out.buffer).setUint32(MAGIC.length, header.length, true);
  out.set(header, MAGIC.length + 4);
  for (const { name, array } of arrays) {
    const part = parts.find((p) => p.name === name)!;
    out.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), headerLen + part.offset);
  }
  out.set(index, headerLen + parts.at(-1)!.offset);
  // Written beside and renamed, so that a reader never sees half a file.
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, out);
  renameSync(tmp, path);
}

const CTORS: Record<
  string,
  { new (buffer: ArrayBuffer, offset: number, length: number): ArrayLike<number> }
> = {
  Float64Array,
  Int32Array,
  Uint8Array,
};

export function readGraph(path: string): RoadGraph | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch {
    return undefined;
  }
  try {
    // A private, aligned copy: typed-array views need 8-byte aligned offsets.
    const buffer = new ArrayBuffer(bytes.length);
    const all = new Uint8Array(buffer);
    all.set(bytes);
    if (new TextDecoder().decode(all.subarray(0, MAGIC.length)) !== MAGIC) return undefined;
    const headerLength = new DataView(buffer).getUint32(MAGIC.length, true);
    const header = JSON.parse(
      new TextDecoder().decode(all.subarray(MAGIC.length + 4, MAGIC.length + 4 + headerLength)),
    ) as {
      meta: GraphMeta;
      parts: { name: string; type: string; length: number; offset: number }[];
    };
    const base = align8(MAGIC.length + 4 + headerLength);
    const graph: Record<string, unknown> = { meta: header.meta };
    for (const part of header.parts) {
      if (part.type === 'ArrayBuffer')
        graph[part.name] = buffer.slice(base + part.offset, base + part.offset + part.length);
      else graph[part.name] = new CTORS[part.type]!(buffer, base + part.offset, part.length);
    }
    if (header.meta.profile !== PROFILE_VERSION || GRAPH_ARRAYS.some((name) => !(name in graph)))
      return undefined;
    return graph as unknown as RoadGraph;
  } catch {
    return undefined;
  }
}

/** Reads the graph for an OSM file from the cache (keyed by the file's SHA-256 and the profile), or builds and caches it. */
export function loadRoadGraph(path: string, options: LoadGraphOptions = {}): LoadedGraph {
  let bytes: Buffer;
  try {
    if (statSync(path).isDirectory())
      throw new TravelError('MapData', `${path} is a directory, not an OSM file`);
    bytes = readFileSync(path);
  } catch (error) {
    if (error instanceof TravelError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new TravelError(
      'MapData',
      code === 'ENOENT' ? `${path} does not exist` : `cannot read ${path} (${code})`,
      undefined,
      { cause: error },
    );
  }
  const started = performance.now();
  const fileHash = createHash('sha256').update(bytes).digest('hex');
  const cacheDir = options.cacheDir === undefined ? defaultGraphCacheDir() : options.cacheDir;
  const cachePath = cacheDir
    ? join(cacheDir, `${fileHash.slice(0, 32)}-${PROFILE_VERSION}.graph`)
    : undefined;
  if (cachePath) {
    const cached = readGraph(cachePath);
    if (cached) {
      const buildMs = performance.now() - started;
      options.log?.(`road graph for ${basename(path)} read from ${cachePath} in ${buildMs.toFixed(0)} ms`);
      return { graph: cached, fromCache: true, fileHash, buildMs };
    }
  }
  const graph = readOsmFile(path, bytes);
  const buildMs = performance.now() - started;
  const s = graph.meta.stats;
  options.log?.(
    `road graph for ${basename(path)} built in ${buildMs.toFixed(0)} ms: ${s.junctions} junctions, ${s.edges} edges, ${s.carWays} car ways of ${s.osmWays}`,
  );
  if (cachePath && cacheDir) {
    try {
      mkdirSync(cacheDir, { recursive: true });
      writeGraph(cachePath, graph);
    } catch (error) {
      options.log?.(`could not cache the road graph in ${cacheDir}: ${(error as Error).message}`);
    }
  }
  return { graph, fromCache: false, fileHash, buildMs };
}
