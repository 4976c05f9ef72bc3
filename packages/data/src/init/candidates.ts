import {
  haversineM,
  type CandidateSite,
  type DemandPoint,
  type LonLat,
  type PickupPoint,
} from '@paketbygd/model';
import { roundLonLat } from '../geo';
import { DEFAULTS } from './defaults';
import type { InitNames } from './names';
import { settlementFootprintM, type NamedStop, type PeoplePlace } from './spread';

/** At most this many stop sites chosen for the people they would bring within reach. */
export const MAX_RURAL_STOP_SITES = 30;
/** At most this many sites beside today's agents outside the main town. */
export const MAX_SHOP_SITES = 15;
/** People within this distance of a stop count for it. */
export const SITE_CATCHMENT_M = 2500;
/** Two sites closer than this are one: the first chosen stays. */
export const MIN_SITE_SPACING_M = 500;

export interface CandidateInput {
  stops: readonly NamedStop[];
  settlements: readonly PeoplePlace[];
  pickupPoints: readonly PickupPoint[];
  demand: readonly DemandPoint[];
  accessLimitM: number;
  names: InitNames;
}

function slug(text: string): string {
  return (
    text
      .normalize('NFD')
      .replace(/\p{Diacritic}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60) || 'site'
  );
}

function site(
  id: string,
  name: string,
  location: LonLat,
  host: CandidateSite['host'],
  note: string,
): CandidateSite {
  const d = DEFAULTS.box;
  return {
    id,
    name,
    location: roundLonLat(location),
    host,
    compartments: d.compartments,
    investmentCost: d.investmentSek,
    yearlyCost: d.yearlySek,
    access247: true,
    note,
  };
}

/** One stop per name: the first listed (stop pairs of one name stand on either side of a road). */
function stopsByName(stops: readonly NamedStop[]): NamedStop[] {
  const byName = new Map<string, NamedStop>();
  for (const s of stops) if (!byName.has(s.name)) byName.set(s.name, s);
  return [...byName.values()];
}

/**
 * Stops chosen one at a time for the people they add: each next stop is the one with most people
 * within the catchment who are far from today's points and not already near a chosen stop, so the
 * sites spread over the kommun instead of crowding one cluster of stops.
 */
function greedyStops(named: readonly NamedStop[], input: CandidateInput): { s: NamedStop; people: number }[] {
  const points = input.pickupPoints.map((p) => p.location);
  const far = input.demand
    .filter((d) => points.every((p) => haversineM(p, d.location) > input.accessLimitM))
    .map((d) => ({ location: d.location, people: d.population ?? 0 }));
  const reach = named.map((s) =>
    far.flatMap((d, i) => (haversineM(d.location, s.location) <= SITE_CATCHMENT_M ? [i] : [])),
  );
  const taken = new Set<number>();
  const chosen: { s: NamedStop; people: number }[] = [];
  while (chosen.length < MAX_RURAL_STOP_SITES) {
    let best = -1;
    let bestPeople = 0;
    reach.forEach((indices, i) => {
      const people = indices.reduce((sum, j) => sum + (taken.has(j) ? 0 : far[j]!.people), 0);
      if (people > bestPeople + 1e-9) [best, bestPeople] = [i, people];
    });
    if (best < 0 || bestPeople < 1) break;
    chosen.push({ s: named[best]!, people: bestPeople });
    for (const j of reach[best]!) taken.add(j);
  }
  return chosen;
}

/**
 * Candidate box sites at real places, in this order (closer than 500 m to an earlier one: dropped):
 * 1. in each GeoNames settlement, its named stop nearest the centre ;
 * 2. named stops chosen one by one for the people they add within 2.5 km who are today farther than
 *    the access limit from a pickup point at most 30;
 * 3. today's agents outside the largest settlement, where a 24/7 box could stand beside the shop, at most 15.
 */
export function candidateSites(input: CandidateInput): CandidateSite[] {
  const chosen: CandidateSite[] = [];
  const usedIds = new Set<string>();
  const add = (c: CandidateSite): void => {
    if (chosen.some((s) => haversineM(s.location, c.location) < MIN_SITE_SPACING_M)) return;
    let id = c.id;
    for (let n = 2; usedIds.has(id); n++) id = `${c.id}-${n}`;
    usedIds.add(id);
    chosen.push({ ...c, id });
  };
  const named = stopsByName(input.stops);

  for (const place of [...input.settlements].sort((a, b) => b.population - a.population)) {
    const footprint = settlementFootprintM(place.population);
    const nearest = named
      .map((s) => ({ s, m: haversineM(s.location, place.location) }))
      .filter((x) => x.m <= footprint)
      .sort((a, b) => a.m - b.m)[0];
    if (!nearest) continue;
    add(
      site(
        `box-${slug(nearest.s.name)}`,
        nearest.s.name,
        nearest.s.location,
        'bus_stop',
        `public-transport stop "${nearest.s.name}" (Trafiklab 2022), ${Math.round(nearest.m)} m from the centre of ${place.name}`,
      ),
    );
  }

  for (const { s, people } of greedyStops(named, input)) {
    add(
      site(
        `box-${slug(s.name)}`,
        s.name,
        s.location,
        'bus_stop',
        `public-transport stop "${s.name}" (Trafiklab 2022): ${Math.round(people)} more people within ${SITE_CATCHMENT_M / 1000} km who are today more than ${input.accessLimitM / 1000} km from a pickup point`,
      ),
    );
  }

  const main = [...input.settlements].sort((a, b) => b.population - a.population)[0];
  const shops = input.pickupPoints
    .filter((p) => p.kind === 'parcel_agent')
    .filter((p) => !main || haversineM(p.location, main.location) > settlementFootprintM(main.population))
    .slice(0, MAX_SHOP_SITES);
  for (const p of shops) {
    add(
      site(
        `box-at-${p.id}`,
        input.names.boxAt(p.name ?? p.id),
        p.location,
        'shop',
        `beside today's agent ${p.id}: a box gives 24/7 access`,
      ),
    );
  }
  return chosen;
}
