import ipaddr from 'ipaddr.js';
import { z } from 'zod';

/**
 * Where webhooks may go: one rule for the API (at submission, on the URL alone) and the worker (at
 * delivery, on every address the host name resolves to). A tenant's `callbackUrl` must not make
 * our worker POST into our own network: loopback, private ranges, link-local (cloud metadata at
 * 169.254.169.254), and the other special-purpose ranges below are refused unless the operator
 * opts out. Addresses are parsed by ipaddr.js (no regular expressions), which reads every IPv4
 * form the WHATWG URL parser does (2130706433, 0x7f.1, 0177.0.0.1, 127.1).
 */

/** A range of addresses that no webhook is sent to unless the policy allows it. */
export interface BlockedRange {
  cidr: string;
  /** What the range is, for messages: "loopback". */
  what: string;
}

/**
 * The special-purpose ranges (IANA's registries) that are not public unicast. Order matters only
 * for messages: the first range that holds an address names it.
 */
export const BLOCKED_ADDRESS_RANGES: readonly BlockedRange[] = [
  { cidr: '0.0.0.0/8', what: '"this network"' },
  { cidr: '10.0.0.0/8', what: 'private' },
  { cidr: '100.64.0.0/10', what: 'carrier-grade NAT' },
  { cidr: '127.0.0.0/8', what: 'loopback' },
  { cidr: '169.254.0.0/16', what: 'link-local, where cloud metadata services answer' },
  { cidr: '172.16.0.0/12', what: 'private' },
  { cidr: '192.0.0.0/24', what: 'IETF protocol assignments' },
  { cidr: '192.168.0.0/16', what: 'private' },
  { cidr: '198.18.0.0/15', what: 'benchmarking' },
  { cidr: '224.0.0.0/4', what: 'multicast' },
  { cidr: '255.255.255.255/32', what: 'broadcast' },
  { cidr: '240.0.0.0/4', what: 'reserved' },
  { cidr: '::/128', what: 'unspecified' },
  { cidr: '::1/128', what: 'loopback' },
  // IPv4-compatible addresses (::a.b.c.d) are deprecated (RFC 4291); nothing public uses them.
  { cidr: '::/96', what: 'IPv4-compatible, deprecated' },
  { cidr: 'fc00::/7', what: 'unique local, private' },
  { cidr: 'fe80::/10', what: 'link-local' },
  { cidr: 'fec0::/10', what: 'site-local, deprecated' },
  { cidr: 'ff00::/8', what: 'multicast' },
];

const PARSED_RANGES = BLOCKED_ADDRESS_RANGES.map((range) => ({
  ...range,
  parsed: ipaddr.parseCIDR(range.cidr),
}));

/** NAT64's well-known prefix (RFC 6052): the last 32 bits are an IPv4 address reached through a translator. */
const NAT64 = ipaddr.parseCIDR('64:ff9b::/96');

type Address = ipaddr.IPv4 | ipaddr.IPv6;

/** `[::1]` (a URL's hostname) → `::1`; `fe80::1%25eth0` (a zone as URLs escape it) → `fe80::1%eth0`. */
function bare(host: string): string {
  const unbracketed = host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
  return unbracketed.replace(/%25/, '%');
}

/** The address to judge: IPv4-mapped (::ffff:a.b.c.d) and NAT64 (64:ff9b::a.b.c.d) addresses count as their IPv4 address. */
function effective(address: Address): Address {
  if (address.kind() === 'ipv6') {
    const v6 = address as ipaddr.IPv6;
    if (v6.isIPv4MappedAddress()) return v6.toIPv4Address();
    if (v6.match(NAT64)) {
      const [hi, lo] = [v6.parts[6]!, v6.parts[7]!];
      return new ipaddr.IPv4([hi >> 8, hi & 0xff, lo >> 8, lo & 0xff]);
    }
  }
  return address;
}

/** An IP address in any form ipaddr.js reads, or undefined for a host name. */
export function parseIpAddress(text: string): Address | undefined {
  const candidate = bare(text.trim());
  return ipaddr.isValid(candidate) ? ipaddr.parse(candidate) : undefined;
}

export interface AddressClass {
  /** The address as judged, normalised (an IPv4-mapped address as its IPv4 form). */
  address: string;
  /** The blocked range that holds it; undefined for a public address. */
  blocked: BlockedRange | undefined;
}

/** Which blocked range, if any, holds an IP address; undefined when `text` is not an IP address. */
export function classifyAddress(text: string): AddressClass | undefined {
  const parsed = parseIpAddress(text);
  if (!parsed) return undefined;
  const address = effective(parsed);
  const blocked = PARSED_RANGES.find((r) => r.parsed[0].kind() === address.kind() && address.match(r.parsed));
  return {
    address: address.toString(),
    blocked: blocked ? { cidr: blocked.cidr, what: blocked.what } : undefined,
  };
}

/** Internal receivers the operator trusts (WEBHOOK_ALLOWED_HOSTS). */
export interface AllowedHosts {
  /** Host names, lower case, exactly as in the URL: whatever they resolve to is allowed. */
  names: readonly string[];
  /** Address ranges (CIDR; a lone address is /32 or /128) allowed although they are internal. */
  ranges: readonly string[];
}

