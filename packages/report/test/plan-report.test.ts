import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { Plan, ROAD_DETOUR_FACTOR } from '@paketbygd/model';
import { renderPlanReport } from '../src/index';
import { formatKm, formatMoney, formatShare, NBSP } from '../src/format';
import { buildPlan, loadScenario } from './fixtures';
import { externalLoads } from './html-checks';

const scenario = loadScenario();
const plan = buildPlan(scenario);
const out = renderPlanReport({ scenario, plan });
/** Demand ids of the Vingåker example: the town (GeoNames) and the 1 km square at Marmorbyn's stops. */
const TOWN = 'geonames-2662830';
const MARMORBYN = 'spread-4';
const doc = parse(out);
const map = () => doc.querySelector('svg.map')!;

describe('renderPlanReport', () => {
  it('uses a fixture the model accepts', () => {
    expect(() => Plan.parse(plan)).not.toThrow();
  });

  it('is a complete HTML document with a title, a charset and one h1', () => {
    expect(out.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(out.trimEnd().endsWith('</html>')).toBe(true);
    expect(doc.querySelector('html')!.getAttribute('lang')).toBe('en');
    expect(doc.querySelector('meta[charset]')!.getAttribute('charset')).toBe('utf-8');
    expect(doc.querySelector('title')!.text).toContain(scenario.name);
    expect(doc.querySelectorAll('h1')).toHaveLength(1);
    expect(doc.querySelector('h1')!.text).toContain(scenario.name);
    expect(doc.querySelector('body main')).not.toBeNull();
  });

  it('loads nothing from the network, and forbids it', () => {
    expect(externalLoads(doc)).toEqual([]);
    expect(out).not.toMatch(/<script/i);
    expect(out).not.toMatch(/<link\b/i);
    const csp = doc.querySelector('meta[http-equiv="Content-Security-Policy"]')!.getAttribute('content')!;
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain('img-src data:');
    expect(csp).not.toMatch(/https?:/);
  });

  it('the detector of external loads does find one', () => {
    expect(
      externalLoads(
        parse(
          '<img src="https://example.org/a.png"><svg><image href="//tile.example/1.png"/></svg><a href="https://ok.example">ok</a>',
        ),
      ),
    ).toHaveLength(2);
  });

  it('names every opened box and says what fills it', () => {
    const rows = doc.querySelectorAll('table.boxes tbody tr');
    expect(rows).toHaveLength(plan.boxes.length);
    for (const box of plan.boxes) {
      const row = rows.find((r) => r.getAttribute('data-id') === box.siteId)!;
      expect(row.text).toContain(box.name!);
      if (box.filledBy.kind === 'carrier') {
        const route = scenario.transportRoutes.find(
          (r) => r.id === (box.filledBy as { routeId: string }).routeId,
        )!;
        expect(row.text).toContain(route.name!);
        expect(row.text).toContain(`${formatMoney(box.filledBy.costPerWeek, 'SEK')}/week`);
      } else {
        expect(row.text).toContain('Electric van (3.5 t)');
      }
    }
  });

  it('draws one circle per demand point, one symbol per box, one path per route', () => {
    const svg = map();
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.querySelector('title')!.text.length).toBeGreaterThan(0);
    expect(svg.querySelector('desc')!.text).toContain(`${scenario.demand.length} demand points`);
    const demand = svg.querySelectorAll('[data-kind="demand"]');
    expect(demand.map((d) => d.getAttribute('data-id')).sort()).toEqual(
      scenario.demand.map((d) => d.id).sort(),
    );
    expect(demand.every((d) => d.tagName.toLowerCase() === 'circle')).toBe(true);
    const boxes = svg.querySelectorAll('[data-kind="box"]');
    expect(boxes.map((b) => b.getAttribute('data-id')).sort()).toEqual(
      plan.boxes.map((b) => b.siteId).sort(),
    );
    expect(svg.querySelectorAll('path[data-kind="van-route"]')).toHaveLength(plan.vanRoutes.length);
    expect(
      svg.querySelectorAll('path[data-kind="carrier-route"]').map((p) => p.getAttribute('data-id')),
    ).toEqual(plan.carrierRoutes.map((r) => r.routeId));
    expect(svg.querySelectorAll('[data-kind="pickup"]')).toHaveLength(scenario.pickupPoints.length);
    expect(svg.querySelectorAll('[data-kind="candidate"]')).toHaveLength(
      scenario.candidateSites.length - plan.boxes.length,
    );
  });

  it('lists a route that differs on one day separately, in its own colour', () => {
    const routes = plan.vanRoutes.map((r) =>
      r.day === 'wed' ? { ...r, stops: r.stops.map((x) => ({ ...x, arrivalS: x.arrivalS + 3600 })) } : r,
    );
    const parsed = parse(renderPlanReport({ scenario, plan: { ...plan, vanRoutes: routes } }));
    const blocks = parsed.querySelectorAll('#vans .route-block');
    expect(blocks.map((b) => b.getAttribute('data-days'))).toEqual(['mon tue thu fri', 'wed']);
    const colours = parsed
      .querySelectorAll('path[data-kind="van-route"]')
      .map((p) => p.getAttribute('stroke'));
    expect(new Set(colours).size).toBe(2);
    expect(parsed.querySelector('.legend')!.text).toContain('Van: Electric van (3.5 t), Wed');
  });

  it('labels every box on the map', () => {
    const labels = map()
      .querySelectorAll('.labels text')
      .map((t) => t.text);
    for (const b of plan.boxes) expect(labels).toContain(b.name);
  });

  it('sizes demand circles by the square root of population', () => {
    const r = (id: string) =>
      Number(map().querySelector(`[data-id="${id}"][data-kind="demand"]`)!.getAttribute('r'));
    // Vingåker town has 4548 people (GeoNames), the square at Marmorbyn's stops 126.6: radii in the ratio sqrt(4548 / 126.6) ≈ 5.99.
    expect(r(TOWN) / r(MARMORBYN)).toBeCloseTo(Math.sqrt(4548 / 126.6), 1);
  });

  it('colours demand points by coverage before and after', () => {
    const status = (id: string) =>
      map().querySelector(`[data-id="${id}"][data-kind="demand"]`)!.getAttribute('data-status');
    expect(status(TOWN)).toBe('covered_before');
    expect(status(MARMORBYN)).toBe('newly_covered');
    const lost = plan.access.find((a) => !a.after.covered)!;
    expect(status(lost.demandId)).toBe('not_covered');
  });

  it('draws access rings of the right radius and a scale bar', () => {
    const svg = map();
    const pxPerM = Number(svg.getAttribute('data-px-per-m'));
    const ring = svg.querySelector('[data-kind="ring-after"]')!;
    // The access limit by road over the scenario's detour factor (or the model's rural median).
    const detour = scenario.travel.detourFactor ?? ROAD_DETOUR_FACTOR;
    expect(Number(ring.getAttribute('r'))).toBeCloseTo((5000 / detour) * pxPerM, 0);
    expect(svg.querySelectorAll('[data-kind="ring-before"]')).toHaveLength(scenario.pickupPoints.length);
    const scale = svg.querySelector('[data-kind="scale-bar"]')!;
    expect(scale.text).toMatch(/\d+\u00a0km/);
    // Projection is true to scale: Vingåker town to Marmorbyn's stops is about 11.2 km east.
    const c = (id: string) => map().querySelector(`[data-id="${id}"][data-kind="demand"]`)!;
    const dx = Number(c(MARMORBYN).getAttribute('cx')) - Number(c(TOWN).getAttribute('cx'));
    expect(dx / pxPerM / 1000).toBeCloseTo(11.2, 0);
  });

  it('shows KPI values before and after, in English with English numbers', () => {
    const { before, after } = plan.kpis;
    const card = (id: string) => doc.querySelector(`[data-kpi="${id}"]`)!.text;
    expect(card('covered-population')).toContain(formatShare(after.access.coveredPopulationShare));
    expect(card('covered-population')).toContain(formatShare(before.access.coveredPopulationShare));
    expect(card('mean-access')).toContain(formatKm(after.access.meanAccessDistanceM));
    expect(card('cost-week')).toContain(formatMoney(after.costPerWeek.total, 'SEK'));
    expect(formatMoney(after.costPerWeek.total, 'SEK')).toMatch(new RegExp(`^\\d{1,3},\\d{3}${NBSP}SEK$`));
    expect(card('covered-population')).toMatch(/\d+\.\d\u00a0%/);
    expect(card('cost-parcel')).toMatch(/\d+\.\d\u00a0SEK/);
    expect(card('co2-week')).toContain('household trips');
  });

  it('in Swedish: Swedish words, space thousands and a decimal comma, lang="sv"', () => {
    const sv = parse(renderPlanReport({ scenario, plan, lang: 'sv' }));
    expect(sv.querySelector('html')!.getAttribute('lang')).toBe('sv');
    expect(sv.querySelector('h1')!.text).toContain('Plan för paketleveranser');
    const card = (id: string) => sv.querySelector(`[data-kpi="${id}"]`)!.text;
    expect(card('cost-week')).toMatch(new RegExp(`\\d{1,3}${NBSP}\\d{3}${NBSP}SEK`));
    expect(card('covered-population')).toMatch(/\d+,\d\u00a0%/);
    expect(card('covered-population')).toContain('Befolkning inom 5,0');
    expect(card('co2-week')).toContain('hushållens resor');
    expect(sv.querySelector('#boxes')!.text).toContain('Fylls av');
    expect(sv.querySelector('.legend-title')!.text).toBe('Teckenförklaring');
    // No English number format is left in the Swedish figures (a comma between digit groups);
    // the data sources are the scenario's own words and are left as written.
    const figures = ['.summary', '#key-figures', '#boxes', '#vans', '#carriers', '#charts', '#gains']
      .map((sel) => sv.querySelector(sel)!.text)
      .join(' ');
    expect(figures).toMatch(/\d,\d/);
    expect(figures).not.toMatch(/\d,\d{3}\b(?!\d)/);
  });

  it('lists the van stops with HH:MM arrivals and the carrier stops with boxes inserted', () => {
    const first = plan.vanRoutes[0]!;
    const h = Math.floor(first.stops[1]!.arrivalS / 3600);
    expect(doc.querySelector('#vans')!.text).toMatch(new RegExp(`${String(h).padStart(2, '0')}:\\d\\d`));
    // The fixture's van drives the same route Monday to Friday: one stop list, with its days.
    const blocks = doc.querySelectorAll('#vans .route-block');
    expect(blocks).toHaveLength(1);
    expect(blocks[0]!.getAttribute('data-days')).toBe('mon tue wed thu fri');
    expect(doc.querySelectorAll('table.vans tbody tr')).toHaveLength(plan.vanRoutes.length);
    const carriers = doc.querySelector('#carriers')!.text;
    expect(carriers).toContain('07:55');
    expect(carriers.match(/box inserted/g)).toHaveLength(
      plan.carrierRoutes.reduce((s, r) => s + r.stops.filter((x) => x.boxSiteId).length, 0),
    );
  });

  it('reports unserved parcels with a reason, warnings, placement gap, assumptions and sources', () => {
    expect(doc.querySelector('table.unserved')!.text).toContain('No pickup point within the access limit');
    expect(doc.querySelector('.warnings')!.text).toContain(plan.warnings[0]!);
    expect(doc.querySelector('#placement')!.text).toContain('proven gap 0');
    const assumptions = doc.querySelector('#assumptions')!.text;
    for (const a of plan.assumptions) expect(assumptions).toContain(a);
    expect(assumptions).toContain(`120${NBSP}g CO₂/km`);
    const sources = doc.querySelector('#sources')!.text;
    for (const s of scenario.sources) expect(sources).toContain(s.title);
    expect(sources).not.toContain('OpenStreetMap contributors');
  });

  it('credits OpenStreetMap when distances come from road data', () => {
    const osm = parse(
      renderPlanReport({
        scenario,
        plan: { ...plan, travel: { backend: 'osrm', attribution: 'Routing: OSRM' } },
      }),
    );
    const sources = osm.querySelector('#sources')!.text;
    expect(sources).toContain('© OpenStreetMap contributors');
    expect(sources).toContain('Routing: OSRM');
  });

  it('has charts that are accessible images', () => {
    const charts = doc.querySelectorAll('figure.chart svg');
    expect(charts.length).toBeGreaterThanOrEqual(4);
    for (const c of charts) {
      expect(c.getAttribute('role')).toBe('img');
      const ids = c.getAttribute('aria-labelledby')!.split(' ');
      for (const id of ids) expect(doc.getElementById(id)).not.toBeNull();
    }
    // The cost chart stacks the four parts of the weekly cost.
    expect(doc.querySelectorAll('#chart-cost-title')).toHaveLength(1);
    expect(doc.querySelector('#chart-cost-desc')!.text).toContain(
      formatMoney(plan.kpis.after.costPerWeek.vans, 'SEK'),
    );
  });

  it('gives every table header cell a scope', () => {
    const ths = doc.querySelectorAll('table th');
    expect(ths.length).toBeGreaterThan(20);
    expect(ths.filter((th) => !th.getAttribute('scope'))).toEqual([]);
  });

  it('escapes names from the scenario', () => {
    const evil = '<script>alert("x")</script>';
    const hostile = {
      ...scenario,
      name: `Vingåker ${evil}`,
      demand: scenario.demand.map((d, i) => (i === 1 ? { ...d, name: `Högsjö ${evil}` } : d)),
      sources: [...scenario.sources, { title: `Notes ${evil}`, url: 'javascript:alert(1)' }],
    };
    const hostilePlan = {
      ...plan,
      boxes: plan.boxes.map((b, i) => (i === 0 ? { ...b, name: `Läppe "hall" ${evil}` } : b)),
      warnings: [`${evil} warning`],
    };
    const html = renderPlanReport({ scenario: hostile, plan: hostilePlan });
    expect(html).not.toContain('<script');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).not.toMatch(/href="javascript:/i);
    const parsed = parse(html);
    expect(parsed.querySelectorAll('script')).toHaveLength(0);
    expect(parsed.querySelector('table.boxes')!.text).toContain(`Läppe "hall" ${evil}`);
  });

  it('draws tiles only when a tile URL is given, and allows only that origin', () => {
    const withTiles = renderPlanReport({
      scenario,
      plan,
      tileUrl: 'https://tile.example.org/{z}/{x}/{y}.png',
    });
    const parsed = parse(withTiles);
    const images = parsed.querySelectorAll('image');
    expect(images.length).toBeGreaterThan(0);
    expect(images.length).toBeLessThanOrEqual(64);
    expect(
      images.every((i) => /^https:\/\/tile\.example\.org\/\d+\/\d+\/\d+\.png$/.test(i.getAttribute('href')!)),
    ).toBe(true);
    const csp = parsed.querySelector('meta[http-equiv="Content-Security-Policy"]')!.getAttribute('content')!;
    expect(csp).toContain('img-src data: https://tile.example.org');
    expect(parsed.querySelectorAll('[data-kind="demand"]')).toHaveLength(scenario.demand.length);
    expect(doc.querySelectorAll('image')).toHaveLength(0);
  });

  it('renders a plan with no boxes and no routes', () => {
    const empty = { ...plan, boxes: [], carrierRoutes: [], vanRoutes: [], unserved: [], warnings: [] };
    const unbudgeted = { ...scenario, policy: { ...scenario.policy, budgetPerYear: undefined } };
    const parsed = parse(renderPlanReport({ scenario: unbudgeted, plan: empty }));
    expect(parsed.querySelectorAll('[data-kind="box"]')).toHaveLength(0);
    expect(parsed.querySelector('#boxes')!.text).toContain('No box is opened');
    expect(parsed.querySelector('#unserved')!.text).toContain('Every parcel is accounted for');
    expect(parsed.querySelector('.warnings') === null).toBe(true);
  });
});

