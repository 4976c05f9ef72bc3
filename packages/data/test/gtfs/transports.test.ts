import { copyFileSync, cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Scenario } from '@paketbygd/model';
import { datesChosenText, describeSkipped, GtfsError, isoWeekDates, loadTransports } from '../../src/index';
import { gtfsTimeS } from '../../src/gtfs/time';
import {
  TINY_FEED,
  TINY_SCENARIO,
  writeFeedDir,
  writeFeedZip,
} from '../../../../tests/support/gtfs-tiny-feed';

describe('GTFS feed → transports', () => {
  it('groups the trips of one stop pattern, resolves calendar exceptions and keeps times past 24:00', async () => {
    const result = await loadTransports(writeFeedDir(), TINY_SCENARIO, { week: '2023-W01' });
    expect(result.dates).toEqual(isoWeekDates('2023-W01'));
    expect(result.transportRoutes.map((t) => t.id)).toEqual(['gtfs-1', 'gtfs-9']);
    const bus = result.transportRoutes[0]!;
    expect(bus.kind).toBe('bus_line');
    expect(bus.maxDetourMin).toBe(0);
    expect(bus.loadingHubId).toBe('hub');
    // Wednesday 4 January is removed from S1; Saturday 7 January is added to S2.
    expect(bus.departures!.map((d) => [d.times, d.days])).toEqual([
      [
        ['10:00', '10:20', '10:40'],
        ['mon', 'tue', 'thu', 'fri'],
      ],
      [['23:50', '24:10', '24:30'], ['sat']],
    ]);
    expect(bus.days).toEqual(['mon', 'tue', 'thu', 'fri', 'sat']);
    expect(bus.stops.map((s) => s.at ?? s.gtfsStopId)).toEqual(['hub', 'B', 'skolan']);
    expect(bus.assumedFields).toContain('spareCapacityParcels');
    const taxi = result.transportRoutes[1]!;
    expect(taxi.kind).toBe('on_demand');
    expect(taxi.maxDetourMin).toBeGreaterThan(0);
    expect(result.stopMatches.find((m) => m.gtfsStopId === 'C')).toMatchObject({
      at: 'skolan',
      atKind: 'site',
    });
    expect(result.feed.skipped).toEqual([]);
    // The scenario with the transports is a valid scenario.
    expect(Scenario.safeParse(result.scenario).success).toBe(true);
  });

  it('reads a .zip in place and gives the same transports', async () => {
    const fromDir = await loadTransports(writeFeedDir(), TINY_SCENARIO, { week: '2023-W01' });
    const fromZip = await loadTransports(await writeFeedZip(), TINY_SCENARIO, { week: '2023-W01' });
    expect(fromZip.transportRoutes).toEqual(
      fromDir.transportRoutes.map((t) => ({ ...t, gtfs: { ...t.gtfs!, feed: 'feed' } })),
    );
  });

  it('names the transports in the language asked for; the feed’s line and stop names stay', async () => {
    const en = await loadTransports(writeFeedDir(), TINY_SCENARIO, { week: '2023-W01' });
    const sv = await loadTransports(writeFeedDir(), TINY_SCENARIO, { week: '2023-W01', lang: 'sv' });
    const names = (r: typeof en) => r.transportRoutes.map((t) => t.name ?? '');
    expect(names(en).map((n) => n.split(' ')[0])).toEqual(['bus', 'on-demand']);
    expect(names(sv)).toEqual(
      names(en).map((n) => n.replace(/^bus /, 'buss ').replace(/^on-demand /, 'anropstrafik ')),
    );
    expect(sv.scenario.statedAssumptions).toEqual(en.scenario.statedAssumptions);
  });

  it('one date: only that day', async () => {
    const result = await loadTransports(writeFeedDir(), TINY_SCENARIO, { date: '2023-01-07' });
    expect(result.transportRoutes.map((t) => [t.id, t.days])).toEqual([['gtfs-1', ['sat']]]);
    expect(result.datesChosen).toEqual({ how: 'given-date', dates: ['2023-01-07'], isoWeek: '2023-W01' });
    expect(datesChosenText(result.datesChosen)).toBe('the date 2023-01-07');
  });

  it('says how the dates were chosen as data: the week given', async () => {
    const result = await loadTransports(writeFeedDir(), TINY_SCENARIO, { week: '2023-W02' });
    expect(result.datesChosen).toEqual({
      how: 'given-week',
      dates: isoWeekDates('2023-W02'),
      isoWeek: '2023-W02',
    });
    expect(result.dates).toEqual(result.datesChosen.dates);
    expect(result.scenario.sources.at(-1)!.title).toMatch(/^GTFS timetable \S+, the week 2023-W02$/);
  });

  it('without date or week takes the first whole week of the feed, and says so without any command flag', async () => {
    const result = await loadTransports(writeFeedDir(), TINY_SCENARIO);
    // Service starts on Sunday 1 January 2023; the first whole week is the next, 2023-W01.
    expect(result.datesChosen).toEqual({
      how: 'first-whole-week',
      dates: isoWeekDates('2023-W01'),
      isoWeek: '2023-W01',
      firstServiceDate: '2023-01-01',
    });
    const text = datesChosenText(result.datesChosen);
    expect(text).toBe("the feed's first whole week of service, 2023-W01");
    expect(result.scenario.sources.at(-1)!.title).toMatch(
      /^GTFS timetable \S+, the feed's first whole week of service, 2023-W01$/,
    );
    expect(JSON.stringify(result.scenario)).not.toMatch(/--(week|date)/);
  });
});

