import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { decode } from '@googlemaps/polyline-codec';
import { describe, expect, it } from 'vitest';
import { haversineM, RoutingProblem, type LonLat, type TravelSettings } from '@paketbygd/model';
import { solveRouteJob } from '../src/index';
import { encodeLonLat } from '../src/jobs/route-geometry';

// Shared data lives beside the checkout (../shared), or where PAKETBYGD_SHARED says.
const SHARED = process.env.PAKETBYGD_SHARED ?? join(import.meta.dirname, '..', '..', '..', '..', 'shared');
const LIECHTENSTEIN = join(SHARED, 'geodata', 'osm', 'liechtenstein-latest.osm.pbf');

const VADUZ: LonLat = [9.5209, 47.141];
const SCHAAN: LonLat = [9.5095, 47.1651];
const TRIESEN: LonLat = [9.5287, 47.1077];

function request(g: boolean | undefined): RoutingProblem {
  return RoutingProblem.parse({
    vehicles: [{ id: 1, start: VADUZ, end: VADUZ }],
    jobs: [
      { id: 1, location: SCHAAN },
      { id: 2, location: TRIESEN },
    ],
    ...(g === undefined ? {} : { options: { g } }),
  });
}

const lonLatOf = (polyline: string): LonLat[] => decode(polyline, 5).map(([lat, lon]) => [lon, lat]);

describe('route geometry: an encoded polyline as VROOM gives it', () => {
  it("encodes [lon, lat] points as Google's documented example", () => {
    const points: LonLat[] = [
      [-120.2, 38.5],
      [-120.95, 40.7],
      [-126.453, 43.252],
    ];
    expect(encodeLonLat(points)).toBe('_p~iF~ps|U_ulLnnqC_mqNvxq`@');
  });

  it('is absent unless the request asks for it with options.g', async () => {
    const travel: TravelSettings = { backend: 'straightline' };
    for (const g of [undefined, false]) {
      const s = await solveRouteJob(request(g), { travel, timeLimitS: 0.2, seed: 1 });
      expect(s.routes[0]!.geometry).toBeUndefined();
    }
  });

  it('with straight-line travel, runs through the steps', async () => {
    const s = await solveRouteJob(request(true), {
      travel: { backend: 'straightline' },
      timeLimitS: 0.2,
      seed: 1,
    });
    const route = s.routes[0]!;
    expect(typeof route.geometry).toBe('string');
    const line = lonLatOf(route.geometry!);
    expect(line).toHaveLength(route.steps.length);
    line.forEach((p, i) => expect(haversineM(p, route.steps[i]!.location!)).toBeLessThan(2));
  });

  it('with the road graph, follows the roads from the depot back to the depot', async (ctx) => {
    if (!existsSync(LIECHTENSTEIN)) ctx.skip(`${LIECHTENSTEIN} is missing (shared data)`);
    const s = await solveRouteJob(request(true), {
      travel: { backend: 'roadgraph', osmFile: LIECHTENSTEIN },
      timeLimitS: 0.2,
      seed: 1,
    });
    const route = s.routes[0]!;
    const line = lonLatOf(route.geometry!);
    expect(line.length).toBeGreaterThan(20);
    // Snapped to the nearest road: within a few hundred metres of the depot at both ends.
    expect(haversineM(line[0]!, VADUZ)).toBeLessThan(300);
    expect(haversineM(line.at(-1)!, VADUZ)).toBeLessThan(300);
    // A road path is longer than the straight lines between its stops.
    let roadM = 0;
    for (let i = 1; i < line.length; i++) roadM += haversineM(line[i - 1]!, line[i]!);
    expect(roadM).toBeGreaterThan(
      route.steps.reduce(
        (m, st, i) => (i === 0 ? 0 : m + haversineM(route.steps[i - 1]!.location!, st.location!)),
        0,
      ),
    );
  }, 60_000);
});
