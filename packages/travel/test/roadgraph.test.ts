import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { haversineM, type LonLat } from '@paketbygd/model';
import { beforeAll, describe, expect, it } from 'vitest';
import { RoadGraphTravel, TravelError } from '../src';
import { FIXTURE_DIR } from './osrm-fixture-server';

const OSM_DIR = join(FIXTURE_DIR, '..', 'osm');
const LIECHTENSTEIN = join(OSM_DIR, 'liechtenstein-latest.osm.pbf');
const BAYREUTH = join(OSM_DIR, 'north-bayreuth.osm.gz');

const points = (
  JSON.parse(readFileSync(join(FIXTURE_DIR, 'points.json'), 'utf8')) as { lon: number; lat: number }[]
).map((p) => [p.lon, p.lat] as LonLat);
const recorded = (
  JSON.parse(readFileSync(join(FIXTURE_DIR, 'ch', 'table-20x20-duration-distance.json'), 'utf8')) as {
    response: { body: { durations: number[][]; distances: number[][]; sources: { distance: number }[] } };
  }
).response.body;

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(q * (sorted.length - 1))]!;
}

describe('roadgraph on Liechtenstein (OSM PBF)', () => {
  let travel: RoadGraphTravel;
  beforeAll(() => {
    travel = new RoadGraphTravel({ osmFile: LIECHTENSTEIN, cacheDir: false });
  });

  it('builds a car graph of the expected size', () => {
    const s = travel.graph.meta.stats;
    expect(s.osmWays).toBe(15247);
    expect(s.carWays).toBeGreaterThan(2000);
    expect(s.junctions).toBeGreaterThan(2000);
    expect(s.mainComponentEdges / s.edges).toBeGreaterThan(0.95);
  });

  it('stays within the fidelity targets against the recorded OSRM 20x20 table', async () => {
    const m = await travel.matrix(points);
    const distanceErrors: number[] = [];
    const durationErrors: number[] = [];
    for (let i = 0; i < 20; i++) {
      for (let j = 0; j < 20; j++) {
        if (i === j) continue;
        distanceErrors.push(
          Math.abs(m.distancesM[i * 20 + j]! - recorded.distances[i]![j]!) / recorded.distances[i]![j]!,
        );
        durationErrors.push(
          Math.abs(m.durationsS[i * 20 + j]! - recorded.durations[i]![j]!) / recorded.durations[i]![j]!,
        );
      }
    }
    expect(quantile(distanceErrors, 0.5)).toBeLessThanOrEqual(0.03);
    expect(quantile(durationErrors, 0.5)).toBeLessThanOrEqual(0.08);
    // Snap distances as OSRM reports them, within a few metres.
    m.snapDistancesM.forEach((d, k) => expect(Math.abs(d - recorded.sources[k]!.distance)).toBeLessThan(5));
    for (let i = 0; i < 20; i++) expect(m.durationsS[i * 21]).toBe(0);
  });

  it('gives the same numbers for separate sources and destinations as for the full table', async () => {
    const full = await travel.matrix(points);
    const part = await travel.matrix(points.slice(0, 3), points.slice(10, 14));
    expect(part.sourceCount).toBe(3);
    expect(part.destinationCount).toBe(4);
    expect(part.snapDistancesM.length).toBe(7);
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 4; j++) {
        expect(part.durationsS[i * 4 + j]).toBeCloseTo(full.durationsS[i * 20 + 10 + j]!, 6);
        expect(part.distancesM[i * 4 + j]).toBeCloseTo(full.distancesM[i * 20 + 10 + j]!, 6);
      }
    }
  });

  it('routes along a connected line whose length is the reported distance', async () => {
    const stops = [points[7]!, points[1]!, points[0]!, points[3]!];
    const route = await travel.route(stops);
    const m = await travel.matrix(stops);
    const coords = route.geometry.coordinates;
    let lengthM = 0;
    for (let k = 1; k < coords.length; k++) {
      const step = haversineM(coords[k - 1]!, coords[k]!);
      expect(step).toBeLessThan(2000);
      lengthM += step;
    }
    expect(Math.abs(lengthM - route.properties.distanceM) / route.properties.distanceM).toBeLessThan(0.005);
    expect(route.properties.legs).toHaveLength(3);
    route.properties.legs.forEach((leg, k) => {
      expect(leg.durationS).toBeCloseTo(m.durationsS[k * 4 + k + 1]!, 6);
      expect(leg.distanceM).toBeCloseTo(m.distancesM[k * 4 + k + 1]!, 6);
    });
    expect(haversineM(coords[0]!, stops[0]!)).toBeCloseTo(route.properties.snapDistancesM[0]!, 0);
    expect(route.properties.attribution).toMatch(/OpenStreetMap contributors/);
  });

  it('refuses a point far outside the map, naming it, and spots [lat, lon]', async () => {
    const far = await travel.matrix([points[0]!, [15.871556, 59.043372]]).catch((e: unknown) => e);
    expect(far).toBeInstanceOf(TravelError);
    expect((far as TravelError).pointIndex).toBe(1);
    expect((far as Error).message).toMatch(
      /^point 1: the nearest road is \d+ m away \(limit 2000 m\); the map/,
    );
    const swapped = await travel
      .matrix([points[0]!, [points[1]![1], points[1]![0]]])
      .catch((e: unknown) => e);
    expect((swapped as TravelError).pointIndex).toBe(1);
    expect((swapped as Error).message).toMatch(/are the coordinates \[lat, lon\] instead of \[lon, lat\]\?/);
  });

  it('flags far points instead when asked', async () => {
    const flagging = new RoadGraphTravel({
      osmFile: LIECHTENSTEIN,
      cacheDir: false,
      maxSnapDistanceM: 1000,
      farPoints: 'flag',
    });
    const m = await flagging.matrix(points);
    expect(m.warnings.map((w) => w.pointIndex)).toEqual([19]);
    expect(Number.isFinite(m.durationsS[19 * 20])).toBe(true);
  });
});

