import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { haversineM, type LonLat } from '@paketbygd/model';
import pointToPolygonDistance from '@turf/point-to-polygon-distance';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { mainRoads, RoadGraphTravel } from '../src';
import { FIXTURE_DIR } from './osrm-fixture-server';

/** The shared extracts: $PAKETBYGD_DATA (a checkout in a deeper worktree), else ../shared/geodata. */
const LIECHTENSTEIN = join(
  process.env.PAKETBYGD_DATA ?? join(FIXTURE_DIR, '..'),
  'osm',
  'liechtenstein-latest.osm.pbf',
);
const SKIP_REASON = `no OSM extract at ${LIECHTENSTEIN} (set PAKETBYGD_DATA to the geodata folder)`;
const VADUZ: LonLat = [9.5209, 47.141];
/** The outline is simplified by 25 m and rounded to about 1 m, so a road may lie that far on the wrong side of it. */
const OUTLINE_SLACK_M = 27;

describe('road layers of the Liechtenstein road graph', () => {
  let travel: RoadGraphTravel;
  let junctions: LonLat[];
  beforeEach((ctx) => {
    if (!existsSync(LIECHTENSTEIN)) ctx.skip(SKIP_REASON);
  });
  beforeAll(() => {
    if (!existsSync(LIECHTENSTEIN)) return;
    travel = new RoadGraphTravel({ osmFile: LIECHTENSTEIN, cacheDir: false });
    const g = travel.graph;
    junctions = Array.from(g.junctionPoint, (p) => [g.pointLon[p]!, g.pointLat[p]!] as LonLat);
  });

  it('main roads: clipped to the box, fast roads only, small enough to ship in a plan', () => {
    const bbox: [number, number, number, number] = [9.5, 47.1, 9.56, 47.2];
    const lines = travel.layers.mainRoads(bbox);
    expect(lines.length).toBeGreaterThan(20);
    for (const line of lines) {
      expect(line.length).toBeGreaterThanOrEqual(2);
      for (const [lon, lat] of line) {
        expect(lon).toBeGreaterThanOrEqual(bbox[0] - 1e-5);
        expect(lon).toBeLessThanOrEqual(bbox[2] + 1e-5);
        expect(lat).toBeGreaterThanOrEqual(bbox[1] - 1e-5);
        expect(lat).toBeLessThanOrEqual(bbox[3] + 1e-5);
      }
    }
    // Every road would be many more lines: the speed threshold keeps the main ones.
    const allRoads = mainRoads(travel.graph, { bbox, minSpeedKmh: 0 });
    expect(allRoads.length).toBeGreaterThan(lines.length * 4);
    const whole = travel.layers.mainRoads(travel.graph.meta.bbox);
    // Edges joined where a road runs on: 55 lines, 4.6 kB (213 lines, 12.7 kB edge by edge).
    expect(JSON.stringify(whole.map((coordinates) => ({ coordinates }))).length).toBeLessThan(8000);
  });

  it('main roads follow the road: simplified lines stay near the roads they come from', () => {
    const bbox = travel.graph.meta.bbox;
    const exact = mainRoads(travel.graph, { bbox, toleranceM: 0 });
    const simplified = travel.layers.mainRoads(bbox);
    expect(simplified.length).toBe(exact.length);
    expect(simplified.flat().length).toBeLessThan(exact.flat().length / 2);
    // Douglas–Peucker keeps each line's ends.
    simplified.forEach((line, k) => expect(haversineM(line[0]!, exact[k]![0]!)).toBeLessThan(2));
  });

  it.each([2000, 5000])(
    'a road isochrone of %i m holds the roads that reach the point within the limit, not those beyond it',
    async (limitM) => {
      const outline = travel.layers.reachableArea(VADUZ, { distanceM: limitM });
      expect(outline.length).toBeGreaterThan(3);
      expect(outline[0]).toEqual(outline.at(-1));
      const area = { type: 'Polygon' as const, coordinates: [outline] };
      // Access counts the drive to the point: each junction's row towards Vaduz.
      const m = await travel.matrix(junctions, [VADUZ]);
      let within = 0;
      let beyond = 0;
      let outside = 0;
      junctions.forEach((p, k) => {
        // A junction on a small island of the map is snapped past it, onto the main network.
        if (m.snapDistancesM[k]! > 1) return;
        const roadM = m.distancesM[k]!;
        const outsideM = () => pointToPolygonDistance(p, area, { units: 'meters' });
        if (roadM <= limitM) {
          within++;
          expect(outsideM(), `${p.join(',')} at ${Math.round(roadM)} m by road`).toBeLessThan(
            OUTLINE_SLACK_M,
          );
        } else if (roadM > 1.5 * limitM && haversineM(VADUZ, p) < limitM) {
          // Near as the crow flies but far by road (across the river, up the hill): outside.
          // (A junction on a one-way road may sit on the outline, where the other direction is reached.)
          beyond++;
          const d = outsideM();
          expect(d, `${p.join(',')} at ${Math.round(roadM)} m by road`).toBeGreaterThan(-OUTLINE_SLACK_M);
          if (d > 0) outside++;
        }
      });
      expect(within).toBeGreaterThan(100);
      expect(beyond).toBeGreaterThan(5);
      expect(outside / beyond).toBeGreaterThan(0.9);
    },
  );

  it('a driving-time isochrone holds the roads that reach the point within the time', async () => {
    const limitS = 300;
    const outline = travel.layers.reachableArea(VADUZ, { durationS: limitS });
    const area = { type: 'Polygon' as const, coordinates: [outline] };
    const sample = junctions.filter((_, k) => k % 3 === 0);
    const m = await travel.matrix(sample, [VADUZ]);
    let within = 0;
    sample.forEach((p, k) => {
      if (m.snapDistancesM[k]! > 1 || m.durationsS[k]! > limitS) return;
      within++;
      expect(pointToPolygonDistance(p, area, { units: 'meters' })).toBeLessThan(OUTLINE_SLACK_M);
    });
    expect(within).toBeGreaterThan(30);
  });

  it('refuses a point far from every road, as the matrix does', () => {
    expect(() => travel.layers.reachableArea([9.9, 47.6], { distanceM: 5000 })).toThrow(
      /nearest road is \d+ m away/,
    );
  });
});

describe('main roads are joined where a road runs on', () => {
  it('a line passes through every junction where exactly two main-road edges meet', (ctx) => {
    if (!existsSync(LIECHTENSTEIN)) ctx.skip(SKIP_REASON);
    const travel = new RoadGraphTravel({ osmFile: LIECHTENSTEIN, cacheDir: false });
    const bbox = travel.graph.meta.bbox;
    const lines = mainRoads(travel.graph, { bbox, toleranceM: 0 });
    // Every line end is a fork, a dead end or a ring's start: no two lines meet end to end alone.
    const ends = new Map<string, number>();
    for (const line of lines)
      for (const p of [line[0]!, line.at(-1)!]) ends.set(p.join(','), (ends.get(p.join(',')) ?? 0) + 1);
    const inner = lines.flatMap((l) => l.slice(1, -1).map((p) => p.join(',')));
    const meetingOfTwo = [...ends].filter(([key, count]) => count === 2 && !inner.includes(key));
    expect(lines.length).toBeLessThan(80);
    expect(meetingOfTwo.length).toBeLessThan(lines.length / 10);
  });
});
