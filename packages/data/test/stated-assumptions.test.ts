import { describe, expect, it } from 'vitest';
import { StatedAssumption } from '@paketbygd/model';
import { hasGeodata, initScenario } from '../src/index';
import { stated } from '../src/stated-assumptions';
import { SKIP_REASON } from './fixtures';

// Arjeplog's English statements as `init` wrote them before the assumptions carried codes.
const ARJEPLOG_BEFORE_CODES = [
  "14.57 parcels per inhabitant a year: the kommun's B2C + C2X parcels of 2020 (41,910) over its population of 2016 (2,876); B2B parcels (15,380) go to businesses and are left out; spread over the year evenly (52 weeks)",
  "3 GeoNames settlements hold 2,588 of the kommun's 2,876 people (2016), scaled by 0.790 because GeoNames lists more people than the kommun has (settlements keep at most 90 %); each stands at its centre point",
  '288 people who live outside the GeoNames settlements are spread by rule "stops": an equal share at every public-transport stop outside the settlements (Trafiklab stops 2022), gathered into 45 points of 1 km squares',
  "one parcel hub in Arjeplog, the kommun's largest place; parcels arrive there at 06:30 on weekdays",
  '2 electric vans of 120 parcels, 2.5 SEK/km, 450 SEK/h, 300 SEK a day, 20 g CO2/km, shift 07:00–16:00 (indicative costs of a 3.5 t van with driver)',
  'every candidate box: 40 compartments, 120,000 SEK to install, 18,000 SEK a year (indicative prices of outdoor parcel lockers with power and connectivity)',
  'a pickup point within 5 km for 90 % of people, at most 5 boxes, 250,000 SEK a year, 5 deliveries a week, no home delivery: a starting point for the kommun to change',
  'straight-line distances times the measured rural detour factor: no Swedish road extract is shipped',
  'none: no existing transport (bus line, library run, home care) is known to carry parcels; add them',
];

describe("init's stated assumptions", () => {
  it('carry a code and the figures of their sentence, which is unchanged', (ctx) => {
    if (!hasGeodata()) ctx.skip(SKIP_REASON);
    const s = initScenario({ kommun: 'Arjeplog' });
    expect(s.statedAssumptions.map((a) => a.statement)).toEqual(ARJEPLOG_BEFORE_CODES);
    expect(s.statedAssumptions.map((a) => a.code)).toEqual([
      'parcels_per_inhabitant',
      'settlements',
      'spread_rule',
      'hub',
      'vehicles',
      'box_costs',
      'policy',
      'travel_straight_line',
      'no_transports',
    ]);
    const settlements = s.statedAssumptions.find((a) => a.code === 'settlements');
    expect(settlements?.params).toEqual({
      count: 3,
      inSettlements: 2588,
      population2016: 2876,
      scale: 0.79,
      maxSharePercent: 90,
    });
  });

  it('carry codes on the SCB grid too (Malung-Sälen, Dalarna)', (ctx) => {
    if (!hasGeodata()) ctx.skip(SKIP_REASON);
    const s = initScenario({ kommun: 'Malung-Sälen' });
    expect(s.statedAssumptions.every((a) => a.code !== undefined && a.params !== undefined)).toBe(true);
    expect(s.statedAssumptions.find((a) => a.code === 'hub')?.params).toEqual({
      town: 'Malung',
      parcelsArriveAt: '06:30',
    });
  });

  it('stay English in a Swedish scenario, whose generated names are Swedish (Malung-Sälen, SCB grid)', (ctx) => {
    if (!hasGeodata()) ctx.skip(SKIP_REASON);
    const en = initScenario({ kommun: 'Malung-Sälen' });
    const sv = initScenario({ kommun: 'Malung-Sälen', lang: 'sv' });
    expect(sv.statedAssumptions).toEqual(en.statedAssumptions);
    expect(sv.name).toBe(
      'Malung-Sälens kommun (2023): paketutlämning i dag och paketskåp på verkliga platser',
    );
    expect(en.demand[0]!.name).toMatch(/^1 km square /);
    expect(sv.demand.map((d) => d.name)).toEqual(
      en.demand.map((d) => d.name!.replace('1 km square', '1 km-ruta')),
    );
    expect(sv.vehicles[0]!.name).toBe('Eldriven skåpbil (3,5 t)');
  });

  it('say when a kommun has fewer candidate sites than boxes allowed', () => {
    const policy = stated.policy({
      maxAccessDistanceM: 5000,
      targetCoveredShare: 0.9,
      maxBoxes: 5,
      candidateCount: 2,
      budgetPerYear: 250_000,
      deliveriesPerWeek: 5,
    });
    expect(policy.statement).toContain('at most 2 boxes (only 2 candidate sites)');
    expect(policy.params).toMatchObject({ maxBoxes: 2, candidateCount: 2 });
    expect(StatedAssumption.safeParse(policy).success).toBe(true);
  });

  it('name the refused settlements and their lines', () => {
    const refused = stated.settlementsRefused(
      [{ line: 80, name: 'Björklinge', reason: 'Björklinge lies more than 5 km outside kommun 0382' }],
      5000,
    );
    expect(refused.statement).toBe(
      'GeoNames rows refused (more than 5 km outside the kommun): line 80: Björklinge lies more than 5 km outside kommun 0382',
    );
    expect(refused.params).toEqual({ marginKm: 5, lines: [80], names: ['Björklinge'] });
  });
});
