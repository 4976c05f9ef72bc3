// Travel benchmarks. `pnpm bench:travel` runs all; `pnpm bench:travel detour|roadgraph|osrm` runs one.
import { measureDetour } from './detour';

const which = process.argv[2] ?? 'all';
if (which === 'all' || which === 'detour') await measureDetour();
