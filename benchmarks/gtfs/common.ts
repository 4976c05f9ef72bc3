import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Scenario } from '@paketbygd/model';

export const REPO = fileURLToPath(new URL('../..', import.meta.url));
export const NORRBOTTEN = join(REPO, '../shared/gtfs/norrbotten-2022-12-14');
const MUNICIPALITIES = join(REPO, '../shared/geodata/sweden/swedish_municipalities.geojson');

/**
 * A scenario for one kommun with only what the GTFS step reads: its boundary (from the shared
 * municipalities file), a hub and one demand point. The hub is at the given position.
 */
export function kommunScenario(kommunId: string, hub: [number, number]): Scenario {
  const geo = JSON.parse(readFileSync(MUNICIPALITIES, 'utf8')) as {
    features: { properties: { id: string; kom_namn: string }; geometry: unknown }[];
  };
  const feature = geo.features.find((f) => f.properties.id === kommunId);
  if (!feature) throw new Error(`kommun ${kommunId} is not in ${MUNICIPALITIES}`);
  return Scenario.parse({
    kind: 'scenario',
    name: `${feature.properties.kom_namn} (benchmark)`,
    area: feature.geometry,
    currency: 'SEK',
    demand: [{ id: 'centre', location: hub, population: 1, parcelsPerWeek: 1 }],
    hubs: [{ id: 'hub', location: hub, parcelsArriveAt: '09:00' }],
    policy: { maxAccessDistanceM: 5000, deliveriesPerWeek: 3 },
  });
}

/** Arjeplog kommun (2506); the hub at Arjeplog Busstation (stops.txt of the Norrbotten feed). */
export const ARJEPLOG: { id: string; hub: [number, number] } = { id: '2506', hub: [17.897508, 66.052749] };
