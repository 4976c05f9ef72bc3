import { QUEUE_NAME, Scenario } from '@paketbygd/model';
import { plan } from '@paketbygd/planner';
import { Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestRedis } from '../../../tests/support/redis-server';
import { example, fileRedis, startTestApi, type TestApi } from './support';

/**
 * GET /v1/jobs/:id/report in the language asked for: a plan job finished by hand (BullMQ's manual
 * fetching, as jobs.test.ts does) with a real plan of the Vingåker example as its result.
 */
let t: TestApi;
let redis: TestRedis;
let hand: Worker;
let handConnection: Redis;
let reportUrl: string;
const TOKEN = 'test-token';

beforeAll(async () => {
  redis = await fileRedis(12);
  t = await startTestApi({}, redis);
  handConnection = new Redis(redis.url, { maxRetriesPerRequest: null });
  hand = new Worker(QUEUE_NAME, null, { connection: handConnection, autorun: false });
  await hand.waitUntilReady();
  const input = example('vingaker/scenario.json');
  const res = await t.call('/v1/plans', { json: input });
  expect(res.status).toBe(202);
  const submitted = (await res.json()) as { id: string; links: { report: string } };
  const job = await hand.getNextJob(TOKEN);
  expect(job?.id).toBe(submitted.id);
  const result = await plan(Scenario.parse(input), { timeLimitS: 2, seed: 1 });
  await job!.moveToCompleted(result, TOKEN, false);
  reportUrl = submitted.links.report;
}, 60_000);
afterAll(async () => {
  await hand?.close();
  handConnection?.disconnect();
  await t?.close();
  await redis?.stop();
});

async function report(query: string, headers: Record<string, string> = {}) {
  const res = await t.call(`${reportUrl}${query}`, { headers });
  expect(res.status).toBe(200);
  const text = await res.text();
  return { res, lang: /<html lang="([a-z]+)"/.exec(text)?.[1], text };
}

describe('the report of a finished plan job, in the language asked for', () => {
  it('?lang=sv is Swedish, with Swedish numbers; ?lang=en is English', async () => {
    const sv = await report('?lang=sv');
    expect(sv.lang).toBe('sv');
    expect(sv.res.headers.get('content-language')).toBe('sv');
    expect(sv.text).toMatch(/Nyckeltal/);
    // A decimal comma and no comma thousands separator.
    expect(sv.text).toMatch(/\d,\d\u00a0%/);
    const en = await report('?lang=en');
    expect(en.lang).toBe('en');
    expect(en.text).toMatch(/Key figures/);
    // The travel model with its detour factor and speeds, as the CLI's report prints it.
    expect(en.text).toMatch(/straight line × 1\.365; speeds: 36\u00a0km\/h up to 2\u00a0km/);
    expect(sv.text).toMatch(/fågelvägen × 1,365; hastigheter: 36\u00a0km\/h upp till 2\u00a0km/);
  });

  it('without lang, Accept-Language chooses; without either, English as before', async () => {
    expect((await report('', { 'accept-language': 'sv-SE,sv;q=0.9,en;q=0.5' })).lang).toBe('sv');
    expect((await report('', { 'accept-language': 'de, en;q=0.8, sv;q=0.3' })).lang).toBe('en');
    expect((await report('', { 'accept-language': 'fi' })).lang).toBe('en');
    const plain = await report('');
    expect(plain.lang).toBe('en');
    expect(plain.res.headers.get('vary')).toMatch(/Accept-Language/i);
    // ?lang wins over the header.
    expect((await report('?lang=en', { 'accept-language': 'sv' })).lang).toBe('en');
  });

  it('an unknown lang is a 400 that names the parameter', async () => {
    const res = await t.call(`${reportUrl}?lang=de`);
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.message).toBe('query parameter lang must be one of sv, en, not "de"');
    const twice = await t.call(`${reportUrl}?lang=sv&lang=en`);
    expect(twice.status).toBe(400);
    expect((await twice.json()).message).toMatch(/query parameter lang must be one of sv, en, not a list/);
  });
});
