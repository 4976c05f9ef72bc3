import { readFileSync, readdirSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Recorded OSRM v26.4.1 answers, shared with every engineer; never copied into the repo. */
export const FIXTURE_DIR = fileURLToPath(
  new URL('../../../../shared/geodata/osrm-fixtures/', import.meta.url),
);

export interface Fixture {
  file: string;
  algorithm: 'CH' | 'MLD';
  request: { method: string; path: string };
  response: { status: number; headers: Record<string, string>; body: unknown };
}

export function loadFixtures(algorithm: 'ch' | 'mld'): Fixture[] {
  const dir = join(FIXTURE_DIR, algorithm);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json') && f !== 'index.json')
    .map((file) => ({
      file,
      ...(JSON.parse(readFileSync(join(dir, file), 'utf8')) as Omit<Fixture, 'file'>),
    }));
}

export interface FixtureServer {
  url: string;
  /** Paths asked for, in order. */
  requests: string[];
  close(): Promise<void>;
}

/**
 * Serves recorded answers on 127.0.0.1 by exact path and query; anything else is a 404 so that a
 * test notices when the client asks for something OSRM was never asked. `intercept` may answer first
 * (to play a slow or failing server).
 */
export async function startFixtureServer(
  fixtures: Fixture[],
  intercept?: (req: IncomingMessage, res: ServerResponse, count: number) => boolean,
  options: { ignoreRadiuses?: boolean } = {},
): Promise<FixtureServer> {
  const byPath = new Map(fixtures.map((f) => [f.request.path, f]));
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    const path = req.url ?? '';
    requests.push(path);
    if (intercept?.(req, res, requests.length)) return;
    // Recorded without radiuses: with every point inside the radius, OSRM answers the same.
    const key = options.ignoreRadiuses
      ? path.replace(/[?&]radiuses=[^&]*/, '').replace(/^([^?]*)&/, '$1?')
      : path;
    const fixture = byPath.get(key);
    if (!fixture) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end(`no fixture for ${path}`);
      return;
    }
    res.writeHead(fixture.response.status, { 'content-type': 'application/json; charset=UTF-8' });
    res.end(JSON.stringify(fixture.response.body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
