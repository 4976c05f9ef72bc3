import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { initScenario, loadTransports, resolveDataDir } from '../../src/index';

const root = join(import.meta.dirname, '..', '..', '..', '..');
const feed = join(root, '..', 'shared', 'gtfs', 'norrbotten-2022-12-14');

describe('examples/arjeplog', () => {
  it('is what init --kommun Arjeplog --gtfs <Norrbotten feed> --week 2023-W03 makes', async (ctx) => {
    const dataDir = resolveDataDir(undefined);
    if (!existsSync(feed) || !existsSync(dataDir)) ctx.skip(`needs the shared data (${feed}, ${dataDir})`);
    const scenario = initScenario({ kommun: 'Arjeplog', dataDir });
    const result = await loadTransports(feed, scenario, { week: '2023-W03' });
    const committed: unknown = JSON.parse(
      readFileSync(join(root, 'examples', 'arjeplog', 'scenario.json'), 'utf8'),
    );
    expect(JSON.parse(JSON.stringify(result.scenario))).toEqual(committed);
    // Buses from the hub stop at candidate sites in the villages.
    const fromHub = result.transportRoutes.filter((t) => t.loadingHubId !== undefined);
    expect(fromHub.length).toBeGreaterThan(10);
  });
});
