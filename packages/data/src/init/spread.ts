import { haversineM, type LonLat } from '@paketbygd/model';
import { cellCentres, cellKey } from '../geo';
import type { Boundary } from '../sources/boundaries';

/** A place with people: a settlement from GeoNames. */
export interface PeoplePlace {
  name: string;
  location: LonLat;
  population: number;
}

export interface NamedStop {
  name: string;
  location: LonLat;
}

/**
 * How the people who live outside the GeoNames settlements (≥ 500 people) are placed:
 * - `stops`: an equal share at every public-transport stop outside the settlements;
 * - `stop-names`: an equal share at every distinct stop name outside the settlements (one stop per name);
 * - `stop-cells`: an equal share in every 1 km square that holds a stop outside the settlements;
 * - `area`: an equal share in every 1 km square of the kommun outside the settlements (no stop data).
 * Each was measured against SCB's grid on Dalarna (`measureSpreadError`, README).
 */
export const SPREAD_RULES = ['stops', 'stop-names', 'stop-cells', 'area'] as const;
export type SpreadRule = (typeof SPREAD_RULES)[number];

/** Spread people are gathered into squares of this size, so a kommun has one demand point per square. */
export const SPREAD_CELL_M = 1000;

/**
 * The ground a settlement of `population` is taken to cover: twice the radius of a disc at 1,500
 * people per km² (a Swedish tätort's typical density), plus 1 km. Stops inside it serve the
 * settlement's own people (counted at its centre), so the spread rest avoids it. The factor 2 and the
 * 1 km were chosen on Dalarna (README: it halves the error at 2 km against a footprint half as wide).
 */
export function settlementFootprintM(population: number): number {
  return 1000 + 2000 * Math.sqrt(population / (1500 * Math.PI));
}

/** People placed by the rule: one point per 1 km square, named after the stop that has most weight in it. */
export interface SpreadPoint {
  location: LonLat;
  population: number;
  /** The stops (or squares, for `area`) whose shares were gathered here. */
  weight: number;
  nearStop?: string;
}

function outsideSettlements(settlements: readonly PeoplePlace[]): (p: LonLat) => boolean {
  const footprints = settlements.map((s) => ({ at: s.location, m: settlementFootprintM(s.population) }));
  return (p) => footprints.every((f) => haversineM(p, f.at) > f.m);
}

function weightedPlaces(
  rule: SpreadRule,
  boundary: Boundary,
  outside: (p: LonLat) => boolean,
  stops: readonly NamedStop[],
): { location: LonLat; weight: number; name?: string }[] {
  const refLat = (boundary.bbox[1] + boundary.bbox[3]) / 2;
  const free = stops.filter((s) => outside(s.location));
  switch (rule) {
    case 'stops':
      return free.map((s) => ({ location: s.location, weight: 1, name: s.name }));
    case 'stop-names': {
      const byName = new Map<string, NamedStop>();
      for (const s of free) if (!byName.has(s.name)) byName.set(s.name, s);
      return [...byName.values()].map((s) => ({ location: s.location, weight: 1, name: s.name }));
    }
    case 'stop-cells': {
      const byCell = new Map<string, NamedStop>();
      for (const s of free) {
        const key = cellKey(s.location, SPREAD_CELL_M, refLat);
        if (!byCell.has(key)) byCell.set(key, s);
      }
      return [...byCell.values()].map((s) => ({ location: s.location, weight: 1, name: s.name }));
    }
    case 'area':
      return cellCentres(boundary, SPREAD_CELL_M)
        .filter(outside)
        .map((location) => ({ location, weight: 1 }));
  }
}

/**
 * Spreads `restPopulation` people over the kommun by `rule`, outside the settlements' footprints.
 * Without any place to put them (no stop outside the settlements), the `area` rule is used.
 */
export function spreadRest(
  rule: SpreadRule,
  boundary: Boundary,
  settlements: readonly PeoplePlace[],
  stops: readonly NamedStop[],
  restPopulation: number,
): { rule: SpreadRule; points: SpreadPoint[] } {
  if (restPopulation <= 0) return { rule, points: [] };
  const outside = outsideSettlements(settlements);
  let used = rule;
  let places = weightedPlaces(rule, boundary, outside, stops);
  if (places.length === 0) {
    used = 'area';
    places = weightedPlaces('area', boundary, outside, stops);
  }
  if (places.length === 0) places = [{ location: boundaryCentre(boundary), weight: 1 }];
  const totalWeight = places.reduce((s, p) => s + p.weight, 0);
  const refLat = (boundary.bbox[1] + boundary.bbox[3]) / 2;
  const cells = new Map<string, { lon: number; lat: number; weight: number; names: Map<string, number> }>();
  for (const p of places) {
    const key = cellKey(p.location, SPREAD_CELL_M, refLat);
    const cell = cells.get(key) ?? { lon: 0, lat: 0, weight: 0, names: new Map<string, number>() };
    cell.lon += p.location[0] * p.weight;
    cell.lat += p.location[1] * p.weight;
    cell.weight += p.weight;
    if (p.name) cell.names.set(p.name, (cell.names.get(p.name) ?? 0) + p.weight);
    cells.set(key, cell);
  }
  const points = [...cells.values()].map((c) => {
    const nearStop = [...c.names].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'sv'))[0]?.[0];
    return {
      location: [c.lon / c.weight, c.lat / c.weight] as LonLat,
      population: (restPopulation * c.weight) / totalWeight,
      weight: c.weight,
      ...(nearStop ? { nearStop } : {}),
    };
  });
  return { rule: used, points };
}

function boundaryCentre(boundary: Boundary): LonLat {
  const [minLon, minLat, maxLon, maxLat] = boundary.bbox;
  return [(minLon + maxLon) / 2, (minLat + maxLat) / 2];
}
