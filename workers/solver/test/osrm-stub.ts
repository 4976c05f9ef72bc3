import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface OsrmStub {
  /** `http://127.0.0.1:port` */
  url: string;
  close(): Promise<void>;
}

/**
 * An OSRM stand-in on 127.0.0.1 for tests of a travel backend that fails: it answers 503 while
 * `down()` says so, and otherwise /table requests with straight-line distances.
 */
export async function startOsrmStub(down: () => boolean): Promise<OsrmStub> {
  const server = createServer((req, res) => {
    if (down()) return void res.writeHead(503).end();
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(osrmTable(req.url ?? '')));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** OSRM's /table answer with straight-line distances at 50 km/h, for the stub. */
function osrmTable(url: string) {
  const parsed = new URL(url, 'http://osrm');
  const coordinates = decodeURIComponent(parsed.pathname.split('/').pop()!)
    .split(';')
    .map((c) => c.split(',').map(Number) as [number, number]);
  const pick = (name: string) =>
    parsed.searchParams.get(name)?.split(';').map(Number) ?? coordinates.map((_, i) => i);
  const sources = pick('sources');
  const destinations = pick('destinations');
  const metres = ([lon1, lat1]: [number, number], [lon2, lat2]: [number, number]) => {
    const x = (lon2 - lon1) * Math.cos((((lat1 + lat2) / 2) * Math.PI) / 180);
    return Math.hypot(x, lat2 - lat1) * 111_195;
  };
  const distances = sources.map((s) => destinations.map((d) => metres(coordinates[s]!, coordinates[d]!)));
  const waypoint = (i: number) => ({ location: coordinates[i], distance: 0 });
  return {
    code: 'Ok',
    distances,
    durations: distances.map((row) => row.map((m) => m / 13.9)),
    sources: sources.map(waypoint),
    destinations: destinations.map(waypoint),
  };
}
