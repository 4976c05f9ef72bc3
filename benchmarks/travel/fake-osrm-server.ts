// An OSRM stand-in for benchmarking the client, started in its own process by osrm.ts.
// It replays the recorded 20×20 answer for its exact request, and answers any other /table
// request with OSRM-shaped JSON (haversine ÷ 50 km/h, snap distance 0), so that what is timed is
// the client: URL building, HTTP, JSON parsing, blocks and their concurrency. Prints its port.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { haversineM, type LonLat } from '@paketbygd/model';
import { FIXTURES } from './common';

const recorded = JSON.parse(
  readFileSync(join(FIXTURES, 'ch', 'table-20x20-duration-distance.json'), 'utf8'),
) as {
  request: { path: string };
  response: { body: unknown };
};
const recordedBody = JSON.stringify(recorded.response.body);
const maxTableSize = Number(process.argv[2] ?? 100);

const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (`${url.pathname}${url.search}` === recorded.request.path) {
    res.writeHead(200, { 'content-type': 'application/json; charset=UTF-8' }).end(recordedBody);
    return;
  }
  const [, service, , , coordinateText] = url.pathname.split('/');
  if (service !== 'table' || !coordinateText) {
    res
      .writeHead(400, { 'content-type': 'application/json' })
      .end(JSON.stringify({ code: 'InvalidService', message: 'only /table here' }));
    return;
  }
  const coords = coordinateText.split(';').map((c) => c.split(',').map(Number) as LonLat);
  const pick = (name: string) =>
    url.searchParams.get(name)?.split(';').map(Number) ?? coords.map((_, k) => k);
  const sources = pick('sources');
  const destinations = pick('destinations');
  if (sources.length * destinations.length > maxTableSize * maxTableSize) {
    res
      .writeHead(400, { 'content-type': 'application/json' })
      .end(JSON.stringify({ code: 'TooBig', message: 'Too many table coordinates' }));
    return;
  }
  const distances = sources.map((i) =>
    destinations.map((j) => Math.round(haversineM(coords[i]!, coords[j]!) * 10) / 10),
  );
  const durations = distances.map((row) => row.map((m) => Math.round((m / (50 / 3.6)) * 10) / 10));
  const waypoint = (k: number) => ({ hint: '', location: coords[k], name: '', distance: 0 });
  res.writeHead(200, { 'content-type': 'application/json; charset=UTF-8' }).end(
    JSON.stringify({
      code: 'Ok',
      durations,
      distances,
      sources: sources.map(waypoint),
      destinations: destinations.map(waypoint),
    }),
  );
});
server.listen(0, '127.0.0.1', () => process.stdout.write(`${(server.address() as AddressInfo).port}\n`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
