/**
 * pnpm bench:access all [--data DIR]
 *
 * `paketbygd access --all` in one process, as the command runs it: every kommun's scenario from
 * public data (initScenario), its access analysis, the ranking; the time spent making scenarios
 * and the time spent measuring are reported apart. Target: all 290 in at most 60 s.
 */
import { cpuUsage } from 'node:process';
import { resolveDataDir } from '@paketbygd/data';
import { publicDataScenarios, rankKommuner } from '@paketbygd/cli';
import { machineLine } from '../placement/common';

const i = process.argv.indexOf('--data');
const dataDir = resolveDataDir(i > 0 ? process.argv[i + 1] : undefined);
console.log('# paketbygd access --all, one process');
console.log(machineLine());
const cpuBefore = cpuUsage();
const started = performance.now();
const source = publicDataScenarios(dataDir);
let initMs = 0;
const timed = {
  kommuner: source.kommuner,
  scenario: (code: string) => {
    const t = performance.now();
    try {
      return source.scenario(code);
    } finally {
      initMs += performance.now() - t;
    }
  },
};
const { rows, failed } = await rankKommuner(timed);
const wallMs = performance.now() - started;
const cpu = cpuUsage(cpuBefore);
console.log(`\n| kommuner | measured | not measured | wall s | CPU s | making scenarios s | measuring s |`);
console.log('|---:|---:|---:|---:|---:|---:|---:|');
console.log(
  `| ${source.kommuner.length} | ${rows.length} | ${failed.length} | ${(wallMs / 1000).toFixed(1)} | ${((cpu.user + cpu.system) / 1e6).toFixed(1)} | ${(initMs / 1000).toFixed(1)} | ${((wallMs - initMs) / 1000).toFixed(1)} |`,
);
const reasons = new Map<string, number>();
for (const f of failed) {
  const reason = f.message.replace(/^.*?: /, '').replace(/\d+/g, 'N');
  reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
}
for (const [reason, count] of reasons) console.log(`not measured (${count}): ${reason}`);
console.log(machineLine());
