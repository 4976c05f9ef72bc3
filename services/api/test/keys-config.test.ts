import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { configFromEnv } from '../src/config';
import { KeyStore, loadKeys, parseKeyList } from '../src/keys';
import { example, fileRedis, KEYS, startTestApi } from './support';

describe('API keys from a file and the environment', () => {
  it('reads { tenant, key } and { tenant, keySha256 } from API_KEYS_FILE and tenant:key pairs from API_KEYS', () => {
    const dir = mkdtempSync(join(tmpdir(), 'paketbygd-keys-'));
    const file = join(dir, 'keys.json');
    const hashed = 'hashed-key-0123456789abcdef';
    writeFileSync(
      file,
      JSON.stringify([
        { tenant: 'plain', key: 'plain-key-0123456789abcdef' },
        { tenant: 'hashed', keySha256: createHash('sha256').update(hashed).digest('hex') },
      ]),
    );
    const keys = loadKeys({ file, list: 'envtenant:env-key-0123456789abcdef' });
    expect(keys.size).toBe(3);
    expect(keys.lookup('plain-key-0123456789abcdef')?.tenant).toBe('plain');
    expect(keys.lookup(hashed)?.tenant).toBe('hashed');
    expect(keys.lookup('env-key-0123456789abcdef')?.tenant).toBe('envtenant');
    expect(keys.lookup('plain-key-0123456789abcdeX')).toBeUndefined();
    expect(keys.lookup('')).toBeUndefined();
  });

  it('refuses short keys, malformed entries and bad files with a message that says where', () => {
    expect(() => parseKeyList('acme:short')).toThrow(/entry 1: an API key has at least 16 characters/);
    expect(() => parseKeyList('no-colon-here-0123456789')).toThrow(/entry 1 is not "tenant:key"/);
    const dir = mkdtempSync(join(tmpdir(), 'paketbygd-keys-'));
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify([{ tenant: 'x', keySha256: 'abc' }]));
    expect(() => loadKeys({ file: bad })).toThrow(/API_KEYS_FILE .*bad\.json/);
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '[{');
    expect(() => loadKeys({ file: broken })).toThrow(/cannot be read as JSON/);
  });

  it('a key id is a short hash prefix, not the key', () => {
    const caller = new KeyStore([{ tenant: 'a', key: KEYS.alpha }]).lookup(KEYS.alpha)!;
    expect(caller.keyId).toBe(createHash('sha256').update(KEYS.alpha).digest('hex').slice(0, 12));
  });
});

describe('configuration from the environment', () => {
  it('has the documented defaults; empty values count as unset', () => {
    const c = configFromEnv({ PORT: '', REDIS_URL: '' });
    expect(c).toMatchObject({
      port: 8080,
      redisUrl: 'redis://127.0.0.1:6379',
      limits: { maxBodyBytes: 32 * 1024 * 1024, rateLimitMax: 600, rateLimitWindowS: 60 },
      retention: { resultTtlS: 7 * 86400, failedTtlS: 30 * 86400, attempts: 3 },
    });
  });

  it("refuses a body limit above the model's document limit", () => {
    expect(() => configFromEnv({ MAX_BODY_BYTES: String(64 * 1024 * 1024) })).toThrow(
      /MAX_BODY_BYTES: at most 33554432/,
    );
  });

  it('names every wrong variable', () => {
    expect(() => configFromEnv({ PORT: 'eighty', ADMIN_API_KEY: 'short', LOG_LEVEL: 'loud' })).toThrow(
      /PORT[\s\S]*ADMIN_API_KEY: use at least 16 characters[\s\S]*LOG_LEVEL/,
    );
  });
});

describe('logs', () => {
  it('carry the tenant and status, never the API key or the body', async () => {
    let output = '';
    const sink = new Writable({
      write(chunk, _encoding, done) {
        output += chunk.toString();
        done();
      },
    });
    const redis = await fileRedis(7);
    const t = await startTestApi({ logger: pino({ level: 'info' }, sink) }, redis);
    try {
      const body = { ...example('operator/small-cvrp.json') };
      body.vehicles[0].description = 'SECRET-CARGO-MARKER';
      expect((await t.call('/v1/routes', { json: body })).status).toBe(202);
      const hook = encodeURIComponent('https://ops.example/hook?token=HOOK-TOKEN-MARKER');
      expect((await t.call(`/v1/routes?timeLimitS=1&callbackUrl=${hook}`, { json: body })).status).toBe(202);
      body.vehicles[0].id = 'not a number';
      expect((await t.call('/v1/routes', { json: body })).status).toBe(400);
      expect((await t.call('/v1/routes', { json: body, key: 'wrong-key-0123456789abcdef' })).status).toBe(
        401,
      );
    } finally {
      await t.close();
      await redis.stop();
    }
    expect(output).toContain('"tenant":"alpha"');
    expect(output).toContain('"statusCode":202');
    expect(output).not.toContain(KEYS.alpha);
    expect(output).not.toContain('wrong-key-0123456789abcdef');
    expect(output).not.toContain('SECRET-CARGO-MARKER');
    expect(output).not.toContain('HOOK-TOKEN-MARKER');
    expect(output).toContain('timeLimitS=1&callbackUrl=[redacted]');
    expect(output.toLowerCase()).not.toContain('bearer');
  });
});
