import { answerTextWithNumericIds, FAILURE_REASON, parseJson, stringifyJson } from '@paketbygd/model';
import type { ErrorRequestHandler, Response } from 'express';
import type { Logger } from 'pino';
import { describeError } from './errors';

/**
 * VROOM's status codes (docs/API.md, "Code"), and vroom-express's 4 for a request over its size
 * limits. vroom-express answers them with HTTP 200, 500, 400, 500 and 413.
 */
export const VROOM_CODE = { ok: 0, internal: 1, input: 2, routing: 3, tooLarge: 4 } as const;
export type VroomCode = (typeof VROOM_CODE)[keyof typeof VROOM_CODE];

/** VROOM's error shape: `{ code, error }`, nothing else. */
export function sendVroomError(res: Response, httpStatus: number, code: VroomCode, error: string): void {
  res.status(httpStatus).json({ code, error });
}

/** The VROOM code of an error answer of ours: 413 is vroom-express's 4, other 4xx input (2), 5xx internal (1). */
export function vroomCodeOfStatus(status: number): VroomCode {
  if (status === 413) return VROOM_CODE.tooLarge;
  return status < 500 ? VROOM_CODE.input : VROOM_CODE.internal;
}

/** A failed job's code and HTTP status as vroom-express would answer them, from its recorded reason. */
export function vroomFailure(failedReason: string): { httpStatus: number; code: VroomCode } {
  if (
    failedReason.startsWith(FAILURE_REASON.invalidPayload) ||
    failedReason.startsWith(FAILURE_REASON.unsolvable)
  )
    return { httpStatus: 400, code: VROOM_CODE.input };
  if (failedReason.startsWith(FAILURE_REASON.routing)) return { httpStatus: 500, code: VROOM_CODE.routing };
  return { httpStatus: 500, code: VROOM_CODE.internal };
}

/**
 * The drop-in's errors (authentication, body, validation, size, Redis) in VROOM's shape, with the
 * HTTP status the rest of the API gives them and their headers (WWW-Authenticate, Retry-After).
 */
export function vroomErrorHandler(logger: Logger): ErrorRequestHandler {
  return (err: unknown, _req, res, next) => {
    if (res.headersSent) {
      next(err);
      return;
    }
    const { status, message, headers } = describeError(err, logger);
    res.set(headers);
    sendVroomError(res, status, vroomCodeOfStatus(status), message);
  };
}

/**
 * The stored result as VROOM's answer: the same text, with ids above 2^53 − 1 as JSON numbers, and
 * without the one key VROOM does not have (`travel`, which says which travel backend gave the
 * matrix). Parsed only when that key is there.
 */
export function vroomAnswerText(resultText: string): string {
  const text = answerTextWithNumericIds(resultText);
  if (!text.includes('"travel"')) return text;
  const { travel: _travel, ...answer } = parseJson(text) as Record<string, unknown>;
  return stringifyJson(answer);
}
