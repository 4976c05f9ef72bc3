import type { Request, RequestHandler } from 'express';
import { createHash, timingSafeEqual } from 'node:crypto';
import { HttpError } from './errors';
import type { Caller, KeyStore } from './keys';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      /** Who called, from the API key; set by `requireKey`. */
      caller?: Caller;
    }
  }
}

/**
 * What the key checks need of a failure limiter (rate-limit.ts's AuthFailureLimiter): declared
 * here so that the limiter depends on auth (for the caller) and not the other way round as well.
 */
export interface AuthFailureLimiter {
  /** A request with a wrong or missing key: count it; the 429 to answer instead when over. */
  failed(req: Request): Promise<HttpError | undefined>;
  /** A request with a valid key: the 429 to answer when its address is over the limit. */
  check(req: Request): Promise<HttpError | undefined>;
}

/** The key of an `Authorization: Bearer <key>` header. */
export function bearerToken(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1];
}

const bearer = (req: Request) => bearerToken(req.headers.authorization);

const CHALLENGE = { 'WWW-Authenticate': 'Bearer realm="paketbygd"' };

/**
 * Answers a request whose key was judged: a wrong or missing key (`failure`) is counted against
 * the client's address and may become a 429; a valid one is only checked against that count. The
 * limiter's store errors (503) pass to the error handler like any other error.
 */
function judged(
  failures: AuthFailureLimiter | undefined,
  failure: HttpError | undefined,
  req: Request,
  next: (error?: unknown) => void,
): void {
  if (!failures) {
    next(failure);
    return;
  }
  (failure ? failures.failed(req) : failures.check(req)).then(
    (tooMany) => next(tooMany ?? failure),
    (error: unknown) => next(error),
  );
}

/** The key id (rate limits, logs) of requests without a key in key-less mode. */
export const KEYLESS_KEY_ID = 'keyless';

/**
 * Every /v1 call needs `Authorization: Bearer <key>`; the key decides the tenant. With a limiter,
 * an address with too many 401s gets 429 for every request, a valid key included (see
 * `AuthFailureLimiter`). With `keylessTenant`, a request without any key is that tenant's (the
 * VROOM drop-in's optional key-less mode).
 */
export function requireKey(
  keys: KeyStore,
  failures?: AuthFailureLimiter,
  keylessTenant?: string,
): RequestHandler {
  return (req, _res, next) => {
    const token = bearer(req);
    if (token === undefined && keylessTenant !== undefined) {
      // Key-less mode (a private network): no key is this tenant; a wrong key is still a 401.
      req.caller = { tenant: keylessTenant, keyId: KEYLESS_KEY_ID };
      judged(failures, undefined, req, next);
      return;
    }
    if (token === undefined) {
      judged(
        failures,
        new HttpError(401, 'send your API key as "Authorization: Bearer <key>"', {}, CHALLENGE),
        req,
        next,
      );
      return;
    }
    const caller = keys.lookup(token);
    if (!caller) {
      judged(failures, new HttpError(401, 'the API key is not valid', {}, CHALLENGE), req, next);
      return;
    }
    req.caller = caller;
    judged(failures, undefined, req, next);
  };
}

export function callerOf(req: Request): Caller {
  if (!req.caller) throw new Error('route mounted without requireKey');
  return req.caller;
}

/**
 * The admin key guards the queue dashboard. Browsers cannot send a Bearer header to a page,
 * so Basic auth (any user name, the key as password) is accepted too.
 */
export function requireAdmin(adminKey: string | undefined, failures?: AuthFailureLimiter): RequestHandler {
  const expected = adminKey ? createHash('sha256').update(adminKey).digest() : undefined;
  const challenge = { 'WWW-Authenticate': 'Basic realm="paketbygd admin", charset="UTF-8"' };
  return (req, _res, next) => {
    if (!expected) {
      next(new HttpError(404, 'the queue dashboard is off; set ADMIN_API_KEY to turn it on'));
      return;
    }
    const header = req.headers.authorization ?? '';
    let presented = bearer(req);
    const basic = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header);
    if (presented === undefined && basic?.[1]) {
      const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
      presented = decoded.slice(decoded.indexOf(':') + 1);
    }
    if (presented === undefined) {
      judged(
        failures,
        new HttpError(
          401,
          'the queue dashboard needs the admin key (Bearer, or Basic auth with the key as password)',
          {},
          challenge,
        ),
        req,
        next,
      );
      return;
    }
    const hash = createHash('sha256').update(presented).digest();
    if (!timingSafeEqual(hash, expected)) {
      judged(failures, new HttpError(401, 'the admin key is not valid', {}, challenge), req, next);
      return;
    }
    judged(failures, undefined, req, next);
  };
}
