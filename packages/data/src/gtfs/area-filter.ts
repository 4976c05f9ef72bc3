import { distanceOutsideAreaM, type AreaGeometry, type LonLat } from '@paketbygd/model';

/** Is a position inside the area or within a margin of it? A bounding box rejects far points first. */
export function areaFilter(area: AreaGeometry, marginM: number): (position: LonLat) => boolean {
  const rings = area.type === 'Polygon' ? [area.coordinates[0]!] : area.coordinates.map((p) => p[0]!);
  let [minLon, minLat, maxLon, maxLat] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const ring of rings)
    for (const [lon, lat] of ring) {
      minLon = Math.min(minLon, lon);
      maxLon = Math.max(maxLon, lon);
      minLat = Math.min(minLat, lat);
      maxLat = Math.max(maxLat, lat);
    }
  const marginLat = marginM / 111_000 + 1e-6;
  const marginLon =
    marginLat / Math.max(0.05, Math.cos((Math.max(Math.abs(minLat), Math.abs(maxLat)) * Math.PI) / 180));
  const cache = new Map<string, boolean>();
  return (position) => {
    const [lon, lat] = position;
    if (
      lon < minLon - marginLon ||
      lon > maxLon + marginLon ||
      lat < minLat - marginLat ||
      lat > maxLat + marginLat
    )
      return false;
    const key = `${lon},${lat}`;
    let inside = cache.get(key);
    if (inside === undefined) cache.set(key, (inside = distanceOutsideAreaM(position, area) <= marginM));
    return inside;
  };
}
