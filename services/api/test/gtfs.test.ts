import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestRedis } from '../../../tests/support/redis-server';
import { TINY_FEED, TINY_SCENARIO, writeFeedZip } from '../../../tests/support/gtfs-tiny-feed';
import { fileRedis, startTestApi, type TestApi } from './support';

let t: TestApi;
let redis: TestRedis;
beforeAll(async () => {
  redis = await fileRedis(10);
  t = await startTestApi({}, redis);
});
afterAll(async () => {
  await t?.close();
  await redis?.stop();
});

/** The answer matches the 200 schema /openapi.json gives for POST /v1/transports, and a changed one does not. */
async function expectAsDocumented(body: unknown): Promise<void> {
  const doc = await (await t.call('/openapi.json')).json();
  const answer = doc.paths['/v1/transports'].post.responses['200'].content['application/json'].schema;
  const ajv = new Ajv2020({ strict: false, validateFormats: false });
  const validate = ajv.compile({ ...answer, components: doc.components });
  expect(validate(body), JSON.stringify(validate.errors)).toBe(true);
  expect(validate({ ...(body as object), datesChosen: { how: 'some week' } })).toBe(false);
}

const zipBase64 = async (files = TINY_FEED) => readFileSync(await writeFeedZip(files)).toString('base64');

describe('POST /v1/transports (GTFS upload)', () => {
  it("answers the scenario with the feed's lines as its transports", async () => {
    const res = await t.call('/v1/transports', {
      json: { scenario: TINY_SCENARIO, feedZipBase64: await zipBase64(), week: '2023-W01' },
    });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.scenario.transportRoutes.map((r: { id: string }) => r.id)).toEqual(['gtfs-1', 'gtfs-9']);
    expect(body.rowsRead['stop_times.txt']).toBe(10);
    expect(body.datesChosen).toEqual({ how: 'given-week', dates: body.dates, isoWeek: '2023-W01' });
    expect(body.datesChosenText).toBe('the week 2023-W01');
    await expectAsDocumented(body);
  });

  it("says how the dates were chosen as data: the feed's first whole week, or the date given", async () => {
    const first = await t.call('/v1/transports', {
      json: { scenario: TINY_SCENARIO, feedZipBase64: await zipBase64() },
    });
    expect(first.status).toBe(200);
    const body = await first.json();
    expect(body.datesChosen).toEqual({
      how: 'first-whole-week',
      dates: [
        '2023-01-02',
        '2023-01-03',
        '2023-01-04',
        '2023-01-05',
        '2023-01-06',
        '2023-01-07',
        '2023-01-08',
      ],
      isoWeek: '2023-W01',
      firstServiceDate: '2023-01-01',
    });
    // Plain English, and no command-line flag in an HTTP answer.
    expect(body.datesChosenText).toBe("the feed's first whole week of service, 2023-W01");
    expect(JSON.stringify(body)).not.toMatch(/--(week|date)/);
    const day = await t.call('/v1/transports', {
      json: { scenario: TINY_SCENARIO, feedZipBase64: await zipBase64(), date: '2023-01-07' },
    });
    const dayBody = await day.json();
    expect(dayBody.datesChosen).toEqual({
      how: 'given-date',
      dates: ['2023-01-07'],
      isoWeek: '2023-W01',
    });
    await expectAsDocumented(body);
    await expectAsDocumented(dayBody);
    const bad = await t.call('/v1/transports', {
      json: { scenario: TINY_SCENARIO, feedZipBase64: await zipBase64(), week: '2023-W99' },
    });
    expect(bad.status).toBe(400);
    expect((await bad.json()).message).toBe(
      '(options): week 2023-W99 is not an ISO week written YYYY-Www (for example 2023-W03)',
    );
  });

  it('answers 400 naming the file and line of a broken feed', async () => {
    const feed = { ...TINY_FEED, 'trips.txt': 'route_id,trip_id\nR1,T1\n' };
    const res = await t.call('/v1/transports', {
      json: { scenario: TINY_SCENARIO, feedZipBase64: await zipBase64(feed), week: '2023-W01' },
    });
    expect(res.status).toBe(400);
    expect((await res.json()).message).toBe(
      'trips.txt:1: missing required column service_id (the header has route_id, trip_id)',
    );
  });

  it('answers 400 for what is not a zip, and needs a key', async () => {
    const res = await t.call('/v1/transports', {
      json: { scenario: TINY_SCENARIO, feedZipBase64: Buffer.from('not a zip').toString('base64') },
    });
    expect(res.status).toBe(400);
    expect((await res.json()).message).toMatch(/^upload\.zip: not a readable zip file/);
    const anonymous = await t.call('/v1/transports', { key: null, json: {} });
    expect(anonymous.status).toBe(401);
  });
});
