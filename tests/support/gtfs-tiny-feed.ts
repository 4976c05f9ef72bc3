import { createWriteStream, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import yazl from 'yazl';
import { Scenario } from '@paketbygd/model';

/** A hand-made feed: line 1 (bus, two trips of one pattern), line 9 (on-demand), line 50 far away. */
export const TINY_FEED: Record<string, string> = {
  'agency.txt':
    'agency_id,agency_name,agency_url,agency_timezone\n1,Testtrafiken,https://example.org,Europe/Stockholm\n',
  'stops.txt': [
    'stop_id,stop_name,stop_lat,stop_lon',
    'A,Hubben,66.0,17.0',
    'B,Byn,66.0,17.1',
    'C,Skolan,66.0,17.2',
    'X,Långt bort,60.0,20.0',
  ].join('\n'),
  'routes.txt':
    'route_id,agency_id,route_short_name,route_long_name,route_type\nR1,1,1,,700\nR2,1,9,,1501\nR3,1,50,,700\n',
  'trips.txt': 'route_id,service_id,trip_id\nR1,S1,T1\nR1,S2,T2\nR2,S1,T3\nR3,S1,T4\n',
  'calendar.txt':
    'service_id,monday,tuesday,wednesday,thursday,friday,saturday,sunday,start_date,end_date\nS1,1,1,1,1,1,0,0,20230101,20231231\nS2,0,0,0,0,0,0,0,20230101,20231231\n',
  'calendar_dates.txt': 'service_id,date,exception_type\nS2,20230107,1\nS1,20230104,2\n',
  'stop_times.txt': [
    'trip_id,arrival_time,departure_time,stop_id,stop_sequence',
    'T1,10:00:00,10:00:00,A,1',
    'T1,10:20:00,10:20:00,B,2',
    'T1,10:40:00,10:40:00,C,3',
    'T2,23:50:00,23:50:00,A,1',
    'T2,24:10:00,24:10:00,B,2',
    'T2,24:30:00,24:30:00,C,3',
    'T3,12:00:00,12:00:00,A,1',
    'T3,12:30:00,12:30:00,C,2',
    'T4,08:00:00,08:00:00,X,1',
    'T4,09:00:00,09:00:00,X,2',
  ].join('\n'),
};

export function writeFeedDir(files: Record<string, string | Buffer> = TINY_FEED): string {
  const dir = mkdtempSync(join(tmpdir(), 'paketbygd-gtfs-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

export async function writeFeedZip(files: Record<string, string | Buffer> = TINY_FEED): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'paketbygd-gtfs-zip-'));
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'feed.zip');
  const zip = new yazl.ZipFile();
  for (const [name, text] of Object.entries(files)) zip.addBuffer(Buffer.from(text), name);
  zip.end();
  await new Promise<void>((resolve, reject) => {
    zip.outputStream.pipe(createWriteStream(path)).on('close', resolve).on('error', reject);
  });
  return path;
}

export const TINY_SCENARIO = Scenario.parse({
  kind: 'scenario',
  name: 'tiny',
  area: {
    type: 'Polygon',
    coordinates: [
      [
        [16.9, 65.9],
        [17.3, 65.9],
        [17.3, 66.1],
        [16.9, 66.1],
        [16.9, 65.9],
      ],
    ],
  },
  currency: 'SEK',
  demand: [{ id: 'd1', location: [17.2, 66.0], population: 100, parcelsPerWeek: 10 }],
  candidateSites: [
    {
      id: 'skolan',
      location: [17.201, 66.0005],
      host: 'school',
      compartments: 10,
      investmentCost: 50000,
      yearlyCost: 5000,
    },
  ],
  hubs: [{ id: 'hub', location: [17.0, 66.0], parcelsArriveAt: '09:00' }],
  policy: { maxAccessDistanceM: 5000, deliveriesPerWeek: 3 },
});

/**
 * The tiny feed plus lines that pass no hub: line 60 from Skolan (where line 1 from the hub arrives
 * at 10:40) to Fjällbyn at 11:00, line 61 the same way at 10:45 (before a 10-minute transfer), and
 * line 70 between two stops no other line reaches.
 */
export const TRANSFER_FEED: Record<string, string> = {
  ...TINY_FEED,
  'stops.txt': `${TINY_FEED['stops.txt']}\nD,Fjällbyn,66.09,17.29\nE,Myren,65.95,17.28\nF,Tjärn,65.92,17.25`,
  'routes.txt': `${TINY_FEED['routes.txt']}R4,1,60,,700\nR5,1,61,,700\nR6,1,70,,700\n`,
  'trips.txt': `${TINY_FEED['trips.txt']}R4,S1,T5\nR5,S1,T6\nR6,S1,T7\n`,
  'stop_times.txt': [
    TINY_FEED['stop_times.txt'],
    'T5,11:00:00,11:00:00,C,1',
    'T5,11:30:00,11:30:00,D,2',
    'T6,10:45:00,10:45:00,C,1',
    'T6,11:15:00,11:15:00,D,2',
    'T7,12:00:00,12:00:00,E,1',
    'T7,12:20:00,12:20:00,F,2',
  ].join('\n'),
};

/** The tiny scenario with a village at Fjällbyn, where only line 60 (after a transfer) and 61 stop. */
export const TRANSFER_SCENARIO = Scenario.parse({
  ...TINY_SCENARIO,
  demand: [
    ...TINY_SCENARIO.demand,
    { id: 'd2', location: [17.29, 66.091], population: 60, parcelsPerWeek: 6 },
  ],
  candidateSites: [
    ...TINY_SCENARIO.candidateSites,
    {
      id: 'fjallbyn',
      location: [17.2905, 66.0901],
      host: 'shop',
      compartments: 10,
      investmentCost: 50000,
      yearlyCost: 5000,
    },
  ],
});
