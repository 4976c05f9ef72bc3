import { ipKeyGenerator } from 'express-rate-limit';
import type { Redis } from 'ioredis';
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { bearerToken } from './auth';
import type { Limits } from './config';
import { errorBody } from './errors';
import { viewOf, type JobStore } from './jobs';
import type { Caller, KeyStore } from './keys';
import type { ApiMetrics } from './metrics';
import { keyLimitError, type AuthFailureLimiter, type LimitCounters } from './rate-limit';
import { logAnswered, requestIdOf } from './request-log';
import { GatedStatusReads, type GatedReply } from './gated-status';
import { statusKeys, statusOfReply } from './status';

/** Only lower-case UUIDs name a job (JobStore.status answers 404 for any other id, through express). */
const JOB_PATH = /^\/v1\/jobs\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?:\?|$)/;
/** /healthz's answer as bytes, made once (every other answer is made bytes when written). */
const HEALTH_BODY = Buffer.from(JSON.stringify({ status: 'ok' }), 'utf8');

export interface FastReadsOptions {
  /**
   * The status reads' own connection, without auto-pipelining (GatedStatusReads batches them);
   * undefined for a Cluster (one script's keys would span slots): status reads are then express's.
   */
  client: Redis | undefined;
  jobs: JobStore;
  keys: KeyStore;
  limits: Limits;
  /** Undefined when the counts are kept in this process: status reads are then express's. */
  counters: LimitCounters | undefined;
  authFailures: AuthFailureLimiter;
  metrics: ApiMetrics;
  logger: Logger;
  /** The headers helmet sets on every answer (`recordHeaders`). */
  securityHeaders: readonly string[];
  /** The client's address as express's `req.ip` (TRUST_PROXY) gives it. */
  addressOf(req: IncomingMessage): string | undefined;
  /** The ETag express gives a body (its compiled `etag fn` setting). */
  etagOf(body: string | Buffer): string;
}

/** Answers a request itself, or hands it to `slow` (express) untouched. */
export type FastPath = (req: IncomingMessage, res: ServerResponse, slow: RequestListener) => void;

/** What an answer of the fast path is made of besides its body. */
interface Answer {
  status: number;
  /** Headers between helmet's and Content-Type, in express's order (flat name, value list). */
  headers: string[];
  body: string | Buffer;
  /** The metrics label express would give it: the route pattern, or 'unmatched' before the route. */
  route: string;
  caller?: Caller;
  /** The body's ETag when known beforehand. */
  etag?: string;
}

/**
 * `GET /v1/jobs/:id` and `GET /healthz` answered before express: clients poll these, and express's
 * router, its middleware and helmet cost five times what the answer itself does (see README,
 * "Status reads"). The answers are express's byte for byte except Date and a new X-Request-Id
 * (test/fast-reads.test.ts compares both paths): helmet's headers, X-Request-Id, the draft-7
 * RateLimit headers, Content-Type, Content-Length, the weak ETag; 404 for a missing job and for
 * another tenant's; 429 from either limit. Anything else is handed to express untouched, before
 * anything is counted: other methods and paths, conditional requests (If-None-Match,
 * If-Modified-Since: express answers 304), a missing or wrong key (counted there as a failure),
 * and any Redis error (express answers it 503).
 */
