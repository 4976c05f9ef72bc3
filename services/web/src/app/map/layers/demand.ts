import type L from 'leaflet';
import type { LonLat, Scenario } from '@paketbygd/model';
import { num } from '../../i18n/format';
import { w } from '../../i18n/lang';
import { COLOURS } from '../colours';
import type { Drawing } from '../entries';
import type { PlanFeature } from '../features';
import { drawPoint } from './points';

/** Radius in pixels of a demand point: area proportional to population. */
export const demandRadius = (population: number): number =>
  Math.max(4, Math.min(22, Math.sqrt(Math.max(0, population)) / 2));

/** A village before a plan: nothing is known about coverage, so it is grey, not green. */
export function drawUnplannedDemand(d: Drawing, demand: Scenario['demand'][number]): void {
  drawPoint(
    d,
    demand.location,
    'demand',
    {
      radius: demandRadius(demand.population ?? demand.households ?? 0),
      color: '#fff',
      fillColor: COLOURS.demandUnplanned,
      fillOpacity: 0.85,
    },
    demand.name ?? demand.id,
    `${w().people(num(demand.population ?? 0))}, ${w().notPlannedYet}`,
  );
}

/** A village in a plan: filled when covered, a hollow ring when not, a dashed rim for home delivery. */
export function drawPlannedDemand(d: Drawing, f: PlanFeature, km: (m: unknown) => string): void {
  const p = f.properties;
  const style: L.CircleMarkerOptions = p.homeDelivery
    ? { color: COLOURS.demandHome, fillColor: COLOURS.demandHome, weight: 2.5, dashArray: '2 2' }
    : p.coveredAfter
      ? { color: '#fff', fillColor: COLOURS.demandCovered }
      : { color: COLOURS.demandUncovered, fillColor: '#fff', weight: 3 };
  const status = p.homeDelivery ? w().homeDelivered : p.coveredAfter ? w().within : w().outside;
  drawPoint(
    d,
    f.geometry.coordinates as LonLat,
    'demand',
    { radius: demandRadius(Number(p.population) || 0), fillOpacity: 0.85, ...style },
    String(p.name),
    w().demandDetail(
      w().people(num(Number(p.population) || 0)),
      status,
      km(p.accessBeforeM),
      km(p.accessAfterM),
    ),
  );
}
