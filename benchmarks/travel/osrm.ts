// The OSRM client against a local stand-in server in another process (fake-osrm-server.ts):
// the recorded 20×20 answer, then 100×100 and 1000×1000 split into --max-table-size blocks.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { LonLat } from '@paketbygd/model';
// Relative import: benchmarks is a workspace package that does not list the travel package.
import { OsrmTravel } from '@paketbygd/travel';
import { FIXTURES, REPO, fixturePoints, quantile, table } from './common';

const RUNS = 5;

export async function benchOsrm(): Promise<void> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(REPO, 'benchmarks', 'travel', 'fake-osrm-server.ts'), '100'],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const port = await new Promise<string>((resolve) =>
    createInterface({ input: child.stdout! }).once('line', resolve),
  );
  const url = `http://127.0.0.1:${port}`;
  const rows: (string | number)[][] = [];
  try {
    const points = JSON.parse(
      readFileSync(join(FIXTURES, 'benchmarks', 'bench-1000-coords.json'), 'utf8'),
    ) as LonLat[];
    const cases: [string, LonLat[], number][] = [
      ['20×20 (recorded answer replayed)', fixturePoints(), 1],
      ['100×100', points.slice(0, 100), 1],
      ['1000×1000', points, 100],
    ];
    for (const concurrency of [1, 4]) {
      const client = new OsrmTravel({ url, sendRadiuses: false, concurrency });
      for (const [name, pts, blocks] of cases) {
        if (concurrency !== 4 && blocks === 1) continue;
        const times: number[] = [];
        for (let run = 0; run <= RUNS; run++) {
          const started = performance.now();
          const m = await client.matrix(pts);
          times.push(performance.now() - started);
          if (!Number.isFinite(m.durationsS[1])) throw new Error('bad answer');
        }
        rows.push([
          name,
          blocks,
          concurrency,
          times[0]!.toFixed(1),
          quantile(times.slice(1), 0.5).toFixed(1),
        ]);
      }
    }
  } finally {
    child.kill('SIGTERM');
  }
  console.log(
    `\n## OSRM client against a local stand-in server (another process, 127.0.0.1, --max-table-size 100; median of ${RUNS} after the first)\n`,
  );
  console.log(table(['matrix', 'requests', 'concurrency', 'first ms', 'median ms'], rows));
  console.log(
    '\nThe stand-in computes haversine and serialises JSON itself, so this is client + HTTP + JSON cost plus a light server; a real osrm-routed adds its own',
  );
  console.log(
    'time (recorded here: 100×100 15 ms, 1000×1000 366 ms in one request with --max-table-size 1000, CH, JSON).',
  );
}
