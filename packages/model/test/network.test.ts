import { describe, expect, it } from 'vitest';
import {
  addressRefusal,
  AllowedHostsList,
  BLOCKED_ADDRESS_RANGES,
  callbackUrlRefusal,
  classifyAddress,
  resolvedRefusal,
  STRICT_WEBHOOK_TARGETS as STRICT,
  type WebhookTargetPolicy,
} from '../src/index';

const rangeOf = (text: string) => classifyAddress(text)?.blocked?.cidr;

describe('classifyAddress', () => {
  it('blocks every form of loopback the URL parser and DNS can produce', () => {
    for (const form of [
      '127.0.0.1',
      '2130706433', // decimal
      '0x7f000001', // one hex number
      '0x7f.1', // hex, two parts
      '0177.0.0.1', // octal
      '127.1', // short form
      '::ffff:127.0.0.1', // IPv4-mapped
      '::ffff:7f00:1', // the same, as the URL parser writes it
      '[::ffff:127.0.0.1]', // a URL's hostname keeps the brackets
      '64:ff9b::127.0.0.1', // NAT64 to a loopback address
    ]) {
      expect(classifyAddress(form), form).toEqual({
        address: '127.0.0.1',
        blocked: { cidr: '127.0.0.0/8', what: 'loopback' },
      });
    }
  });

  it('names the range of each blocked class', () => {
    const cases: [string, string][] = [
      ['0.0.0.0', '0.0.0.0/8'],
      ['0.1.2.3', '0.0.0.0/8'],
      ['10.0.0.1', '10.0.0.0/8'],
      ['10.255.255.255', '10.0.0.0/8'],
      ['127.255.255.254', '127.0.0.0/8'],
      ['100.64.0.1', '100.64.0.0/10'],
      ['100.127.255.255', '100.64.0.0/10'],
      ['169.254.169.254', '169.254.0.0/16'],
      ['172.16.0.1', '172.16.0.0/12'],
      ['172.31.255.255', '172.16.0.0/12'],
      ['192.0.0.170', '192.0.0.0/24'],
      ['192.168.0.1', '192.168.0.0/16'],
      ['198.18.0.1', '198.18.0.0/15'],
      ['198.19.255.255', '198.18.0.0/15'],
      ['224.0.0.251', '224.0.0.0/4'],
      ['239.255.255.250', '224.0.0.0/4'],
      ['240.0.0.1', '240.0.0.0/4'],
      ['255.255.255.255', '255.255.255.255/32'],
      ['::', '::/128'],
      ['::1', '::1/128'],
      ['0:0:0:0:0:0:0:1', '::1/128'],
      ['::7f00:1', '::/96'],
      ['fc00::1', 'fc00::/7'],
      ['fd12:3456:789a::1', 'fc00::/7'],
      ['fe80::1', 'fe80::/10'],
      ['fe80::1%eth0', 'fe80::/10'],
      ['[fe80::1%25eth0]', 'fe80::/10'],
      ['febf::1', 'fe80::/10'],
      ['fec0::1', 'fec0::/10'],
      ['ff02::1', 'ff00::/8'],
      ['::ffff:10.0.0.1', '10.0.0.0/8'],
      ['::ffff:a9fe:a9fe', '169.254.0.0/16'],
      ['64:ff9b::a9fe:a9fe', '169.254.0.0/16'],
    ];
    for (const [address, cidr] of cases) expect(rangeOf(address), address).toBe(cidr);
  });

  it('lets public addresses through, also at the edges of blocked ranges', () => {
    for (const address of [
      '8.8.8.8',
      '1.1.1.1',
      '9.255.255.255',
      '11.0.0.0',
      '100.63.255.255',
      '100.128.0.0',
      '126.255.255.255',
      '128.0.0.0',
      '169.253.255.255',
      '172.15.255.255',
      '172.32.0.0',
      '192.0.1.1',
      '192.167.255.255',
      '198.17.255.255',
      '198.20.0.0',
      '223.255.255.255',
      '2001:4860:4860::8888',
      '2606:4700:4700::1111',
      '::ffff:8.8.8.8',
      '64:ff9b::8.8.8.8',
    ]) {
      const judged = classifyAddress(address);
      expect(judged, address).toBeDefined();
      expect(judged!.blocked, address).toBeUndefined();
    }
  });

  it('answers undefined for what is not an IP address', () => {
    for (const text of ['example.com', 'localhost', '', '1.2.3.4.5', '::g', '256.1.1.1x']) {
      expect(classifyAddress(text), text).toBeUndefined();
    }
  });

  it('every listed range parses and is found by its own first address', () => {
    for (const range of BLOCKED_ADDRESS_RANGES) {
      const first = range.cidr.split('/')[0]!;
      expect(classifyAddress(first)?.blocked, range.cidr).toBeDefined();
    }
  });
});

