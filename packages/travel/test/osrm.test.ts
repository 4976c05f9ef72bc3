import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LonLat } from '@paketbygd/model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ZodType } from 'zod';
import { OsrmTravel, TravelError } from '../src';
import { NearestBody, OsrmError, RouteBody, TableBody, TripBody } from '../src/osrm/protocol';
import { FIXTURE_DIR, loadFixtures, startFixtureServer, type FixtureServer } from './osrm-fixture-server';

const points = (
  JSON.parse(readFileSync(join(FIXTURE_DIR, 'points.json'), 'utf8')) as { lon: number; lat: number }[]
).map((p) => [p.lon, p.lat] as LonLat);

function schemaFor(path: string): ZodType {
  const service = path.split('/')[1];
  if (service === 'table') return TableBody;
  if (service === 'nearest') return NearestBody;
  if (service === 'trip') return TripBody;
  return RouteBody;
}

for (const algorithm of ['ch', 'mld'] as const) {
  describe(`OSRM contract against recorded ${algorithm.toUpperCase()} answers`, () => {
    const fixtures = loadFixtures(algorithm);
    let server: FixtureServer;
    let client: OsrmTravel;
    beforeAll(async () => {
      server = await startFixtureServer(fixtures);
      client = new OsrmTravel({ url: server.url, sendRadiuses: false, retries: 0 });
    });
    afterAll(() => server.close());

    it('has the cases the README lists', () => {
      expect(fixtures.length).toBe(32);
    });

    for (const fixture of fixtures) {
      const body = fixture.response.body as { code: string; message?: string };
      if (fixture.response.status === 200) {
        it(`parses ${fixture.file}`, async () => {
          const parsed = (await client.get(schemaFor(fixture.request.path), fixture.request.path)) as {
            code: string;
          };
          expect(parsed.code).toBe('Ok');
        });
      } else {
        it(`maps ${fixture.file} (${body.code})`, async () => {
          const error = await client
            .get(schemaFor(fixture.request.path), fixture.request.path)
            .catch((e: unknown) => e);
          expect(error).toBeInstanceOf(OsrmError);
          expect((error as OsrmError).osrmCode).toBe(body.code);
          expect((error as OsrmError).message).toContain(body.code);
          if (body.code === 'NoSegment') {
            const k = Number(/coordinate (\d+)/.exec(body.message ?? '')![1]);
            expect((error as OsrmError).pointIndex).toBe(k);
            expect((error as OsrmError).code).toBe('TooFarFromRoad');
          }
        });
      }
    }

    it('reads the 20x20 table into row-major arrays, exactly as recorded', async () => {
      const recorded = fixtures.find((f) => f.file === 'table-20x20-duration-distance.json')!.response
        .body as {
        durations: number[][];
        distances: number[][];
        sources: { distance: number }[];
      };
      const m = await client.matrix(points);
      expect(server.requests.at(-1)).toMatch(
        /^\/table\/v1\/driving\/9\.522796,47\.139286;.*\?annotations=duration,distance$/,
      );
      expect(m.sourceCount).toBe(20);
      expect(Array.from(m.durationsS)).toEqual(recorded.durations.flat());
      expect(Array.from(m.distancesM)).toEqual(recorded.distances.flat());
      expect(Array.from(m.snapDistancesM)).toEqual(recorded.sources.map((s) => s.distance));
      expect(m.durationsS[0 * 20 + 15]).not.toBe(m.durationsS[15 * 20 + 0]);
    });

    it('refuses the Vingåker point OSRM snapped 1,378 km away, naming it', async () => {
      const far: LonLat[] = [points[0]!, [15.871556, 59.043372]];
      const error = await client.matrix(far).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TravelError);
      expect((error as TravelError).code).toBe('TooFarFromRoad');
      expect((error as TravelError).pointIndex).toBe(1);
      expect((error as TravelError).message).toMatch(/point 1: the nearest road is 1378546 m away/);
    });

    it('flags instead of refusing when asked', async () => {
      const flagging = new OsrmTravel({
        url: server.url,
        sendRadiuses: false,
        retries: 0,
        farPoints: 'flag',
      });
      const m = await flagging.matrix([points[0]!, [15.871556, 59.043372]]);
      expect(m.warnings).toHaveLength(1);
      expect(m.warnings[0]!.pointIndex).toBe(1);
      expect(m.snapDistancesM[1]).toBeCloseTo(1378546.253, 2);
    });

    it('routes through several points with legs and GeoJSON', async () => {
      const route = await client.route([points[7]!, points[1]!, points[0]!, points[3]!]);
      expect(route.geometry.type).toBe('LineString');
      expect(route.geometry.coordinates.length).toBeGreaterThan(10);
      expect(route.properties.legs.map((l) => l.durationS)).toEqual([735.2, 404.1, 679.1]);
      expect(route.properties.distanceM).toBeCloseTo(9477 + 3575.6 + 9412.7, 1);
      expect(route.properties.attribution).toMatch(/OpenStreetMap/);
    });

    it('finds the nearest road', async () => {
      const near = await client.nearest(points[0]!);
      expect(near.location).toEqual([9.522555, 47.138853]);
      expect(near.distanceM).toBeCloseTo(51.49, 2);
    });
  });
}

