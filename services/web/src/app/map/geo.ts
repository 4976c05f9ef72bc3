import type L from 'leaflet';
import type { LonLat, Scenario } from '@paketbygd/model';

/** A `[lon, lat]` position as Leaflet's `[lat, lon]`. */
export const ll = (p: LonLat | unknown): L.LatLngExpression => {
  const [lon, lat] = Array.isArray(p) ? (p as [number, number]) : [0, 0];
  return [lat, lon];
};

/** A (multi)polygon's rings in Leaflet's order. */
export function ringsOf(geometry: Scenario['area']): L.LatLngExpression[][][] {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  return polygons.map((poly) => poly.map((ring) => ring.map((p) => ll(p))));
}
