import type { PlanMessage } from '@paketbygd/model';

/**
 * Every warning and assumption the planner writes: its code, its parameters (ids and figures, so
 * that a report can word it in its own language with its own number format) and the English
 * sentence that JSON readers get in `warnings` / `assumptions`.
 */
export const warn = {
  /** `point` is the id of a place, or "point n" for a route stop given by position. */
  travelPoint: (point: string, message: string): PlanMessage => ({
    code: 'travel_point',
    params: { point, message },
    text: `travel: point ${point.startsWith('point ') ? `route stop (${point})` : `"${point}"`}: ${message}`,
  }),
  unreachableToday: (count: number): PlanMessage => ({
    code: 'unreachable_today',
    params: { count },
    text: `${count} demand point${count === 1 ? ' reaches' : 's reach'} no existing pickup point today; access means and p90 are over the people who reach one`,
  }),
  noCandidateSites: (): PlanMessage => ({
    code: 'no_candidate_sites',
    params: {},
    text: 'the scenario has no candidate sites: no box can be placed, the plan shows today only',
  }),
  maxBoxesZero: (): PlanMessage => ({
    code: 'max_boxes_zero',
    params: {},
    text: 'policy.maxBoxes is 0: no box is placed',
  }),
  placementInfeasible: (notes: string[]): PlanMessage => ({
    code: 'placement_infeasible',
    params: { notes },
    text: `placement: ${notes.join('; ')}`,
  }),
  /** `demand` are demand ids; `names` what the English sentence calls them. */
  nearestBoxFull: (
    full: readonly { demandId: string; name: string; parcels: number; ofParcels: number }[],
  ): PlanMessage => ({
    code: 'nearest_box_full',
    params: {
      count: full.length,
      demand: full.map((f) => f.demandId),
      parcels: full.map((f) => f.parcels),
      ofParcels: full.map((f) => f.ofParcels),
    },
    text: `the nearest box is full for ${full.length} demand point${full.length === 1 ? '' : 's'}, whose parcels (a week) are fetched at an existing pickup point instead: ${full.map((f) => `${f.name} (${f.parcels.toFixed(0)} of ${f.ofParcels.toFixed(0)})`).join(', ')}`,
  }),
  detoursTogetherTooLong: (
    route: string,
    detourMin: number,
    limitMin: number,
    site: string,
  ): PlanMessage => ({
    code: 'detours_together_too_long',
    params: { route, detourMin, limitMin, site },
    text: `route "${route}": the boxes' detours together (${detourMin.toFixed(1)} min) exceed ${limitMin} min; box "${site}" goes by van instead`,
  }),
  routeWithoutCo2: (route: string): PlanMessage => ({
    code: 'route_without_co2',
    params: { route },
    text: `route "${route}" has no co2GPerKm: its detour's CO2 is counted as 0`,
  }),
  loadsBeforeParcels: (
    route: string,
    loadsAt: string,
    hub: string,
    parcelsArriveAt: string,
  ): PlanMessage => ({
    code: 'loads_before_parcels',
    params: { route, loadsAt, hub, parcelsArriveAt },
    text: `route "${route}" loads at ${loadsAt}, before parcels reach ${hub} at ${parcelsArriveAt}: its boxes get the previous day's parcels`,
  }),
  vanRouteViolation: (message: string): PlanMessage => ({
    code: 'van_route_violation',
    params: { message },
    text: `van routes: ${message}`,
  }),
  boxUnfilled: (site: string, reason: string): PlanMessage => ({
    code: 'box_unfilled',
    params: { site, reason },
    text: `no van can fill box "${site}" (${reason}): its households fetch their parcels where they do today`,
  }),
  routeGeometryFailed: (message: string): PlanMessage => ({
    code: 'route_geometry_failed',
    params: { message },
    text: `route geometry: ${message}; the map draws straight lines between stops`,
  }),
  fewerDeliveries: (site: string, route: string, perWeek: number, policyPerWeek: number): PlanMessage => ({
    code: 'fewer_deliveries',
    params: { site, route, perWeek, policyPerWeek },
    text: `box "${site}" is filled by "${route}" ${perWeek} times a week, fewer than the policy's ${policyPerWeek}`,
  }),
  coverageShort: (coveredShare: number, targetShare: number): PlanMessage => ({
    code: 'coverage_short',
    params: { coveredShare, targetShare },
    text: `coverage after is ${(coveredShare * 100).toFixed(1)} % of the population, short of the target ${(targetShare * 100).toFixed(0)} %`,
  }),
};

