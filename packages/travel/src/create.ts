import type { TravelSettings } from '@paketbygd/model';
import { CachedTravelCosts, type MatrixCacheOptions } from './cache';
import { OsrmTravel } from './osrm/osrm';
import { RoadGraphTravel } from './roadgraph/roadgraph';
import { StraightLineTravel } from './straightline';
import type { TravelCosts } from './types';

export interface CreateTravelOptions {
  /** Where the roadgraph backend keeps built graphs; `false` keeps none. */
  graphCacheDir?: string | false;
  /** In-memory matrix cache; `false` turns it off. */
  matrixCache?: MatrixCacheOptions | false;
  farPoints?: 'error' | 'flag';
  /** Straight line: refuse points that look like Sweden's [lat, lon] (default true). */
  swappedCheck?: boolean;
  log?: (message: string) => void;
}

/** The backend a scenario's `travel` settings ask for, behind the matrix cache. */
export function createTravelCosts(settings: TravelSettings, options: CreateTravelOptions = {}): TravelCosts {
  const common = {
    ...(settings.maxSnapDistanceM !== undefined ? { maxSnapDistanceM: settings.maxSnapDistanceM } : {}),
    ...(options.farPoints ? { farPoints: options.farPoints } : {}),
  };
  let backend: TravelCosts;
  switch (settings.backend) {
    case 'osrm':
      if (!settings.osrmUrl) throw new Error('backend "osrm" needs osrmUrl');
      backend = new OsrmTravel({ url: settings.osrmUrl, ...common });
      break;
    case 'roadgraph':
      if (!settings.osmFile) throw new Error('backend "roadgraph" needs osmFile');
      backend = new RoadGraphTravel({
        osmFile: settings.osmFile,
        ...common,
        ...(options.graphCacheDir !== undefined ? { cacheDir: options.graphCacheDir } : {}),
        ...(options.log ? { log: options.log } : {}),
      });
      break;
    case 'straightline':
      backend = new StraightLineTravel({
        ...(settings.detourFactor !== undefined ? { detourFactor: settings.detourFactor } : {}),
        ...(options.swappedCheck !== undefined ? { swappedCheck: options.swappedCheck } : {}),
      });
      break;
  }
  return options.matrixCache === false ? backend : new CachedTravelCosts(backend, options.matrixCache ?? {});
}
