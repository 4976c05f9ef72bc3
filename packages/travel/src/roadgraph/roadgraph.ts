import type { LonLat } from '@paketbygd/model';
import { TravelError } from '../errors';
import { checkMatrixInput, checkRouteInput } from '../points';
import {
  OSM_ATTRIBUTION,
  type PointWarning,
  type RoadLayers,
  type TravelCosts,
  type TravelMatrix,
  type TravelRoute,
} from '../types';
import type { RoadGraph } from './graph';
import { loadRoadGraph, type LoadGraphOptions } from './load-graph';
import { mainRoads } from './main-roads';
import { reachableArea } from './reachable-area';
import { reverseGraph } from './reverse-graph';
import { Search, targetTable } from './search';
import { Snapper, type Snap } from './snap';

export interface RoadGraphOptions extends LoadGraphOptions {
  /** An .osm.pbf, .osm or .osm.gz file. */
  osmFile: string;
  /** Points farther than this from a car road are refused (or flagged, see `farPoints`). */
  maxSnapDistanceM?: number;
  farPoints?: 'error' | 'flag';
}

/** Farther than this from a car road, a point is refused by default (same as the OSRM backend). */
export const ROADGRAPH_DEFAULT_MAX_SNAP_M = 2000;

/** The `roadgraph` backend: an embedded car graph built from an OSM extract, no server needed. */
export class RoadGraphTravel implements TravelCosts {
  readonly id: string;
  readonly attribution = OSM_ATTRIBUTION;
  readonly graph: RoadGraph;
  readonly fromCache: boolean;
  readonly buildMs: number;
  private readonly snapper: Snapper;
  private readonly search: Search;
  private readonly maxSnapDistanceM: number;
  private readonly farPoints: 'error' | 'flag';
  /** The reversed graph and a search on it, built on the first isochrone (access counts the drive *to* a point). */
  private reversed?: { graph: RoadGraph; search: Search };
  readonly layers: RoadLayers = {
    mainRoads: (bbox) => mainRoads(this.graph, { bbox }),
    reachableArea: (target, limit) => {
      const snap = this.snapAll([target], [])[0]!;
      if (!this.reversed) {
        const graph = reverseGraph(this.graph);
        this.reversed = { graph, search: new Search(graph) };
      }
      return reachableArea(this.reversed.graph, this.reversed.search, snap, limit);
    },
  };

  constructor(options: RoadGraphOptions) {
    const loaded = loadRoadGraph(options.osmFile, options);
    this.graph = loaded.graph;
    this.fromCache = loaded.fromCache;
    this.buildMs = loaded.buildMs;
    this.id = `roadgraph:${loaded.fileHash.slice(0, 16)}:${this.graph.meta.profile}`;
    this.snapper = new Snapper(this.graph);
    this.search = new Search(this.graph);
    this.maxSnapDistanceM = options.maxSnapDistanceM ?? ROADGRAPH_DEFAULT_MAX_SNAP_M;
    this.farPoints = options.farPoints ?? 'error';
  }

  /** Snaps every point, refusing (or flagging) the ones too far from a road. */
  snapAll(points: readonly LonLat[], warnings: PointWarning[]): Snap[] {
    return points.map((p, k) => {
      const snap = this.snapper.snap(p)!;
      if (snap.distanceM > this.maxSnapDistanceM) {
        const swapped = this.snapper.snap([p[1], p[0]]);
        const hint =
          swapped && swapped.distanceM <= this.maxSnapDistanceM
            ? `; [${p[1]}, ${p[0]}] would be on the map: are the coordinates [lat, lon] instead of [lon, lat]?`
            : `; the map (${this.graph.meta.source}) covers lon ${this.graph.meta.bbox[0].toFixed(3)}..${this.graph.meta.bbox[2].toFixed(3)}, lat ${this.graph.meta.bbox[1].toFixed(3)}..${this.graph.meta.bbox[3].toFixed(3)}`;
        const message = `point ${k}: the nearest road is ${Math.round(snap.distanceM)} m away (limit ${this.maxSnapDistanceM} m)${hint}`;
        if (this.farPoints === 'error') throw new TravelError('TooFarFromRoad', message, k);
        warnings.push({ pointIndex: k, message });
      }
      return snap;
    });
  }

  private targetsOf(snaps: readonly Snap[]): Int32Array {
    const t = new Int32Array(snaps.length * 2);
    snaps.forEach((s, k) => {
      t[2 * k] = this.graph.edgeFrom[s.edge]!;
      t[2 * k + 1] = this.graph.edgeTo[s.edge]!;
    });
    return t;
  }

