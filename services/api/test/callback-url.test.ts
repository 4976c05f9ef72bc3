import { AllowedHostsList, STRICT_WEBHOOK_TARGETS } from '@paketbygd/model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestRedis } from '../../../tests/support/redis-server';
import { configFromEnv } from '../src/config';
import { example, fileRedis, startTestApi, type TestApi } from './support';

/** callbackUrl at submission: internal targets are refused by default; the operator can opt out. */
let strict: TestApi;
let open: TestApi;
let allowList: TestApi;
let redis: TestRedis;

beforeAll(async () => {
  redis = await fileRedis(6);
  // startTestApi passes no webhookTargets here: the API's default applies.
  strict = await startTestApi({}, redis);
  open = await startTestApi({ webhookTargets: { ...STRICT_WEBHOOK_TARGETS, allowPrivate: true } }, redis);
  allowList = await startTestApi(
    {
      webhookTargets: {
        allowPrivate: false,
        allowedHosts: AllowedHostsList.parse('hooks.vingaker.internal,10.20.0.0/16'),
      },
    },
    redis,
  );
});
afterAll(async () => {
  await strict?.close();
  await open?.close();
  await allowList?.close();
  await redis?.stop();
});

const routing = () => example('operator/small-cvrp.json');

async function submitInBody(t: TestApi, callbackUrl: string) {
  const res = await t.call('/v1/routes', { json: { ...routing(), callbackUrl } });
  return { status: res.status, body: await res.json() };
}

describe('callbackUrl at submission, by default', () => {
  const refused: [string, string, RegExp][] = [
    ['loopback', 'http://127.0.0.1:8080/hook', /127\.0\.0\.1 in 127\.0\.0\.0\/8 \(loopback\)/],
    ['loopback, elsewhere in 127/8', 'http://127.10.0.5/hook', /127\.10\.0\.5 in 127\.0\.0\.0\/8/],
    ['loopback as a decimal number', 'http://2130706433/', /127\.0\.0\.1 in 127\.0\.0\.0\/8/],
    ['loopback in hex and short form', 'http://0x7f.1/', /127\.0\.0\.1 in 127\.0\.0\.0\/8/],
    ['loopback in octal', 'http://0177.0.0.1/', /127\.0\.0\.1 in 127\.0\.0\.0\/8/],
    [
      'cloud metadata',
      'http://169.254.169.254/latest/meta-data/',
      /169\.254\.169\.254 in 169\.254\.0\.0\/16/,
    ],
    ['10/8', 'http://10.1.2.3/', /10\.1\.2\.3 in 10\.0\.0\.0\/8 \(private\)/],
    ['172.16/12', 'https://172.20.0.1/', /in 172\.16\.0\.0\/12 \(private\)/],
    ['192.168/16', 'http://192.168.1.1/', /in 192\.168\.0\.0\/16 \(private\)/],
    ['carrier-grade NAT', 'http://100.64.0.1/', /in 100\.64\.0\.0\/10/],
    ['0/8', 'http://0.0.0.0:9000/', /0\.0\.0\.0 in 0\.0\.0\.0\/8/],
    ['0/8 written as 0', 'http://0/', /0\.0\.0\.0 in 0\.0\.0\.0\/8/],
    ['benchmarking', 'http://198.18.0.1/', /in 198\.18\.0\.0\/15/],
    ['IETF protocol assignments', 'http://192.0.0.8/', /in 192\.0\.0\.0\/24/],
    ['multicast', 'http://224.0.0.1/', /in 224\.0\.0\.0\/4/],
    ['reserved', 'http://240.0.0.1/', /in 240\.0\.0\.0\/4/],
    ['broadcast', 'http://255.255.255.255/', /in 255\.255\.255\.255\/32/],
    ['IPv6 loopback', 'http://[::1]:8080/', /::1 in ::1\/128 \(loopback\)/],
    ['IPv6 unspecified', 'http://[::]/', /:: in ::\/128/],
    ['IPv4-mapped loopback', 'http://[::ffff:127.0.0.1]/', /127\.0\.0\.1 in 127\.0\.0\.0\/8/],
    ['IPv4-mapped metadata', 'http://[::ffff:a9fe:a9fe]/', /169\.254\.169\.254 in 169\.254\.0\.0\/16/],
    ['unique local', 'http://[fd12:3456::1]/', /in fc00::\/7/],
    ['IPv6 link-local', 'http://[fe80::1]/', /in fe80::\/10/],
    ['IPv6 multicast', 'http://[ff02::1]/', /in ff00::\/8/],
    ['localhost', 'http://localhost:3000/hook', /points to localhost/],
    ['localhost in capitals with a dot', 'http://LOCALHOST./hook', /points to localhost/],
    ['a name under localhost', 'http://api.localhost/hook', /points to api\.localhost/],
    ['credentials', 'https://user:secret@example.com/hook', /user name or password/],
    ['a user name alone', 'https://user@example.com/hook', /user name or password/],
  ];

  for (const [what, url, message] of refused) {
    it(`refuses ${what}: ${url}`, async () => {
      const { status, body } = await submitInBody(strict, url);
      expect(status).toBe(400);
      expect(body).toMatchObject({ status: 400, error: 'Bad Request' });
      expect(body.message).toMatch(/^the routing request is not valid: callbackUrl: /);
      expect(body.problems).toHaveLength(1);
      expect(body.problems[0].path).toBe('callbackUrl');
      expect(body.problems[0].message).toMatch(message);
    });
  }

  it('names query.callbackUrl when the URL came in the query', async () => {
    const res = await strict.call(`/v1/routes?callbackUrl=${encodeURIComponent('http://[::1]/x')}`, {
      json: routing(),
    });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.problems).toEqual([
      {
        path: 'query.callbackUrl',
        message: 'points to ::1 in ::1/128 (loopback); webhooks are sent to public addresses only',
      },
    ]);
  });

  it('refuses a zone index, which is no URL at all', async () => {
    const { status, body } = await submitInBody(strict, 'http://[fe80::1%25eth0]/');
    expect(status).toBe(400);
    expect(body.problems[0]).toEqual({ path: 'callbackUrl', message: 'callbackUrl is an http(s) URL' });
  });

  it('accepts public hosts and addresses without resolving them', async () => {
    for (const url of [
      'https://example.com/hook',
      'http://hooks.example:8080/x?job=1',
      'https://93.184.215.14/hook',
      'https://[2606:4700:4700::1111]/hook',
      // Looks internal, is not: only the range decides.
      'http://172.32.0.1/',
      'http://localhost.example.com/',
    ]) {
      const { status } = await submitInBody(strict, url);
      expect(status, url).toBe(202);
    }
  });
});

