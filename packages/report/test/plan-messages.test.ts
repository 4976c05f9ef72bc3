import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { PlanMessageCode, type PlanMessage } from '@paketbygd/model';
import { renderComparisonReport, renderPlanReport, withLang } from '../src/index';
import { Names } from '../src/lookup';
import { wordPlanMessage } from '../src/plan-messages';
import { buildComparison, buildPlan, loadScenario } from './fixtures';

const scenario = loadScenario();
const names = new Names(scenario);

/** One message of every code, with the Vingåker example's ids; `text` is what the planner would write. */
const EVERY: PlanMessage[] = [
  {
    code: 'travel_point',
    params: { point: 'box-lappe', message: '—' },
    text: 'travel: point "box-lappe": —',
  },
  {
    code: 'unreachable_today',
    params: { count: 2 },
    text: '2 demand points reach no existing pickup point today',
  },
  { code: 'no_candidate_sites', params: {}, text: 'the scenario has no candidate sites' },
  { code: 'max_boxes_zero', params: {}, text: 'policy.maxBoxes is 0: no box is placed' },
  { code: 'placement_infeasible', params: { notes: ['—'] }, text: 'placement: —' },
  {
    code: 'nearest_box_full',
    params: { count: 1, demand: ['geonames-2662830'], parcels: [1234.4], ofParcels: [2000] },
    text: 'the nearest box is full for 1 demand point: Vingåker (1234 of 2000)',
  },
  {
    code: 'detours_together_too_long',
    params: { route: 'library-run', detourMin: 17.25, limitMin: 15, site: 'box-lappe' },
    text: 'route "library-run": the boxes\' detours together (17.3 min) exceed 15 min',
  },
  {
    code: 'route_without_co2',
    params: { route: 'library-run' },
    text: 'route "library-run" has no co2GPerKm',
  },
  {
    code: 'loads_before_parcels',
    params: { route: 'library-run', loadsAt: '06:00', hub: 'hub-katrineholm', parcelsArriveAt: '06:30' },
    text: 'route "library-run" loads at 06:00, before parcels reach hub-katrineholm at 06:30',
  },
  { code: 'van_route_violation', params: { message: '—' }, text: 'van routes: —' },
  {
    code: 'box_unfilled',
    params: { site: 'box-lappe', reason: 'no_vehicle' },
    text: 'no van can fill box "box-lappe"',
  },
  { code: 'route_geometry_failed', params: { message: '—' }, text: 'route geometry: —' },
  {
    code: 'fewer_deliveries',
    params: { site: 'box-lappe', route: 'library-run', perWeek: 2, policyPerWeek: 5 },
    text: 'box "box-lappe" is filled by "library-run" 2 times a week, fewer than the policy\'s 5',
  },
  {
    code: 'coverage_short',
    params: { coveredShare: 0.8679, targetShare: 0.9 },
    text: 'coverage after is 86.8 % of the population, short of the target 90 %',
  },
  { code: 'placement_note', params: {}, text: 'a note of the placement package' },
  { code: 'any_site_may_get_box', params: {}, text: 'any candidate site may get a box' },
  { code: 'box_capacity', params: { dwellTimeDays: 1.5 }, text: 'a box takes c × 7 / 1.5 parcels a week' },
  { code: 'investment_spread', params: { years: 10 }, text: 'investment is spread over 10 years' },
  {
    code: 'household_trips',
    params: { parcelsPerTrip: 1.5, carShare: 0.8, carCo2GPerKm: 120 },
    text: 'households fetch 1.5 parcels a trip',
  },
  {
    code: 'same_parcels_each_day',
    params: { days: ['tue', 'thu'] },
    text: 'the van routes are the same on tue, thu',
  },
  {
    code: 'van_service_times',
    params: { boxS: 300, doorSPerParcel: 90 },
    text: 'a van spends 300 s at a box',
  },
  {
    code: 'carrier_assignment',
    params: { method: 'greedy' },
    text: 'carriers are assigned by greedy improvement',
  },
  {
    code: 'cost_per_parcel',
    params: {},
    text: 'cost per parcel is the weekly cost over the parcels delivered',
  },
  { code: 'home_delivery_covered', params: {}, text: 'home-delivered households count as covered' },
  {
    code: 'transfer_times',
    params: { defaultMin: 10, routes: ['library-run'], stops: ['Loholm'], minutes: [12.5] },
    text: 'a line that passes no hub is loaded at a transfer stop',
  },
  {
    code: 'departure_room_default',
    params: {},
    text: "a departure without its own spareCapacityParcels has the transport's spare room",
  },
];

