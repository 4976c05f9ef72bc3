import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { AccessReport, Plan, type LonLat } from '@paketbygd/model';
import { renderAccessReport, renderPlanReport } from '../src/index';
import { buildPlan, loadScenario } from './fixtures';

const scenario = loadScenario();
const plain = buildPlan(scenario);

/** A square outline of `halfM` metres around a point, closed, as plan.accessAreas holds one. */
function squareAround([lon, lat]: LonLat, halfM: number): LonLat[] {
  const dLat = halfM / 111_320;
  const dLon = dLat / Math.cos((lat * Math.PI) / 180);
  return [
    [lon - dLon, lat - dLat],
    [lon + dLon, lat - dLat],
    [lon + dLon, lat + dLat],
    [lon - dLon, lat + dLat],
    [lon - dLon, lat - dLat],
  ];
}

/** The fixture plan as a road-graph plan would carry it: two main roads and an isochrone per point. */
const withRoads: Plan = Plan.parse({
  ...plain,
  travel: { backend: 'roadgraph', attribution: '© OpenStreetMap contributors (ODbL 1.0)' },
  baseRoads: [
    {
      coordinates: [
        [15.7, 59.0],
        [15.87, 59.04],
        [16.1, 59.05],
      ],
    },
    {
      coordinates: [
        [15.87, 59.04],
        [15.8, 59.13],
      ],
    },
  ],
  accessAreas: [
    ...scenario.pickupPoints.map((p) => ({
      pointId: p.id,
      kind: 'pickup' as const,
      limitM: 5000,
      outline: squareAround(p.location, 3000),
    })),
    ...plain.boxes.map((b) => ({
      pointId: b.siteId,
      kind: 'box' as const,
      limitM: 5000,
      outline: squareAround(b.location, 3000),
    })),
  ],
});

function mapOf(plan: Plan, lang: 'en' | 'sv' = 'en') {
  return parse(renderPlanReport({ scenario, plan, lang })).querySelector('figure.map-figure')!;
}

describe('the plan map draws the road graph layers', () => {
  it('puts the main roads right above the area, under every other layer', () => {
    const svg = mapOf(withRoads).querySelector('svg.map')!;
    const layer = svg.querySelector('[data-kind="base-roads"]')!;
    expect(layer).not.toBeNull();
    expect(layer.getAttribute('data-count')).toBe('2');
    // One move-to per road.
    expect(layer.querySelector('path')!.getAttribute('d')!.match(/M/g)).toHaveLength(2);
    const children = svg.childNodes.filter((n) => 'tagName' in n) as unknown as { classNames: string }[];
    const index = (cls: string) => children.findIndex((c) => c.classNames.split(' ').includes(cls));
    expect(index('base-roads')).toBe(index('area') + 1);
    for (const above of ['access-areas', 'carrier-routes', 'van-routes', 'demand', 'boxes', 'labels'])
      expect(index(above), above).toBeGreaterThan(index('base-roads'));
  });

  it('a plan without roads has no base layer', () => {
    expect(mapOf(plain).querySelector('[data-kind="base-roads"]')).toBeNull();
  });

  it('draws the road isochrones instead of rings, with a legend and a caption that say so', () => {
    const figure = mapOf(withRoads);
    expect(figure.querySelectorAll('[data-kind="area-before"]')).toHaveLength(scenario.pickupPoints.length);
    expect(figure.querySelectorAll('[data-kind="area-after"]')).toHaveLength(plain.boxes.length);
    expect(figure.querySelectorAll('circle[data-kind^="ring-"]')).toHaveLength(0);
    const legend = figure.querySelector('.legend')!.text;
    expect(legend).toContain('Within 5.0\u00a0km by road of a new box');
    expect(legend).toContain('Main road (50 km/h or more, OpenStreetMap)');
    expect(figure.querySelector('figcaption')!.text).toMatch(
      /Shaded areas show from where .* within 5.0\u00a0km by road/,
    );
    // The straight-line plan keeps its rings.
    expect(mapOf(plain).querySelectorAll('circle[data-kind="ring-after"]')).toHaveLength(plain.boxes.length);
  });

  it('words the layers in Swedish', () => {
    const figure = mapOf(withRoads, 'sv');
    const legend = figure.querySelector('.legend')!.text;
    expect(legend).toContain('Inom 5,0\u00a0km på väg till ett nytt paketskåp');
    expect(legend).toContain('Större väg');
  });
});

describe('the travel model on every report', () => {
  it('a road-graph plan says its distances and speeds are the roads', () => {
    const doc = parse(renderPlanReport({ scenario, plan: withRoads }));
    const line = doc.querySelector('header .travel-model')!;
    expect(line.getAttribute('data-backend')).toBe('roadgraph');
    expect(line.text).toMatch(/distances along the roads; speeds by road type \(motorway 90, primary 65/);
    const sv = parse(renderPlanReport({ scenario, plan: withRoads, lang: 'sv' }));
    expect(sv.querySelector('header .travel-model')!.text).toMatch(/avstånd längs vägarna/);
  });

  it('the access report prints it too', () => {
    const report = AccessReport.parse({
      kind: 'access',
      scenarioName: scenario.name,
      createdAt: '2026-12-03T00:00:00.000Z',
      travel: { backend: 'straightline' },
      accessLimit: { maxAccessDistanceM: 5000 },
      analysis: {
        pickupPointCount: 0,
        population: 9000,
        population65Plus: 2500,
        rankedBy: 'distance',
        nearest: { meanM: 4356, population: 9000 },
        secondNearest: { meanM: 14_150, population: 9000 },
        nearestOtherCarrier: { meanM: null, population: 0 },
        nearest65Plus: { meanM: 5100, population: 2500 },
        within: [{ distanceM: 5000, populationShare: 0.64, population65PlusShare: 0.6 }],
        withinLimitShare: 0.64,
        withinLimit65PlusShare: 0.6,
        unreachablePopulation: 0,
        closures: [],
        notes: [],
      },
      warnings: [],
    });
    const doc = parse(renderAccessReport(scenario, report));
    expect(doc.querySelector('header .travel-model')!.text).toMatch(
      /\(straightline\).*straight line × 1\.365/,
    );
  });
});