export function fastReads(options: FastReadsOptions): FastPath {
  const { client, jobs, keys, limits, counters, metrics, logger, securityHeaders, etagOf } = options;
  const rateWindowMs = limits.rateLimitWindowS * 1000;
  const gated =
    client && counters
      ? new GatedStatusReads(client, {
          authFailLimitMax: limits.authFailLimitMax,
          rateWindowMs,
          rateLimitMax: limits.rateLimitMax,
        })
      : undefined;
  const policy = `${limits.rateLimitMax};w=${limits.rateLimitWindowS}`;
  const healthEtag = etagOf(HEALTH_BODY);

  // The headers every answer starts with; X-Request-Id's value is set per answer.
  const leadingHeaders = ['X-Request-Id', '', ...securityHeaders];

  const write = (req: IncomingMessage, res: ServerResponse, id: string, startNs: bigint, answer: Answer) => {
    const { status } = answer;
    // As express's res.send: the body made bytes once, for its length, its ETag and the socket.
    const body = typeof answer.body === 'string' ? Buffer.from(answer.body, 'utf8') : answer.body;
    const headers = leadingHeaders.slice();
    headers[1] = id;
    for (const item of answer.headers) headers.push(item);
    headers.push(
      'Content-Type',
      'application/json; charset=utf-8',
      'Content-Length',
      String(body.length),
      'ETag',
      answer.etag ?? etagOf(body),
    );
    res.writeHead(status, headers);
    res.end(body);
    const seconds = Number(process.hrtime.bigint() - startNs) / 1e9;
    metrics.http.observe({ method: 'GET', route: answer.route, status: String(status) }, seconds);
    logAnswered(logger, req, id, status, Math.round(seconds * 1000), answer.caller);
  };

  /** draft-7 headers as express-rate-limit sets them. */
  const limitHeaders = (hits: number, ttlMs: number) => [
    'RateLimit-Policy',
    policy,
    'RateLimit',
    `limit=${limits.rateLimitMax}, remaining=${Math.max(limits.rateLimitMax - hits, 0)}, reset=${Math.max(0, Math.ceil(ttlMs / 1000))}`,
  ];

  const statusAnswer = async (caller: Caller, jobId: string, reply: GatedReply): Promise<Answer> => {
    const [outcome, hits, ttlMs, statusReply] = reply;
    const resetTime = new Date(Date.now() + ttlMs);
    if (outcome === 'blocked') {
      const error = options.authFailures.tooMany(resetTime);
      const headers = Object.entries(error.headers).flat();
      return {
        status: 429,
        headers,
        body: JSON.stringify(errorBody(429, error.message)),
        route: 'unmatched',
        caller,
      };
    }
    const rateHeaders = limitHeaders(hits, ttlMs);
    if (outcome === 'limited') {
      const { retryAfter, body } = keyLimitError(limits, resetTime);
      return {
        status: 429,
        headers: [...rateHeaders, 'Retry-After', retryAfter],
        body: JSON.stringify(body),
        route: 'unmatched',
        caller,
      };
    }
    let status = statusOfReply(statusReply ?? null, jobId);
    // A job queued without a meta hash (an older API): read the old way, as express would.
    if (status === 'no-meta') status = await jobs.status(caller.tenant, jobId);
    const route = '/v1/jobs/:id';
    if (!status || status.tenant !== caller.tenant) {
      const body = JSON.stringify(errorBody(404, `no job ${JSON.stringify(jobId)} for this API key`));
      return { status: 404, headers: rateHeaders, body, route, caller };
    }
    return { status: 200, headers: rateHeaders, body: JSON.stringify(viewOf(status)), route, caller };
  };

  return (req, res, slow) => {
    const url = req.url ?? '';
    const { headers } = req;
    if (
      req.method !== 'GET' ||
      headers['if-none-match'] !== undefined ||
      headers['if-modified-since'] !== undefined
    ) {
      slow(req, res);
      return;
    }
    const startNs = process.hrtime.bigint();
    if (url === '/healthz' || url.startsWith('/healthz?')) {
      const answer = { status: 200, headers: [], body: HEALTH_BODY, route: '/healthz', etag: healthEtag };
      write(req, res, requestIdOf(headers['x-request-id']), startNs, answer);
      return;
    }
    const jobId = gated && counters ? JOB_PATH.exec(url)?.[1] : undefined;
    const token = jobId === undefined ? undefined : bearerToken(headers.authorization);
    const caller = token === undefined ? undefined : keys.lookup(token);
    if (jobId === undefined || caller === undefined || !gated || !counters) {
      slow(req, res);
      return;
    }
    const address = ipKeyGenerator(options.addressOf(req) ?? 'unknown');
    gated
      .read(
        [counters.authFailures(address), counters.perKey(caller.keyId), ...statusKeys(jobs.queue, jobId)],
        jobId,
      )
      .then((reply) => statusAnswer(caller, jobId, reply))
      .then(
        (answer) => write(req, res, requestIdOf(headers['x-request-id']), startNs, answer),
        (error: unknown) => {
          logger.debug({ err: error }, 'fast status read failed: answered by express');
          slow(req, res);
        },
      );
  };
}

/** The headers a middleware that only sets headers (helmet) sets, as a flat name, value list. */
export function recordHeaders(
  middleware: (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void,
): string[] {
  const set = new Map<string, string>();
  let done = false;
  const res = {
    setHeader(name: string, value: number | string | readonly string[]) {
      set.set(name, String(value));
      return this as unknown as ServerResponse;
    },
    removeHeader(name: string) {
      set.delete(name);
    },
  };
  middleware({} as IncomingMessage, res as unknown as ServerResponse, () => (done = true));
  if (!done) throw new Error('the header middleware did not finish at once');
  return [...set].flat();
}