describe('renderPlanReport on other scenario shapes', () => {
  it('handles a time limit instead of a distance, and a MultiPolygon area', () => {
    const ring = scenario.area.type === 'Polygon' ? scenario.area.coordinates : [];
    const shifted = ring.map((r) => r.map(([lon, lat]) => [lon + 0.5, lat] as [number, number]));
    const timed = {
      ...scenario,
      area: { type: 'MultiPolygon' as const, coordinates: [ring, shifted] },
      policy: { ...scenario.policy, maxAccessDistanceM: undefined, maxAccessDurationMin: 10 },
    };
    const parsed = parse(renderPlanReport({ scenario: timed, plan }));
    expect(parsed.querySelectorAll('[data-kind^="ring-"]')).toHaveLength(0);
    expect(parsed.querySelector('[data-kpi="covered-population"] h3')!.text).toBe(
      `Population within 10${NBSP}min`,
    );
    expect(parsed.querySelector('path.area')!.getAttribute('d')!.match(/Z/g)).toHaveLength(2);
  });

  it('names a box at a bidder’s own site from the plan, and ignores a tile URL without placeholders', () => {
    const own = {
      ...plan,
      boxes: plan.boxes.map((b, i) =>
        i === 0 ? { ...b, siteId: 'regionbuss-vingaker-station', name: 'Vingåker station bus stop' } : b,
      ),
    };
    const parsed = parse(
      renderPlanReport({ scenario, plan: own, tileUrl: 'https://tiles.example.org/map.png' }),
    );
    expect(parsed.querySelector('table.boxes tr[data-id="regionbuss-vingaker-station"]')!.text).toContain(
      'Vingåker station bus stop',
    );
    expect(parsed.querySelectorAll('image')).toHaveLength(0);
    expect(parsed.querySelector('#map')!.text).toContain('no background is drawn');
    expect(externalLoads(parsed)).toEqual([]);
  });

  it('accepts tiles beside the report, refuses other schemes', () => {
    const local = parse(renderPlanReport({ scenario, plan, tileUrl: 'tiles/{z}/{x}/{y}.png' }));
    expect(local.querySelectorAll('image').length).toBeGreaterThan(0);
    expect(
      local.querySelector('meta[http-equiv="Content-Security-Policy"]')!.getAttribute('content'),
    ).toContain("img-src data: 'self'");
    const evil = parse(renderPlanReport({ scenario, plan, tileUrl: 'javascript:alert(1)//{z}/{x}/{y}' }));
    expect(evil.querySelectorAll('image')).toHaveLength(0);
    expect(evil.querySelector('meta[http-equiv="Content-Security-Policy"]')!.getAttribute('content')).toBe(
      "default-src 'none'; style-src 'unsafe-inline'; img-src data:",
    );
  });
});

