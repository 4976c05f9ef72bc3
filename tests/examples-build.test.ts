import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { hasGeodata, resolveDataDir } from '@paketbygd/data';
import { describe, expect, it } from 'vitest';

// The committed example scenarios are what their build scripts make from the public data. This
// runs the scripts (which use @paketbygd/data), so it lives here and not in the model's tests.
const examples = join(import.meta.dirname, '..', 'examples');
const read = (file: string) => JSON.parse(readFileSync(join(examples, file), 'utf8')) as unknown;
const noData = `no public data at ${resolveDataDir()} (set PAKETBYGD_DATA to ../shared/geodata)`;

describe('example scenarios', () => {
  it('vingaker/scenario.json is what build-scenario.ts makes from ../shared/geodata', async (ctx) => {
    if (!hasGeodata()) ctx.skip(noData);
    const { buildScenario } = await import('../examples/vingaker/build-scenario');
    expect(buildScenario()).toEqual(read('vingaker/scenario.json'));
  });

  it('ludvika/scenario.json is what `init --kommun 2085` makes from ../shared/geodata', async (ctx) => {
    if (!hasGeodata()) ctx.skip(noData);
    const { buildScenario } = await import('../examples/ludvika/build-scenario');
    expect(JSON.parse(JSON.stringify(buildScenario()))).toEqual(read('ludvika/scenario.json'));
  });
});
