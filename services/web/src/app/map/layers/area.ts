import L from 'leaflet';
import type { Scenario } from '@paketbygd/model';
import { COLOURS } from '../colours';
import type { Drawing } from '../entries';
import { ringsOf } from '../geo';

/** The kommun's boundary: a thin outline with a faint fill, not interactive. */
export function drawArea(d: Drawing, area: Scenario['area']): void {
  L.polygon(ringsOf(area), {
    className: 'pk-area',
    color: COLOURS.area,
    weight: 2,
    fillOpacity: 0.04,
    interactive: false,
  }).addTo(d.layers);
}
