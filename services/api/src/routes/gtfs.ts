import {
  datesChosenText,
  describeSkipped,
  GtfsError,
  loadTransports,
  type FeedLimits,
} from '@paketbygd/data';
import { validate } from '@paketbygd/model';
import { Router } from 'express';
import { z } from 'zod';
import { bodyChunks, jsonBody, type BodyChunks } from '../body';
import { HttpError, invalid } from '../errors';

/** The largest GTFS zip accepted by upload: a whole region's feed is 5-20 MB; the national one is larger. */
export const MAX_GTFS_ZIP_BYTES = 50 * 1024 * 1024;

const Upload = z
  .object({
    scenario: z.unknown(),
    /** The feed as a .zip, base64-encoded. */
    feedZipBase64: z.string().min(1, 'give the GTFS feed as a base64-encoded .zip'),
    week: z.string().optional(),
    date: z.string().optional(),
    allowSkipped: z.boolean().default(false),
  })
  .strict();

/** The uploaded zip's bytes; refuses what is not base64 or is over the limit. */
function zipBytes(base64: string, maxBytes: number): Buffer {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64)) throw new HttpError(400, 'feedZipBase64 is not base64');
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length > maxBytes) {
    throw new HttpError(413, `the GTFS zip is ${bytes.length} bytes; at most ${maxBytes} are accepted`);
  }
  return bytes;
}

/**
 * POST /v1/transports: a scenario and a GTFS feed (.zip, base64) → the scenario with the lines
 * that stop in its area as its transports, with their departures in the week or on the date.
 * A bad feed answers 400 naming the file and line; skipped rows answer 400 unless allowed.
 */
export function gtfsRoutes(maxZipBytes = MAX_GTFS_ZIP_BYTES, limits?: FeedLimits): Router {
  const router = Router();
  // base64 takes 4 bytes for 3, and the scenario comes beside it.
  const bodyLimit = Math.ceil((maxZipBytes * 4) / 3) + 32 * 1024 * 1024;
  router.post('/v1/transports', ...jsonBody(bodyLimit), async (req, res) => {
    const upload = Upload.safeParse(parseJsonBody(bodyChunks(req.body)));
    if (!upload.success) {
      throw invalid(
        'the upload',
        upload.error.issues.map((i) => ({ path: i.path.join('.') || '(body)', message: i.message })),
      );
    }
    const checked = validate('scenario', upload.data.scenario);
    if (!checked.ok) throw invalid('the scenario', checked.problems);
    const bytes = zipBytes(upload.data.feedZipBase64, maxZipBytes);
    try {
      const result = await loadTransports({ bytes, name: 'upload.zip' }, checked.value, {
        ...(upload.data.week !== undefined ? { week: upload.data.week } : {}),
        ...(upload.data.date !== undefined ? { date: upload.data.date } : {}),
        ...(limits ? { limits } : {}),
      });
      const skipped = result.feed.skipped.map(describeSkipped);
      if (skipped.length > 0 && !upload.data.allowSkipped) {
        throw new HttpError(400, `rows of the feed were skipped: ${skipped.join('; ')}`, { skipped });
      }
      res.json({
        scenario: result.scenario,
        transports: result.transportRoutes.length,
        lines: result.linesInArea,
        dates: result.dates,
        // The choice as data (how, dates, ISO week) for a client to word in its language; the text is plain English.
        datesChosen: result.datesChosen,
        datesChosenText: datesChosenText(result.datesChosen),
        rowsRead: result.feed.rowsRead,
        skipped,
        stopMatches: result.stopMatches,
      });
    } catch (error) {
      if (error instanceof GtfsError) throw new HttpError(400, error.message);
      throw error;
    }
  });
  return router;
}

/**
 * The upload's JSON, decoded here rather than in a validation thread: the feed is read in this
 * process anyway (yauzl, asynchronously), and the body is bounded by `bodyLimit`.
 */
function parseJsonBody({ chunks, charset }: BodyChunks): unknown {
  const text = new TextDecoder(charset ?? 'utf-8').decode(Buffer.concat(chunks));
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new HttpError(400, `the upload is not JSON: ${(error as Error).message}`);
  }
}
