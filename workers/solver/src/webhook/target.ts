import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import {
  callbackUrlRefusal,
  parseIpAddress,
  resolvedRefusal,
  urlHost,
  type WebhookTargetPolicy,
} from '@paketbygd/model';

/** A callback URL the policy refuses: the delivery stops, and is never retried. */
export class WebhookTargetRefused extends Error {
  override name = 'WebhookTargetRefused';
}

/** `dns.lookup(host, { all: true })`; tests pass a stub. */
export type ResolveAll = (host: string) => Promise<LookupAddress[]>;

export const systemResolveAll: ResolveAll = (host) =>
  new Promise((resolve, reject) =>
    dnsLookup(host, { all: true, verbatim: true }, (error, addresses) =>
      error ? reject(error) : resolve(addresses),
    ),
  );

/** A callback URL with the addresses its host was checked at: the only ones it may be connected to. */
export interface CheckedTarget {
  url: URL;
  /** The host without brackets, as the request names it (Host header, TLS server name). */
  host: string;
  addresses: LookupAddress[];
}

/**
 * Checks a callback URL as it is about to be called: what the API checked at submission (the
 * policy may have changed since), then every address its host name resolves to. Throws
 * WebhookTargetRefused if the policy refuses it; a DNS failure throws as it is (worth a retry).
 */
export async function checkTarget(
  text: string,
  policy: WebhookTargetPolicy,
  resolveAll: ResolveAll = systemResolveAll,
): Promise<CheckedTarget> {
  const refusal = callbackUrlRefusal(text, policy);
  if (refusal !== undefined) throw new WebhookTargetRefused(`callbackUrl ${refusal}`);
  const url = new URL(text);
  const host = urlHost(url);
  const literal = parseIpAddress(host);
  if (literal) {
    return { url, host, addresses: [{ address: host, family: literal.kind() === 'ipv4' ? 4 : 6 }] };
  }
  const addresses = await resolveAll(host);
  if (addresses.length === 0) throw new Error(`${host} resolves to no address`);
  const refused = resolvedRefusal(
    host,
    addresses.map((a) => a.address),
    policy,
  );
  if (refused !== undefined) throw new WebhookTargetRefused(`callbackUrl host ${refused}`);
  return { url, host, addresses };
}

/**
 * A `lookup` for net.connect that answers with the checked addresses and never asks DNS again,
 * so a second resolution cannot rebind the name to another address between check and connect.
 */
export function pinnedLookup(addresses: readonly LookupAddress[]): LookupFunction {
  return (hostname, options, callback) => {
    const family = options.family === 'IPv4' ? 4 : options.family === 'IPv6' ? 6 : options.family;
    const usable = family ? addresses.filter((a) => a.family === family) : [...addresses];
    if (usable.length === 0) {
      const error: NodeJS.ErrnoException = new Error(`${hostname} has no checked IPv${family} address`);
      error.code = 'ENOTFOUND';
      callback(error, '', 0);
      return;
    }
    // With autoSelectFamily (Node's default) net asks for all addresses; otherwise for one.
    if (options.all) (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, usable);
    else callback(null, usable[0]!.address, usable[0]!.family);
  };
}

export interface PostOutcome {
  status: number;
  headers: IncomingHttpHeaders;
}

/**
 * POSTs `body` to a checked target, connecting only to its checked addresses. Redirects are never
 * followed (node:http does not): a 3xx is an answer like any other. The response body is dropped.
 */
export function postPinned(
  target: CheckedTarget,
  headers: Record<string, string>,
  body: string,
  signal: AbortSignal,
): Promise<PostOutcome> {
  const { url } = target;
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = send(
      {
        protocol: url.protocol,
        hostname: target.host,
        port: url.port || undefined,
        path: `${url.pathname}${url.search}`,
        method: 'POST',
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        lookup: pinnedLookup(target.addresses),
        // A connection of its own: a pooled socket could have been opened under another check.
        agent: false,
        signal,
      },
      (res) => {
        resolve({ status: res.statusCode ?? 0, headers: res.headers });
        res.destroy();
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}
