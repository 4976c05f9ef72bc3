// Travel benchmarks. `pnpm bench:travel` runs all; `pnpm bench:travel detour|roadgraph|osrm` runs one.
import { execSync } from 'node:child_process';
import { cpus } from 'node:os';
import { measureDetour } from './detour';
import { benchOsrm } from './osrm';
import { benchRoadgraph } from './roadgraph';

const which = process.argv[2] ?? 'all';
console.log(
  `# travel benchmarks, ${new Date().toISOString()}, node ${process.version}, ${cpus().length} cores`,
);
console.log(`load before: ${execSync('uptime').toString().trim()}\n`);
if (which === 'all' || which === 'roadgraph') await benchRoadgraph();
if (which === 'all' || which === 'osrm') await benchOsrm();
if (which === 'all' || which === 'detour') await measureDetour();
console.log(`\nload after: ${execSync('uptime').toString().trim()}`);