describe('callbackUrlRefusal', () => {
  it('refuses internal hosts in every form the WHATWG URL parser normalises', () => {
    for (const url of [
      'http://127.0.0.1/',
      'http://2130706433/',
      'http://0x7f.1/',
      'http://0177.0.0.1:8080/',
      'http://127.1/',
      'http://[::ffff:127.0.0.1]/',
      'http://[::1]/',
      'http://[64:ff9b::127.0.0.1]/',
      'http://169.254.169.254/latest/meta-data/',
      'http://0/',
      'http://localhost/',
      'http://LocalHost:8080/',
      'http://localhost./',
      'http://a.b.localhost/',
    ]) {
      expect(callbackUrlRefusal(url, STRICT), url).toMatch(
        /^points to .*; webhooks are sent to public addresses only$/,
      );
    }
  });

  it('refuses credentials whatever the policy', () => {
    const open: WebhookTargetPolicy = { ...STRICT, allowPrivate: true };
    for (const url of ['https://u:p@example.com/', 'https://u@example.com/', 'https://:p@example.com/']) {
      expect(callbackUrlRefusal(url, STRICT), url).toMatch(/user name or password/);
      expect(callbackUrlRefusal(url, open), url).toMatch(/user name or password/);
    }
  });

  it('refuses what is not an http(s) URL', () => {
    expect(callbackUrlRefusal('ftp://example.com/', STRICT)).toBe('is not an http(s) URL');
    expect(callbackUrlRefusal('not a url', STRICT)).toBe('is not a URL');
  });

  it('lets public hosts through without resolving them', () => {
    for (const url of [
      'https://example.com/hook',
      'http://93.184.215.14/',
      'https://[2606:4700::1]/',
      'http://localhost.example/',
    ]) {
      expect(callbackUrlRefusal(url, STRICT), url).toBeUndefined();
    }
  });

  it('with allowPrivate lets every internal host through', () => {
    const open: WebhookTargetPolicy = { ...STRICT, allowPrivate: true };
    for (const url of [
      'http://127.0.0.1:9/',
      'http://localhost/',
      'http://[::1]/',
      'http://169.254.169.254/',
    ]) {
      expect(callbackUrlRefusal(url, open), url).toBeUndefined();
    }
  });
});

describe('allowed hosts', () => {
  const policy: WebhookTargetPolicy = {
    allowPrivate: false,
    allowedHosts: AllowedHostsList.parse('hooks.vingaker.internal, 10.20.0.0/16, fd00:1::/64, 192.168.5.5'),
  };

  it('parses names, ranges and lone addresses', () => {
    expect(policy.allowedHosts).toEqual({
      names: ['hooks.vingaker.internal'],
      ranges: ['10.20.0.0/16', 'fd00:1::/64', '192.168.5.5/32'],
    });
    expect(AllowedHostsList.parse('')).toEqual({ names: [], ranges: [] });
    expect(AllowedHostsList.parse('Hooks.Example.,[::1]')).toEqual({
      names: ['hooks.example'],
      ranges: ['::1/128'],
    });
  });

  it('names every wrong entry', () => {
    const parsed = AllowedHostsList.safeParse('ok.example,10.0.0.0/33,user@host,a b,host:80,http://x/');
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((i) => i.message)).toEqual([
      '"10.0.0.0/33" is not a CIDR range (10.20.0.0/16, fd00::/8)',
      '"user@host" is neither a host name nor a CIDR range',
      '"a b" is neither a host name nor a CIDR range',
      '"host:80" is neither a host name nor a CIDR range',
      '"http://x/" is not a CIDR range (10.20.0.0/16, fd00::/8)',
    ]);
  });

  it('allows the listed names and ranges, and only those', () => {
    expect(callbackUrlRefusal('https://hooks.vingaker.internal/x', policy)).toBeUndefined();
    expect(callbackUrlRefusal('https://HOOKS.vingaker.internal./x', policy)).toBeUndefined();
    expect(callbackUrlRefusal('http://10.20.255.1/', policy)).toBeUndefined();
    expect(callbackUrlRefusal('http://[::ffff:10.20.0.9]/', policy)).toBeUndefined();
    expect(callbackUrlRefusal('http://[fd00:1::5]/', policy)).toBeUndefined();
    expect(callbackUrlRefusal('http://192.168.5.5/', policy)).toBeUndefined();
    expect(callbackUrlRefusal('http://192.168.5.6/', policy)).toMatch(/192\.168\.0\.0\/16/);
    expect(callbackUrlRefusal('http://10.21.0.1/', policy)).toMatch(/10\.0\.0\.0\/8/);
    expect(callbackUrlRefusal('http://[fd00:2::1]/', policy)).toMatch(/fc00::\/7/);
    expect(callbackUrlRefusal('http://localhost/', policy)).toMatch(/localhost/);
    expect(addressRefusal('10.20.1.1', policy)).toBeUndefined();
    expect(addressRefusal('10.30.1.1', policy)).toMatch(/10\.0\.0\.0\/8/);
  });
});

describe('resolvedRefusal', () => {
  it('refuses a name if any of its addresses is internal', () => {
    expect(resolvedRefusal('hooks.example', ['93.184.215.14'], STRICT)).toBeUndefined();
    expect(resolvedRefusal('hooks.example', ['93.184.215.14', '10.0.0.7'], STRICT)).toBe(
      'hooks.example resolves to 10.0.0.7 in 10.0.0.0/8 (private); webhooks are sent to public addresses only',
    );
    expect(resolvedRefusal('rebind.example', ['::ffff:127.0.0.1'], STRICT)).toMatch(
      /resolves to 127\.0\.0\.1 in 127\.0\.0\.0\/8/,
    );
  });

  it('trusts an allowed name whatever it resolves to, and an allowed range for any name', () => {
    const policy: WebhookTargetPolicy = {
      allowPrivate: false,
      allowedHosts: AllowedHostsList.parse('hooks.internal,10.20.0.0/16'),
    };
    expect(resolvedRefusal('hooks.internal', ['10.99.0.1', '127.0.0.1'], policy)).toBeUndefined();
    expect(resolvedRefusal('other.example', ['10.20.0.1'], policy)).toBeUndefined();
    expect(resolvedRefusal('other.example', ['10.20.0.1', '10.99.0.1'], policy)).toMatch(/10\.99\.0\.1/);
    expect(
      resolvedRefusal('other.example', ['127.0.0.1'], { ...STRICT, allowPrivate: true }),
    ).toBeUndefined();
  });
});
