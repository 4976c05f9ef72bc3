import type { Request, RequestHandler } from 'express';
import type { IncomingMessage } from 'node:http';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import { randomUUID } from 'node:crypto';

/** The caller's X-Request-Id when it is a plain token, else a new one; always echoed in the answer. */
export function requestIdOf(given: string | string[] | undefined): string {
  return typeof given === 'string' && /^[\w.-]{1,64}$/.test(given) ? given : randomUUID();
}

// Never the key, never a body: the request line, the tenant and the outcome are enough.
const serializers = {
  req: (req: { id: unknown; method: string; url: string }) => ({
    id: req.id,
    method: req.method,
    // A callback URL may carry the operator's own token.
    url: req.url.replace(/([?&]callbackUrl=)[^&]*/i, '$1[redacted]'),
  }),
  res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
};

const callerProps = (req: Pick<Request, 'caller'>) =>
  req.caller ? { tenant: req.caller.tenant, keyId: req.caller.keyId } : {};

/**
 * The line `requestLog` writes for an answer below 500, for answers written outside express
 * (fast-reads.ts): pino-http's "request completed" at info, nothing above info.
 */
export function logAnswered(
  logger: Logger,
  req: IncomingMessage,
  id: string,
  statusCode: number,
  responseTimeMs: number,
  caller: Request['caller'],
): void {
  if (!logger.isLevelEnabled('info')) return;
  logger.info(
    {
      req: serializers.req({ id, method: req.method ?? 'GET', url: req.url ?? '' }),
      res: serializers.res({ statusCode }),
      responseTime: responseTimeMs,
      ...callerProps({ caller }),
    },
    'request completed',
  );
}

/**
 * Only the lines a logger above `info` writes: answers of 500 and more, in pino-http's shape.
 * pino-http itself builds three child loggers for every request even when it writes nothing
 * (about a fifth of a status read's CPU time under `bench:api`).
 */
function errorLines(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const id = requestIdOf(req.headers['x-request-id']);
    (req as { id?: string }).id = id;
    res.setHeader('X-Request-Id', id);
    const startMs = Date.now();
    res.once('finish', () => {
      if (res.statusCode < 500) return;
      logger.error(
        {
          req: serializers.req({ id, method: req.method, url: req.originalUrl }),
          res: serializers.res(res),
          responseTime: Date.now() - startMs,
          ...callerProps(req),
        },
        'request errored',
      );
    });
    next();
  };
}

/**
 * One log line per request (pino-http) when the logger writes `info`, else only the lines of
 * failed requests; the request's id in `X-Request-Id` always.
 */
export function requestLog(logger: Logger): RequestHandler {
  if (!logger.isLevelEnabled('info')) return errorLines(logger);
  return pinoHttp({
    logger,
    genReqId: (req, res) => {
      const id = requestIdOf(req.headers['x-request-id']);
      res.setHeader('X-Request-Id', id);
      return id;
    },
    serializers,
    customProps: (req: Request) => callerProps(req),
    customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : 'info'),
  });
}
