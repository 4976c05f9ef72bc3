import L from 'leaflet';
import type { LonLat, Scenario } from '@paketbygd/model';
import { w } from '../../i18n/lang';
import { COLOURS, DASHES } from '../colours';
import type { Drawing } from '../entries';
import { ll } from '../geo';

export type RouteKind = 'van-route' | 'carrier-route' | 'transport-route';

/** A route on a white casing; lines are reached through the list, not by Tab. */
export function drawRoute(
  d: Drawing,
  coords: L.LatLngExpression[],
  kind: RouteKind,
  colour: string,
  name: string,
  detail: string,
): void {
  const weight = kind === 'van-route' ? 4 : kind === 'carrier-route' ? 5 : 3;
  // A white casing under every route keeps it visible on any tile and separates crossing routes.
  L.polyline(coords, {
    className: 'pk-casing',
    color: '#fff',
    weight: weight + 3,
    interactive: false,
  }).addTo(d.layers);
  const dash = kind === 'carrier-route' ? DASHES.carrier : kind === 'transport-route' ? DASHES.transport : '';
  const path = L.polyline(coords, {
    className: `pk-${kind}`,
    color: colour,
    weight,
    opacity: 1,
    ...(dash ? { dashArray: dash } : {}),
  });
  d.register({ kind, name, detail, layer: path }, false);
}

/** The scenario's existing transports, through their stops (a stop names a place or has a location). */
export function drawTransports(d: Drawing, s: Scenario): void {
  const places = new Map<string, LonLat>(
    [...s.hubs, ...s.candidateSites, ...s.pickupPoints].map((x) => [x.id, x.location]),
  );
  for (const t of s.transportRoutes) {
    const at = t.stops
      .map((st) => st.location ?? (st.at ? places.get(st.at) : undefined))
      .filter((x): x is LonLat => x !== undefined);
    drawRoute(
      d,
      at.map((x) => ll(x)),
      'transport-route',
      COLOURS.transport,
      t.name ?? t.id,
      w().stops(t.stops.length),
    );
  }
}
