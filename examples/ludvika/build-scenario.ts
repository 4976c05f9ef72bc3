/**
 * Builds examples/ludvika/scenario.json: `paketbygd init --kommun 2085` on the public data in
 * ../shared/geodata (SCB's 1 km grid 2025 and Dalarna's 2026 carrier points), with nothing added.
 * Run: pnpm exec tsx examples/ludvika/build-scenario.ts [--check]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Scenario } from '@paketbygd/model';
import { initScenario } from '../../packages/data/src/index';

export const SCENARIO_PATH = join(dirname(fileURLToPath(import.meta.url)), 'scenario.json');

export function buildScenario(): Scenario {
  return initScenario({ kommun: '2085' });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const scenario = buildScenario();
  if (process.argv.includes('--check')) {
    const committed: unknown = JSON.parse(readFileSync(SCENARIO_PATH, 'utf8'));
    const same = JSON.stringify(committed) === JSON.stringify(scenario);
    process.stdout.write(
      same ? 'scenario.json is up to date\n' : 'scenario.json differs from a fresh build\n',
    );
    process.exitCode = same ? 0 : 1;
  } else {
    writeFileSync(SCENARIO_PATH, `${JSON.stringify(scenario, null, 2)}\n`);
    process.stdout.write(`wrote ${SCENARIO_PATH}\n`);
  }
}
