import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { LonLat } from '@paketbygd/model';
import { describe, expect, it } from 'vitest';
import { RoadGraphTravel } from '../src';
import { EDGE_BACKWARD, EDGE_FORWARD, EDGE_MAIN_COMPONENT } from '../src/roadgraph/graph';
import { FIXTURE_DIR } from './osrm-fixture-server';

/** The shared extracts: $PAKETBYGD_DATA (a checkout in a deeper worktree), else ../shared/geodata. */
const LIECHTENSTEIN = join(
  process.env.PAKETBYGD_DATA ?? join(FIXTURE_DIR, '..'),
  'osm',
  'liechtenstein-latest.osm.pbf',
);

describe('roadgraph: two points on the same spot', () => {
  it('are 0 m and 0 s apart, also on a road that may only be driven against its drawing direction', async (ctx) => {
    if (!existsSync(LIECHTENSTEIN)) ctx.skip(`no OSM extract at ${LIECHTENSTEIN} (set PAKETBYGD_DATA)`);
    const travel = new RoadGraphTravel({ osmFile: LIECHTENSTEIN, cacheDir: false });
    const g = travel.graph;
    const spots: LonLat[] = [];
    for (let e = 0; e < g.edgeFrom.length && spots.length < 5; e++) {
      const flags = g.edgeFlags[e]!;
      // Backward only (oneway=-1), on the main network.
      if ((flags & (EDGE_FORWARD | EDGE_BACKWARD)) !== EDGE_BACKWARD || !(flags & EDGE_MAIN_COMPONENT))
        continue;
      const a = g.geomPoint[g.geomStart[e]!]!;
      const b = g.geomPoint[g.geomStart[e]! + 1]!;
      spots.push([(g.pointLon[a]! + g.pointLon[b]!) / 2, (g.pointLat[a]! + g.pointLat[b]!) / 2]);
    }
    expect(spots.length).toBeGreaterThan(0);
    for (const spot of spots) {
      const m = await travel.matrix([spot, spot]);
      // Before the fix: 74 m, 77 m, 341 m … (round the block and back).
      expect(Array.from(m.distancesM), spot.join(',')).toEqual([0, 0, 0, 0]);
      expect(Array.from(m.durationsS)).toEqual([0, 0, 0, 0]);
    }
  });
});
