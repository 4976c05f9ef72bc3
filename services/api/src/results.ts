import { isLang, LANGS, pickLang, type Lang } from '@paketbygd/report';
import { answerTextWithNumericIds } from '@paketbygd/model';
import type { Request, Response } from 'express';
import { HttpError } from './errors';
import { linksOf, type JobStore } from './jobs';
import type { Renderer } from './renderer';
import type { JobStatus } from './status';

const GEOJSON = 'application/geo+json';

/** 409 while running, 422 when failed: the result endpoints' answer for a job without a result. */
function requireCompleted(status: JobStatus): void {
  const { id, state } = status;
  if (state === 'completed') return;
  if (state === 'failed') {
    throw new HttpError(422, `the job failed: ${status.failedReason || 'no reason recorded'}`, { id, state });
  }
  throw new HttpError(
    409,
    `the job is ${state}, not finished; poll ${linksOf(id, status.kind).self} until its state is "completed"`,
    { id, state },
    { 'Retry-After': '2' },
  );
}

/**
 * A plan's GeoJSON or a plan's or comparison's report, rendered in a thread from the stored bytes
 * (404 when the job was removed since its status was read).
 */
async function rendered(
  jobs: JobStore,
  renderer: Renderer,
  status: JobStatus,
  what: 'geojson' | 'report',
  lang?: Lang,
): Promise<Buffer> {
  const stored = await jobs.storedBytes(status.id);
  if (!stored) throw new HttpError(404, `no job ${JSON.stringify(status.id)} for this API key`);
  return renderer.render(what, stored.data, stored.returnvalue, lang);
}

/**
 * The result as JSON (the stored text as it is: nothing parsed), or as GeoJSON for a plan when
 * the client asks for `application/geo+json`.
 */
export async function sendResult(
  req: Request,
  res: Response,
  jobs: JobStore,
  renderer: Renderer,
  status: JobStatus,
): Promise<void> {
  requireCompleted(status);
  const wantsGeo = req.accepts(['application/json', GEOJSON]) === GEOJSON && Boolean(req.get('accept'));
  if (wantsGeo) {
    if (status.kind !== 'plan') {
      throw new HttpError(
        406,
        `GeoJSON is available for plan jobs; this is a ${status.kind} job: ask for application/json`,
      );
    }
    res.type(GEOJSON).send(await rendered(jobs, renderer, status, 'geojson'));
    return;
  }
  const text = await jobs.resultText(status.id);
  if (text === undefined) throw new HttpError(404, `no job ${JSON.stringify(status.id)} for this API key`);
  // A route answer's ids above 2^53 − 1 are stored as strings; VROOM's answers have numbers.
  res.type('application/json').send(status.kind === 'route' ? answerTextWithNumericIds(text) : text);
}

/**
 * The language a report is asked for: `?lang=sv|en`, else the first of the Accept-Language
 * header's languages (by preference) that a report is written in, else English. An unknown
 * `lang` is a 400 that names the parameter.
 */
export function reportLang(req: Request): Lang {
  const asked = req.query.lang;
  if (asked === undefined) return pickLang(req.acceptsLanguages());
  if (!isLang(asked)) {
    const shown = typeof asked === 'string' ? JSON.stringify(asked) : 'a list';
    throw new HttpError(400, `query parameter lang must be one of ${LANGS.join(', ')}, not ${shown}`);
  }
  return asked;
}

/** The HTML report of a plan or compare job, in the language asked for. */
export async function sendReport(
  res: Response,
  jobs: JobStore,
  renderer: Renderer,
  status: JobStatus,
  lang: Lang,
): Promise<void> {
  if (status.kind !== 'plan' && status.kind !== 'compare') {
    throw new HttpError(
      404,
      `${status.kind} jobs have no report; their result is at ${linksOf(status.id, status.kind).result}`,
    );
  }
  requireCompleted(status);
  const html = await rendered(jobs, renderer, status, 'report', lang);
  // The report's own policy (inline styles, data: images, nothing else), instead of helmet's, which blocks inline styles.
  res.set('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; img-src data:");
  res.set({ 'Content-Language': lang, Vary: 'Accept-Language' });
  res.type('html').send(html);
}
