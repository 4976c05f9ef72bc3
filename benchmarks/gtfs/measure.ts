/** Child process of run.ts: reads one feed for one kommun and prints time and peak memory as JSON. */
import { loadTransports } from '@paketbygd/data';
import { ARJEPLOG, kommunScenario } from './common';

const [feed, week] = process.argv.slice(2);
const scenario = kommunScenario(ARJEPLOG.id, ARJEPLOG.hub);
const started = performance.now();
const cpuBefore = process.cpuUsage();
const result = await loadTransports(feed!, scenario, { week: week! });
const seconds = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpuBefore);
// CPU seconds of this process (user + system): on a shared machine, steadier than the wall clock.
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
process.stdout.write(
  `${JSON.stringify({
    seconds,
    cpuSeconds,
    stopTimes: result.feed.rowsRead['stop_times.txt'],
    rows: Object.values(result.feed.rowsRead).reduce((s, n) => s + n, 0),
    transports: result.transportRoutes.length,
    departures: result.transportRoutes.reduce((s, t) => s + (t.departures?.length ?? 0), 0),
    skipped: result.feed.skipped.length,
    peakRssMB: process.resourceUsage().maxRSS / 1024,
  })}\n`,
);
