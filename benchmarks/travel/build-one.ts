// Builds one road graph in a fresh process and prints JSON with build time and peak memory,
// so that the peak is this build's alone. Used by roadgraph.ts; not meant to be run by hand.
import { RoadGraphTravel } from '@paketbygd/travel';

const file = process.argv[2]!;
const baselineRssMb = process.resourceUsage().maxRSS / 1024;
const started = performance.now();
const travel = new RoadGraphTravel({ osmFile: file, cacheDir: false });
const buildMs = performance.now() - started;
process.stdout.write(
  `${JSON.stringify({
    buildMs,
    baselineRssMb,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    stats: travel.graph.meta.stats,
  })}\n`,
);
