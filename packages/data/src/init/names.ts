import type { Lang } from '@paketbygd/model';

/** What the scenario's description counts. */
export interface ScenarioFacts {
  pickupPoints: number;
  demandPoints: number;
  candidateSites: number;
  /** Dalarna: 2026 carriers and SCB's grid; elsewhere PTS 2021 and GeoNames. */
  isDalarna: boolean;
}

/** The names `init` makes: the scenario's, and those of places it generates. */
export interface InitNames {
  scenario: (kommun: string, code: string) => string;
  description: (f: ScenarioFacts) => string;
  gridSquare: (id: string | number) => string;
  aroundStop: (stop: string) => string;
  boxAt: (place: string) => string;
  hub: (town: string) => string;
  van: string;
  /** A transport read from a GTFS timetable: its line and its first and last stop. */
  transport: (onDemand: boolean, line: string, from: string, to: string) => string;
}

/** "Arjeplogs", "Malung-Sälens", but "Kramfors", "Kiruna": the genitive before "kommun". */
function swedishKommunGenitive(name: string): string {
  const irregular: Record<string, string> = { Falun: 'Falu', Kalmar: 'Kalmar' };
  if (irregular[name]) return irregular[name];
  return /[sxzaeiouyåäö]$/i.test(name) ? name : `${name}s`;
}

const EN: InitNames = {
  scenario: (kommun, code) => `${kommun} kommun (${code}): parcel pickup today and boxes at real places`,
  description: (f) =>
    `Built by \`paketbygd init\` from public data: ${f.pickupPoints} pickup points today (${f.isDalarna ? 'Dalarna 2026, real carriers' : 'PTS 2021'}), ${f.demandPoints} demand points (${f.isDalarna ? "SCB's 1 km grid 2025" : 'GeoNames settlements and the spread rest'}), ${f.candidateSites} candidate sites at stops and shops.`,
  gridSquare: (id) => `1 km square ${id}`,
  aroundStop: (stop) => `around ${stop}`,
  boxAt: (place) => `Box at ${place}`,
  hub: (town) => `Parcel hub, ${town}`,
  van: 'Electric van (3.5 t)',
  transport: (onDemand, line, from, to) => `${onDemand ? 'on-demand' : 'bus'} ${line}: ${from} – ${to}`,
};

const SV: InitNames = {
  scenario: (kommun, code) =>
    `${swedishKommunGenitive(kommun)} kommun (${code}): paketutlämning i dag och paketskåp på verkliga platser`,
  description: (f) =>
    `Byggt av \`paketbygd init\` från öppna data: ${f.pickupPoints} utlämningsställen i dag (${f.isDalarna ? 'Dalarna 2026, verkliga transportörer' : 'PTS 2021'}), ${f.demandPoints} efterfrågepunkter (${f.isDalarna ? 'SCB:s rutnät med 1 km-rutor 2025' : 'orter i GeoNames och övriga invånare fördelade över kommunen'}), ${f.candidateSites} tänkbara platser vid hållplatser och butiker.`,
  gridSquare: (id) => `1 km-ruta ${id}`,
  aroundStop: (stop) => `kring ${stop}`,
  boxAt: (place) => `Paketskåp vid ${place}`,
  hub: (town) => `Paketterminal, ${town}`,
  van: 'Eldriven skåpbil (3,5 t)',
  transport: (onDemand, line, from, to) => `${onDemand ? 'anropstrafik' : 'buss'} ${line}: ${from} – ${to}`,
};

/** Real place names never change; only the names `init` makes follow `lang`. */
export function initNames(lang: Lang = 'en'): InitNames {
  return lang === 'sv' ? SV : EN;
}
