// A car profile after OSRM's profiles/car.lua (v5/v26): the same highway speeds, maxspeed × 0.8,
// surface caps, access blacklist and routability penalties, so that numbers stay close to an
// OSRM server built from the same extract. Turn penalties and turn restrictions are not modelled
// (the graph is node-based); see the package README for what that costs in fidelity.

export const PROFILE_VERSION = 'car-2';

const HIGHWAY_SPEED_KMH: Record<string, number> = {
  motorway: 90,
  motorway_link: 45,
  trunk: 85,
  trunk_link: 40,
  primary: 65,
  primary_link: 30,
  secondary: 55,
  secondary_link: 25,
  tertiary: 40,
  tertiary_link: 20,
  unclassified: 25,
  residential: 25,
  living_street: 10,
  service: 15,
};

const SPEED_REDUCTION = 0.8;

const ACCESS_KEYS = ['motorcar', 'motor_vehicle', 'vehicle', 'access'];
const ACCESS_BLACKLIST = new Set([
  'no',
  'agricultural',
  'forestry',
  'emergency',
  'psv',
  'customers',
  'private',
  'delivery',
]);
const ACCESS_RESTRICTED = new Set(['destination']);

const SERVICE_SLOW = new Set([
  'alley',
  'parking',
  'parking_aisle',
  'driveway',
  'drive-through',
  'drive-thru',
]);
const SERVICE_BLACKLIST = new Set(['emergency_access']);

const AVOID_HIGHWAY = new Set([
  'area',
  'reversible',
  'impassable',
  'hov_lanes',
  'steps',
  'construction',
  'proposed',
]);

const SURFACE_SPEED_KMH: Record<string, number> = {
  cement: 80,
  compacted: 80,
  fine_gravel: 80,
  paving_stones: 60,
  metal: 60,
  bricks: 60,
  grass: 40,
  wood: 40,
  sett: 40,
  grass_paver: 40,
  gravel: 40,
  unpaved: 40,
  ground: 40,
  dirt: 40,
  pebblestone: 40,
  tartan: 40,
  cobblestone: 30,
  clay: 30,
  earth: 20,
  stone: 20,
  rocky: 20,
  sand: 20,
  mud: 10,
};

const MAXSPEED_BY_ZONE: Record<string, number> = {
  'at:rural': 100,
  'at:trunk': 100,
  'ch:rural': 80,
  'ch:trunk': 100,
  'ch:motorway': 120,
  'de:living_street': 7,
  'de:rural': 100,
  'de:motorway': 0,
  'dk:rural': 80,
  'fi:rural': 80,
  'no:rural': 80,
  'se:rural': 70,
  'se:urban': 50,
  'se:motorway': 110,
};
const MAXSPEED_BY_KIND: Record<string, number> = { urban: 50, rural: 90, trunk: 110, motorway: 130 };

/** Parses `maxspeed` values as OSRM does: numbers (km/h or mph), zone codes such as `DE:rural`. */
export function parseMaxspeedKmh(value: string | undefined): number | undefined {
  if (!value) return undefined;
  const v = value.trim().toLowerCase();
  const number = /^(\d+(?:\.\d+)?)\s*(mph|km\/h|kmh)?$/.exec(v);
  if (number) return Number(number[1]) * (number[2] === 'mph' ? 1.609344 : 1) || undefined;
  if (v === 'none') return 140;
  if (v === 'walk') return 7;
  const zone = v.replace(/^([a-z]{2})[:_]/, '$1:').replace(/^([a-z]{2}:)zone:?/, '$1');
  if (MAXSPEED_BY_ZONE[zone] !== undefined) return MAXSPEED_BY_ZONE[zone] || undefined;
  const kind = zone.split(':')[1];
  return kind !== undefined ? MAXSPEED_BY_KIND[kind] : undefined;
}

export interface CarWay {
  /** km/h along the way's node order; 0 where cars may not go that way. */
  forwardKmh: number;
  backwardKmh: number;
  /** Routability: OSRM weighs slow-to-use roads (parking aisles, narrow lanes) as if slower. */
  forwardPenalty: number;
  backwardPenalty: number;
  /** access=destination: allowed, but only to reach places on it. */
  restricted: boolean;
}

export type WayVerdict = CarWay | 'ferry' | null;

function accessValue(tags: Record<string, string>, suffix = ''): string | undefined {
  for (const key of ACCESS_KEYS) {
    const v = tags[key + suffix];
    if (v !== undefined) return v;
  }
  return undefined;
}

