import type { TravelModelSummary, TravelSettings } from '@paketbygd/model';
import { DEFAULT_DETOUR_FACTOR, DEFAULT_SPEED_BANDS } from '@paketbygd/travel';

/**
 * What a report prints about how distances and times were computed. The straight-line backend's
 * detour factor also gives the radius of a coverage ring: the access limit by road divided by it.
 * For road backends the factor is the measured rural median, for drawing only.
 */
export function travelModelOf(settings: TravelSettings): TravelModelSummary {
  const detourFactor = settings.detourFactor ?? DEFAULT_DETOUR_FACTOR;
  if (settings.backend !== 'straightline') {
    return {
      backend: settings.backend,
      detourFactor: DEFAULT_DETOUR_FACTOR,
      ...(settings.backend === 'osrm' && settings.osrmUrl ? { source: settings.osrmUrl } : {}),
      ...(settings.backend === 'roadgraph' && settings.osmFile ? { source: settings.osmFile } : {}),
    };
  }
  return {
    backend: 'straightline',
    detourFactor,
    speedBands: DEFAULT_SPEED_BANDS.map((b) => ({
      upToM: Number.isFinite(b.upToM) ? b.upToM : null,
      speedKmh: b.speedKmh,
    })),
  };
}
