import { describe, expect, it } from 'vitest';
import {
  DataFileError,
  findKommun,
  hasGeodata,
  listKommuner,
  readStops2022,
  resolveDataDir,
  readServicePoints2021,
  UnknownKommunError,
} from '../src/index';
import { addressKey, pickupPointsFrom2021 } from '../src/init/pickup-points';
import { SKIP_REASON, tempDataDir } from './fixtures';

const STOPS_HEADER = 'stop_id,stop_name,lat,lon,location_type\n';

describe('readers', () => {
  it('refuse rows outside Sweden with their line numbers and keep the rest', () => {
    const dir = tempDataDir({
      'sweden/stops-sweden-2022.csv': `${STOPS_HEADER}1,Läppe,59.129877,15.809022,\n2,Helsingfors,60.17,24.94,\n3,"Högsjö, station",59.039566,15.731240,\n4,Swapped,15.8,59.1,\n`,
    });
    const table = readStops2022(dir);
    expect(table.rows.map((r) => [r.line, r.value.stop_name])).toEqual([
      [2, 'Läppe'],
      [4, 'Högsjö, station'],
    ]);
    expect(table.refused.map((r) => r.line)).toEqual([3, 5]);
    expect(table.refused[0]!.reason).toContain('outside Sweden');
  });

  it('name the file and the line of a malformed row', () => {
    const dir = tempDataDir({
      'sweden/stops-sweden-2022.csv': `${STOPS_HEADER}1,Läppe,59.12,15.80,\n2,Marmorbyn,north,16.06,\n`,
    });
    expect(() => readStops2022(dir)).toThrow(DataFileError);
    expect(() => readStops2022(dir)).toThrow(/stops-sweden-2022\.csv:3: lat: is not a number/);
  });

  it('count lines right when a quoted field holds a line break', () => {
    const dir = tempDataDir({
      'sweden/stops-sweden-2022.csv': `${STOPS_HEADER}1,"Two\nlines",59.12,15.80,\n2,Bad,x,16.06,\n`,
    });
    expect(() => readStops2022(dir)).toThrow(/:4: lat: is not a number/);
  });

  it('say which file is missing', () => {
    const dir = tempDataDir({});
    expect(() => readServicePoints2021(dir)).toThrow(/postal-service-points-2021\.csv: file not found/);
  });
});

describe('pickup points: one per physical place', () => {
  const row = (id: string, operator: string, kind: string, address: string, lon: number, lat: number) =>
    `${id},${operator},${kind},5,Shop ${id},${address},64330,Vingåker,${lon},${lat},04,0428,Vingåker`;
  const header =
    'pts_id,operator,kind,deliveries_per_week,name,address,postcode,town,lon,lat,county_code,municipality_code,municipality\n';

  it('merges a shop listed once per carrier (same address, close by) and keeps lockers as lockers', () => {
    const dir = tempDataDir({
      'sweden/postal-service-points-2021.csv': `${header}${[
        row('1', 'Brun', 'Postombud', 'STORGATAN 18-20', 15.87161, 59.04484),
        row('2', 'Postnord', 'Utlämningsställe', 'Storgatan 18', 15.872604, 59.044849),
        row('3', 'Gul', 'Postombud', 'Storgatan 45', 15.874055, 59.047982),
        row('4', 'Grön', 'Box_Paketskåp', 'Bondegatan 9', 15.88, 59.05),
      ].join('\n')}\n`,
    });
    const points = pickupPointsFrom2021(readServicePoints2021(dir).rows);
    expect(points.map((p) => [p.id, p.kind, p.carriers])).toEqual([
      ['pts-1', 'parcel_agent', ['Brun', 'PostNord']],
      ['pts-3', 'parcel_agent', ['Gul']],
      ['pts-4', 'parcel_locker', ['Grön']],
    ]);
    expect(addressKey('STORGATAN 18-20')).toBe(addressKey('Storgatan 18'));
  });
});

describe('kommun names', () => {
  const kommuner = () => listKommuner(resolveDataDir());
  it('lists 290 kommuner', (ctx) => {
    if (!hasGeodata()) ctx.skip(SKIP_REASON);
    expect(kommuner()).toHaveLength(290);
  });
  it('match by code, exactly, or without å/ä/ö', (ctx) => {
    if (!hasGeodata()) ctx.skip(SKIP_REASON);
    const k = kommuner();
    expect(findKommun('Vingaker', k).code).toBe('0428');
    expect(findKommun('vingåker kommun', k).code).toBe('0428');
    expect(findKommun('2506', k).name).toBe('Arjeplog');
    expect(findKommun('malung salen', k).code).toBe('2023');
    expect(findKommun('Håbo', k).code).toBe('0305');
    expect(findKommun('Habo', k).code).toBe('0643');
  });
  it('answer an unknown name with the closest ones', (ctx) => {
    if (!hasGeodata()) ctx.skip(SKIP_REASON);
    const k = kommuner();
    expect(() => findKommun('Vingakr', k)).toThrow(UnknownKommunError);
    expect(() => findKommun('Vingakr', k)).toThrow(/closest: Vingåker \(0428\)/);
    expect(() => findKommun('Högsjö', k)).toThrow(/is not a Swedish kommun/);
    expect(() => findKommun('9999', k)).toThrow(/not a kommun code/);
  });
});
