import { capProblems, problemCount, problemToString, type Problem } from '@paketbygd/model';
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { STATUS_CODES } from 'node:http';
import type { Logger } from 'pino';

/** An error a caller caused or should know about; becomes a JSON answer with this status. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly extra: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

/** The one shape of every error answer: `{ status, error, message, problems? }`. */
export function errorBody(status: number, message: string, extra: Record<string, unknown> = {}) {
  return { status, error: STATUS_CODES[status] ?? 'Error', message, ...extra };
}

export function invalid(what: string, all: Problem[]): HttpError {
  const problems = capProblems(all);
  const shown = problems.slice(0, 5).map(problemToString).join('; ');
  const total = problemCount(problems);
  const more = total > 5 ? ` (and ${(total - 5).toLocaleString('en-US')} more)` : '';
  return new HttpError(400, `${what} is not valid: ${shown}${more}`, { problems });
}

/** 413 for a request larger than the service's size limits (locations, matrix cells, jobs, vehicles). */
export function tooLarge(what: string, problems: Problem[]): HttpError {
  const shown = problems.map(problemToString).join('; ');
  return new HttpError(413, `${what} is larger than this service takes: ${shown}`, { problems });
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1).replace(/\.0$/, '')} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1).replace(/\.0$/, '')} kB`;
  return `${bytes} bytes`;
}

/** Errors from the job store: the request was fine, the service cannot serve it now. */
function isRedisUnavailable(error: Error): boolean {
  return (
    error.name === 'MaxRetriesPerRequestError' ||
    // Errors from a checking thread arrive as plain Errors: their message says it.
    /ECONNREFUSED|Connection is closed|Stream isn't writeable|ETIMEDOUT|EHOSTUNREACH|max retries per request/.test(
      error.message,
    )
  );
}

interface BodyParserError extends Error {
  type?: string;
  status?: number;
  limit?: number;
  length?: number;
  charset?: string;
}

export const notFound: RequestHandler = (req, _res, next) => {
  next(new HttpError(404, `no such endpoint: ${req.method} ${req.path} (see /docs)`));
};

/** What an error answers: its status, message, extra fields and headers. Unexpected errors are logged. */
export interface ErrorAnswer {
  status: number;
  message: string;
  extra: Record<string, unknown>;
  headers: Record<string, string>;
}

export function describeError(err: unknown, logger: Logger): ErrorAnswer {
  if (err instanceof HttpError) {
    return { status: err.status, message: err.message, extra: err.extra, headers: err.headers };
  }
  const answer: ErrorAnswer = {
    status: 500,
    message: 'internal error; the request is logged',
    extra: {},
    headers: {},
  };
  const error: BodyParserError = err instanceof Error ? err : new Error(String(err));
  if (error.type === 'entity.too.large') {
    answer.status = 413;
    const limit = error.limit ?? 0;
    const sent = error.length ? `is ${formatBytes(error.length)}; ` : 'is too large; ';
    answer.message = `the request body ${sent}the limit is ${formatBytes(limit)} (${limit} bytes)`;
    answer.extra = { limitBytes: limit };
  } else if (error.type === 'charset.unsupported' || error.type === 'encoding.unsupported') {
    answer.status = 415;
    answer.message = `${error.message}; send UTF-8 JSON`;
  } else if (error.type === 'request.aborted') {
    answer.status = 400;
    answer.message = 'the request was aborted before its body arrived';
  } else if (isRedisUnavailable(error)) {
    answer.status = 503;
    answer.message = 'the job store (Redis) is not reachable; try again shortly';
    answer.headers = { 'Retry-After': '5' };
    logger.error({ err: error }, 'redis unavailable');
  } else {
    logger.error({ err: error }, 'unhandled error');
  }
  return answer;
}

export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err: unknown, _req, res, next) => {
    if (res.headersSent) {
      next(err);
      return;
    }
    const { status, message, extra, headers } = describeError(err, logger);
    res
      .status(status)
      .set(headers)
      .json(errorBody(status, message, extra));
  };
}
