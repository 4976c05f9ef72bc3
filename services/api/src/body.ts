import { parseJsonText } from '@paketbygd/model';
import express, { type RequestHandler } from 'express';
import { HttpError, invalid } from './errors';

const requireJsonType: RequestHandler = (req, _res, next) => {
  const type = req.headers['content-type'];
  if (!type || !req.is(['application/json', 'application/*+json'])) {
    next(
      new HttpError(
        415,
        `the body must be JSON: send "Content-Type: application/json"${type ? ` (got "${type}")` : ''}`,
      ),
    );
    return;
  }
  next();
};

/**
 * Reads the body as bytes and parses it with the model's JSON reader rather than express.json,
 * so that a syntax error names its line and column, as the CLI does for files.
 */
const parseJson: RequestHandler = (req, _res, next) => {
  const bytes = req.body as unknown;
  if (!Buffer.isBuffer(bytes)) {
    next(new HttpError(400, 'the request has no body; expected a JSON object'));
    return;
  }
  const result = parseJsonText(bytes.toString('utf8'), bytes.length);
  if (!('value' in result)) {
    next(invalid('the request body', [result]));
    return;
  }
  req.body = result.value;
  next();
};

/** JSON body of at most `limitBytes`: 415 when not JSON, 413 over the limit, 400 when malformed. */
export function jsonBody(limitBytes: number): RequestHandler[] {
  return [requireJsonType, express.raw({ type: () => true, limit: limitBytes }), parseJson];
}
