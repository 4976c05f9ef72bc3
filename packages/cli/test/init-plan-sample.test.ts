import { describe, expect, it } from 'vitest';
import { hasGeodata, initScenario } from '@paketbygd/data';
import { validate, type Scenario } from '@paketbygd/model';
import { plan } from '@paketbygd/planner';

const SKIP_REASON = 'no geodata: ../shared/geodata (or $PAKETBYGD_DATA) is absent';

/** The kommuner named in issue 12, and 24 more across the country: big cities, islands, the far north. */
const SAMPLE = [
  'Vingåker',
  'Ludvika',
  '2506',
  'Sorsele',
  'Munkedal',
  'Flen',
  'Stockholm',
  'Gotland',
  'Kiruna',
  'Malmö',
  'Göteborg',
  'Uppsala',
  'Habo',
  'Håbo',
  'Malung-Sälen',
  'Älvdalen',
  'Storuman',
  'Pajala',
  'Strömstad',
  'Ljusdal',
  'Åre',
  'Torsby',
  'Ydre',
  'Borgholm',
  'Bjurholm',
  'Dorotea',
  'Överkalix',
  'Tranemo',
  'Vansbro',
  'Orsa',
];

// init (data) then plan (planner): here, where both are dependencies, so data never imports the planner.
describe('init then plan', () => {
  it(`validates and plans ${SAMPLE.length} kommuner`, { timeout: 240_000 }, async (ctx) => {
    if (!hasGeodata()) ctx.skip(SKIP_REASON);
    const failures: string[] = [];
    for (const kommun of SAMPLE) {
      const scenario: Scenario = initScenario({ kommun });
      const checked = validate('scenario', JSON.parse(JSON.stringify(scenario)));
      if (!checked.ok) failures.push(`${kommun}: ${checked.problems[0]?.message}`);
      const result = await plan(scenario, { timeLimitS: 0.5, seed: 1 });
      const people = result.kpis.before.access.coveredPopulationShare;
      if (!(people >= 0 && people <= 1)) failures.push(`${kommun}: coverage before ${people}`);
      if (result.kpis.after.access.coveredPopulationShare < people - 1e-9) {
        failures.push(`${kommun}: coverage fell`);
      }
    }
    expect(failures).toEqual([]);
  });
});
