import type { DemandPoint, LonLat } from '@paketbygd/model';
import type { Located } from '../csv-file';
import { roundLonLat } from '../geo';
import type { GridCell } from '../sources/dalarna-grid-2025';
import type { InitNames } from './names';
import { parcelsPerWeek } from './parcels';
import type { PeoplePlace, SpreadPoint, SpreadRule } from './spread';

/** SCB's 1 km squares as demand points, with people 65+. */
export function demandFromGrid(
  cells: readonly Located<GridCell>[],
  perInhabitantYear: number,
  names: InitNames,
): DemandPoint[] {
  return cells.map(({ value: c }) => ({
    id: `scb-${c.rutid}`,
    name: names.gridSquare(c.rutid),
    location: roundLonLat([c.lon, c.lat]),
    population: c.befolkning_2025,
    population65Plus: c.befolkning_65_plus_2025,
    parcelsPerWeek: parcelsPerWeek(c.befolkning_2025, perInhabitantYear),
  }));
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}

/** GeoNames settlements at their centre, then the spread rest, one point per 1 km square. */
export function demandFromSettlements(
  settlements: readonly (PeoplePlace & { geonameId: string })[],
  spread: readonly SpreadPoint[],
  rule: SpreadRule,
  perInhabitantYear: number,
  names: InitNames,
): DemandPoint[] {
  const places = settlements.map((s) => ({
    id: `geonames-${s.geonameId}`,
    name: s.name,
    location: roundLonLat(s.location),
    population: round1(s.population),
    parcelsPerWeek: parcelsPerWeek(s.population, perInhabitantYear),
    note: 'GeoNames settlement (≥ 500 people) at its centre point',
  }));
  const rest = spread.map((p, i) => ({
    id: `spread-${i + 1}`,
    name: p.nearStop ? names.aroundStop(p.nearStop) : names.gridSquare(i + 1),
    location: roundLonLat(p.location as LonLat),
    population: round1(p.population),
    parcelsPerWeek: parcelsPerWeek(p.population, perInhabitantYear),
    note: `assumption: people outside the settlements spread by the "${rule}" rule (${p.weight} ${rule === 'area' ? 'squares' : 'stops'} here)`,
  }));
  return [...places, ...rest];
}
