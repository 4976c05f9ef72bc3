import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { Plan, type LonLat } from '@paketbygd/model';
import { renderPlanReport } from '../src/index';
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
