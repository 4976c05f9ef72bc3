/**
 * One cold `initScenario` in a fresh process (modules loaded, no file read yet), for `run.ts`:
 * prints `{ "kommun": …, "initMs": …, "cpuMs": … }`.
 */
import { initScenario } from '@paketbygd/data';

const kommun = process.argv[2] ?? 'Vingåker';
const started = performance.now();
const cpu = process.cpuUsage();
const scenario = initScenario({ kommun });
const used = process.cpuUsage(cpu);
const initMs = performance.now() - started;
const cpuMs = (used.user + used.system) / 1000;
process.stdout.write(`${JSON.stringify({ kommun: scenario.name, initMs, cpuMs })}\n`);
