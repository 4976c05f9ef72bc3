import L from 'leaflet';
import type { LonLat } from '@paketbygd/model';
import { COLOURS } from '../colours';
import type { Drawing } from '../entries';
import { ll } from '../geo';

/** Boxes, parcel agents and hubs: HTML markers with a shape, in the tab order (Leaflet `keyboard`). */
export function drawMarker(
  d: Drawing,
  at: LonLat | unknown,
  kind: 'box' | 'pickup-point' | 'hub',
  name: string,
  detail: string,
): void {
  const colour = kind === 'box' ? COLOURS.box : kind === 'hub' ? COLOURS.hub : COLOURS.pickup;
  const size = kind === 'box' ? 18 : 16;
  const marker = L.marker(ll(at), {
    icon: L.divIcon({
      className: `pk-marker pk-${kind}`,
      html: `<span class="shape shape-${kind}" style="background:${colour}"></span>`,
      iconSize: [size, size],
    }),
    keyboard: true,
    riseOnHover: true,
  });
  d.register({ kind, name, detail, layer: marker }, true);
}
