// roadgraph backend: build time and peak memory from the OSM file, graph-cache read time,
// 100×100 and 1000×1000 matrices, and fidelity against the recorded OSRM 20×20 table.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LonLat } from '@paketbygd/model';
import { Mulberry32 } from '@paketbygd/random';
// Relative import: benchmarks is a workspace package that does not list the travel package.
import { RoadGraphTravel, EDGE_MAIN_COMPONENT } from '@paketbygd/travel';
import { EXTRACTS, FIXTURES, REPO, fixturePoints, quantile, table } from './common';

const RUNS = 3;

function randomRoadPoints(travel: RoadGraphTravel, count: number, seed: number): LonLat[] {
  const g = travel.graph;
  const random = new Mulberry32(seed);
  const points: LonLat[] = [];
  while (points.length < count) {
    const e = Math.floor(random.next() * g.edgeFrom.length);
    if (!(g.edgeFlags[e]! & EDGE_MAIN_COMPONENT)) continue;
    const geom = g.geomStart[e]! + Math.floor(random.next() * (g.geomStart[e + 1]! - g.geomStart[e]!));
    const p = g.geomPoint[geom]!;
    points.push([g.pointLon[p]!, g.pointLat[p]!]);
  }
  return points;
}

async function timeMatrix(
  travel: RoadGraphTravel,
  points: LonLat[],
): Promise<{ firstMs: number; medianMs: number }> {
  const times: number[] = [];
  for (let run = 0; run <= RUNS; run++) {
    const started = performance.now();
    await travel.matrix(points);
    times.push(performance.now() - started);
  }
  return { firstMs: times[0]!, medianMs: quantile(times.slice(1), 0.5) };
}

export async function benchRoadgraph(): Promise<void> {
  const buildRows: (string | number)[][] = [];
  const matrixRows: (string | number)[][] = [];
  for (const name of ['liechtenstein', 'north-bayreuth'] as const) {
    const file = EXTRACTS[name];
    const child = spawnSync(
      process.execPath,
      ['--import', 'tsx', join(REPO, 'benchmarks', 'travel', 'build-one.ts'), file],
      {
        encoding: 'utf8',
      },
    );
    if (child.status !== 0) throw new Error(`build-one failed: ${child.stderr}`);
    const built = JSON.parse(child.stdout) as {
      buildMs: number;
      baselineRssMb: number;
      peakRssMb: number;
      stats: Record<string, number>;
    };

    const cacheDir = mkdtempSync(join(tmpdir(), 'paketbygd-bench-'));
    new RoadGraphTravel({ osmFile: file, cacheDir });
    const cached = new RoadGraphTravel({ osmFile: file, cacheDir });
    rmSync(cacheDir, { recursive: true, force: true });
    buildRows.push([
      name,
      `${built.stats.osmNodes} / ${built.stats.osmWays}`,
      `${built.stats.junctions} / ${built.stats.edges}`,
      built.buildMs.toFixed(0),
      built.peakRssMb.toFixed(0),
      built.baselineRssMb.toFixed(0),
      cached.buildMs.toFixed(0),
    ]);

    const travel = cached;
    const points =
      name === 'liechtenstein'
        ? (JSON.parse(
            readFileSync(join(FIXTURES, 'benchmarks', 'bench-1000-coords.json'), 'utf8'),
          ) as LonLat[])
        : randomRoadPoints(travel, 1000, 20240601);
    for (const n of [100, 1000]) {
      const t = await timeMatrix(travel, points.slice(0, n));
      matrixRows.push([
        name,
        `${n}×${n}`,
        name === 'liechtenstein' ? 'OSRM bench-1000-coords' : 'random road points, seed 20240601',
        t.firstMs.toFixed(0),
        t.medianMs.toFixed(0),
      ]);
    }
  }

  const travel = new RoadGraphTravel({ osmFile: EXTRACTS.liechtenstein, cacheDir: false });
  const recorded = (
    JSON.parse(readFileSync(join(FIXTURES, 'ch', 'table-20x20-duration-distance.json'), 'utf8')) as {
      response: { body: { durations: number[][]; distances: number[][] } };
    }
  ).response.body;
  const m = await travel.matrix(fixturePoints());
  const dist: number[] = [];
  const dur: number[] = [];
  for (let i = 0; i < 20; i++) {
    for (let j = 0; j < 20; j++) {
      if (i === j) continue;
      dist.push(
        Math.abs(m.distancesM[i * 20 + j]! - recorded.distances[i]![j]!) / recorded.distances[i]![j]!,
      );
      dur.push(Math.abs(m.durationsS[i * 20 + j]! - recorded.durations[i]![j]!) / recorded.durations[i]![j]!);
    }
  }
  const pct = (v: number) => `${(v * 100).toFixed(1)} %`;

  console.log('\n## roadgraph: build (cold, no cache; peak RSS of a fresh process that only builds)\n');
  console.log(
    table(
      [
        'extract',
        'OSM nodes / ways',
        'junctions / edges',
        'build ms',
        'peak RSS MB',
        'RSS before build MB',
        'cache read ms',
      ],
      buildRows,
    ),
  );
  console.log(`\n## roadgraph: matrices (first call, then median of ${RUNS} more)\n`);
  console.log(table(['extract', 'size', 'points', 'first ms', 'median ms'], matrixRows));
  console.log(
    '\n## roadgraph fidelity against the recorded OSRM v26.4.1 CH 20×20 table (Liechtenstein, 380 pairs)\n',
  );
  console.log(
    table(
      ['', 'median rel. error', 'p90 rel. error', 'target (median)'],
      [
        ['distance', pct(quantile(dist, 0.5)), pct(quantile(dist, 0.9)), '≤ 3 %'],
        ['duration', pct(quantile(dur, 0.5)), pct(quantile(dur, 0.9)), '≤ 8 %'],
      ],
    ),
  );
  console.log('\nMap data © OpenStreetMap contributors (ODbL 1.0).');
}
