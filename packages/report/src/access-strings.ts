/**
 * Every English string of the access analysis in the reports, in one object so that it can be
 * translated as a whole. Functions take figures already formatted.
 */
export const ACCESS_STRINGS = {
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
} as const;