describe('OSRM client under failure', () => {
  const table = loadFixtures('ch').filter((f) => f.file === 'table-20x20-duration-distance.json');

  it('splits a matrix into blocks of --max-table-size and asks them with bounded concurrency', async () => {
    let inFlight = 0;
    let maxInFlight = 0;
    const server = await startFixtureServer([], (req, res) => {
      // Answers any table with zeros after a short pause, to watch the blocks and the concurrency.
      const url = new URL(req.url!, 'http://x');
      const count = url.pathname.split('/')[4]!.split(';').length;
      const sources = url.searchParams.get('sources')?.split(';').length ?? count;
      const destinations = url.searchParams.get('destinations')?.split(';').length ?? count;
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      const row = (v: number) => Array.from({ length: destinations }, () => v);
      const waypoint = { location: [0, 0], distance: 1 };
      setTimeout(() => {
        inFlight--;
        res.writeHead(200, { 'content-type': 'application/json' }).end(
          JSON.stringify({
            code: 'Ok',
            durations: Array.from({ length: sources }, () => row(7)),
            distances: Array.from({ length: sources }, () => row(70)),
            sources: Array.from({ length: sources }, () => waypoint),
            destinations: Array.from({ length: destinations }, () => waypoint),
          }),
        );
      }, 20);
      return true;
    });
    try {
      const client = new OsrmTravel({
        url: server.url,
        maxTableSize: 10,
        concurrency: 3,
        sendRadiuses: false,
      });
      const m = await client.matrix(points.slice(0, 15).concat(points.slice(0, 10)));
      expect(server.requests).toHaveLength(9);
      expect(maxInFlight).toBe(3);
      expect(m.durationsS.every((v) => v === 7)).toBe(true);
      expect(server.requests.filter((r) => r.includes('sources='))).toHaveLength(6);
    } finally {
      await server.close();
    }
  });

  it("maps NoSegment from radiuses back to the caller's point, across blocks", async () => {
    const recorded = loadFixtures('ch').find((f) => f.file === 'error-nosegment-table-radius.json')!.response;
    const far: LonLat = [15.871556, 59.043372];
    const server = await startFixtureServer([], (req, res) => {
      const url = new URL(req.url!, 'http://x');
      const coords = url.pathname.split('/')[4]!.split(';');
      expect(url.searchParams.get('radiuses')).toBe(coords.map(() => '500').join(';'));
      const k = coords.indexOf(`${far[0]},${far[1]}`);
      const body =
        k < 0
          ? { code: 'Ok', durations: [], distances: [] }
          : {
              ...(recorded.body as object),
              message: `Could not find a matching segment for coordinate ${k}`,
            };
      res
        .writeHead(k < 0 ? 200 : recorded.status, { 'content-type': 'application/json' })
        .end(JSON.stringify(body));
      return true;
    });
    try {
      const client = new OsrmTravel({
        url: server.url,
        maxSnapDistanceM: 500,
        maxTableSize: 2,
        concurrency: 1,
        retries: 0,
      });
      const error = await client.matrix([points[0]!, points[1]!, points[2]!, far]).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TravelError);
      expect((error as TravelError).pointIndex).toBe(3);
      expect((error as TravelError).message).toMatch(
        /^point 3: OSRM NoSegment: no road within the search radius/,
      );
    } finally {
      await server.close();
    }
  });

  it('retries a 503 and then succeeds, but never retries a 400', async () => {
    const server = await startFixtureServer(table, (_req, res, count) => {
      if (count > 2) return false;
      res.writeHead(503).end('busy');
      return true;
    });
    try {
      const client = new OsrmTravel({ url: server.url, sendRadiuses: false, retries: 2, backoffMs: 5 });
      const m = await client.matrix(points);
      expect(m.durationsS.length).toBe(400);
      expect(server.requests).toHaveLength(3);
      const bad = await client.matrix([points[0]!, points[1]!]).catch((e: unknown) => e);
      expect(bad).toBeInstanceOf(TravelError);
      expect(server.requests).toHaveLength(4);
    } finally {
      await server.close();
    }
  });

  it('gives up on a slow server with a message that says so', async () => {
    const server = await startFixtureServer([], () => true);
    try {
      const client = new OsrmTravel({ url: server.url, timeoutMs: 50, retries: 1, backoffMs: 5 });
      const error = await client.matrix(points.slice(0, 2)).catch((e: unknown) => e);
      expect((error as TravelError).code).toBe('BackendUnavailable');
      expect((error as Error).message).toMatch(/timed out after 50 ms; 2 attempts/);
    } finally {
      await server.close();
    }
  });

  it('says so when nothing listens', async () => {
    const server = await startFixtureServer([]);
    const url = server.url;
    await server.close();
    const client = new OsrmTravel({ url, retries: 1, backoffMs: 5 });
    const error = await client.matrix(points.slice(0, 2)).catch((e: unknown) => e);
    expect((error as TravelError).code).toBe('BackendUnavailable');
    expect((error as Error).message).toMatch(/ECONNREFUSED/);
  });

  it('refuses NaN and swapped Swedish coordinates before asking the server', async () => {
    const client = new OsrmTravel({ url: 'http://127.0.0.1:9' });
    await expect(client.matrix([points[0]!, [NaN, 47]])).rejects.toThrow(
      /point 1: \[NaN, 47\] is not a pair of finite numbers/,
    );
    await expect(client.matrix([points[0]!], [[59.0434, 15.8716]])).rejects.toThrow(
      /point 1: .*looks like \[lat, lon\]/,
    );
  });
});