export const assume = {
  /** A note of the placement package, in English only. */
  placementNote: (text: string): PlanMessage => ({ code: 'placement_note', params: {}, text }),
  anySiteMayGetBox: (): PlanMessage => ({
    code: 'any_site_may_get_box',
    params: {},
    text: 'the policy sets neither maxBoxes nor budgetPerYear: any candidate site may get a box',
  }),
  boxCapacity: (dwellTimeDays: number): PlanMessage => ({
    code: 'box_capacity',
    params: { dwellTimeDays },
    text: `a box with c compartments takes c × 7 / ${dwellTimeDays} parcels a week (a parcel waits ${dwellTimeDays} days on average)`,
  }),
  investmentSpread: (years: number): PlanMessage => ({
    code: 'investment_spread',
    params: { years },
    text: `investment is spread over ${years} years without interest; weekly figures are yearly / 52`,
  }),
  householdTrips: (parcelsPerTrip: number, carShare: number, carCo2GPerKm: number): PlanMessage => ({
    code: 'household_trips',
    params: { parcelsPerTrip, carShare, carCo2GPerKm },
    text: `households fetch ${parcelsPerTrip} parcels a trip, ${(carShare * 100).toFixed(0)} % of trips by car at ${carCo2GPerKm} g CO2/km, there and back`,
  }),
  sameParcelsEachDay: (days: readonly string[]): PlanMessage => ({
    code: 'same_parcels_each_day',
    params: { days: [...days] },
    text: `each delivery day has the same parcels (weekly / ${days.length}), so the van routes are the same on ${days.join(', ')}`,
  }),
  vanServiceTimes: (boxS: number, doorSPerParcel: number): PlanMessage => ({
    code: 'van_service_times',
    params: { boxS, doorSPerParcel },
    text: `a van spends ${boxS} s at a box and ${doorSPerParcel} s per parcel at a door`,
  }),
  carrierAssignment: (method: 'enumeration' | 'greedy'): PlanMessage => ({
    code: 'carrier_assignment',
    params: { method },
    text: `carriers are assigned by ${method === 'enumeration' ? 'exact enumeration' : 'greedy improvement'} against van costs estimated from shortest tours; their detours are cheapest insertions between consecutive stops after loading`,
  }),
  costPerParcel: (): PlanMessage => ({
    code: 'cost_per_parcel',
    params: {},
    text: 'cost per parcel is the weekly cost over the parcels delivered to boxes and homes',
  }),
  homeDeliveryCovered: (): PlanMessage => ({
    code: 'home_delivery_covered',
    params: {},
    text: 'home-delivered households count as covered, at access distance 0',
  }),
  /** Lines without a hub loaded at a transfer stop: each such route, its stop and its minutes. */
  transferTimes: (
    defaultMin: number,
    transfers: readonly { route: string; stop: string; minutes: number }[],
  ): PlanMessage => ({
    code: 'transfer_times',
    params: {
      defaultMin,
      routes: transfers.map((t) => t.route),
      stops: transfers.map((t) => t.stop),
      minutes: transfers.map((t) => t.minutes),
    },
    text: `a line that passes no hub is loaded at a transfer stop, a set time after a line from the hub gets there (assumption, a route's minTransferMin; default ${defaultMin} min): ${transfers.map((t) => `${t.route} at ${t.stop} (${t.minutes} min)`).join(', ')}`,
  }),
  departureRoomDefault: (): PlanMessage => ({
    code: 'departure_room_default',
    params: {},
    text: "a departure without its own spareCapacityParcels has the transport's spare room on each day it runs",
  }),
};