describe('callbackUrl with the opt-outs', () => {
  it('WEBHOOK_ALLOW_PRIVATE allows every internal target, but never credentials', async () => {
    for (const url of [
      'http://127.0.0.1:9/x',
      'http://localhost:3000/',
      'http://[::1]/',
      'http://10.0.0.1/',
    ]) {
      const { status } = await submitInBody(open, url);
      expect(status, url).toBe(202);
    }
    const { status, body } = await submitInBody(open, 'http://user:pass@127.0.0.1/');
    expect(status).toBe(400);
    expect(body.problems[0].message).toMatch(/user name or password/);
  });

  it('WEBHOOK_ALLOWED_HOSTS allows its names and ranges, nothing else', async () => {
    for (const url of [
      'https://hooks.vingaker.internal/x',
      'http://10.20.3.4/x',
      'http://[::ffff:10.20.3.4]/x',
    ]) {
      const { status } = await submitInBody(allowList, url);
      expect(status, url).toBe(202);
    }
    for (const url of ['http://10.21.0.1/', 'http://127.0.0.1/', 'http://localhost/']) {
      const { status } = await submitInBody(allowList, url);
      expect(status, url).toBe(400);
    }
  });
});

describe('configuration', () => {
  it('is strict by default', () => {
    expect(configFromEnv({}).webhookTargets).toEqual({
      allowPrivate: false,
      allowedHosts: { names: [], ranges: [] },
    });
  });

  it('reads WEBHOOK_ALLOW_PRIVATE and WEBHOOK_ALLOWED_HOSTS', () => {
    const config = configFromEnv({
      WEBHOOK_ALLOW_PRIVATE: 'true',
      WEBHOOK_ALLOWED_HOSTS: ' Hooks.Vingaker.Internal , 10.20.0.0/16,fd00:1::/64, 192.168.5.5',
    });
    expect(config.webhookTargets).toEqual({
      allowPrivate: true,
      allowedHosts: {
        names: ['hooks.vingaker.internal'],
        ranges: ['10.20.0.0/16', 'fd00:1::/64', '192.168.5.5/32'],
      },
    });
  });

  it('names a wrong entry', () => {
    expect(() => configFromEnv({ WEBHOOK_ALLOW_PRIVATE: 'yes' })).toThrow(/WEBHOOK_ALLOW_PRIVATE/);
    expect(() => configFromEnv({ WEBHOOK_ALLOWED_HOSTS: 'hooks.example,10.0.0.0/33' })).toThrow(
      /WEBHOOK_ALLOWED_HOSTS: "10\.0\.0\.0\/33" is not a CIDR range/,
    );
  });
});
