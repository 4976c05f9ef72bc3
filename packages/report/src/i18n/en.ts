/** English: every word of the reports, the comparison and the page. `sv.ts` has the same keys. */

/** A criterion scored on a scale from worst to best: its figures, formatted, for one sentence. */
export interface ScaleExplanation {
  name: string;
  value: string;
  /** What a bid promised beyond what its plan delivers, or ''. */
  promise: string;
  /** How far along the scale, as a percentage. */
  pct: string;
  worst: string;
  best: string;
  /** Points won, or kronor deducted. */
  amount: string;
  /** Of how many points or kronor. */
  of: string;
}

const en = {
  common: {
    none: 'none',
    yes: 'yes',
    no: 'no',
    today: 'Today',
    afterPlan: 'After the plan',
    points: 'points',
    perYear: 'per year',
    perWeek: 'per week',
    warnings: (n: number) => `⚠ Warnings (${n})`,
    contents: 'Contents',
    noSources: 'The scenario names no sources.',
    licence: 'licence',
    roadData: (attribution: string) =>
      `Road data ${attribution}, available under the Open Database License (ODbL).`,
  },
  travel: {
    title: 'Travel model',
    backend: {
      straightline: 'straight-line distances times a detour factor (no road data)',
      osrm: 'OSRM on OpenStreetMap roads',
      roadgraph: 'the embedded road graph built from OpenStreetMap',
    } as Record<string, string>,
    line: (backend: string, what: string) => `Travel distances and times (${backend}): ${what}.`,
    detour: (factor: string) => `road distance = straight line × ${factor}`,
    speeds: (text: string) => `speeds: ${text}`,
    band: (kmh: string, upTo: string | undefined) => (upTo ? `${kmh} up to ${upTo}` : `${kmh} beyond`),
    source: (s: string) => `data: ${s}`,
    // The road graph's car profile (packages/travel/src/roadgraph/car-profile.ts, after OSRM's car.lua).
    roadgraphSpeeds:
      'distances along the roads; speeds by road type (motorway 90, primary 65, secondary 55, tertiary 40, residential 25 km/h) or 80 % of a posted limit',
    osrmSpeeds: "distances along the roads; speeds from the OSRM server's car profile",
    straightInComparison:
      'Every entry is evaluated on the same demand and the same travel matrix; distances are straight lines times the detour factor, not roads.',
    sameMatrix: 'Every entry is evaluated on the same demand and the same travel matrix.',
  },
  status: {
    covered_before: 'Covered already today',
    newly_covered: 'Newly covered by a box',
    home_delivery: 'Not covered: home delivery',
    not_covered: 'Not covered',
    lost: 'Covered today, not after',
    unknown: 'Not in the plan',
  },
  kpi: {
    within: (limit: string) => `within ${limit}`,
    withinLimit: 'within the access limit',
    populationWithin: (limit: string) => `Population ${limit}`,
    householdsWithin: (limit: string) => `Households ${limit}`,
    meanAccess: 'Mean distance to a pickup point',
    meanTime: (t: string) => `mean travel time ${t}`,
    p90: 'Distance for the furthest 10 % (p90)',
    vehicleKm: 'Vehicle-km per week',
    detourKm: (km: string) => `of which carrier detours ${km}`,
    driverHours: 'Driver hours per week',
    costWeek: 'Cost per week',
    costYear: (money: string) => `${money} per year`,
    costParcel: 'Cost per parcel',
    co2Week: 'CO₂ per week, with household trips',
    householdTrips: (kg: string, km: string) => `household trips ${kg} (${km})`,
    unserved: 'Parcels not served per week',
    ofParcels: (n: string) => `of ${n} parcels per week`,
    todayValue: (v: string) => `today ${v}`,
    better: ' (better)',
    worse: ' (worse)',
    pp: 'pp',
  },
  plan: {
    title: (name: string) => `Parcel delivery plan: ${name}`,
    subtitle: (scenario: string, date: string, currency: string, places: number, parcels: string) =>
      `Scenario “${scenario}” · planned ${date} · amounts in ${currency} · ${places} places, ${parcels} parcels per week`,
    sections: {
      keyFigures: 'Key figures',
      map: 'Map',
      gains: 'Who gains',
      boxes: 'Parcel boxes',
      carriers: 'Existing transports',
      vans: 'Van routes',
      unserved: 'Parcels not served',
      charts: 'Before and after',
      placement: 'Placement',
      assumptions: 'Assumptions',
      sources: 'Data sources and attribution',
    },
    noBox: 'No new box is opened.',
    boxesOpened: (n: number, names: string) => `${n} new parcel box${n === 1 ? '' : 'es'}: ${names}.`,
    filledBy: (carrier: number, van: number, unfilled: number) =>
      `${carrier} filled by existing transport, ${van} by van${unfilled > 0 ? `, ${unfilled} not filled` : ''}.`,
    gainSentence: (people: string, places: number, limit: string, before: string, after: string) =>
      `${people} more people (${places} place${places === 1 ? '' : 's'}) get a pickup point ${limit}: coverage goes from ${before} to ${after} of the population.`,
    distanceSentence: (before: string, after: string) =>
      `The mean distance to a pickup point goes from ${before} to ${after}.`,
    costSentence: (week: string, year: string, parcel: string, co2: string, co2Today: string) =>
      `It costs ${week} per week (${year} per year), ${parcel} per parcel, and emits ${co2} CO₂ per week including household trips (today ${co2Today}).`,
    budgetCovers: (budget: string) =>
      `The budget of ${budget} per year limits what the new boxes cost (investment spread over their lifetime, and their yearly costs); vans and existing transports are not part of it.`,
    budgetBoxes: (boxes: string) => `The boxes cost ${boxes} per year.`,
    budgetExceeded: (total: string, budget: string) =>
      `The whole plan costs ${total} per year, more than the budget of ${budget}: the budget does not cover the vans and transports.`,
    footer: (seconds: string | undefined) =>
      `Made by Paketbygd${seconds !== undefined ? ` in ${seconds} s` : ''}. This file needs no network connection: the map, charts and styles are all inside it.`,
    charts: {
      shareTitle: 'Share within the access limit, today and after',
      shareDesc: (pb: string, pa: string, hb: string, ha: string) =>
        `Population: ${pb} today, ${pa} after. Households: ${hb} today, ${ha} after.`,
      population: 'Population',
      households: 'Households',
      distanceTitle: 'Distance to the nearest pickup point, today and after',
      distanceDesc: (mb: string, ma: string, pb: string, pa: string) =>
        `Mean ${mb} today, ${ma} after; 90th percentile ${pb} today, ${pa} after.`,
      mean: 'Mean',
      p90: '90th percentile',
      costTitle: (c: string) => `Cost per week by part (${c})`,
      costSeries: ['Box investment (annualised)', 'Box yearly costs', 'Vans', 'Existing transports'],
      costDesc: (inv: string, yearly: string, vans: string, carriers: string, total: string) =>
        `After the plan: box investment ${inv}, box yearly costs ${yearly}, vans ${vans}, existing transports ${carriers}; total ${total} per week.`,
      co2Title: 'CO₂ per week by source (kg)',
      co2Series: ['Vans', 'Existing transports (detours)', 'Household trips'],
      co2Desc: (b: string, a: string, vans: string, carriers: string, trips: string) =>
        `Today ${b}, after ${a}; after the plan vans ${vans}, existing transports ${carriers}, household trips ${trips}.`,
    },
    placement: {
      status: {
        optimal: 'optimal: no better placement exists under the model',
        feasible: 'feasible: a good placement, not proven best',
        time_limit: 'stopped at the time limit: the best placement found so far',
        infeasible: 'infeasible: no placement meets every limit of the policy',
      } as Record<string, string>,
      noBound: 'no bound was proven, so how far from the best this placement may be is unknown',
      zeroGap: 'proven gap 0 %: the bound equals the objective',
      gap: (pct: string) => `proven gap ${pct}: no placement can be better than this by more`,
      model: 'Model',
      statusLabel: 'Status',
      objective: 'Objective',
      bound: 'Bound',
      gapLabel: 'Gap',
    },
    assumptions: {
      byScenario: 'Stated by the scenario (assumed, not measured)',
      measuredError: 'Measured error',
      byPlanner: 'Stated by the planner',
      noneStated: 'None stated.',
      household: 'Household trips (scenario)',
      policy: 'Policy (scenario)',
      travel: 'Travel (scenario)',
      accessLimit: (limit: string) => `Access limit: ${limit}`,
      target: (share: string) => `Target share covered: ${share}`,
      maxBoxes: (n: number) => `At most ${n} new boxes`,
      budget: (money: string) =>
        `Budget for the boxes: ${money} per year (box investment and yearly costs only)`,
      deliveries: (n: number) => `Deliveries per week: ${n}`,
      home: (yes: string) => `Home delivery outside coverage: ${yes}`,
      transports: (yes: string) => `Existing transports may carry parcels: ${yes}`,
      lifetime: (years: string) => `Box investment spread over ${years} years`,
      dwell: (days: string) => `A parcel waits ${days} days in a compartment on average`,
      pickupTripsByCarShare: (v: string) => `Pickup trips made by car: ${v}`,
      parcelsPerPickupTrip: (v: string) => `Parcels fetched per pickup trip: ${v}`,
      carCo2GPerKm: (v: string) => `Car emissions: ${v}\u00a0g CO₂/km`,
      peoplePerHousehold: (v: string) => `People per household: ${v}`,
    },
  },
  /** The planner's warnings and assumptions, by code (the plan's `messages`); names and numbers come formatted. */
  planMessages: {
    quote: (name: string) => `“${name}”`,
    travel_point: (point: string, message: string) => `travel: ${point}: ${message}`,
    routeStop: (n: string) => `route stop ${n}`,
    unreachable_today: (n: number) =>
      `${n} demand point${n === 1 ? ' reaches' : 's reach'} no existing pickup point today; access means and p90 are over the people who reach one`,
    no_candidate_sites:
      'the scenario has no candidate sites: no box can be placed, the plan shows today only',
    max_boxes_zero: 'the policy allows 0 boxes (maxBoxes): no box is placed',
    placement_infeasible: (notes: string) => `placement: ${notes}`,
    nearest_box_full: (n: number, list: string) =>
      `the nearest box is full for ${n} demand point${n === 1 ? '' : 's'}, whose parcels (a week) are fetched at an existing pickup point instead: ${list}`,
    nearestBoxFullItem: (place: string, parcels: string, of: string) => `${place} (${parcels} of ${of})`,
    detours_together_too_long: (route: string, detour: string, limit: string, box: string) =>
      `${route}: the boxes' detours together (${detour}) exceed ${limit}; box ${box} goes by van instead`,
    route_without_co2: (route: string) => `${route} gives no CO₂ per km: its detour's CO₂ is counted as 0`,
    loads_before_parcels: (route: string, loadsAt: string, hub: string, arriveAt: string) =>
      `${route} loads at ${loadsAt}, before parcels reach ${hub} at ${arriveAt}: its boxes get the previous day's parcels`,
    van_route_violation: (message: string) => `van routes: ${message}`,
    box_unfilled: (box: string, reason: string) =>
      `no van can fill box ${box} (${reason}): its households fetch their parcels where they do today`,
    route_geometry_failed: (message: string) =>
      `route geometry: ${message}; the map draws straight lines between stops`,
    fewer_deliveries: (box: string, route: string, n: number, policy: number) =>
      `box ${box} is filled by ${route} ${n} times a week, fewer than the policy's ${policy}`,
    coverage_short: (covered: string, target: string) =>
      `coverage after is ${covered} of the population, short of the target ${target}`,
    any_site_may_get_box:
      'the policy sets neither a maximum number of boxes nor a budget: any candidate site may get a box',
    box_capacity: (dwell: string) =>
      `a box with c compartments takes c × 7 / ${dwell} parcels a week (a parcel waits ${dwell} days on average)`,
    investment_spread: (years: string) =>
      `investment is spread over ${years} years without interest; weekly figures are yearly / 52`,
    household_trips: (parcels: string, share: string, co2: string) =>
      `households fetch ${parcels} parcels a trip, ${share} of trips by car at ${co2} g CO₂/km, there and back`,
    same_parcels_each_day: (n: number, days: string) =>
      `each delivery day has the same parcels (weekly / ${n}), so the van routes are the same on ${days}`,
    van_service_times: (box: string, door: string) =>
      `a van spends ${box} s at a box and ${door} s per parcel at a door`,
    carrier_assignment: {
      enumeration:
        'carriers are assigned by exact enumeration against van costs estimated from shortest tours; their detours are cheapest insertions between consecutive stops after loading',
      greedy:
        'carriers are assigned by greedy improvement against van costs estimated from shortest tours; their detours are cheapest insertions between consecutive stops after loading',
    } as Record<string, string>,
    cost_per_parcel: 'cost per parcel is the weekly cost over the parcels delivered to boxes and homes',
    home_delivery_covered: 'home-delivered households count as covered, at access distance 0',
    transfer_times: (defaultMin: string, transfers: string) =>
      `a line that passes no hub is loaded at a transfer stop, a set time after a line from the hub gets there (assumption, a route's minTransferMin; default ${defaultMin} min): ${transfers}`,
    transferAt: (route: string, stop: string, minutes: string) => `${route} at ${stop} (${minutes} min)`,
    departure_room_default:
      "a departure without its own spare room (spareCapacityParcels) has the transport's spare room on each day it runs",
    /** Why the vans left a stop (the routing solver's reasons). */
    reasons: {
      no_vehicle: 'the scenario has no vans',
      capacity: 'the vans are full',
      time_window: 'no van arrives in time',
      max_duration: 'the vans’ working day is too short',
      max_distance: 'too far for the vans',
      max_travel_time: 'too long a drive for the vans',
      max_tasks: 'the vans have too many stops',
      unreachable: 'no road to it',
      not_profitable: 'not worth a van',
      skills: 'no van fit for it',
    } as Record<string, string>,
  },
  tables: {
    hosts: {
      library: 'library',
      school: 'school',
      community_hall: 'community hall',
      bus_stop: 'bus stop',
      shop: 'shop',
      fuel_station: 'fuel station',
      sports_ground: 'sports ground',
      church: 'church',
      municipal_office: 'municipal office',
      other: 'other',
    } as Record<string, string>,
    unservedReasons: {
      no_pickup_in_reach: 'No pickup point within the access limit',
      box_capacity: 'The box is full (compartment capacity)',
      no_vehicle_capacity: 'No vehicle has room',
      unreachable: 'Cannot be reached on the road network',
      budget: 'Serving it would exceed the budget',
    } as Record<string, string>,
    existingTransport: 'existing transport',
    carrierDetail: (n: string, min: string, km: string, money: string) =>
      `${n} deliveries/week; detour ${min}, ${km} per trip; ${money}/week`,
    van: 'Van',
    vanDetail: (n: string) => `${n} deliveries/week`,
    notFilled: 'not filled',
    departure: (id: string, leaves: string, arrives: string, days: string) =>
      `departure ${id} leaves the hub ${leaves}, at the box ${arrives} (${days})`,
    departureAfterTransfer: (
      id: string,
      stop: string,
      leaves: string,
      arrives: string,
      days: string,
      fromId: string,
      fromArrives: string,
    ) =>
      `departure ${id} leaves ${stop} ${leaves}, at the box ${arrives} (${days}); the parcels come to ${stop} on ${fromId}, there ${fromArrives}`,
    vanOnDays: (days: string) => `a van on ${days} (the transport does not run then)`,
    vanOnDaysNoRoom: (days: string) => `a van on ${days} (the departures then have too little spare room)`,
    notUsed: (route: string, reason: string) => `not used: ${route}, ${reason}`,
    farTransports: (n: number) =>
      n === 1
        ? '1 other transport stops nowhere near this box'
        : `${n} other transports stop nowhere near this box`,
    notUsedReasons: {
      no_stop_near_box: 'no stop near the box',
      detour_too_long: 'the detour is too long',
      too_little_room: 'too little spare room',
      wrong_days: 'runs on the wrong days',
      leaves_before_parcels: 'leaves before the parcels arrive',
      arrives_too_late: 'reaches the box too late',
      no_loading_hub: 'passes no place where parcels are loaded',
      costlier: 'costs more than a van',
    },
    noBoxes: 'No box is opened in this plan.',
    not247: 'not open 24/7',
    over: 'over',
    boxesCaption: 'New parcel boxes, who they serve and what fills them',
    boxesHead: [
      'Site',
      'Host',
      'Households',
      'Population',
      'Parcels/week',
      'Capacity/week',
      'Utilisation',
      'Filled by',
    ],
    noGains: 'No place gets a closer pickup point in this plan.',
    smallerPlaces: (n: number) => `${n} smaller places`,
    eachOnMap: 'each shown on the map',
    gainsCaption: (people: string) => `Places with a closer pickup point after the plan: ${people} people`,
    gainsHead: [
      'Place',
      'People',
      'Households',
      'Nearest pickup today',
      'Nearest pickup after',
      'Change',
      'Coverage',
    ],
    noCarriers: (policyOff: boolean) =>
      `No existing transport carries parcels in this plan${policyOff ? ' (the policy does not use existing transports)' : ''}.`,
    carriersCaption: 'Existing transports that carry parcels',
    carriersHead: ['Route', 'Days', 'Boxes inserted', 'Parcels/trip', 'Detour/trip', 'Cost/week', 'CO₂/week'],
    operatorUnknown: 'operator not stated',
    carrierFacts: (operator: string, kind: string, spare: string, detour: string) =>
      `${operator}; ${kind}; spare room ${spare} parcels, detour allowed ${detour} min`,
    stopsCaption: (days: string) => `Stops in driving order (${days})`,
    stopsHead: ['Time', 'Stop', 'Parcel box'],
    boxInserted: 'box inserted',
    noVans: 'No van drives in this plan.',
    vansCaption: 'Van routes per week',
    vansHead: ['Day', 'Vehicle', 'Stops', 'Parcels', 'Distance', 'Duration', 'Cost', 'CO₂'],
    sameRoute: (days: string) => `${days} (the same route each day)`,
    vanDay: (km: string, h: string, money: string, kg: string) => `${km}, ${h}, ${money} and ${kg} CO₂ a day`,
    vanStopsCaption: (vehicle: string, days: string) => `Stops of ${vehicle}, ${days}`,
    vanStopsHead: ['Arrival', 'Stop', 'Parcels'],
    hub: '(hub)',
    homeDelivery: '(home delivery)',
    allServed: 'Every parcel is accounted for: delivered to a box, an existing pickup point or a home.',
    unservedCaption: (n: string) => `Parcels not served: ${n} per week`,
    unservedHead: ['Place', 'Parcels/week', 'Reason', 'Detail'],
  },
  map: {
    title: 'Map: boxes, pickup points, routes and coverage',
    desc: (
      name: string,
      demand: number,
      newly: number,
      pickups: number,
      boxes: number,
      notOpened: number,
      vans: number,
      carriers: number,
    ) =>
      `Map of ${name}: the area boundary, ${demand} demand points sized by population and coloured by coverage (${newly} newly covered), ${pickups} existing pickup points, ${boxes} new parcel boxes, ${notOpened} candidate sites not opened, ${vans} van routes and ${carriers} carrier routes.`,
    legend: 'Legend',
    newBox: 'New parcel box',
    pickup: 'Existing pickup point',
    candidate: 'Candidate site, not opened',
    hub: 'Hub (parcels arrive here)',
    place: (status: string) => `Place: ${status}`,
    circleNote: (n: string) => `Circle area grows with population (largest: ${n} people).`,
    ringBefore: (km: string) => `${km} around existing pickup points`,
    ringAfter: (km: string) => `${km} around new boxes`,
    areaBefore: (limit: string) => `Within ${limit} by road of an existing pickup point`,
    areaAfter: (limit: string) => `Within ${limit} by road of a new box`,
    mainRoads: 'Main road (50 km/h or more, OpenStreetMap)',
    transport: (name: string) => `Existing transport: ${name}`,
    vanLegend: (vehicle: string, days: string) => `Van: ${vehicle}, ${days}`,
    carrierTitle: (name: string, boxes: number, detour: string) =>
      `${name}: parcels to ${boxes} box(es), detour ${detour} per trip`,
    vanTitle: (vehicle: string, day: string, km: string, stops: number) =>
      `${vehicle}, ${day}: ${km}, ${stops} stops`,
    demandTitle: (name: string, people: string, status: string) => `${name}: ${people} people, ${status}`,
    demandDetail: (before: string, after: string) => `; nearest pickup point today ${before}, after ${after}`,
    candidateTitle: (name: string) => `${name}: candidate site, not opened`,
    pickupTitle: (name: string) => `${name}: existing pickup point`,
    hubTitle: (name: string, at: string) => `${name}: hub, parcels arrive ${at}`,
    boxTitle: (name: string, parcels: string) => `${name}: new parcel box, ${parcels} parcels/week`,
    tilesNote: (template: string) =>
      `Background tiles are requested from ${template} when this file is opened; without a connection the map is still complete. Follow the tile server's usage policy and credit it.`,
    badTiles:
      'The tile URL given is not an http(s) or relative URL with {z}/{x}/{y} placeholders, so no background is drawn.',
    ringsStraight: (radius: string, limit: string, factor: string) =>
      `Rings have a straight-line radius of ${radius}: the access limit of ${limit} by road divided by the detour factor ${factor}, so a place inside a ring is covered.`,
    ringsRoad: (radius: string, limit: string) =>
      `Rings have a straight-line radius of ${radius} (the access limit of ${limit} divided by the typical rural detour factor), for orientation; coverage is decided by road distance, so a place near a ring's edge may fall either side.`,
    areasRoad: (limit: string) =>
      `Shaded areas show from where an existing pickup point or a new box is reached within ${limit} by road: outlines of the roads reached, from the road graph (to within 25 m). A place is covered when the road it lies on is inside.`,
    routes: (geometry: boolean) =>
      `Routes follow ${geometry ? 'their geometry where the plan has it, otherwise ' : ''}straight lines between stops.`,
  },
  web: {
    langName: 'English',
    switchTo: 'Svenska',
    switchLabel: 'Visa sidan på svenska',
    title: 'Paketbygd — parcel delivery planner',
    skip: 'Skip to content',
    views: 'Views',
    tabScenario: 'Scenario',
    tabPlan: 'Plan',
    tabCompare: 'Compare',
    settings: 'Settings',
    apiKey: 'API key',
    apiKeyHelp: 'Kept for this browser tab only (sessionStorage).',
    tileUrl: 'Map tile URL (optional)',
    tileHelp: "Without tiles the map draws the scenario's own layers: the boundary and the place names.",
    scenario: 'Scenario',
    loadExample: 'Load the Vingåker example',
    uploadScenario: 'Upload a scenario file',
    saveScenario: 'Save scenario',
    noScenario: 'No scenario loaded yet.',
    policy: 'Policy',
    maxBoxes: 'Number of boxes (at most)',
    budget: 'Budget per year (boxes only)',
    accessKind: 'Access limit by',
    byDistance: 'distance (metres)',
    byDuration: 'travel time (minutes)',
    accessLimit: 'Access limit',
    accessLimitM: 'Access limit (metres)',
    accessLimitMin: 'Access limit (minutes)',
    deliveries: 'Deliveries per week',
    useTransports: 'Use existing transports (bus, library run, home care)',
    homeDelivery: 'Home delivery outside coverage',
    run: 'Run',
    timeLimit: 'Solver time limit (seconds)',
    planIt: 'Plan this scenario',
    cancel: 'Cancel',
    planProgress: 'Planning progress',
    plan: 'Plan',
    noPlan: 'No plan yet: load a scenario and plan it.',
    dlPlan: 'Download plan.json',
    dlGeojson: 'Download GeoJSON',
    dlReport: 'Download HTML report',
    beforeAfter: 'Before and after',
    boxes: 'Boxes',
    routes: 'Routes',
    compareTitle: 'Compare variants and bids',
    compareHelp: "Every entry is evaluated on the loaded scenario's demand, side by side with today.",
    loadBids: 'Load the example bids and scoring',
    uploadBids: 'Upload bid or scoring files',
    variantName: 'Variant name',
    variantPlaceholder: 'e.g. 3 boxes, vans only',
    addVariant: 'Add the current policy as a variant',
    entries: 'Entries to compare',
    compare: 'Compare',
    compareProgress: 'Comparison progress',
    dlComparison: 'Download comparison.json',
    keyFigures: 'Key figures',
    scored: 'Promised and delivered',
    charts: 'Charts',
    scores: 'Scores',
    sensitivity: 'Sensitivity',
    onMap: 'On the map',
    mapHelp:
      'Everything the map shows, as a table: Show pans the map to it and opens its details. On the map itself, Tab reaches the boxes, parcel agents, hubs, villages and candidate sites (Enter or Space opens the details, Escape closes them); arrow keys pan, + and − zoom.',
    mapTable: 'Table of the places and routes on the map',
    mapTableN: (n: number) => `Table of the ${n} places and routes on the map`,
    mapRegion: 'Map of the scenario and plan',
    mapOf: (what: string, summary: string) => `Map of ${what}: ${summary}`,
    theScenario: (name: string) => `the scenario ${name}`,
    thePlan: (name: string) => `the plan for ${name}`,
    everything: 'Everything on the map',
    head: ['Name', 'Kind', 'Details', 'On the map'] as string[],
    show: 'Show',
    showOnMap: (kind: string, name: string) => `Show ${kind} ${name} on the map`,
    kinds: {
      box: 'Parcel box',
      'van-route': 'Van route',
      'carrier-route': 'Existing transport carrying parcels',
      'pickup-point': 'Parcel agent today',
      hub: 'Hub',
      demand: 'Village',
      'candidate-site': 'Candidate site',
      'transport-route': 'Existing transport',
    } as Record<string, string>,
    legend: 'Legend',
    legendItems: {
      notPlanned: 'village, not yet planned (grey)',
      covered: 'village, within the access limit (filled)',
      uncovered: 'village, outside it (hollow ring)',
      home: 'village, home delivery (dashed rim)',
      box: 'new parcel box (square)',
      pickup: 'parcel agent today (triangle)',
      hub: 'hub (diamond)',
      candidate: 'candidate site (small dotted ring)',
      van: 'van route (solid)',
      carrier: 'existing transport carrying parcels (dashed)',
      transport: 'existing transport, not used (dotted)',
      ring: (km: string) =>
        `${km} straight line around a box or agent: the access limit by road (thin dashed ring)`,
    },
    people: (n: string) => `${n} people`,
    notPlannedYet: 'not planned yet',
    within: 'within the access limit',
    outside: 'outside the access limit',
    homeDelivered: 'home delivery',
    demandDetail: (people: string, status: string, before: string, after: string) =>
      `${people}, ${status}; to a pickup point ${before} before, ${after} after`,
    stops: (n: number) => `${n} stops`,
    notOpened: 'not opened',
    van: (vehicle: string, day: string) => `van ${vehicle}, ${day}`,
    carriesTo: (boxes: string) => `carries parcels to ${boxes}`,
    boxDetail: (pct: string, by: string) => `${pct} used, filled by ${by}`,
    submitting: 'submitting…',
    fetchingPlan: 'completed — fetching the plan…',
    completedPlan: (boxes: number, cost: string) => `completed: ${boxes} boxes, cost ${cost}/week`,
    cancelled: 'cancelled',
    cancelling: 'cancelling…',
    failed: (error: string) => `failed: ${error}`,
    notSubmitted: 'not submitted',
    scenarioSummary: (
      name: string,
      source: string,
      demand: number,
      people: string,
      agents: number,
      sites: number,
      transports: number,
      vehicles: number,
    ) =>
      `${name} (${source}): ${demand} demand points, ${people} people, ${agents} parcel agents today, ${sites} candidate sites, ${transports} existing transports, ${vehicles} vehicle types.`,
    theExample: 'the Vingåker example',
    cmpHead: ['Criterion', 'Measure', 'Value', 'Fulfilment', 'Contribution', 'Why'] as string[],
    better: 'better',
    worse: 'worse',
    unchanged: 'unchanged',
    before: 'before:',
    householdTripKm: 'Household trips per week',
    meta: (
      name: string,
      boxes: number,
      vans: number,
      carriers: number,
      status: string,
      gap: string,
      backend: string,
    ) =>
      `${name} — ${boxes} boxes, ${vans} van routes, ${carriers} existing transport(s) carrying parcels; placement ${status}${gap ? ` (gap ${gap})` : ''}; travel: ${backend}.`,
    boxCaption: 'Boxes opened by the plan',
    boxHead: ['Site and host', 'Households served', 'Utilisation', 'Filled by'] as string[],
    parcelsWk: (n: string) => `${n} parcels/wk`,
    filledCarrier: (route: string, n: string, detour: string) => `${route}, ${n}×/week, +${detour} a trip`,
    filledVan: (vehicle: string, n: string) => `van ${vehicle}, ${n}×/week`,
    notFilled: (reason: string) => `not filled: ${reason}`,
    parcelBox: '(parcel box)',
    carrierSummary: (days: string, boxes: number, parcels: string, detour: string, cost: string) =>
      `${days}; ${boxes} box(es), ${parcels} parcels a trip, +${detour} a trip, ${cost}/week`,
    vanSummary: (vehicle: string, day: string, km: string, h: string, cost: string) =>
      `Van ${vehicle}, ${day} — ${km}, ${h}, ${cost}`,
    stopParcels: (n: string) => `${n} parcels`,
    noRoutes: 'No routes: nothing to deliver to boxes.',
    unservedNote: (place: string, n: string, reason: string) =>
      `${place}: ${n} parcels/week unserved (${reason})`,
  },
  comparison: {
    title: (name: string) => `Comparison: ${name}`,
    subtitle: (scenario: string, date: string, n: number, currency: string) =>
      `Scenario “${scenario}” · compared ${date} · ${n} entries · amounts in ${currency}`,
    kinds: { today: 'today', baseline: 'Paketbygd’s plan', variant: 'variant', bid: 'bid' } as Record<
      string,
      string
    >,
    todayLabel: 'Today (existing pickup points)',
    sections: {
      keyFigures: 'Key figures side by side',
      charts: 'Cost, coverage and CO₂',
      checks: 'Requirements and prices',
      model: 'Scoring model',
      scores: 'Scores',
      sensitivity: 'Sensitivity',
      travel: 'Travel model',
      sources: 'Data sources',
    },
    measures: {
      price_per_year: 'Price per year',
      cost_per_parcel: 'Cost per parcel',
      covered_population_share: 'Population covered',
      mean_access_distance_m: 'Mean access distance',
      co2_kg_per_week: 'CO₂ per week',
      deliveries_per_week: 'Deliveries per week',
      boxes_open_247: 'Boxes open 24/7',
      fossil_free_vehicles: 'Fossil-free vehicles',
      local_jobs: 'Local jobs',
    } as Record<string, string>,
    models: {
      absolute_points: {
        name: 'Absolute points',
        how: 'Each criterion gives points from zero at a level stated in advance to full points at another stated level, times its weight. A bid’s points do not depend on the other bids, so the ranking cannot flip when a bid is added or withdrawn. The highest total wins.',
      },
      price_deduction: {
        name: 'Price deduction (mervärdesmodell)',
        how: 'Each quality criterion is worth a stated number of kronor per year; what a bid achieves of it is deducted from its price. The lowest comparison price wins. Like the points model it is absolute: no bid’s result depends on another bid.',
      },
      relative: {
        name: 'Relative points',
        how: 'Each bid is scored against the best and weakest of the bids received, so a bid’s points depend on the other bids. Adding or withdrawing a bid that cannot win can change which bid wins.',
      },
    } as Record<string, { name: string; how: string }>,
    relativeWarning:
      'Relative model: rankings can flip with the set of bids. Prefer an absolute model (points against stated levels, or a price deduction) for a decision.',
    scoreOnPlan:
      'Every figure a plan can measure is scored on what the entry’s plan delivers, or on the bid’s promise where that is lower; promises the plan cannot check (fossil-free vehicles, local jobs) are scored as promised.',
    scoreOnPromise: 'The bids’ promises are scored where they state one; the plan’s figures elsewhere.',
    perYear: (money: string) => `${money} per year`,
    ofPoints: (v: string, max: string) => `${v} of ${max} points`,
    kpiCaption: 'Key figures per entry (the best value among the plans and bids in bold)',
    keyFigure: 'Key figure',
    newBoxes: 'New boxes',
    boxesFilled: 'Boxes something fills',
    nOfM: (n: number, m: number) => `${n} of ${m}`,
    parcelsInBoxes: 'Parcels per week in boxes',
    parcelsHome: 'Parcels per week delivered home',
    disqualified: 'disqualified',
    abnormallyLowTag: 'abnormally low price',
    measuresCaption: (onPlan: boolean): string =>
      onPlan
        ? 'What was scored: the plan’s figure, with the bid’s promise and the gap where it promised more'
        : 'What was scored: the bid’s promise where it states one',
    measure: 'Measure',
    promised: (v: string) => `promised ${v}`,
    gap: (v: string) => `gap ${v}`,
    notDelivered: 'not delivered',
    costTitle: (c: string) => `Cost per week (${c})`,
    costSeries: 'Cost per week',
    coverageTitle: 'Population within the access limit',
    coverageSeries: 'Population covered',
    noRequirements: 'The scoring states no mandatory requirements.',
    requirementsCaption:
      'Mandatory requirements (ska-krav), checked before scoring on the figures that are scored',
    requirement: 'Requirement',
    atLeast: (v: string) => `at least ${v}`,
    atMost: (v: string) => `at most ${v}`,
    and: ' and ',
    met: (v: string) => `✓ met: ${v}`,
    notMet: (v: string) => `✗ not met: ${v}`,
    notMeasured: 'not measured',
    requirementText: (name: string, value: string, limit: string) => `${name}: ${value}, required ${limit}`,
    disqualifiedLine: (label: string) => `${label}: disqualified`,
    notScored: (reasons: string) => `, not scored: ${reasons}.`,
    lowTitle: 'Abnormally low prices',
    lowNone: (share: string) =>
      `No price is abnormally low by the rule (below ${share} of the median bid, or below Paketbygd’s estimate of running the same service).`,
    lowMedian: (price: string, pct: string, median: string, limit: string) =>
      `${price} a year is ${pct} of the median bid (${median}), below the ${limit} limit`,
    lowEstimate: (price: string, estimate: string) =>
      `${price} a year is below Paketbygd’s estimate of running the same boxes and transports (${estimate})`,
    lou: 'LOU (2016:1145) 16 kap. 7 §: the contracting authority must ask the bidder to explain a price that seems abnormally low.',
    estimateCaption: 'Price against Paketbygd’s estimate of running the same boxes and transports',
    estimateHead: ['Bid', 'Price per year', 'Estimate per year'],
    rankingCaption: (model: string, unit: string) => `Ranking (${model}; criterion columns in ${unit})`,
    deducted: (c: string) => `${c} deducted per year`,
    rankHead: ['Rank', 'Entry', 'Total'],
    winnerTag: 'winner',
    notRanked: (labels: string) => `Not ranked (disqualified): ${labels}.`,
    priceChartTitle: (c: string) => `Comparison price per year (${c}; lowest wins)`,
    priceChartSeries: 'Comparison price',
    pointsChartTitle: (max: string) => `Points per criterion (of ${max})`,
    pointsDesc: (label: string, v: string) => `${label}: ${v} points`,
    why: 'Why each entry scores as it does',
    explainPoints: (x: ScaleExplanation) =>
      `${x.name}: ${x.value}${x.promise}, ${x.pct} of the way from ${x.worst} (0 points) to ${x.best} (full points): ${x.amount} of ${x.of} points`,
    explainRelative: (name: string, value: string, promise: string, points: string, full: string) =>
      `${name}: ${value}${promise}, scored against the other bids: ${points} of ${full} points`,
    explainDeduction: (x: ScaleExplanation) =>
      `${x.name}: ${x.value}${x.promise} reaches ${x.pct} of the way from ${x.worst} to ${x.best}, so ${x.amount} of ${x.of} is deducted`,
    explainPrice: (price: string) => `price ${price} per year is the starting point`,
    promiseNote: (v: string) => ` (promised ${v}; scored on what the plan delivers)`,
    noSensitivity: 'No sensitivity analysis was run.',
    leads: (a: string, b: string, margin: string, ta: string, tb: string) =>
      `As scored, ${a} leads ${b} by ${margin} (${ta} against ${tb}).`,
    rescaled:
      'When one weight moves by ±20 %, the other weights are rescaled in proportion so that the weights still sum to the same total.',
    sameWinner: 'The winner is the same in every case below.',
    winnerChanges: (n: number, of: number) => `The winner changes in ${n} of ${of} cases`,
    highlighted: ' (highlighted).',
    sensitivityCaption: 'Ranking when a weight or the demand moves',
    sensitivityHead: [
      'What changed',
      'Change',
      'Ranking (best first)',
      'First against second',
      'Winner changes',
    ],
    weightOf: (name: string) => `weight of “${name}”`,
    valueOf: (name: string) => `value of “${name}”`,
    demand: 'demand',
    against: (a: string, b: string) => `${a} against ${b}`,
    margin: (m: string) => `margin ${m}`,
    winsYes: (label: string) => `yes: ${label} wins`,
    winner: (labels: string) => `Winner: ${labels}`,
    tied: ' (tied)',
    aheadOf: (label: string, total: string) => `, ahead of ${label} (${total})`,
    under: (model: string, on: string) => `, under the ${model} model, scored on ${on}.`,
    onPlan: 'what each plan delivers',
    onPromise: 'what each bid promises',
    noneRanked: 'No entry is ranked: none meets every mandatory requirement.',
    unscored: 'These entries are compared without scoring: the key figures below are the whole comparison.',
    flagDisqualified: 'disqualified (a mandatory requirement is not met)',
    flagLow: 'abnormally low price: ask the bidder to explain it (LOU 16 kap. 7 §)',
    unfilledFlag: (n: number, m: number) => `only ${n} of its ${m} boxes is filled by anything`,
    footer: 'Made by Paketbygd. This file needs no network connection.',
  },
  /** The access analysis (Region Dalarna's measures): the plan report's section, `paketbygd access`. */
  access: {
    sectionTitle: 'Access to pickup points',
    intro:
      "The measures of Region Dalarna's 2026 parcel study (“Paketleveranser i Dalarna – Fas 1”): distance to the nearest, the second nearest and the nearest pickup point of another carrier, weighted by the people who live there, and the share of people within 2, 5 and 10 km.",
    measuresCaption: 'Access, measured as in Region Dalarna’s 2026 parcel study',
    measure: 'Measure',
    today: 'Today',
    afterPlan: 'With the new boxes',
    pickupPoints: 'Pickup points',
    meanNearest: 'Mean distance to the nearest point',
    meanSecond: 'Mean distance to the second nearest point',
    meanOtherCarrier: 'Mean distance to the nearest point of another carrier',
    meanNearest65: 'Mean distance to the nearest point, people 65+',
    withinKm: (km: string) => `People within ${km}`,
    withinKm65: (km: string) => `People 65+ within ${km}`,
    withinLimit: (limit: string) => `People ${limit}`,
    unreachable: 'People who reach no point',
    overPeople: (people: string) => `over ${people} people`,
    none: '–',
    closuresCaption: (limit: string) =>
      `If this point closes: the people who lose their point ${limit}, and the extra household km a week`,
    closuresIntro:
      'For each point today: its people go to their next nearest point. “Lose” counts the people within the access limit through this point alone. Extra km are household trips by car, there and back, with the scenario’s parcels a week and its parcels per trip and car share.',
    point: 'Point',
    carriers: 'Carriers',
    unknownCarriers: 'not stated',
    peopleServed: 'People for whom it is nearest',
    peopleLosing: 'People who lose their point',
    people65Losing: 'of them 65+',
    losingAfter: 'Lose, with the new boxes',
    extraKm: 'Extra household km a week',
    nearestOther: 'Nearest other point',
    nearestOtherCarrier: 'Nearest point of another carrier',
    leftWithout: (people: string) => `${people} reach no other point`,
    morePoints: (count: number, people: string) =>
      `${count} more points, whose closure loses ${people} people in all`,
    noPoints: 'There is no pickup point today, so there is no access to measure.',
    notInPlan: 'This plan has no access analysis (it was made before Paketbygd measured it).',
    notes: 'Notes',
    rankedByDuration:
      'The policy limits minutes: “nearest” is nearest by travel time, and the distances are those of that point.',
    // The map layer.
    mapLossTitle: (name: string, people: string, limit: string, km: string) =>
      `If ${name} closes: ${people} people lose their point ${limit}; +${km} household km a week`,
    mapLossLegend: 'If this point closes: people who lose their point (circle area)',
    // The standalone report of `paketbygd access`.
    reportTitle: (name: string) => `Access to pickup points: ${name}`,
    reportSubtitle: (date: string, backend: string) => `Measured ${date} · distances by ${backend}`,
    // The ranking of `paketbygd access --all`.
    rankingTitle: 'Access to pickup points in every kommun, today',
    rankingIntro: (count: number, date: string) =>
      `${count} kommuner, measured ${date}, ranked by the share of people within 5 km of a pickup point (lowest first).`,
    rank: 'Rank',
    kommun: 'Kommun',
    code: 'Code',
    population: 'People',
    failed: 'Kommuner that could not be measured',
  },
  /** The terminal's words: `paketbygd plan`, `compare` and `demo` (figures come formatted). */
  cli: {
    change: 'Change',
    /** A plan's steps by the planner's step id, then the CLI's own. */
    progress: {
      travel: (points: number, backend: string) => `travel: travel matrix over ${points} points (${backend})`,
      before: "before: today's access to the existing pickup points",
      placement: 'placement: choosing box sites',
      carriers: 'carriers: which existing transports can fill the boxes',
      vans: 'vans: van routes',
      evaluate: 'evaluate: KPIs before and after',
      writing: 'writing files',
      planning: (entry: string) => `planning ${entry}`,
      demand: (change: string) => `demand ${change}`,
      done: 'done',
      measured: (done: number, total: number, name: string) =>
        `measured ${done} of ${total} kommuner (${name})`,
    },
    boxes: (list: string) => `boxes: ${list}`,
    filledBy: { van: 'van', unfilled: 'unfilled' } as Record<string, string>,
    placement: (status: string, gap: string | undefined) =>
      `placement: ${status}${gap !== undefined ? `, gap ${gap}` : ''}`,
    placementStatus: {
      optimal: 'optimal',
      feasible: 'feasible',
      time_limit: 'stopped at the time limit',
      infeasible: 'infeasible',
    } as Record<string, string>,
    note: (text: string) => `note: ${text}`,
    distancesBy: (name: string, backend: string) => `${name} (distances by ${backend})`,
    rankingHead: (title: string, n: number) => `${title}: ${n} kommuner, lowest share within 5 km first`,
    notMeasured: (kommun: string, reason: string) => `not measured: ${kommun}: ${reason}`,
    warning: (text: string) => `warning: ${text}`,
    wrote: 'wrote',
    scores: (model: string) => `scores (${model}):`,
    disqualified: (label: string, reasons: string) => `disqualified: ${label}: ${reasons}`,
    abnormallyLow: (label: string) =>
      `abnormally low price: ${label} (ask the bidder to explain it, LOU 16 kap. 7 §)`,
    winnerChangesWhen: (cases: string) => `the winner changes when: ${cases}`,
    winnerHolds: 'the winner holds in every sensitivity test',
    entrySummary: (label: string, share: string, cost: string) =>
      `${label}: ${share} within reach, ${cost} a week`,
    vingakerReport: (file: string) => `The Vingåker report: ${file}`,
    bidComparison: (file: string) => `The bid comparison: ${file}`,
    arjeplogReport: (file: string) => `The Arjeplog report: ${file}`,
    arjeplogTitle:
      'Arjeplog (init + Länstrafiken Norrbotten GTFS, week 2023-W03): which departures fill the boxes',
    boxParcels: (box: string, parcels: string) => `${box} (${parcels} parcels a week)`,
    byVan: (vehicle: string) => `by van (${vehicle})`,
    unfilled: (reason: string) => `unfilled, ${reason}`,
    leaves: (departure: string, stop: string, leavesAt: string, arrivesAt: string) =>
      `${departure} leaves ${stop ? `${stop} ` : ''}${leavesAt}, at the box ${arrivesAt}`,
    transferFrom: (departure: string, stop: string, arrivesAt: string) =>
      `parcels from ${departure}, at ${stop} ${arrivesAt}`,
    carrierOn: (route: string, days: string, departures: string) => `${route} on ${days} (${departures})`,
    vanOn: (days: string) => `van on ${days}`,
    arjeplogCost: (buses: string, vans: string, same: boolean, boxes: number, routes: number) =>
      `cost a week: ${buses} with the bus departures, ${vans} with vans alone (${same ? 'the same' : 'other'} ${boxes} boxes, ${routes} van routes a week)`,
  },
  /** The assumptions `paketbygd init` and a GTFS read state in a scenario, by their code. */
  statedAssumptions: {
    subjects: {
      parcels_per_inhabitant: 'Demand (parcels)',
      settlements: 'Demand (settlements)',
      settlements_refused: 'Demand (settlements left out)',
      spread_rule: 'Demand (people outside settlements)',
      hub: 'Parcel hub',
      vehicles: 'Vans',
      box_costs: 'Box costs',
      policy: 'Policy',
      travel_straight_line: 'Travel',
      no_transports: 'Existing transports',
      gtfs_bus_room: 'Existing transports from the timetable (GTFS)',
      gtfs_on_demand_room: 'Existing transports from the timetable (GTFS)',
      gtfs_bus_keeps_line: 'Existing transports from the timetable (GTFS)',
      gtfs_bus_loading: 'Existing transports from the timetable (GTFS)',
      gtfs_on_demand_booked: 'Existing transports from the timetable (GTFS)',
    } as Record<string, string>,
    /** `points_left_out` by the field the points were left out of. */
    leftOutSubjects: {
      pickupPoints: "Today's pickup points",
      demand: 'Demand',
    } as Record<string, string>,
    parcels_per_inhabitant: (
      perYear: string,
      year: string,
      household: string,
      people: string,
      business: string,
    ) =>
      `${perYear} parcels per inhabitant a year: the kommun's B2C + C2X parcels of ${year} (${household}) over its population of 2016 (${people}); B2B parcels (${business}) go to businesses and are left out; spread over the year evenly (52 weeks)`,
    points_left_out: (count: number, distance: string, names: string) =>
      `${count} listed for this kommun lie more than ${distance} outside its simplified boundary and are left out: ${names}`,
    settlements: (count: number, inSettlements: string, people: string, scaled: string) =>
      `${count} GeoNames settlements hold ${inSettlements} of the kommun's ${people} people (2016)${scaled}; each stands at its centre point`,
    settlementsScaled: (scale: string, maxShare: string) =>
      `, scaled by ${scale} because GeoNames lists more people than the kommun has (settlements keep at most ${maxShare})`,
    settlements_refused: (distance: string, rows: string) =>
      `GeoNames rows refused (more than ${distance} outside the kommun): ${rows}`,
    refusedRow: (line: number, name: string) => `line ${line}: ${name}`,
    spread_rule: (people: string, rule: string, ruleText: string, points: string) =>
      `${people} people who live outside the GeoNames settlements are spread by rule “${rule}”: ${ruleText} (Trafiklab stops 2022), gathered into ${points} points of 1 km squares`,
    rules: {
      stops: 'an equal share at every public-transport stop outside the settlements',
      'stop-names': 'an equal share at every distinct stop name outside the settlements',
      'stop-cells':
        'an equal share in every 1 km square holding a public-transport stop outside the settlements',
      area: 'an equal share in every 1 km square of the kommun outside the settlements (no stop there to use)',
    } as Record<string, string>,
    spreadError: (radii: string, mean: string, max: string, rule: string) =>
      `measured on Dalarna's 15 kommuner against SCB's 1 km grid: share of people within ${radii} of today's points off by ${mean} percentage points on average, at most ${max} (rule “${rule}”, pnpm bench:data)`,
    hub: (town: string, time: string) =>
      `one parcel hub in ${town}, the kommun's largest place; parcels arrive there at ${time} on weekdays`,
    vehicles: (
      count: number,
      capacity: string,
      perKm: string,
      perHour: string,
      perDay: string,
      co2: string,
      start: string,
      end: string,
    ) =>
      `${count} electric vans of ${capacity} parcels, ${perKm}/km, ${perHour}/h, ${perDay} a day, ${co2} g CO₂/km, shift ${start}–${end} (indicative costs of a 3.5 t van with driver)`,
    box_costs: (compartments: string, investment: string, yearly: string) =>
      `every candidate box: ${compartments} compartments, ${investment} to install, ${yearly} a year (indicative prices of outdoor parcel lockers with power and connectivity)`,
    policy: (
      distance: string,
      share: string,
      maxBoxes: number,
      fewSites: string,
      budget: string,
      deliveries: number,
    ) =>
      `a pickup point within ${distance} for ${share} of people, at most ${maxBoxes} box${maxBoxes === 1 ? '' : 'es'}${fewSites}, ${budget} a year, ${deliveries} deliveries a week, no home delivery: a starting point for the kommun to change`,
    policyFewSites: (count: number) => ` (only ${count} candidate site${count === 1 ? '' : 's'})`,
    travel_straight_line:
      'straight-line distances times the measured rural detour factor: no Swedish road extract is shipped',
    no_transports:
      'none: no existing transport (bus line, library run, home care) is known to carry parcels; add them',
    gtfs_bus_room: (parcels: number, price: string) =>
      `assumption: a bus trip has room for ${parcels} parcels beside the passengers' luggage, at ${price} a parcel (no published tariff; ask the operator)`,
    gtfs_on_demand_room: (parcels: number, price: string, detour: string) =>
      `assumption: a booked on-demand trip takes up to ${parcels} parcels at ${price} a parcel and may detour ${detour} to a box`,
    gtfs_bus_keeps_line: (distance: string) =>
      `a bus keeps its line and its stops: it fills only boxes at its stops (within ${distance})`,
    gtfs_bus_loading: (distance: string) =>
      `parcels are put on a bus at its stop nearest the hub, if that is within ${distance} (the hub's staff carry them over)`,
    gtfs_on_demand_booked:
      'on-demand departures in the timetable run only when booked: a parcel run books one',
  },
  /** What `paketbygd init` prints when it has written a scenario. */
  initSummary: {
    counts: (demand: number, people: string, parcels: string) =>
      `${demand} demand points, ${people} people, ${parcels} parcels a week`,
    places: (pickup: number, candidates: number, hubs: number) =>
      `${pickup} pickup points today, ${candidates} candidate sites, ${hubs} hub${hubs === 1 ? '' : 's'}`,
    assumed: 'assumed (see statedAssumptions in the file):',
    error: 'error',
    wrote: (file: string) => `wrote ${file}`,
    next: (file: string) => `next: paketbygd plan ${file}`,
  },
};

export type Messages = typeof en;
export default en;