describe('OSRM client: unreachable pairs', () => {
  it('turns null cells into Infinity, never a number', async () => {
    const server = await startFixtureServer([], (_req, res) => {
      const waypoint = { location: [9.5, 47.1], distance: 3 };
      res.writeHead(200, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          code: 'Ok',
          durations: [
            [0, null],
            [12.5, 0],
          ],
          distances: [
            [0, null],
            [100, 0],
          ],
          sources: [waypoint, waypoint],
          destinations: [waypoint, waypoint],
        }),
      );
      return true;
    });
    try {
      const m = await new OsrmTravel({ url: server.url }).matrix([points[0]!, points[1]!]);
      expect(Array.from(m.durationsS)).toEqual([0, Infinity, 12.5, 0]);
      expect(Array.from(m.distancesM)).toEqual([0, Infinity, 100, 0]);
    } finally {
      await server.close();
    }
  });
});

describe('OSRM client: blocks put every cell in its place', () => {
  it('with separate destinations, across uneven blocks', async () => {
    // The server answers cell (s, d) with 100·lon(s) + lon(d), so a misplaced cell shows.
    const server = await startFixtureServer([], (req, res) => {
      const url = new URL(req.url!, 'http://x');
      const lons = url.pathname
        .split('/')[4]!
        .split(';')
        .map((c) => Number(c.split(',')[0]));
      const sources = url.searchParams.get('sources')?.split(';').map(Number) ?? lons.map((_, k) => k);
      const destinations =
        url.searchParams.get('destinations')?.split(';').map(Number) ?? lons.map((_, k) => k);
      const cells = sources.map((s) => destinations.map((d) => 100 * lons[s]! + lons[d]!));
      const waypoint = (k: number) => ({ location: [lons[k], 10], distance: lons[k]! / 10 });
      res.writeHead(200, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          code: 'Ok',
          durations: cells,
          distances: cells,
          sources: sources.map(waypoint),
          destinations: destinations.map(waypoint),
        }),
      );
      return true;
    });
    try {
      const sources: LonLat[] = Array.from({ length: 7 }, (_, k) => [k + 1, 10]);
      const destinations: LonLat[] = Array.from({ length: 5 }, (_, k) => [k + 11, 10]);
      const client = new OsrmTravel({
        url: server.url,
        maxTableSize: 3,
        concurrency: 2,
        sendRadiuses: false,
      });
      const m = await client.matrix(sources, destinations);
      expect(server.requests).toHaveLength(3 * 2);
      for (let i = 0; i < 7; i++)
        for (let j = 0; j < 5; j++) expect(m.durationsS[i * 5 + j]).toBe(100 * (i + 1) + (j + 11));
      expect(Array.from(m.snapDistancesM)).toEqual([...sources, ...destinations].map((p) => p[0] / 10));
      const square = await client.matrix(sources);
      for (let i = 0; i < 7; i++)
        for (let j = 0; j < 7; j++) expect(square.durationsS[i * 7 + j]).toBe(100 * (i + 1) + (j + 1));
    } finally {
      await server.close();
    }
  });
});
