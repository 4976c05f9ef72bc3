import type { Lang } from '@paketbygd/report';
import { lang } from './lang';

/**
 * The page's own words that the reports' catalogue (packages/report, its `web` section) does not
 * hold: job states, problem titles, the compare list and the GTFS upload. Same shape in both
 * languages, so a missing Swedish word is a type error.
 */
const en = {
  jobStates: {
    waiting: 'queued',
    delayed: 'queued (delayed)',
    prioritized: 'queued',
    active: 'running',
    completed: 'completed',
    failed: 'failed',
    paused: 'paused',
  } as Record<string, string>,
  bestCostSoFar: (cost: string) => `best cost so far ${cost}`,
  comparedN: (n: number) => `completed: ${n} entries compared`,
  andMore: (n: number) => `… and ${n} more`,
  notANumber: 'not a number',
  policyInvalid: 'The policy is not valid:',
  notAScenario: (source: string, kept: boolean) =>
    `${source} is not a valid scenario${kept ? ' (the scenario loaded before stays)' : ''}:`,
  editedInvalid: 'The edited scenario is not valid:',
  planFailed: 'The plan failed:',
  apiRefusedScenario: 'The API refused the scenario:',
  cannotCancel: 'Could not cancel:',
  cannotFetchReport: 'Could not fetch the report:',
  filesInvalid: 'Some files are not valid:',
  noScenarioTitle: 'No scenario:',
  loadScenarioFirst: 'load a scenario first (Scenario tab)',
  formInvalid: 'The policy form is not valid:',
  fixPolicyFirst: 'fix the policy on the Scenario tab first',
  compareFailed: 'The comparison failed:',
  apiRefusedComparison: 'The API refused the comparison:',
  setKey: 'set your API key under Settings',
  variant: (name: string) => `Variant: ${name}`,
  variantN: (n: number) => `Variant ${n}`,
  bid: (id: string, bidder: string) => `Bid ${id}: ${bidder}`,
  scoring: (name: string) => `Scoring: ${name}`,
  remove: 'Remove',
  removeItem: (item: string) => `Remove ${item}`,
  best: '(best)',
  mainRoad: 'main road (from the OSM extract)',
  gtfsTitle: 'Existing transports from a timetable (GTFS)',
  gtfsHelp: 'A GTFS feed as a .zip (at most 50 MB): the lines that stop in the kommun become its transports.',
  gtfsUpload: 'Upload a GTFS feed (.zip)',
  gtfsWeek: "Week of the timetable (optional: else the feed's first whole week)",
  gtfsNoScenario: 'Load a scenario before a GTFS feed: the lines are chosen by its area.',
  gtfsTooLarge: (name: string, size: string, max: string) =>
    `${name} is ${size}; a GTFS feed may be at most ${max}.`,
  gtfsNotZip: (name: string) => `${name} is not a .zip file (a GTFS feed is a zip of .txt files).`,
  gtfsReading: (name: string) => `Reading ${name}…`,
  gtfsRefused: (name: string) => `${name} was not used:`,
  gtfsAdded: (n: number, lines: number, timetable: string) =>
    `${n} transports from ${lines} lines that stop in the area are now in the scenario; the timetable of ${timetable}.`,
  /** How the API chose the timetable's dates (`datesChosen.how`), with the ISO week and the dates. */
  gtfsChosen: {
    'given-week': (week: string, dates: string) => `week ${week} (as chosen), ${dates}`,
    'given-date': (week: string, dates: string) => `${dates} (as chosen; week ${week})`,
    'first-whole-week': (week: string, dates: string) =>
      `week ${week}, the feed's first whole week of service, ${dates}`,
  } as Record<string, (week: string, dates: string) => string>,
  gtfsCaption: 'Transports added from the GTFS feed',
  gtfsHead: ['Transport', 'Kind', 'Stops', 'Departures'] as string[],
  gtfsKinds: { bus_line: 'bus line', on_demand: 'on-demand (anropsstyrd trafik)' } as Record<string, string>,
  gtfsSkipped: (n: number) => `${n} rows of the feed were skipped:`,
};

