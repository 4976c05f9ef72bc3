import L from 'leaflet';
import type { RoadLine } from '../../plan/base-roads';
import { ll } from '../geo';

/** Roads on the offline base layer: thin grey lines under everything, not interactive. */
export function drawBaseRoads(layers: L.FeatureGroup, roads: readonly RoadLine[]): void {
  for (const road of roads) {
    L.polyline(
      road.map((p) => ll(p)),
      { className: 'pk-road', color: '#8d8d8d', weight: 1.5, opacity: 0.9, interactive: false },
    )
      .addTo(layers)
      .bringToBack();
  }
}
