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

function bearer(req: Request): string | undefined {
  const header = req.headers.authorization;
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1];
}

const CHALLENGE = { 'WWW-Authenticate': 'Bearer realm="paketbygd"' };

/** Every /v1 call needs `Authorization: Bearer <key>`; the key decides the tenant. */
export function requireKey(keys: KeyStore): RequestHandler {
  return (req, _res, next) => {
    const token = bearer(req);
    if (token === undefined) {
      next(new HttpError(401, 'send your API key as "Authorization: Bearer <key>"', {}, CHALLENGE));
      return;
    }
    const caller = keys.lookup(token);
    if (!caller) {
      next(new HttpError(401, 'the API key is not valid', {}, CHALLENGE));
      return;
    }
    req.caller = caller;
    next();
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
export function requireAdmin(adminKey: string | undefined): RequestHandler {
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
      next(
        new HttpError(
          401,
          'the queue dashboard needs the admin key (Bearer, or Basic auth with the key as password)',
          {},
          challenge,
        ),
      );
      return;
    }
    const hash = createHash('sha256').update(presented).digest();
    if (!timingSafeEqual(hash, expected)) {
      next(new HttpError(401, 'the admin key is not valid', {}, challenge));
      return;
    }
    next();
  };
}
