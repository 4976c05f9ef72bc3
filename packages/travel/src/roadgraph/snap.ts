import Flatbush from 'flatbush';
import { haversineM, type LonLat } from '@paketbygd/model';
import { EDGE_MAIN_COMPONENT, type RoadGraph } from './graph';

/** Where a point lies on the graph: on edge `edge`, between geometry entries `geom` and `geom + 1`, at `fraction`. */
export interface Snap {
  edge: number;
  geom: number;
  fraction: number;
  location: LonLat;
  distanceM: number;
}

const METRES_PER_DEGREE = 111_320;

/** Nearest road segment per point, using the graph's Flatbush; islands are passed over when the main network is near. */
export class Snapper {
  private readonly index: Flatbush;

  constructor(private readonly g: RoadGraph) {
    this.index = Flatbush.from(g.spatialIndex);
  }

  private project(k: number, x: number, y: number): { fraction: number; location: LonLat } {
    const g = this.g;
    const scale = g.meta.lonScale;
    const geom = g.segGeom[k]!;
    const p = g.geomPoint[geom]!;
    const q = g.geomPoint[geom + 1]!;
    const x0 = g.pointLon[p]! * scale;
    const y0 = g.pointLat[p]!;
    const dx = g.pointLon[q]! * scale - x0;
    const dy = g.pointLat[q]! - y0;
    const len2 = dx * dx + dy * dy;
    const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((x - x0) * dx + (y - y0) * dy) / len2));
    return { fraction: t, location: [(x0 + t * dx) / scale, y0 + t * dy] };
  }

  private nearestAmong(point: LonLat, mainOnly: boolean): Snap | undefined {
    const x = point[0] * this.g.meta.lonScale;
    const y = point[1];
    const filter = mainOnly
      ? (k: number) => (this.g.edgeFlags[this.g.segEdge[k]!]! & EDGE_MAIN_COMPONENT) !== 0
      : undefined;
    // Box distance is a lower bound of segment distance: take a few nearest boxes, then every box
    // closer than the best exact distance found, which makes the answer exact.
    const first = this.index.neighbors(x, y, 8, Infinity, filter);
    if (first.length === 0) return undefined;
    let best: Snap | undefined;
    const consider = (k: number) => {
      const { fraction, location } = this.project(k, x, y);
      const distanceM = haversineM(point, location);
      if (!best || distanceM < best.distanceM) {
        best = { edge: this.g.segEdge[k]!, geom: this.g.segGeom[k]!, fraction, location, distanceM };
      }
    };
    first.forEach(consider);
    const radius = (best!.distanceM / METRES_PER_DEGREE) * 1.01 + 1e-9;
    for (const k of this.index.neighbors(x, y, Infinity, radius, filter)) consider(k);
    return best;
  }

  snap(point: LonLat): Snap | undefined {
    return this.nearestAmong(point, true) ?? this.nearestAmong(point, false);
  }
}