describe('bad feeds', () => {
  const failure = async (files: Record<string, string | Buffer>, options = {}) => {
    try {
      await loadTransports(writeFeedDir(files), TINY_SCENARIO, { week: '2023-W01', ...options });
    } catch (error) {
      expect(error).toBeInstanceOf(GtfsError);
      return (error as Error).message;
    }
    throw new Error('the feed was accepted');
  };

  it('a missing file', async () => {
    const { ['stop_times.txt']: _, ...rest } = TINY_FEED;
    expect(await failure(rest)).toMatch(/^stop_times\.txt: required file missing/);
  });

  it('a folder that holds feeds rather than being one: names them', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'feeds-'));
    cpSync(writeFeedDir(), join(parent, 'norrbotten'), { recursive: true });
    copyFileSync(await writeFeedZip(), join(parent, 'other.zip'));
    await expect(loadTransports(parent, TINY_SCENARIO, { week: '2023-W01' })).rejects.toThrow(
      `${parent}: not a GTFS feed (no stops.txt), but it holds 2 feeds: ${join(parent, 'norrbotten')}, ${join(parent, 'other.zip')}; give one of those`,
    );
  });

  it('a missing column, with the header line', async () => {
    const files = { ...TINY_FEED, 'trips.txt': 'route_id,trip_id\nR1,T1\n' };
    expect(await failure(files)).toBe(
      'trips.txt:1: missing required column service_id (the header has route_id, trip_id)',
    );
  });

  it('stop_times pointing to a missing trip or stop are skipped and counted with their lines', async () => {
    const files = {
      ...TINY_FEED,
      'stop_times.txt': `${TINY_FEED['stop_times.txt']}\nT9,10:00:00,10:00:00,A,1\nT1,11:00:00,11:00:00,Q,4\nT1,25:61:00,25:61:00,C,5`,
    };
    const result = await loadTransports(writeFeedDir(files), TINY_SCENARIO, { week: '2023-W01' });
    expect(result.feed.skipped.map(describeSkipped)).toEqual([
      'stop_times.txt: 1 row skipped, trip_id not in trips.txt (line 12)',
      'stop_times.txt: 1 row skipped, stop_id not in stops.txt (or skipped there) (line 13)',
      'stop_times.txt: 1 row skipped, arrival_time or departure_time is not H:MM:SS (line 14)',
    ]);
  });

  it('a line after a quoted field across two lines keeps its own line number', async () => {
    const files = {
      ...TINY_FEED,
      'stops.txt':
        'stop_id,stop_name,stop_lat,stop_lon\nA,"Hub\nben",66.0,17.0\nB,Byn,66.0,17.1\nC,Skolan,66.0,17.2\nZ,Utan plats,,\n',
    };
    const result = await loadTransports(writeFeedDir(files), TINY_SCENARIO, { week: '2023-W01' });
    expect(result.feed.skipped.map(describeSkipped)[0]).toMatch(
      /^stops\.txt: 1 row skipped, no valid stop_lat.*\(line 6\)$/,
    );
  });

  it('text that is not UTF-8, with its line', async () => {
    const latin1 = Buffer.from(
      'stop_id,stop_name,stop_lat,stop_lon\nA,Hubben,66.0,17.0\nB,Byn \xc5s,66.0,17.1\n',
      'latin1',
    );
    expect(await failure({ ...TINY_FEED, 'stops.txt': latin1 })).toMatch(/^stops\.txt:3: not UTF-8/);
  });

  it('broken CSV, with its line', async () => {
    const files = { ...TINY_FEED, 'routes.txt': 'route_id,route_type\nR1,700\n"R2,700\n' };
    expect(await failure(files)).toMatch(/^routes\.txt:\d+: not valid CSV/);
  });

  it('a file over the size limit', async () => {
    const limits = { maxFileBytes: 200, maxTotalBytes: 10_000, maxCompressionRatio: 100 };
    expect(await failure(TINY_FEED, { limits })).toMatch(/^stop_times\.txt: .*larger than the limit/);
  });

  it('a zip bomb is refused before it is inflated', async () => {
    const zip = await writeFeedZip({
      ...TINY_FEED,
      'shapes.txt': Buffer.alloc(10 * 1024 * 1024) as unknown as string,
    });
    await expect(loadTransports(zip, TINY_SCENARIO, { week: '2023-W01' })).rejects.toThrow(
      /shapes\.txt: compressed \d+:1.*zip bomb/,
    );
  });

  it('a week that does not exist', async () => {
    expect(await failure(TINY_FEED, { week: '2021-W53' })).toMatch(/not an ISO week/);
  });
});