describe('roadgraph inputs and cache', () => {
  it('reads OSM XML (gzip) as well', async () => {
    const travel = new RoadGraphTravel({ osmFile: BAYREUTH, cacheDir: false });
    const m = await travel.matrix([
      [11.5, 50.0],
      [11.55, 50.03],
      [11.59, 49.99],
    ]);
    expect(travel.graph.meta.stats.osmWays).toBe(7801);
    expect(m.durationsS.every((v) => Number.isFinite(v))).toBe(true);
    expect(m.distancesM[1]).toBeGreaterThan(haversineM([11.5, 50.0], [11.55, 50.03]));
  });

  it('caches the built graph on disk, keyed by the file, and reads it back', async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'paketbygd-travel-test-'));
    const built = new RoadGraphTravel({ osmFile: LIECHTENSTEIN, cacheDir });
    const cached = new RoadGraphTravel({ osmFile: LIECHTENSTEIN, cacheDir });
    expect(built.fromCache).toBe(false);
    expect(cached.fromCache).toBe(true);
    expect(cached.id).toBe(built.id);
    const a = await built.matrix(points.slice(0, 6));
    const b = await cached.matrix(points.slice(0, 6));
    expect(Array.from(b.durationsS)).toEqual(Array.from(a.durationsS));
  });

  it('refuses a truncated PBF with the byte where it ends', () => {
    const dir = mkdtempSync(join(tmpdir(), 'paketbygd-travel-test-'));
    const truncated = join(dir, 'cut.osm.pbf');
    writeFileSync(truncated, readFileSync(LIECHTENSTEIN).subarray(0, 200_000));
    expect(() => new RoadGraphTravel({ osmFile: truncated, cacheDir: false })).toThrow(
      /cut\.osm\.pbf: is truncated: blob \d+ needs \d+ bytes at byte \d+, the file ends at 200000/,
    );
  });

  it('refuses a file that is not OSM, a truncated gzip, and a missing file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'paketbygd-travel-test-'));
    const junk = join(dir, 'junk.osm.pbf');
    writeFileSync(junk, 'this is not a map at all, just some text that goes on');
    expect(() => new RoadGraphTravel({ osmFile: junk, cacheDir: false })).toThrow(TravelError);
    const cutGz = join(dir, 'cut.osm.gz');
    writeFileSync(cutGz, readFileSync(BAYREUTH).subarray(0, 5000));
    expect(() => new RoadGraphTravel({ osmFile: cutGz, cacheDir: false })).toThrow(
      /cut\.osm\.gz: cannot be gunzipped .*truncated/,
    );
    expect(() => new RoadGraphTravel({ osmFile: join(dir, 'nope.osm.pbf'), cacheDir: false })).toThrow(
      /does not exist/,
    );
  });
});

