import { inflateSync } from 'node:zlib';
import { PbfReader as Pbf } from 'pbf';
import { TravelError } from '../errors';
import type { OsmSink } from './osm-sink';

// OSM PBF (https://wiki.openstreetmap.org/wiki/PBF_Format): a sequence of
// [4-byte length][BlobHeader][Blob]; each Blob holds one zlib-compressed OSMHeader or PrimitiveBlock.
// Decoded by hand on `pbf` because the two JS OSM-PBF parsers on npm stream objects one by one
// through events, which is several times slower than filling arrays directly.

const SUPPORTED_FEATURES = new Set(['OsmSchema-V0.6', 'DenseNodes', 'HistoricalInformation']);

function fail(file: string, message: string, cause?: unknown): never {
  throw new TravelError('MapData', `${file}: ${message}`, undefined, { cause });
}

interface Blob {
  raw?: Uint8Array;
  zlib?: Uint8Array;
  rawSize: number;
  other?: string;
}

function readBlob(bytes: Uint8Array): Blob {
  const blob: Blob = { rawSize: 0 };
  new Pbf(bytes).readFields((tag, b, pbf) => {
    if (tag === 1) b.raw = pbf.readBytes();
    else if (tag === 2) b.rawSize = pbf.readVarint();
    else if (tag === 3) b.zlib = pbf.readBytes();
    else if (tag === 4) b.other = 'lzma';
    else if (tag === 6) b.other = 'lz4';
    else if (tag === 7) b.other = 'zstd';
  }, blob);
  return blob;
}

function readTags(keys: number[], vals: number[], strings: string[]): Record<string, string> | undefined {
  if (keys.length === 0) return undefined;
  const tags: Record<string, string> = {};
  for (let k = 0; k < keys.length; k++) tags[strings[keys[k]!]!] = strings[vals[k]!]!;
  return tags;
}

function readPrimitiveBlock(bytes: Uint8Array, sink: OsmSink): void {
  const pbf = new Pbf(bytes);
  const strings: string[] = [];
  const groups: [number, number][] = [];
  let granularity = 100;
  let latOffset = 0;
  let lonOffset = 0;
  const decoder = new TextDecoder();
  while (pbf.pos < pbf.length) {
    const val = pbf.readVarint();
    const tag = val >> 3;
    if (tag === 1) {
      const end = pbf.readVarint() + pbf.pos;
      while (pbf.pos < end) {
        const v = pbf.readVarint();
        if (v >> 3 === 1) {
          const len = pbf.readVarint();
          strings.push(decoder.decode(pbf.buf.subarray(pbf.pos, pbf.pos + len)));
          pbf.pos += len;
        } else pbf.skip(v);
      }
    } else if (tag === 2) {
      const len = pbf.readVarint();
      groups.push([pbf.pos, pbf.pos + len]);
      pbf.pos += len;
    } else if (tag === 17) granularity = pbf.readVarint();
    else if (tag === 19) latOffset = pbf.readVarint(true);
    else if (tag === 20) lonOffset = pbf.readVarint(true);
    else pbf.skip(val);
  }
  const scale = 1e-9;
  for (const [start, end] of groups) {
    pbf.pos = start;
    while (pbf.pos < end) {
      const val = pbf.readVarint();
      const tag = val >> 3;
      const len = pbf.readVarint();
      const itemEnd = pbf.pos + len;
      if (tag === 2) readDense(pbf, itemEnd, strings, sink, granularity, latOffset, lonOffset, scale);
      else if (tag === 1) {
        let id = 0;
        let lat = 0;
        let lon = 0;
        let keys: number[] = [];
        let vals: number[] = [];
        while (pbf.pos < itemEnd) {
          const v = pbf.readVarint();
          const t = v >> 3;
          pbf.type = v & 7;
          if (t === 1) id = pbf.readSVarint();
          else if (t === 2) keys = pbf.readPackedVarint();
          else if (t === 3) vals = pbf.readPackedVarint();
          else if (t === 8) lat = pbf.readSVarint();
          else if (t === 9) lon = pbf.readSVarint();
          else pbf.skip(v);
        }
        sink.node(
          id,
          (lonOffset + granularity * lon) * scale,
          (latOffset + granularity * lat) * scale,
          readTags(keys, vals, strings),
        );
      } else if (tag === 3) {
        let id = 0;
        let keys: number[] = [];
        let vals: number[] = [];
        let refs: number[] = [];
        while (pbf.pos < itemEnd) {
          const v = pbf.readVarint();
          const t = v >> 3;
          pbf.type = v & 7;
          if (t === 1) id = pbf.readVarint();
          else if (t === 2) keys = pbf.readPackedVarint();
          else if (t === 3) vals = pbf.readPackedVarint();
          else if (t === 8) refs = pbf.readPackedSVarint();
          else pbf.skip(v);
        }
        for (let k = 1; k < refs.length; k++) refs[k]! += refs[k - 1]!;
        sink.way(id, refs, readTags(keys, vals, strings) ?? {});
      }
      pbf.pos = itemEnd;
    }
  }
}

