import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { Scenario, StatedAssumptionCode, type StatedAssumption } from '@paketbygd/model';
import { renderPlanReport, withLang } from '../src/index';
import { wordStatedAssumption } from '../src/stated-assumptions';
import { buildPlan, loadScenario } from './fixtures';

// Arjeplog as `init --gtfs` makes it (the GTFS codes, and every init code but three), and those three.
const arjeplog = Scenario.parse(
  JSON.parse(
    readFileSync(
      join(import.meta.dirname, '..', '..', '..', 'examples', 'arjeplog', 'scenario.json'),
      'utf8',
    ),
  ),
);
const RARE: StatedAssumption[] = [
  {
    subject: 'pickupPoints',
    statement:
      '1 listed for this kommun lie more than 5 km outside its simplified boundary and are left out: Coop, Storgatan 1',
    code: 'points_left_out',
    params: { what: 'pickupPoints', count: 1, limitKm: 5, names: ['Coop, Storgatan 1'] },
  },
  {
    subject: 'demand',
    statement:
      'GeoNames rows refused (more than 5 km outside the kommun): line 80: Björklinge lies more than 5 km outside kommun 0382',
    code: 'settlements_refused',
    params: { marginKm: 5, lines: [80], names: ['Björklinge'] },
  },
  {
    subject: 'transportRoutes',
    statement:
      'none: no existing transport (bus line, library run, home care) is known to carry parcels; add them',
    code: 'no_transports',
    params: {},
  },
];
const EVERY = [...arjeplog.statedAssumptions, ...RARE];
const byCode = (code: string) => EVERY.find((a) => a.code === code)!;

/** Words of an English sentence that a Swedish one does not have (the rule's name "stops" aside). */
const ENGLISH =
  /\b(the|of|is|are|an|by|at|to|and|box|boxes|vans?|parcels?|people|week|day|year|lines?|left|settlements?|trip|assumption)\b/i;

/**
 * The English statement and its worded form differ only in typography: CO₂, curly quotes, no-break
 * spaces, and metres grouped as every other figure is ("1,500 m").
 */
const plain = (text: string) =>
  text
    .replace(/\u00a0/g, ' ')
    .replace(/CO₂/g, 'CO2')
    .replace(/[“”]/g, '"')
    .replace(/(\d),(\d{3} m\b)/g, '$1$2');

describe('a stated assumption in the report’s language', () => {
  it('has an example above for every code the scenario model knows', () => {
    expect([...new Set(EVERY.map((a) => a.code))].sort()).toEqual([...StatedAssumptionCode.options].sort());
  });

  it('words every code in Swedish, subject, statement and measured error, with Swedish numbers', () => {
    for (const a of EVERY) {
      const sv = withLang('sv', () => wordStatedAssumption(a));
      const text = `${sv.subject}: ${sv.statement} ${sv.measuredError ?? ''}`.replace(/”[^”]*”/g, '');
      expect(sv.inLanguage).toBe(true);
      expect(text, `${a.code}: ${text}`).not.toMatch(ENGLISH);
    }
    const sv = (code: string) => withLang('sv', () => wordStatedAssumption(byCode(code)));
    expect(sv('parcels_per_inhabitant').statement).toMatch(
      /^14,57 paket per invånare och år: kommunens B2C- och C2X-paket 2020 \(41\u00a0910\)/,
    );
    expect(sv('hub').statement).toBe(
      'en paketterminal i Arjeplog, kommunens största ort; paketen kommer dit kl. 06:30 på vardagar',
    );
    expect(sv('vehicles').statement).toContain('2,5\u00a0SEK/km');
    expect(sv('travel_straight_line').statement).toContain('fågelvägen gånger den uppmätta omvägsfaktorn');
    expect(sv('spread_rule').measuredError).toContain('5,3 / 2,8 / 1,8 procentenheter');
    expect(sv('points_left_out').subject).toBe('Dagens utlämningsställen');
    expect(sv('settlements_refused').statement).toContain('rad 80: Björklinge');
    expect(sv('gtfs_bus_loading').statement).toContain('inom 1\u00a0500\u00a0m');
  });

  it('words every code in English as the English statement says it', () => {
    for (const a of EVERY.filter((x) => x.code !== 'settlements_refused')) {
      const en = withLang('en', () => wordStatedAssumption(a));
      expect(plain(en.statement), a.code).toBe(a.statement);
      if (a.measuredError) expect(plain(en.measuredError ?? '')).toBe(a.measuredError);
    }
    // The English reason names the kommun; the worded row names the place.
    expect(withLang('en', () => wordStatedAssumption(byCode('settlements_refused'))).statement).toBe(
      'GeoNames rows refused (more than 5\u00a0km outside the kommun): line 80: Björklinge',
    );
  });

  it('leaves an assumption without a code as it was written', () => {
    const handWritten = { subject: 'hubs', statement: 'one parcel hub in Vingåker' };
    expect(withLang('sv', () => wordStatedAssumption(handWritten))).toEqual({
      ...handWritten,
      inLanguage: false,
    });
  });
});

describe('the plan report’s stated assumptions', () => {
  const scenario = loadScenario();
  const plan = buildPlan(scenario);
  const stated = [byCode('hub'), { subject: 'demand', statement: 'counted at the church' }];
  const items = (lang: 'sv' | 'en') =>
    parse(renderPlanReport({ scenario: { ...scenario, statedAssumptions: stated }, plan, lang }))
      .querySelector('#assumptions')!
      .querySelector('ul')!
      .querySelectorAll('li');

  it('are in Swedish in a Swedish report, but for one written by hand, marked English', () => {
    const [hub, church] = items('sv');
    expect(hub!.text.replace(/\s+/g, ' ').trim()).toBe(
      'Paketterminal: en paketterminal i Arjeplog, kommunens största ort; paketen kommer dit kl. 06:30 på vardagar',
    );
    expect(hub!.getAttribute('lang')).toBeUndefined();
    expect(church!.getAttribute('lang')).toBe('en');
    expect(church!.text).toContain('demand: counted at the church');
  });

  it('are in English in an English report', () => {
    const [hub] = items('en');
    expect(hub!.text.replace(/\s+/g, ' ').trim()).toBe(
      "Parcel hub: one parcel hub in Arjeplog, the kommun's largest place; parcels arrive there at 06:30 on weekdays",
    );
  });
});