export interface WebhookTargetPolicy {
  /** WEBHOOK_ALLOW_PRIVATE: any address is allowed (development and tests only). */
  allowPrivate: boolean;
  allowedHosts: AllowedHosts;
}

/** The default: public addresses only. */
export const STRICT_WEBHOOK_TARGETS: WebhookTargetPolicy = {
  allowPrivate: false,
  allowedHosts: { names: [], ranges: [] },
};

const normalHost = (host: string) => bare(host).toLowerCase().replace(/\.$/, '');

/**
 * WEBHOOK_ALLOWED_HOSTS: comma-separated host names and CIDR ranges, e.g.
 * `hooks.vingaker.internal,10.20.0.0/16,fd00:1::/64`. Every entry is checked; a wrong one names itself.
 */
export const AllowedHostsList = z.string().transform((text, ctx): AllowedHosts => {
  const names: string[] = [];
  const ranges: string[] = [];
  for (const raw of text.split(',')) {
    const entry = raw.trim();
    if (entry === '') continue;
    if (entry.includes('/')) {
      if (!ipaddr.isValidCIDR(entry)) {
        ctx.addIssue({ code: 'custom', message: `"${entry}" is not a CIDR range (10.20.0.0/16, fd00::/8)` });
        continue;
      }
      const [address, bits] = ipaddr.parseCIDR(entry);
      ranges.push(`${address.toString()}/${bits}`);
      continue;
    }
    const address = parseIpAddress(entry);
    if (address) {
      ranges.push(`${address.toString()}/${address.kind() === 'ipv4' ? 32 : 128}`);
      continue;
    }
    let hostname: string | undefined;
    try {
      // The URL parser lower-cases the name and turns an international one into its ASCII form, as
      // it does for the callback URL this entry is compared with.
      hostname = /[@/?#:\\\s]/.test(entry) ? undefined : new URL(`http://${entry}/`).hostname;
    } catch {
      hostname = undefined;
    }
    if (hostname === undefined) {
      ctx.addIssue({ code: 'custom', message: `"${entry}" is neither a host name nor a CIDR range` });
      continue;
    }
    names.push(normalHost(hostname));
  }
  return { names, ranges };
});

function inAllowedRange(address: Address, ranges: readonly string[]): boolean {
  return ranges.some((cidr) => {
    const range = ipaddr.parseCIDR(cidr);
    const candidate = range[0].kind() === 'ipv4' ? effective(address) : address;
    return candidate.kind() === range[0].kind() && candidate.match(range);
  });
}

/**
 * Why webhooks may not go to this IP address under the policy ("127.0.0.1 in 127.0.0.0/8
 * (loopback)"); undefined when they may. A text that is no IP address is refused.
 */
export function addressRefusal(text: string, policy: WebhookTargetPolicy): string | undefined {
  const parsed = parseIpAddress(text);
  if (!parsed) return `${text} is not an IP address`;
  if (policy.allowPrivate) return undefined;
  const judged = classifyAddress(text)!;
  if (!judged.blocked || inAllowedRange(parsed, policy.allowedHosts.ranges)) return undefined;
  return `${judged.address} in ${judged.blocked.cidr} (${judged.blocked.what})`;
}

/** The host of a URL as the worker connects to it: lower case, no brackets, no trailing dot. */
export function urlHost(url: URL): string {
  return normalHost(url.hostname);
}

/** Whether the policy allows this host name whatever it resolves to. */
export function isAllowedHostName(host: string, policy: WebhookTargetPolicy): boolean {
  return policy.allowPrivate || policy.allowedHosts.names.includes(normalHost(host));
}

const PUBLIC_ONLY = 'webhooks are sent to public addresses only';

/**
 * Why a callback URL is refused, from the URL alone (no DNS): not http(s), credentials in it,
 * localhost, or a literal IP address in a blocked range. Undefined when it may be used; the worker
 * still checks what its host name resolves to before it connects.
 */
export function callbackUrlRefusal(text: string, policy: WebhookTargetPolicy): string | undefined {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'is not a URL';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'is not an http(s) URL';
  // Credentials would be sent to the receiver in the clear on http and end up in logs; the
  // signature header is how a receiver knows the call is ours.
  if (url.username !== '' || url.password !== '')
    return 'must not contain a user name or password (user:pass@); receivers verify the signature header instead';
  if (policy.allowPrivate) return undefined;
  const host = urlHost(url);
  if (isAllowedHostName(host, policy)) return undefined;
  if (host === 'localhost' || host.endsWith('.localhost')) return `points to ${host}; ${PUBLIC_ONLY}`;
  if (parseIpAddress(host)) {
    const refusal = addressRefusal(host, policy);
    return refusal === undefined ? undefined : `points to ${refusal}; ${PUBLIC_ONLY}`;
  }
  return undefined;
}

/** Why a host name may not receive webhooks given what it resolved to; undefined when all its addresses may. */
export function resolvedRefusal(
  host: string,
  addresses: readonly string[],
  policy: WebhookTargetPolicy,
): string | undefined {
  if (isAllowedHostName(host, policy)) return undefined;
  for (const address of addresses) {
    const refusal = addressRefusal(address, policy);
    if (refusal !== undefined) return `${host} resolves to ${refusal}; ${PUBLIC_ONLY}`;
  }
  return undefined;
}
