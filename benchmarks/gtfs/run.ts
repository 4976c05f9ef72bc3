/**
 * pnpm bench:gtfs [--copies N] [--week YYYY-Www]
 *   1. the Norrbotten feed (45,329 stop_times) → the transports of Arjeplog kommun, 5 runs;
 *   2. a feed of the Norrbotten feed copied N times with new ids (default 111 copies: 5.03 million
 *      stop_times), written to a temporary folder, → the same kommun's transports.
 * Each run is a child process, so that its peak RSS is its own.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NORRBOTTEN } from './common';
import { replicateFeed } from './replicate';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1]! : fallback;
};
const copies = Number(arg('--copies', '111'));
const week = arg('--week', '2023-W03');
const measureScript = fileURLToPath(new URL('./measure.ts', import.meta.url));

interface Measured {
  seconds: number;
  cpuSeconds: number;
  stopTimes: number;
  rows: number;
  transports: number;
  departures: number;
  skipped: number;
  peakRssMB: number;
}

function measure(feed: string): Measured {
  const run = spawnSync(process.execPath, ['--import', 'tsx', measureScript, feed, week], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  if (run.status !== 0) throw new Error(`measure failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as Measured;
}

const row = (name: string, m: Measured) =>
  `| ${name} | ${m.stopTimes.toLocaleString('en')} | ${m.seconds.toFixed(2)} | ${m.cpuSeconds.toFixed(2)} | ${Math.round(m.stopTimes / m.seconds).toLocaleString('en')} | ${Math.round(m.peakRssMB)} | ${m.transports} / ${m.departures} |`;

console.log(`load before: ${execFileSync('uptime', { encoding: 'utf8' }).trim()}`);
console.log(`Arjeplog kommun (2506), departures of ${week}\n`);
console.log(
  '| feed | stop_times | seconds | CPU seconds | stop_times/s | peak RSS MB | transports / departures |',
);
console.log('|---|---:|---:|---:|---:|---:|---:|');
const small = Array.from({ length: 5 }, () => measure(NORRBOTTEN)).sort((a, b) => a.seconds - b.seconds);
console.log(row('Norrbotten, median of 5', small[2]!));
const dir = mkdtempSync(join(tmpdir(), 'paketbygd-gtfs-bench-'));
try {
  const builtStarted = performance.now();
  const written = await replicateFeed(NORRBOTTEN, dir, copies);
  const built = (performance.now() - builtStarted) / 1000;
  const big = measure(dir);
  console.log(row(`Norrbotten × ${copies}, new ids`, big));
  console.log(
    `\n(the ${written.toLocaleString('en')}-row feed was written in ${built.toFixed(1)} s, not counted)`,
  );
  const verdict = (smallS: number, bigS: number) =>
    smallS <= 2 && bigS <= 60 && big.peakRssMB <= 1024 ? 'met' : 'NOT met';
  // On a shared machine the wall clock counts other processes' time too; CPU time is this process's own.
  console.log(
    `targets (≤ 2 s; ≤ 60 s and ≤ 1024 MB): ${verdict(small[2]!.seconds, big.seconds)} by the wall clock, ${verdict(small[2]!.cpuSeconds, big.cpuSeconds)} by CPU time`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
console.log(`load after: ${execFileSync('uptime', { encoding: 'utf8' }).trim()}`);