const sv: typeof en = {
  jobStates: {
    waiting: 'i kö',
    delayed: 'i kö (fördröjd)',
    prioritized: 'i kö',
    active: 'pågår',
    completed: 'klar',
    failed: 'misslyckades',
    paused: 'pausad',
  },
  bestCostSoFar: (cost) => `bästa kostnad hittills ${cost}`,
  comparedN: (n) => `klart: ${n} alternativ jämförda`,
  andMore: (n) => `… och ${n} till`,
  notANumber: 'inte ett tal',
  policyInvalid: 'Policyn är inte giltig:',
  notAScenario: (source, kept) =>
    `${source} är inget giltigt scenario${kept ? ' (scenariot som var inläst finns kvar)' : ''}:`,
  editedInvalid: 'Det ändrade scenariot är inte giltigt:',
  planFailed: 'Planeringen misslyckades:',
  apiRefusedScenario: 'API:t tog inte emot scenariot:',
  cannotCancel: 'Kunde inte avbryta:',
  cannotFetchReport: 'Kunde inte hämta rapporten:',
  filesInvalid: 'Några filer är inte giltiga:',
  noScenarioTitle: 'Inget scenario:',
  loadScenarioFirst: 'läs in ett scenario först (fliken Scenario)',
  formInvalid: 'Policyn i formuläret är inte giltig:',
  fixPolicyFirst: 'rätta policyn på fliken Scenario först',
  compareFailed: 'Jämförelsen misslyckades:',
  apiRefusedComparison: 'API:t tog inte emot jämförelsen:',
  setKey: 'ange din API-nyckel under Inställningar',
  variant: (name) => `Variant: ${name}`,
  variantN: (n) => `Variant ${n}`,
  bid: (id, bidder) => `Anbud ${id}: ${bidder}`,
  scoring: (name) => `Utvärdering: ${name}`,
  remove: 'Ta bort',
  removeItem: (item) => `Ta bort ${item}`,
  best: '(bäst)',
  mainRoad: 'större väg (från OSM-utdraget)',
  gtfsTitle: 'Befintliga transporter från en tidtabell (GTFS)',
  gtfsHelp: 'Ett GTFS-flöde som .zip (högst 50 MB): linjerna som stannar i kommunen blir dess transporter.',
  gtfsUpload: 'Ladda upp ett GTFS-flöde (.zip)',
  gtfsWeek: 'Vecka i tidtabellen (frivillig: annars flödets första hela vecka)',
  gtfsNoScenario: 'Läs in ett scenario före GTFS-flödet: linjerna väljs efter dess område.',
  gtfsTooLarge: (name, size, max) => `${name} är ${size}; ett GTFS-flöde får vara högst ${max}.`,
  gtfsNotZip: (name) => `${name} är ingen .zip-fil (ett GTFS-flöde är en zip med .txt-filer).`,
  gtfsReading: (name) => `Läser ${name}…`,
  gtfsRefused: (name) => `${name} användes inte:`,
  gtfsAdded: (n, lines, timetable) =>
    `${n} transporter från ${lines} linjer som stannar i området finns nu i scenariot; tidtabellen för ${timetable}.`,
  gtfsChosen: {
    'given-week': (week, dates) => `vecka ${week} (som valts), ${dates}`,
    'given-date': (week, dates) => `${dates} (som valts; vecka ${week})`,
    'first-whole-week': (week, dates) => `vecka ${week}, flödets första hela trafikvecka, ${dates}`,
  },
  gtfsCaption: 'Transporter tillagda från GTFS-flödet',
  gtfsHead: ['Transport', 'Slag', 'Hållplatser', 'Avgångar'],
  gtfsKinds: { bus_line: 'busslinje', on_demand: 'anropsstyrd trafik' },
  gtfsSkipped: (n) => `${n} rader i flödet hoppades över:`,
};

const WORDS: Record<Lang, typeof en> = { en, sv };

/** The page's own words in its language. */
export function pw(): typeof en {
  return WORDS[lang()];
}

/** A job's state (BullMQ's word) in the page's language; an unknown state as it came. */
export const jobStateWord = (state: string): string => pw().jobStates[state] ?? state;