/** A tiny OSM XML map written for one rule at a time: a row of nodes 0.01° of longitude apart. */
function tinyMap(
  ways: { nodes: number[]; tags: Record<string, string> }[],
  nodeTags: Record<number, Record<string, string>> = {},
): string {
  const dir = mkdtempSync(join(tmpdir(), 'paketbygd-travel-test-'));
  const ids = new Set(ways.flatMap((w) => w.nodes));
  const nodes = [...ids]
    .map((id) => {
      const tags = Object.entries(nodeTags[id] ?? {})
        .map(([k, v]) => `<tag k="${k}" v="${v}"/>`)
        .join('');
      return `<node id="${id}" lat="${60 + (id >= 100 ? 0.01 : 0)}" lon="${15 + (id % 100) * 0.01}">${tags}</node>`;
    })
    .join('\n');
  const wayXml = ways
    .map(
      (w, k) =>
        `<way id="${k + 1}">${w.nodes.map((n) => `<nd ref="${n}"/>`).join('')}${Object.entries(w.tags)
          .map(([key, v]) => `<tag k="${key}" v="${v}"/>`)
          .join('')}</way>`,
    )
    .join('\n');
  const file = join(dir, 'tiny.osm');
  writeFileSync(file, `<?xml version="1.0"?>\n<osm version="0.6">\n${nodes}\n${wayXml}\n</osm>\n`);
  return file;
}

describe('car profile on tiny maps', () => {
  const A: LonLat = [15.0, 60];
  const B: LonLat = [15.04, 60];

  it('drives one-way streets one way only', async () => {
    const file = tinyMap([
      { nodes: [0, 1, 2, 3, 4], tags: { highway: 'residential', oneway: 'yes' } },
      { nodes: [0, 100, 104, 4], tags: { highway: 'residential' } },
    ]);
    const m = await new RoadGraphTravel({ osmFile: file, cacheDir: false }).matrix([A, B]);
    expect(m.distancesM[1]).toBeCloseTo(haversineM(A, B), 0);
    expect(m.distancesM[2]).toBeGreaterThan(m.distancesM[1]! * 1.3);
  });

  it('uses maxspeed × 0.8 and the highway speed otherwise, as OSRM car.lua does', async () => {
    const tagged = tinyMap([{ nodes: [0, 1, 2, 3, 4], tags: { highway: 'primary', maxspeed: '100' } }]);
    const plain = tinyMap([{ nodes: [0, 1, 2, 3, 4], tags: { highway: 'primary' } }]);
    const fast = await new RoadGraphTravel({ osmFile: tagged, cacheDir: false }).matrix([A, B]);
    const normal = await new RoadGraphTravel({ osmFile: plain, cacheDir: false }).matrix([A, B]);
    expect(fast.durationsS[1]).toBeCloseTo(fast.distancesM[1]! / (80 / 3.6), 3);
    expect(normal.durationsS[1]).toBeCloseTo(normal.distancesM[1]! / (65 / 3.6), 3);
  });

  it('keeps cars off private roads, footways and through bollards, and leaves ferries out', async () => {
    const file = tinyMap(
      [
        { nodes: [0, 1, 2], tags: { highway: 'residential', access: 'private' } },
        { nodes: [2, 3, 4], tags: { highway: 'footway' } },
        { nodes: [0, 100, 101, 102], tags: { highway: 'unclassified' } },
        { nodes: [102, 103, 104], tags: { highway: 'unclassified' } },
        { nodes: [104, 4], tags: { highway: 'unclassified' } },
        { nodes: [0, 4], tags: { route: 'ferry' } },
      ],
      { 103: { barrier: 'bollard' } },
    );
    const travel = new RoadGraphTravel({
      osmFile: file,
      cacheDir: false,
      farPoints: 'flag',
      maxSnapDistanceM: 100_000,
    });
    expect(travel.graph.meta.stats.ferriesLeftOut).toBe(1);
    expect(travel.graph.meta.stats.blockedBarriers).toBe(1);
    const m = await travel.matrix([A, B]);
    expect(m.durationsS[1]).toBe(Infinity);
    expect(m.warnings.some((w) => /no road connection/.test(w.message))).toBe(true);
  });
});

