import L from 'leaflet';
import type { LonLat } from '@paketbygd/model';
import { COLOURS } from '../colours';
import { POINTS_PANE, type Drawing } from '../entries';
import { ll } from '../geo';

/** A village or candidate site: a named SVG circle in the tab order, under the markers. */
export function drawPoint(
  d: Drawing,
  at: LonLat | unknown,
  kind: 'demand' | 'candidate-site',
  style: L.CircleMarkerOptions,
  name: string,
  detail: string,
): void {
  const marker = L.circleMarker(ll(at), {
    className: `pk-${kind}`,
    weight: 1.5,
    fillOpacity: 0.85,
    pane: POINTS_PANE,
    ...style,
  });
  d.register({ kind, name, detail, layer: marker }, true);
}

/** A candidate site: a small dotted ring. */
export function drawCandidate(d: Drawing, at: LonLat | unknown, name: string, detail: string): void {
  drawPoint(
    d,
    at,
    'candidate-site',
    { radius: 5, color: COLOURS.candidate, fillOpacity: 0, weight: 2, dashArray: '2 2' },
    name,
    detail,
  );
}
