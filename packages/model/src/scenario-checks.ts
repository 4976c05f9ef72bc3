import { distanceOutsideAreaM } from './geo';
import { clockTimeToS, type LonLat } from './primitives';
import type { Problem } from './problems';
import type { Scenario } from './scenario';

/** How far outside the area a point may lie. Demand and boxes serve the area; hubs and bus stops may be in the next town. */
export const NEAR_AREA_M = { local: 5_000, regional: 60_000 } as const;

function findDuplicates(ids: readonly string[]): Map<string, number[]> {
  const seen = new Map<string, number[]>();
  ids.forEach((id, i) => seen.set(id, [...(seen.get(id) ?? []), i]));
  return new Map([...seen].filter(([, at]) => at.length > 1));
}

function km(m: number): string {
  return `${(m / 1000).toFixed(1)} km`;
}

/** Checks that need the whole document: unique ids, references, positions against the area. */
export function checkScenario(s: Scenario): Problem[] {
  const problems: Problem[] = [];

  // Places share one id space, so that a route stop's `at` names exactly one of them.
  const places: { path: string; id: string }[] = [
    ...s.demand.map((d, i) => ({ path: `demand[${i}].id`, id: d.id })),
    ...s.pickupPoints.map((p, i) => ({ path: `pickupPoints[${i}].id`, id: p.id })),
    ...s.candidateSites.map((c, i) => ({ path: `candidateSites[${i}].id`, id: c.id })),
    ...s.hubs.map((h, i) => ({ path: `hubs[${i}].id`, id: h.id })),
  ];
  for (const [id, at] of findDuplicates(places.map((p) => p.id))) {
    const [first, ...rest] = at.map((i) => places[i]!.path);
    for (const path of rest) {
      problems.push({
        path,
        message: `id "${id}" is already used at ${first}; ids of places must be unique`,
      });
    }
  }
  for (const [collection, items] of [
    ['vehicles', s.vehicles],
    ['transportRoutes', s.transportRoutes],
  ] as const) {
    for (const [id, at] of findDuplicates(items.map((v) => v.id))) {
      for (const i of at.slice(1)) {
        problems.push({
          path: `${collection}[${i}].id`,
          message: `id "${id}" is already used at ${collection}[${at[0]}]`,
        });
      }
    }
  }

  const hubIds = new Set(s.hubs.map((h) => h.id));
  const stopTargets = new Set([
    ...hubIds,
    ...s.candidateSites.map((c) => c.id),
    ...s.pickupPoints.map((p) => p.id),
  ]);
  const hubList = s.hubs.length ? s.hubs.map((h) => `"${h.id}"`).join(', ') : 'none: add one under "hubs"';

  s.vehicles.forEach((v, i) => {
    if (!hubIds.has(v.startHubId)) {
      problems.push({
        path: `vehicles[${i}].startHubId`,
        message: `no hub has id "${v.startHubId}" (hubs: ${hubList})`,
      });
    }
    if (v.endHubId !== undefined && !hubIds.has(v.endHubId)) {
      problems.push({
        path: `vehicles[${i}].endHubId`,
        message: `no hub has id "${v.endHubId}" (hubs: ${hubList})`,
      });
    }
    if (clockTimeToS(v.shift.start) >= clockTimeToS(v.shift.end)) {
      problems.push({ path: `vehicles[${i}].shift`, message: 'the shift must start before it ends' });
    }
  });

  s.transportRoutes.forEach((r, i) => {
    if (r.loadingHubId !== undefined && !hubIds.has(r.loadingHubId)) {
      problems.push({
        path: `transportRoutes[${i}].loadingHubId`,
        message: `no hub has id "${r.loadingHubId}" (hubs: ${hubList})`,
      });
    }
    let previousS = -1;
    r.stops.forEach((stop, j) => {
      if (stop.at !== undefined && !stopTargets.has(stop.at)) {
        problems.push({
          path: `transportRoutes[${i}].stops[${j}].at`,
          message: `no hub, candidate site or pickup point has id "${stop.at}"`,
        });
      }
      const timeS = clockTimeToS(stop.time);
      if (timeS < previousS) {
        problems.push({
          path: `transportRoutes[${i}].stops[${j}].time`,
          message: `stop times must not go back in time (${stop.time} comes after ${r.stops[j - 1]!.time})`,
        });
      }
      previousS = timeS;
    });
  });

  const positioned: { path: string; location: LonLat; reach: number }[] = [
    ...s.demand.map((d, i) => ({
      path: `demand[${i}].location`,
      location: d.location,
      reach: NEAR_AREA_M.local,
    })),
    ...s.pickupPoints.map((p, i) => ({
      path: `pickupPoints[${i}].location`,
      location: p.location,
      reach: NEAR_AREA_M.local,
    })),
    ...s.candidateSites.map((c, i) => ({
      path: `candidateSites[${i}].location`,
      location: c.location,
      reach: NEAR_AREA_M.local,
    })),
    ...s.hubs.map((h, i) => ({
      path: `hubs[${i}].location`,
      location: h.location,
      reach: NEAR_AREA_M.regional,
    })),
    ...s.transportRoutes.flatMap((r, i) =>
      r.stops.flatMap((stop, j) =>
        stop.location
          ? [
              {
                path: `transportRoutes[${i}].stops[${j}].location`,
                location: stop.location,
                reach: NEAR_AREA_M.regional,
              },
            ]
          : [],
      ),
    ),
  ];
  for (const { path, location, reach } of positioned) {
    const outsideM = distanceOutsideAreaM(location, s.area);
    if (outsideM <= reach) continue;
    const swapped: LonLat = [location[1], location[0]];
    const swappedValid = Math.abs(swapped[1]) <= 90;
    if (swappedValid && distanceOutsideAreaM(swapped, s.area) <= reach) {
      problems.push({
        path,
        message: `[${location.join(', ')}] looks like [lat, lon]; coordinates are [lon, lat]: did you mean [${swapped.join(', ')}]?`,
      });
    } else {
      problems.push({
        path,
        message: `[${location.join(', ')}] lies ${km(outsideM)} outside the scenario area (at most ${km(reach)} allowed); check the position, or widen "area"`,
      });
    }
  }

  if (s.policy.maxBoxes !== undefined && s.policy.maxBoxes > s.candidateSites.length) {
    problems.push({
      path: 'policy.maxBoxes',
      message: `${s.policy.maxBoxes} boxes asked for, but only ${s.candidateSites.length} candidate sites are listed`,
    });
  }
  return problems;
}
