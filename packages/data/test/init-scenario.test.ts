import { describe, expect, it } from 'vitest';
import {
  hasGeodata,
  initScenario,
  MEASURED_SPREAD_ERROR_PP,
  measureSpreadError,
  DEFAULT_SPREAD_RULE,
} from '../src/index';
import { SKIP_REASON } from './fixtures';

describe('initScenario on real data', () => {
  it('builds Vingåker from the 2021 points, GeoNames and the 2020 volume', (ctx) => {
    if (!hasGeodata()) ctx.skip(SKIP_REASON);
    const s = initScenario({ kommun: 'Vingaker' });
    const hogsjo = s.pickupPoints.find((p) => p.name?.startsWith('Coop Nära Högsjö'));
    expect(hogsjo?.location).toEqual([15.669694, 59.0279]);
    expect(hogsjo?.carriers).toEqual(['Brun', 'Gul', 'PostNord']);
    expect(s.pickupPoints).toHaveLength(5);
    const yearly = s.demand.reduce((sum, d) => sum + d.parcelsPerWeek, 0) * 52;
    // B2C 96,612 + C2X 4,592 in 2020, over 9,099 people (2016) times the 9,099 people placed.
    expect(yearly).toBeCloseTo(96_612 + 4_592, -2);
    const names = s.candidateSites.map((c) => c.name);
    expect(names).toEqual(expect.arrayContaining(['Högsjö station', 'Baggetorp', 'Marmorbyn']));
    expect(names.some((n) => /cell|grid|rural-r/i.test(n ?? ''))).toBe(false);
    const spread = s.statedAssumptions.find((a) => a.subject.startsWith('demand (people outside'));
    expect(spread?.measuredError).toMatch(/2\.8 percentage points|2\.8 \//);
  });

  it('builds Ludvika on the SCB grid with 65+ and the 2026 carriers', (ctx) => {
    if (!hasGeodata()) ctx.skip(SKIP_REASON);
    const s = initScenario({ kommun: '2085' });
    expect(s.demand.reduce((sum, d) => sum + (d.population ?? 0), 0)).toBe(26_676);
    expect(s.demand.every((d) => d.population65Plus !== undefined)).toBe(true);
    expect(s.pickupPoints).toHaveLength(19);
    const carriers = new Set(s.pickupPoints.flatMap((p) => p.carriers ?? []));
    expect([...carriers]).toEqual(expect.arrayContaining(['PostNord', 'Instabee']));
    expect(s.pickupPoints.some((p) => p.kind === 'parcel_locker')).toBe(true);
  });

  it('gives every value a source or a stated assumption', (ctx) => {
    if (!hasGeodata()) ctx.skip(SKIP_REASON);
    const s = initScenario({ kommun: 'Sorsele' });
    const subjects = s.statedAssumptions.map((a) => a.subject);
    for (const subject of ['hubs', 'vehicles', 'policy', 'candidateSites costs', 'demand.parcelsPerWeek']) {
      expect(subjects).toContain(subject);
    }
    const titles = s.sources.map((x) => x.title).join('\n');
    for (const file of ['PTS service points 2021', 'GeoNames', 'Trafiklab', '2020', 'boundaries']) {
      expect(titles).toContain(file);
    }
  });
});

describe('the spread rule on Dalarna', () => {
  it('has the error that the scenarios state', { timeout: 120_000 }, (ctx) => {
    if (!hasGeodata()) ctx.skip(SKIP_REASON);
    const measured = measureSpreadError(DEFAULT_SPREAD_RULE);
    expect(measured.kommuner).toHaveLength(15);
    for (const km of [2, 5, 10] as const) {
      expect(measured.meanAbsErrorPp[km]).toBeCloseTo(MEASURED_SPREAD_ERROR_PP.mean[km], 2);
      expect(measured.maxAbsErrorPp[km]).toBeCloseTo(MEASURED_SPREAD_ERROR_PP.max[km], 2);
    }
  });
});