/** Words of an English sentence that a Swedish one does not have; names (quoted ”…”) and the test's "—" aside. */
const ENGLISH =
  /\b(the|of|is|are|an|by|at|to|and|box|boxes|vans?|parcels?|coverage|target|routes?|week|households?|fetch|policy|today|trips?|without|over)\b/i;

describe('the planner’s messages in the report’s language', () => {
  it('has a message above for every code the plan model knows', () => {
    expect(EVERY.map((m) => m.code).sort()).toEqual([...PlanMessageCode.options].sort());
  });

  it('words every code in Swedish, with Swedish numbers and names for ids', () => {
    for (const message of EVERY.filter((m) => m.code !== 'placement_note')) {
      const sv = withLang('sv', () => wordPlanMessage(message, names));
      const en = withLang('en', () => wordPlanMessage(message, names));
      expect(sv, message.code).not.toEqual(en);
      expect(sv.replace(/”[^”]*”/g, ''), `${message.code}: ${sv}`).not.toMatch(ENGLISH);
    }
    const sv = (code: string) =>
      withLang('sv', () =>
        wordPlanMessage(
          EVERY.find((m) => m.code === code)!,
          names,
        ),
      );
    expect(sv('coverage_short')).toBe(
      'täckningen efter är 86,8\u00a0% av befolkningen, under målet 90\u00a0%',
    );
    expect(sv('nearest_box_full')).toContain('Vingåker (1\u00a0234 av 2\u00a0000)');
    expect(sv('box_unfilled')).toBe(
      'ingen bil kan fylla paketskåpet ”Läppe” (scenariot har inga bilar): hushållen hämtar sina paket där de gör i dag',
    );
    expect(sv('same_parcels_each_day')).toContain('tisdag och torsdag');
    expect(sv('transfer_times')).toContain('vid Loholm (13 min)');
    expect(sv('detours_together_too_long')).toContain('(17\u00a0min) överstiger 15\u00a0min');
  });

  it('keeps the placement package’s English note as it is, marked as English in a Swedish report', () => {
    const note = EVERY.find((m) => m.code === 'placement_note')!;
    expect(withLang('sv', () => wordPlanMessage(note, names))).toBe(note.text);
  });

  it('ranks a plan’s warnings by code: an unfilled box before a full one, none marked English in Swedish', () => {
    const warnings = ['nearest_box_full', 'fewer_deliveries', 'box_unfilled', 'coverage_short'].map((code) =>
      EVERY.find((m) => m.code === code)!,
    );
    const plan = {
      ...buildPlan(scenario),
      warnings: warnings.map((w) => w.text),
      messages: { warnings, assumptions: [] },
    };
    const doc = parse(renderPlanReport({ scenario, plan, lang: 'sv' }));
    const items = doc.querySelectorAll('section.warnings li');
    // The fixture's plan costs more than its budget: the report's own warning (rank 3) comes first.
    expect(items.map((li) => li.getAttribute('data-rank'))).toEqual(['3', '4', '5', '7', '8']);
    expect(items[0]!.text).toContain('budgeten');
    expect(items[1]!.text).toContain('ingen bil kan fylla paketskåpet ”Läppe”');
    expect(doc.querySelectorAll('section.warnings li[lang="en"]')).toHaveLength(0);
    // Each is repeated at the head of the section whose figures it qualifies.
    expect(doc.querySelector('section#boxes .section-warnings')!.text).toContain('paketskåpet ”Läppe”');
    expect(doc.querySelector('section#carriers .section-warnings')!.text).toContain('2 gånger i veckan');
  });

  it('words each entry’s plan warnings in a Swedish comparison, under the entry’s label', () => {
    const base = buildComparison();
    const entry = base.entries.find((e) => e.kind === 'bid')!;
    const unfilled = EVERY.find((m) => m.code === 'box_unfilled')!;
    const comparison = {
      ...base,
      entries: base.entries.map((e) => (e.id === entry.id ? { ...e, planWarnings: [unfilled] } : e)),
      warnings: [...base.warnings, `${entry.label}: ${unfilled.text}`],
    };
    const html = renderComparisonReport({ scenario, comparison, lang: 'sv' });
    const group = parse(html)
      .querySelectorAll('.warnings li')
      .find((li) => li.querySelector('strong')?.text === entry.label)!;
    expect(group.text).toContain('ingen bil kan fylla paketskåpet ”Läppe”');
    expect(html).not.toContain(unfilled.text);
  });
});
