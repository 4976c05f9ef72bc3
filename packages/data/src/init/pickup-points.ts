import { haversineM, type PickupPoint } from '@paketbygd/model';
import type { Located } from '../csv-file';
import { roundLonLat } from '../geo';
import type { ServicePoint2021 } from '../sources/service-points-2021';
import type { ServiceNode2026 } from '../sources/dalarna-service-nodes-2026';

/** Two rows at the same address within this distance are one place (geocoding of one shop varies by carrier). */
export const SAME_ADDRESS_MAX_M = 200;
/** Two rows this close are one place whatever their addresses say (the 2026 study's 25 m threshold). */
export const SAME_PLACE_MAX_M = 25;

const KIND_2021: Record<ServicePoint2021['kind'], PickupPoint['kind']> = {
  Postombud: 'parcel_agent',
  Utlämningsställe: 'parcel_agent',
  Box_Paketskåp: 'parcel_locker',
  Företagscenter: 'post_office',
};

/** "STORGATAN 18-20" and "Storgatan 18" are one address: street and first house number, lower case. */
export function addressKey(address: string): string {
  const lower = address.toLowerCase().replace(/\s+/g, ' ').trim();
  const match = /^(.*?\D)\s*(\d+)/.exec(lower);
  return match ? `${match[1]!.trim()} ${match[2]}` : lower;
}

function carrierName2021(operator: string): string {
  return operator.toLowerCase() === 'postnord' ? 'PostNord' : operator;
}

/** Union-find over rows: each group is one physical place. */
function groupPlaces(rows: readonly Located<ServicePoint2021>[]): Located<ServicePoint2021>[][] {
  const parent = rows.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const keys = rows.map((r) => addressKey(r.value.address));
  for (let i = 0; i < rows.length; i++) {
    for (let j = i + 1; j < rows.length; j++) {
      const a = rows[i]!.value;
      const b = rows[j]!.value;
      const m = haversineM([a.lon, a.lat], [b.lon, b.lat]);
      if (m <= SAME_PLACE_MAX_M || (m <= SAME_ADDRESS_MAX_M && keys[i] === keys[j] && keys[i] !== '')) {
        parent[find(i)] = find(j);
      }
    }
  }
  const groups = new Map<number, Located<ServicePoint2021>[]>();
  rows.forEach((r, i) => groups.set(find(i), [...(groups.get(find(i)) ?? []), r]));
  return [...groups.values()];
}

/** A shop's name as most carriers write it, preferring mixed case over SHOUTING. */
function displayName(rows: readonly Located<ServicePoint2021>[]): string {
  const names = rows.map((r) => r.value.name.trim()).filter(Boolean);
  return names.find((n) => n !== n.toUpperCase()) ?? names[0] ?? 'Service point';
}

/**
 * Today's pickup points from PTS 2021: one point per physical place (rows deduplicated by position and
 * address), naming every carrier served there. A place with only lockers is a locker.
 */
export function pickupPointsFrom2021(rows: readonly Located<ServicePoint2021>[]): PickupPoint[] {
  return groupPlaces(rows).map((group) => {
    const first = group[0]!.value;
    const kinds = [...new Set(group.map((r) => KIND_2021[r.value.kind]))];
    const kind = kinds.length === 1 ? kinds[0]! : kinds.includes('parcel_agent') ? 'parcel_agent' : kinds[0]!;
    const carriers = [...new Set(group.map((r) => carrierName2021(r.value.operator)))].sort();
    const perWeek = Math.max(...group.map((r) => r.value.deliveries_per_week ?? 0));
    return {
      id: `pts-${first.pts_id}`,
      name: `${displayName(group)}, ${first.address}`,
      kind,
      location: roundLonLat([first.lon, first.lat]),
      carriers,
      note: `PTS 2021 rows ${group.map((r) => `${r.value.pts_id} (line ${r.line}, ${r.value.operator} ${r.value.kind})`).join(', ')}${perWeek > 0 ? `; up to ${perWeek} deliveries a week` : ''}`,
    };
  });
}

function kind2026(serviceTypes: string[]): PickupPoint['kind'] {
  if (serviceTypes.every((t) => t === 'Paketbox/skåp')) return 'parcel_locker';
  if (serviceTypes.every((t) => t === 'Egen regi' || t === 'Paketbox/skåp')) return 'post_office';
  return 'parcel_agent';
}

/** Dalarna's 2026 places (already one row per physical place in the study), with their real carriers. */
export function pickupPointsFrom2026(rows: readonly Located<ServiceNode2026>[]): PickupPoint[] {
  return rows.map(({ value: n, line }) => {
    const serviceTypes = n.servicetyper.split(';').map((s) => s.trim());
    return {
      id: `node-${n.kluster_id}`,
      name: `${n.nodnamn}${n.adress ? `, ${n.adress}` : ''}`,
      kind: kind2026(serviceTypes),
      location: roundLonLat([n.lon, n.lat]),
      carriers: n.aktorer.split(';').map((s) => s.trim()),
      note: `Dalarna 2026 place ${n.kluster_id} (line ${line}): ${serviceTypes.join(', ')}${n.median_leveransdagar_per_vecka !== undefined ? `; median ${n.median_leveransdagar_per_vecka} delivery days a week` : ''}`,
    };
  });
}