function readDense(
  pbf: Pbf,
  end: number,
  strings: string[],
  sink: OsmSink,
  granularity: number,
  latOffset: number,
  lonOffset: number,
  scale: number,
): void {
  let ids: number[] = [];
  let lats: number[] = [];
  let lons: number[] = [];
  let keysVals: number[] = [];
  while (pbf.pos < end) {
    const v = pbf.readVarint();
    const t = v >> 3;
    // pbf's packed readers look at `type`, which only its readFields sets.
    pbf.type = v & 7;
    if (t === 1) ids = pbf.readPackedSVarint();
    else if (t === 8) lats = pbf.readPackedSVarint();
    else if (t === 9) lons = pbf.readPackedSVarint();
    else if (t === 10) keysVals = pbf.readPackedVarint();
    else pbf.skip(v);
  }
  if (lats.length !== ids.length || lons.length !== ids.length)
    throw new Error('dense node arrays differ in length');
  let id = 0;
  let lat = 0;
  let lon = 0;
  let kv = 0;
  for (let k = 0; k < ids.length; k++) {
    id += ids[k]!;
    lat += lats[k]!;
    lon += lons[k]!;
    let tags: Record<string, string> | undefined;
    if (kv < keysVals.length) {
      while (keysVals[kv] !== 0 && kv < keysVals.length) {
        (tags ??= {})[strings[keysVals[kv]!]!] = strings[keysVals[kv + 1]!]!;
        kv += 2;
      }
      kv++;
    }
    sink.node(id, (lonOffset + granularity * lon) * scale, (latOffset + granularity * lat) * scale, tags);
  }
}

/** Reads a whole .osm.pbf held in memory; a truncated or corrupt file is an error naming the byte. */
export function readOsmPbf(data: Uint8Array, sink: OsmSink, file = 'OSM PBF'): void {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  let pos = 0;
  let blobs = 0;
  while (pos < data.length) {
    if (pos + 4 > data.length) fail(file, `is truncated: ${data.length - pos} stray bytes at byte ${pos}`);
    const headerLength = view.getUint32(pos);
    if (headerLength > 64 * 1024)
      fail(file, `is not an OSM PBF file (blob header of ${headerLength} bytes at byte ${pos})`);
    pos += 4;
    if (pos + headerLength > data.length)
      fail(file, `is truncated inside the blob header at byte ${pos} (blob ${blobs})`);
    const header = { type: '', dataSize: 0 };
    try {
      new Pbf(data.subarray(pos, pos + headerLength)).readFields((tag, h, pbf) => {
        if (tag === 1) h.type = pbf.readString();
        else if (tag === 3) h.dataSize = pbf.readVarint();
      }, header);
    } catch (error) {
      fail(file, `has a corrupt blob header at byte ${pos}`, error);
    }
    pos += headerLength;
    if (pos + header.dataSize > data.length) {
      fail(
        file,
        `is truncated: blob ${blobs} needs ${header.dataSize} bytes at byte ${pos}, the file ends at ${data.length}`,
      );
    }
    const blob = readBlob(data.subarray(pos, pos + header.dataSize));
    pos += header.dataSize;
    if (blob.other)
      fail(
        file,
        `uses ${blob.other} compression; only zlib and raw blobs are supported (re-save it with osmium)`,
      );
    let bytes: Uint8Array;
    try {
      bytes = blob.raw ?? inflateSync(blob.zlib ?? new Uint8Array());
    } catch (error) {
      fail(file, `has a corrupt compressed blob ${blobs} ending at byte ${pos}`, error);
    }
    if (header.type === 'OSMHeader') {
      const features: string[] = [];
      new Pbf(bytes).readFields((tag, f, pbf) => {
        if (tag === 4) f.push(pbf.readString());
      }, features);
      const missing = features.filter((f) => !SUPPORTED_FEATURES.has(f));
      if (missing.length > 0) fail(file, `needs features this reader lacks: ${missing.join(', ')}`);
    } else if (header.type === 'OSMData') {
      try {
        readPrimitiveBlock(bytes, sink);
      } catch (error) {
        if (error instanceof TravelError) throw error;
        fail(file, `has a corrupt data block ${blobs} ending at byte ${pos}`, error);
      }
    } else if (blobs === 0) {
      fail(file, `is not an OSM PBF file (first blob is "${header.type}")`);
    }
    blobs++;
  }
  if (blobs === 0) fail(file, 'is empty');
}
