import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { haversineM, type LonLat, type Plan, type Scenario } from '@paketbygd/model';
import { createTravelCosts, type TravelCosts } from '@paketbygd/travel';
import pointToPolygonDistance from '@turf/point-to-polygon-distance';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { plan } from '../src';
import { lineScenario } from './stages/fixture';

/** The shared extracts: $PAKETBYGD_DATA (a checkout in a deeper worktree), else ../shared/geodata. */
const OSM_FILE = join(
  process.env.PAKETBYGD_DATA ?? join(import.meta.dirname, '..', '..', '..', '..', 'shared', 'geodata'),
  'osm',
  'liechtenstein-latest.osm.pbf',
);
const SKIP_REASON = `no OSM extract at ${OSM_FILE} (set PAKETBYGD_DATA to the geodata folder)`;

const VADUZ: LonLat = [9.5209, 47.141];
const SCHAAN: LonLat = [9.5095, 47.165];
const TRIESEN: LonLat = [9.5285, 47.107];
const BALZERS: LonLat = [9.496, 47.066];
const ESCHEN: LonLat = [9.522, 47.211];
/** The area: a box around the valley from Balzers to Eschen. */
const BBOX: [number, number, number, number] = [9.47, 47.05, 9.56, 47.22];

/** The line fixture moved onto Liechtenstein's roads: a shop in Schaan, boxes possible in Triesen and Balzers. */
function liechtenstein(backend: 'roadgraph' | 'straightline'): Scenario {
  return lineScenario((s) => {
    const [w, so, e, n] = BBOX;
    s.name = 'Liechtenstein valley';
    s.area = {
      type: 'Polygon',
      coordinates: [
        [
          [w, so],
          [e, so],
          [e, n],
          [w, n],
          [w, so],
        ],
      ],
    };
    s.travel = backend === 'roadgraph' ? { backend, osmFile: OSM_FILE } : { backend };
    s.policy = { maxAccessDistanceM: 3000, deliveriesPerWeek: 5 };
    s.hubs![0]!.location = VADUZ;
    s.pickupPoints = [{ id: 'shop', location: SCHAAN, kind: 'parcel_agent' }];
    s.demand = [
      { id: 'vaduz', name: 'Vaduz', location: VADUZ, population: 500, parcelsPerWeek: 5 },
      { id: 'eschen', name: 'Eschen', location: ESCHEN, population: 300, parcelsPerWeek: 5 },
      { id: 'triesen', name: 'Triesen', location: TRIESEN, population: 200, parcelsPerWeek: 8 },
      { id: 'balzers', name: 'Balzers', location: BALZERS, population: 200, parcelsPerWeek: 8 },
    ];
    s.candidateSites![0]!.location = TRIESEN;
    s.candidateSites![1]!.location = BALZERS;
    s.transportRoutes = [];
  });
}

describe('a plan on the Liechtenstein road graph draws its own base map and road isochrones', () => {
  let travel: TravelCosts;
  let scenario: Scenario;
  let result: Plan;
  beforeEach((ctx) => {
    if (!existsSync(OSM_FILE)) ctx.skip(SKIP_REASON);
  });
  beforeAll(async () => {
    if (!existsSync(OSM_FILE)) return;
    scenario = liechtenstein('roadgraph');
    travel = createTravelCosts(scenario.travel, { graphCacheDir: false });
    result = await plan(scenario, { travel, timeLimitS: 2, now: new Date('2026-12-03T00:00:00Z') });
  }, 120_000);

  it('baseRoads: main-road polylines inside the area bounding box, small in plan.json', () => {
    const roads = result.baseRoads ?? [];
    expect(roads.length).toBeGreaterThan(20);
    for (const road of roads) {
      expect(Object.keys(road)).toEqual(['coordinates']);
      for (const [lon, lat] of road.coordinates) {
        expect(lon).toBeGreaterThanOrEqual(BBOX[0] - 1e-5);
        expect(lon).toBeLessThanOrEqual(BBOX[2] + 1e-5);
        expect(lat).toBeGreaterThanOrEqual(BBOX[1] - 1e-5);
        expect(lat).toBeLessThanOrEqual(BBOX[3] + 1e-5);
      }
    }
    expect(JSON.stringify(roads).length).toBeLessThan(20_000);
  });

  it('accessAreas: one road isochrone per pickup point and box, agreeing with the coverage', () => {
    const areas = result.accessAreas ?? [];
    const expected = ['pickup:shop', ...result.boxes.map((b) => `box:${b.siteId}`)];
    expect(areas.map((a) => `${a.kind}:${a.pointId}`)).toEqual(expected);
    const shopArea = areas.find((a) => a.pointId === 'shop')!;
    expect(shopArea.limitM).toBe(3000);
    const polygon = { type: 'Polygon' as const, coordinates: [shopArea.outline] };
    // Vaduz is within 3 km of Schaan by road; Balzers (13 km) is not.
    const vaduz = result.access.find((a) => a.demandId === 'vaduz')!;
    const balzers = result.access.find((a) => a.demandId === 'balzers')!;
    expect(vaduz.before.covered).toBe(true);
    expect(balzers.before.covered).toBe(false);
    // Vaduz's point lies a few metres off the road it is snapped to; the outline within 25 m.
    expect(pointToPolygonDistance(VADUZ, polygon, { units: 'meters' })).toBeLessThan(60);
    expect(pointToPolygonDistance(BALZERS, polygon, { units: 'meters' })).toBeGreaterThan(5000);
    expect(haversineM(SCHAAN, VADUZ)).toBeLessThan(3000);
  });

  it('a straight-line plan has neither layer: the report draws rings', async () => {
    const straight = liechtenstein('straightline');
    const p = await plan(straight, { timeLimitS: 1, now: new Date('2026-12-03T00:00:00Z') });
    expect(p.baseRoads).toBeUndefined();
    expect(p.accessAreas).toBeUndefined();
    expect(p.timingsS?.mapLayers).toBeUndefined();
    expect(result.timingsS?.mapLayers).toBeGreaterThan(0);
  });
});
