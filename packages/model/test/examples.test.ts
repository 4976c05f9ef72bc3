import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkBidAgainstScenario, validateDocument, validate, type Bid, type Scenario } from '../src';

const examples = join(import.meta.dirname, '..', '..', '..', 'examples');
const files = readdirSync(examples, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.json'))
  .sort();
const read = (file: string) => JSON.parse(readFileSync(join(examples, file), 'utf8')) as unknown;

describe('examples', () => {
  it('holds the documents the README promises', () => {
    expect(files).toEqual(
      expect.arrayContaining([
        'vingaker/scenario.json',
        'operator/small-cvrp.json',
        'operator/time-windows-shipments.json',
        'operator/day-200-stops.json',
        'bids/nordbox-vans.json',
        'bids/bygden-existing-transport.json',
        'bids/regionbuss-bus-line.json',
        'bids/scoring.json',
      ]),
    );
  });

  it.each(files)('%s validates', (file) => {
    const result = validateDocument(read(file));
    expect(result.problems).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it('every bid fits the Vingåker scenario it was written for', () => {
    const scenario = validate('scenario', read('vingaker/scenario.json'));
    if (!scenario.ok) throw new Error('scenario invalid');
    for (const file of files.filter((f) => f.startsWith('bids/') && !f.endsWith('scoring.json'))) {
      const bid = validate('bid', read(file));
      if (!bid.ok) throw new Error(`${file} invalid`);
      expect(checkBidAgainstScenario(bid.value as Bid, scenario.value as Scenario), file).toEqual([]);
    }
  });

  it('the Vingåker example respects the known facts', () => {
    const s = read('vingaker/scenario.json') as Scenario;
    // PTS 2021: 9 rows at 5 places, four in Vingåker town and Coop Högsjö with three carriers.
    expect(s.pickupPoints).toHaveLength(5);
    const hogsjo = s.pickupPoints.find((p) => p.name?.includes('Högsjö'));
    expect(hogsjo?.location).toEqual([15.669694, 59.0279]);
    expect(hogsjo?.carriers).toEqual(['Brun', 'Gul', 'PostNord']);
    expect(s.candidateSites.map((c) => c.id)).toContain('box-lappe');
    const library = s.transportRoutes.find((r) => r.kind === 'library_bus');
    expect(library?.stops.map((stop) => stop.name)).toContain('Läppe');
    expect(s.transportRoutes.some((r) => r.kind === 'bus_line')).toBe(true);
    const population = s.demand.reduce((sum, d) => sum + (d.population ?? 0), 0);
    // SCB 2016: 9,099 people, placed by GeoNames and the spread rule (rounded to 0.1 per point).
    expect(population).toBeCloseTo(9099, -1);
  });
});