describe('renderPlanReport with many places', () => {
  it('lists the 40 largest places that gain and sums the rest', () => {
    const demand = Array.from({ length: 120 }, (_, i) => ({
      ...scenario.demand[1]!,
      id: `cell-${i}`,
      name: `Cell ${i}`,
      population: 1000 - i,
    }));
    const access = demand.map((d) => ({
      ...plan.access.find((a) => a.demandId === MARMORBYN)!,
      demandId: d.id,
      population: d.population!,
    }));
    const parsed = parse(renderPlanReport({ scenario: { ...scenario, demand }, plan: { ...plan, access } }));
    const rows = parsed.querySelectorAll('table.gains tbody tr');
    expect(rows).toHaveLength(41);
    expect(rows[0]!.text).toContain('Cell 0');
    expect(rows[40]!.querySelector('th')!.text).toBe('80 smaller places');
    expect(parsed.querySelectorAll('[data-kind="demand"]')).toHaveLength(120);
  });
});

describe('renderPlanReport and the scenario’s stated assumptions', () => {
  it('lists what the scenario assumes, with a measured error where it has one', () => {
    const stated = [
      { subject: 'hubs', statement: 'one parcel hub in Vingåker' },
      {
        subject: 'demand (people outside settlements)',
        statement: 'spread over stops',
        measuredError: 'off by 2.8 percentage points at 5 km',
      },
    ];
    const parsed = parse(renderPlanReport({ scenario: { ...scenario, statedAssumptions: stated }, plan }));
    const text = parsed.querySelector('#assumptions')!.text;
    expect(text).toContain('Stated by the scenario');
    expect(text).toContain('hubs: one parcel hub in Vingåker');
    expect(text).toContain('Measured error: off by 2.8 percentage points at 5 km');
  });
});