  async matrix(sources: readonly LonLat[], destinations?: readonly LonLat[]): Promise<TravelMatrix> {
    checkMatrixInput(sources, destinations);
    const warnings: PointWarning[] = [];
    const all = destinations ? [...sources, ...destinations] : sources;
    const snaps = this.snapAll(all, warnings);
    const n = sources.length;
    const m = destinations ? destinations.length : n;
    const destSnaps = destinations ? snaps.slice(n) : snaps;
    const targets = this.targetsOf(destSnaps);
    const durationsS = new Float64Array(n * m);
    const distancesM = new Float64Array(n * m);
    const table = targetTable(this.graph, destSnaps);
    // Per point, how many others it cannot reach (as a source) or be reached from (as a destination).
    const unreachableFrom = new Int32Array(n);
    const unreachableTo = new Int32Array(m);
    for (let i = 0; i < n; i++) {
      const s = snaps[i]!;
      this.search.run(s, targets);
      unreachableFrom[i] = this.search.fillRow(s, table, durationsS, distancesM, i * m);
    }
    if (unreachableFrom.some((c) => c > 0)) {
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < m; j++) if (durationsS[i * m + j] === Infinity) unreachableTo[j]!++;
      }
    }
    const cutOff = new Set<number>();
    const warn = (k: number, count: number, others: number, direction: string) => {
      if (count > 0 && count >= others / 2) {
        cutOff.add(k);
        warnings.push({
          pointIndex: k,
          message: `point ${k}: no road connection ${direction} ${count} of ${others} points (a one-way trap or an island in the map data?)`,
        });
      }
    };
    unreachableFrom.forEach((count, i) => warn(i, count, m, 'to'));
    unreachableTo.forEach((count, j) => {
      // Without separate destinations, a point is both; one warning about it is enough.
      if (!destinations && cutOff.has(j)) return;
      warn(destinations ? n + j : j, count, n, 'from');
    });
    const snapDistancesM = Float64Array.from(snaps, (s) => s.distanceM);
    return { sourceCount: n, destinationCount: m, durationsS, distancesM, snapDistancesM, warnings };
  }

  private point(geom: number): LonLat {
    const p = this.graph.geomPoint[geom]!;
    return [this.graph.pointLon[p]!, this.graph.pointLat[p]!];
  }

  private leg(s: Snap, t: Snap, k: number): { durationS: number; distanceM: number; coordinates: LonLat[] } {
    const g = this.graph;
    this.search.run(s, [g.edgeFrom[t.edge]!, g.edgeTo[t.edge]!]);
    const r = this.search.reach(s, t);
    if (r.via === 'none') {
      throw new TravelError('NoRoute', `no road connection from point ${k} to point ${k + 1}`, k + 1);
    }
    const coords: LonLat[] = [s.location];
    if (r.via === 'direct') {
      if (t.geom + t.fraction >= s.geom + s.fraction)
        for (let q = s.geom + 1; q <= t.geom; q++) coords.push(this.point(q));
      else for (let q = s.geom; q > t.geom; q--) coords.push(this.point(q));
    } else {
      const end = r.via === 'start' ? g.edgeFrom[t.edge]! : g.edgeTo[t.edge]!;
      const arcs: number[] = [];
      let j = end;
      while (this.search.parentArc[j]! >= 0) {
        const arc = this.search.parentArc[j]!;
        arcs.push(arc);
        const e = g.arcEdge[arc]! >> 1;
        j = g.arcEdge[arc]! & 1 ? g.edgeTo[e]! : g.edgeFrom[e]!;
      }
      arcs.reverse();
      const sLast = g.geomStart[s.edge + 1]! - 1;
      const forwardSeed = j === g.edgeTo[s.edge] && this.search.weight[j] === this.seedWeight(s, true);
      if (forwardSeed) for (let q = s.geom + 1; q <= sLast; q++) coords.push(this.point(q));
      else for (let q = s.geom; q >= g.geomStart[s.edge]!; q--) coords.push(this.point(q));
      for (const arc of arcs) {
        const e = g.arcEdge[arc]! >> 1;
        const first = g.geomStart[e]!;
        const last = g.geomStart[e + 1]! - 1;
        if (g.arcEdge[arc]! & 1) for (let q = last - 1; q >= first; q--) coords.push(this.point(q));
        else for (let q = first + 1; q <= last; q++) coords.push(this.point(q));
      }
      const tLast = g.geomStart[t.edge + 1]! - 1;
      if (r.via === 'start')
        for (let q = g.geomStart[t.edge]! + 1; q <= t.geom; q++) coords.push(this.point(q));
      else for (let q = tLast - 1; q > t.geom; q--) coords.push(this.point(q));
    }
    coords.push(t.location);
    const deduped = coords.filter(
      (c, i) => i === 0 || c[0] !== coords[i - 1]![0] || c[1] !== coords[i - 1]![1],
    );
    return { durationS: r.durationS, distanceM: r.distanceM, coordinates: deduped };
  }

  private seedWeight(s: Snap, forward: boolean): number {
    const g = this.graph;
    const last = g.geomStart[s.edge + 1]! - 1;
    const v0 = (a: Float64Array) => a[s.geom]! + s.fraction * (a[s.geom + 1]! - a[s.geom]!);
    return forward ? g.cumWeightForward[last]! - v0(g.cumWeightForward) : v0(g.cumWeightBackward);
  }

  async route(points: readonly LonLat[]): Promise<TravelRoute> {
    checkRouteInput(points);
    const warnings: PointWarning[] = [];
    const snaps = this.snapAll(points, warnings);
    const coordinates: LonLat[] = [];
    const legs = [];
    for (let k = 0; k + 1 < snaps.length; k++) {
      const leg = this.leg(snaps[k]!, snaps[k + 1]!, k);
      coordinates.push(...(coordinates.length > 0 ? leg.coordinates.slice(1) : leg.coordinates));
      legs.push({ durationS: leg.durationS, distanceM: leg.distanceM });
    }
    return {
      type: 'Feature',
      geometry: { type: 'LineString', coordinates },
      properties: {
        durationS: legs.reduce((s, l) => s + l.durationS, 0),
        distanceM: legs.reduce((s, l) => s + l.distanceM, 0),
        legs,
        snapDistancesM: snaps.map((s) => s.distanceM),
        attribution: this.attribution,
      },
    };
  }
}
