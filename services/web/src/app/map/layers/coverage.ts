import L from 'leaflet';
import { ROAD_DETOUR_FACTOR, type LonLat } from '@paketbygd/model';
import { COLOURS, DASHES } from '../colours';
import { ll } from '../geo';

/**
 * The straight-line radius within which a place is covered: the access limit by road divided
 * by the detour factor (the scenario's, or the measured rural median).
 */
export function coverageRadiusM(limitM: number, detourFactor: number | undefined): number {
  return limitM / (detourFactor ?? ROAD_DETOUR_FACTOR);
}

/** A thin dashed ring around a box (blue) or a parcel agent (purple). */
export function drawCoverageRing(
  rings: L.FeatureGroup,
  at: LonLat | unknown,
  radiusM: number,
  isBox: boolean,
): void {
  L.circle(ll(at), {
    radius: radiusM,
    className: 'pk-coverage',
    color: isBox ? COLOURS.coverage : COLOURS.pickup,
    weight: 1.5,
    dashArray: DASHES.coverage,
    fillOpacity: 0.04,
    interactive: false,
  }).addTo(rings);
}