/** What a car may do on a way: speeds per direction, or `null` (not for cars), or 'ferry' (left out, counted). */
export function carWay(tags: Record<string, string>): WayVerdict {
  const highway = tags.highway;
  if (tags.route === 'ferry') return 'ferry';
  if (highway === undefined || HIGHWAY_SPEED_KMH[highway] === undefined) return null;
  if (AVOID_HIGHWAY.has(highway) || tags.area === 'yes' || tags.impassable === 'yes') return null;
  const access = accessValue(tags);
  if (access !== undefined && ACCESS_BLACKLIST.has(access)) return null;
  const service = tags.service;
  if (service && SERVICE_BLACKLIST.has(service)) return null;
  if (tags.smoothness === 'impassable') return null;

  let speed = HIGHWAY_SPEED_KMH[highway]!;
  if (service && SERVICE_SLOW.has(service)) speed = Math.min(speed, 5);
  let forward = speed;
  let backward = speed;
  const maxspeed = parseMaxspeedKmh(
    tags['maxspeed:advisory'] ?? tags.maxspeed ?? tags['source:maxspeed'] ?? tags['maxspeed:type'],
  );
  const maxForward = parseMaxspeedKmh(tags['maxspeed:forward']) ?? maxspeed;
  const maxBackward = parseMaxspeedKmh(tags['maxspeed:backward']) ?? maxspeed;
  if (maxForward) forward = maxForward * SPEED_REDUCTION;
  if (maxBackward) backward = maxBackward * SPEED_REDUCTION;
  const surfaceCap = SURFACE_SPEED_KMH[tags.surface ?? ''];
  if (surfaceCap !== undefined) {
    forward = Math.min(forward, surfaceCap);
    backward = Math.min(backward, surfaceCap);
  }

  const oneway =
    tags['oneway:motorcar'] ?? tags['oneway:motor_vehicle'] ?? tags['oneway:vehicle'] ?? tags.oneway;
  if (oneway === '-1') forward = 0;
  else if (oneway === 'yes' || oneway === '1' || oneway === 'true') backward = 0;
  else if (
    oneway !== 'no' &&
    (highway === 'motorway' || tags.junction === 'roundabout' || tags.junction === 'circular')
  )
    backward = 0;
  if (oneway === 'reversible') return null;
  const forwardAccess = accessValue(tags, ':forward');
  const backwardAccess = accessValue(tags, ':backward');
  if (forwardAccess && ACCESS_BLACKLIST.has(forwardAccess)) forward = 0;
  if (backwardAccess && ACCESS_BLACKLIST.has(backwardAccess)) backward = 0;
  if (forward <= 0 && backward <= 0) return null;

  let penalty = 1;
  if (service && SERVICE_SLOW.has(service)) penalty = 0.5;
  const bidirectional = forward > 0 && backward > 0;
  const width = Number.parseFloat(tags.width ?? '');
  const lanes = Number.parseFloat(tags.lanes ?? '');
  if (bidirectional && ((width > 0 && width <= 3) || lanes === 1)) penalty = Math.min(penalty, 0.5);
  if (oneway === 'alternating') penalty = Math.min(penalty, 0.4);
  if (tags.side_road === 'yes' || tags.side_road === 'rotary') penalty = Math.min(penalty, 0.8);

  return {
    forwardKmh: Math.max(0, forward),
    backwardKmh: Math.max(0, backward),
    forwardPenalty: penalty,
    backwardPenalty: penalty,
    restricted: access !== undefined && ACCESS_RESTRICTED.has(access),
  };
}

const PASSABLE_BARRIERS = new Set([
  'cattle_grid',
  'border_control',
  'toll_booth',
  'sally_port',
  'gate',
  'lift_gate',
  'no',
  'entrance',
  'height_restrictor',
  'arch',
]);

export const NODE_SIGNALS = 1;
export const NODE_BLOCKED = 2;

/** Traffic signals cost time; barriers other than gates and the like block cars, as in car.lua. */
export function carNodeFlags(tags: Record<string, string>): number {
  let flags = 0;
  if (tags.highway === 'traffic_signals') flags |= NODE_SIGNALS;
  const barrier = tags.barrier;
  if (barrier !== undefined && !PASSABLE_BARRIERS.has(barrier)) {
    const access = accessValue(tags);
    const allowed = access !== undefined && !ACCESS_BLACKLIST.has(access);
    if (!allowed) flags |= NODE_BLOCKED;
  }
  return flags;
}

/** Seconds a car loses at traffic signals (car.lua: traffic_signal_penalty). */
export const SIGNAL_PENALTY_S = 2;
/** Extra routability weight for entering an access=destination road (car.lua: restricted_penalty). */
export const RESTRICTED_PENALTY = 3000;