describe('ISO weeks', () => {
  it('knows week 1 and week 53', () => {
    expect(isoWeekDates('2023-W01')![0]).toBe('2023-01-02');
    expect(isoWeekDates('2020-W53')![6]).toBe('2021-01-03');
    expect(isoWeekDates('2021-W53')).toBeUndefined();
  });
});

describe('GTFS times', () => {
  it('reads H:MM:SS and HH:MM:SS past 24:00 and refuses the rest', () => {
    expect(gtfsTimeS('7:05:09')).toBe(7 * 3600 + 5 * 60 + 9);
    expect(gtfsTimeS('25:10:00')).toBe(25 * 3600 + 600);
    expect(gtfsTimeS(' 100:00:00 ')).toBe(360_000);
    for (const bad of ['', '10:60:00', '10:00', '1a:00:00', '10:00:0', '10-00-00'])
      expect(gtfsTimeS(bad)).toBeUndefined();
  });
});

describe('UTF-8 across chunks', () => {
  it('a character split between two chunks of a large file is UTF-8', async () => {
    const stops = [
      'stop_id,stop_name,stop_lat,stop_lon',
      'A,Hubben,66.0,17.0',
      'B,Byn,66.0,17.1',
      'C,Skolan,66.0,17.2',
    ];
    for (let i = 0; i < 60_000; i++) stops.push(`Å${i},Åsele ö ${i},61.0,15.0`);
    const result = await loadTransports(
      writeFeedDir({ ...TINY_FEED, 'stops.txt': stops.join('\n') }),
      TINY_SCENARIO,
      {
        week: '2023-W01',
      },
    );
    expect(result.feed.rowsRead['stops.txt']).toBe(60_003);
  });
});
