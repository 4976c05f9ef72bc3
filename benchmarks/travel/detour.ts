// Measures the road/straight-line ratio and average driving speed by distance band with the
// roadgraph backend, between random points on each extract's car roads. The straightline
// backend's defaults (DEFAULT_DETOUR_FACTOR, DEFAULT_SPEED_BANDS) come from this table.
// Run: pnpm bench:travel detour
import { haversineM, type LonLat } from '@paketbygd/model';
import { Mulberry32 } from '@paketbygd/random';
// Relative import: benchmarks is a workspace package that does not list the travel package.
import { RoadGraphTravel, EDGE_MAIN_COMPONENT } from '@paketbygd/travel';
import { EXTRACTS, quantile, table } from './common';

const BANDS = [
  [0, 2000],
  [2000, 5000],
  [5000, 10_000],
  [10_000, 20_000],
  [20_000, Infinity],
] as const;
const SAMPLE = 300;
const MIN_STRAIGHT_M = 500;

export async function measureDetour(): Promise<void> {
  const pooled: Pair[] = [];
  const rows: (string | number)[][] = [];
  for (const [name, file] of Object.entries(EXTRACTS)) {
    const travel = new RoadGraphTravel({ osmFile: file, cacheDir: false });
    const g = travel.graph;
    const random = new Mulberry32(20261123);
    const points: LonLat[] = [];
    while (points.length < SAMPLE) {
      const e = Math.floor(random.next() * g.edgeFrom.length);
      if (!(g.edgeFlags[e]! & EDGE_MAIN_COMPONENT)) continue;
      const geom = g.geomStart[e]! + Math.floor(random.next() * (g.geomStart[e + 1]! - g.geomStart[e]!));
      const p = g.geomPoint[geom]!;
      points.push([g.pointLon[p]!, g.pointLat[p]!]);
    }
    const m = await travel.matrix(points);
    const pairs: { ratio: number; straightM: number; speedKmh: number }[] = [];
    for (let i = 0; i < SAMPLE; i++) {
      for (let j = 0; j < SAMPLE; j++) {
        const straightM = haversineM(points[i]!, points[j]!);
        const roadM = m.distancesM[i * SAMPLE + j]!;
        const s = m.durationsS[i * SAMPLE + j]!;
        if (i === j || straightM < MIN_STRAIGHT_M || !Number.isFinite(roadM)) continue;
        pairs.push({ ratio: roadM / straightM, straightM, speedKmh: roadM / s / (1000 / 3600) });
      }
    }
    if (name === 'liechtenstein' || name === 'north-bayreuth') pooled.push(...pairs);
    rows.push(summaryRow(name, pairs));
  }
  rows.push(summaryRow('rural stand-ins (Liechtenstein + north-Bayreuth)', pooled));
  console.log(
    `Road distance / straight-line distance between ${SAMPLE} random car-road points per extract (pairs ≥ ${MIN_STRAIGHT_M} m apart, roadgraph backend).`,
  );
  console.log(
    'Band cells: median ratio / median average speed in km/h over the road distance. Map data © OpenStreetMap contributors.\n',
  );
  console.log(
    table(
      [
        'extract',
        'pairs',
        'median ratio',
        'mean ratio',
        'p90 ratio',
        ...BANDS.map(([lo, hi]) => `${lo / 1000}–${hi === Infinity ? '' : hi / 1000} km`),
      ],
      rows,
    ),
  );
}

type Pair = { ratio: number; straightM: number; speedKmh: number };

/** One table row: pair count, median, mean and p90 ratio, then median ratio / speed per distance band. */
function summaryRow(label: string, pairs: readonly Pair[]): (string | number)[] {
  const ratios = pairs.map((p) => p.ratio);
  return [
    label,
    pairs.length,
    quantile(ratios, 0.5).toFixed(3),
    (ratios.reduce((a, b) => a + b, 0) / ratios.length).toFixed(3),
    quantile(ratios, 0.9).toFixed(3),
    ...BANDS.map(([lo, hi]) => {
      const inBand = pairs.filter((p) => p.straightM >= lo && p.straightM < hi);
      if (inBand.length < 30) return '–';
      const ratio = quantile(
        inBand.map((p) => p.ratio),
        0.5,
      );
      const speed = quantile(
        inBand.map((p) => p.speedKmh),
        0.5,
      );
      return `${ratio.toFixed(2)} / ${speed.toFixed(0)}`;
    }),
  ];
}
