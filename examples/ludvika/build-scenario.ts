/**
 * Builds examples/ludvika/scenario.json: `paketbygd init --kommun 2085` on the public data in
 * ../shared/geodata (SCB's 1 km grid 2025 and Dalarna's 2026 carrier points), with nothing added.
 * Run: pnpm exec tsx examples/ludvika/build-scenario.ts [--check]
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Scenario } from '@paketbygd/model';
import { initScenario } from '@paketbygd/data';
import { writeOrCheck } from '../write-or-check';

export const SCENARIO_PATH = join(dirname(fileURLToPath(import.meta.url)), 'scenario.json');

export function buildScenario(): Scenario {
  return initScenario({ kommun: '2085' });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeOrCheck(SCENARIO_PATH, buildScenario());
}