describe('roadgraph: more bad input', () => {
  it("refuses malformed OSM XML with the parser's position", () => {
    const dir = mkdtempSync(join(tmpdir(), 'paketbygd-travel-test-'));
    const file = join(dir, 'broken.osm');
    writeFileSync(
      file,
      '<?xml version="1.0"?>\n<osm version="0.6">\n<node id="1" lat="60" lon="15">\n<way id="2"></node>\n',
    );
    expect(() => new RoadGraphTravel({ osmFile: file, cacheDir: false })).toThrow(
      /broken\.osm: is not well-formed OSM XML \(.*\d+:\d+/,
    );
  });

  it('refuses a map without car roads and a file of unknown format', () => {
    const dir = mkdtempSync(join(tmpdir(), 'paketbygd-travel-test-'));
    const paths = join(dir, 'paths.osm');
    writeFileSync(
      paths,
      '<osm version="0.6"><node id="1" lat="60" lon="15"/><node id="2" lat="60" lon="15.01"/><way id="3"><nd ref="1"/><nd ref="2"/><tag k="highway" v="footway"/></way></osm>',
    );
    expect(() => new RoadGraphTravel({ osmFile: paths, cacheDir: false })).toThrow(
      /paths\.osm: has no roads a car may use \(1 ways read\)/,
    );
    const shapefile = join(dir, 'roads.shp');
    writeFileSync(shapefile, 'not a map');
    expect(() => new RoadGraphTravel({ osmFile: shapefile, cacheDir: false })).toThrow(/unknown map format/);
  });

  it('warns about a point cut off from the others, once', async () => {
    // Two separate road networks: points on the small one reach nothing on the big one.
    const file = tinyMap([
      { nodes: [0, 1, 2, 3, 4], tags: { highway: 'residential' } },
      { nodes: [50, 51], tags: { highway: 'residential' } },
    ]);
    const travel = new RoadGraphTravel({ osmFile: file, cacheDir: false });
    const m = await travel.matrix([
      [15.0, 60],
      [15.04, 60],
      [15.505, 60],
    ]);
    expect(m.durationsS[2]).toBe(Infinity);
    expect(m.durationsS[6]).toBe(Infinity);
    expect(m.warnings.map((w) => w.pointIndex)).toEqual([2]);
    expect(m.warnings[0]!.message).toMatch(/^point 2: no road connection to 2 of 3 points/);
  });
});

describe('roadgraph: one-way traps', () => {
  it('snaps past a one-way dead end to the road network, as OSRM does', async () => {
    // A two-way road 0–4 and a one-way spur from node 2 north to node 102, which leads nowhere.
    const file = tinyMap([
      { nodes: [0, 1, 2, 3, 4], tags: { highway: 'residential' } },
      { nodes: [2, 102], tags: { highway: 'service', oneway: 'yes' } },
    ]);
    const travel = new RoadGraphTravel({ osmFile: file, cacheDir: false });
    const nearSpurEnd: LonLat = [15.02, 60.0099];
    const m = await travel.matrix([[15.0, 60], nearSpurEnd]);
    expect(m.durationsS.every((v) => Number.isFinite(v))).toBe(true);
    // Snapped to the two-way road 0–4 (about 1.1 km south), not to the spur 11 m away.
    expect(m.snapDistancesM[1]).toBeGreaterThan(1000);
    expect(m.warnings).toEqual([]);
  });
});
