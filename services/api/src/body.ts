import type { RequestHandler } from 'express';
import type { IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { HttpError } from './errors';

/**
 * The body's charset when it is not UTF-8 and the WHATWG Encoding standard knows it (latin1,
 * windows-1252, utf-16le, …): the checking thread decodes with it. Unknown charsets are 415.
 */
function charsetOf(type: string): string | undefined {
  const match = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(type);
  if (!match) return undefined;
  const label = match[1]!.toLowerCase();
  let encoding: string;
  try {
    encoding = new TextDecoder(label).encoding;
  } catch {
    throw new HttpError(
      415,
      `unsupported charset "${match[1]}"; send UTF-8 JSON (or name a standard charset)`,
    );
  }
  return encoding === 'utf-8' ? undefined : encoding;
}

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
  try {
    req.bodyCharset = charsetOf(type);
  } catch (error) {
    next(error);
    return;
  }
  next();
};

/** A request body as the chunks it arrived in: never joined on the event loop. */
export interface BodyChunks {
  chunks: Uint8Array[];
  byteLength: number;
  /** The declared charset when not UTF-8 (a WHATWG encoding name). */
  charset?: string;
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      /** The declared charset when not UTF-8 (set with the content type check). */
      bodyCharset?: string | undefined;
    }
  }
}

/** What the error handler answers 413 for (the shape body-parser gives its own errors). */
function tooLarge(limit: number, length?: number): Error {
  return Object.assign(new Error('request entity too large'), {
    type: 'entity.too.large',
    limit,
    ...(length ? { length } : {}),
  });
}

function decoded(req: IncomingMessage): Readable {
  const encoding = (req.headers['content-encoding'] ?? 'identity').toLowerCase();
  switch (encoding) {
    case 'identity':
      return req;
    case 'gzip':
    case 'x-gzip':
      return req.pipe(createGunzip());
    case 'deflate':
      return req.pipe(createInflate());
    case 'br':
      return req.pipe(createBrotliDecompress());
    default:
      throw new HttpError(
        415,
        `unsupported content encoding "${encoding}"; send identity, gzip, deflate or br`,
      );
  }
}

/**
 * Reads the body as its chunks, at most `limitBytes` (decompressed): a declared length over the
 * limit is refused before reading. The chunks are handed to a checking thread (checker.ts) that
 * joins, decodes, parses and checks them, so a large body costs the event loop only its arrival.
 */
function readChunks(limitBytes: number): RequestHandler {
  return (req, _res, next) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limitBytes) {
      req.resume();
      next(tooLarge(limitBytes, declared));
      return;
    }
    let stream: Readable;
    try {
      stream = decoded(req);
    } catch (error) {
      req.resume();
      next(error);
      return;
    }
    const chunks: Uint8Array[] = [];
    let byteLength = 0;
    let done = false;
    const finish = (error?: unknown) => {
      if (done) return;
      done = true;
      if (error) {
        next(error);
        return;
      }
      req.body = {
        chunks,
        byteLength,
        ...(req.bodyCharset ? { charset: req.bodyCharset } : {}),
      } satisfies BodyChunks;
      next();
    };
    stream.on('data', (chunk: Buffer) => {
      if (done) return;
      byteLength += chunk.byteLength;
      if (byteLength > limitBytes) {
        req.unpipe();
        req.resume();
        finish(tooLarge(limitBytes));
        return;
      }
      chunks.push(chunk);
    });
    stream.once('end', () => finish());
    stream.once('error', (error: Error) =>
      finish(new HttpError(400, `the request body could not be read: ${error.message}`)),
    );
    req.once('aborted', () =>
      finish(Object.assign(new Error('request aborted'), { type: 'request.aborted' })),
    );
  };
}

/** JSON body of at most `limitBytes`, as chunks: 415 when not JSON, 413 over the limit. */
export function jsonBody(limitBytes: number): RequestHandler[] {
  return [requireJsonType, readChunks(limitBytes)];
}

/** The body's chunks, or 400 when the request had none. */
export function bodyChunks(body: unknown): BodyChunks {
  if (!body || typeof body !== 'object' || !('chunks' in body))
    throw new HttpError(400, 'the request has no body; expected a JSON object');
  return body as BodyChunks;
}
