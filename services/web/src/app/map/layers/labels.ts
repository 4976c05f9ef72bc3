import L from 'leaflet';
import type { LonLat } from '@paketbygd/model';
import { esc } from '../../ui/html';
import { ll } from '../geo';

/**
 * A demand point that is a settlement rather than a grid cell: named, and the name's last word
 * holds no digit ("Läppe", not "Rural cell r0c4"). Settlements are labelled on the map.
 */
export function isSettlement(name: string | undefined): boolean {
  const last = name?.trim().split(/\s+/).at(-1);
  return last !== undefined && !/\d/.test(last);
}

/** A place name on the base layer: a permanent label beside the village, drawn from the scenario. */
export function drawLabel(layers: L.FeatureGroup, at: LonLat | unknown, name: string): void {
  L.tooltip({
    permanent: true,
    direction: 'right',
    offset: [6, 0],
    className: 'pk-label',
    interactive: false,
  })
    .setLatLng(ll(at))
    .setContent(esc(name))
    .addTo(layers);
}
