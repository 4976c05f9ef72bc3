import type { ComparisonResult, Plan, Scenario } from '@paketbygd/model';
import { planToGeoJSON } from '@paketbygd/planner';
import { renderComparisonReport, renderPlanReport } from '@paketbygd/report';
import type { Request, Response } from 'express';
import { HttpError } from './errors';
import { linksOf, type JobStore, type SolveJob } from './jobs';
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

/** The whole job, or 404 when it was removed since its status was read. */
async function loaded(jobs: JobStore, status: JobStatus): Promise<SolveJob> {
  const job = await jobs.load(status.id);
  if (!job) throw new HttpError(404, `no job ${JSON.stringify(status.id)} for this API key`);
  return job;
}

/**
 * The result as JSON (the stored text as it is: nothing parsed), or as GeoJSON for a plan when
 * the client asks for `application/geo+json`.
 */
export async function sendResult(
  req: Request,
  res: Response,
  jobs: JobStore,
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
    const job = await loaded(jobs, status);
    const geo = planToGeoJSON(job.data.input as Scenario, job.returnvalue as Plan);
    res.type(GEOJSON).send(JSON.stringify(geo));
    return;
  }
  const text = await jobs.resultText(status.id);
  if (text === undefined) throw new HttpError(404, `no job ${JSON.stringify(status.id)} for this API key`);
  res.type('application/json').send(text);
}

/** The HTML report of a plan or compare job. */
export async function sendReport(res: Response, jobs: JobStore, status: JobStatus): Promise<void> {
  if (status.kind !== 'plan' && status.kind !== 'compare') {
    throw new HttpError(
      404,
      `${status.kind} jobs have no report; their result is at ${linksOf(status.id, status.kind).result}`,
    );
  }
  requireCompleted(status);
  const { data, returnvalue } = await loaded(jobs, status);
  const html =
    data.kind === 'plan'
      ? renderPlanReport({ scenario: data.input, plan: returnvalue as Plan })
      : renderComparisonReport({
          scenario: (data.input as { scenario: Scenario }).scenario,
          comparison: returnvalue as ComparisonResult,
        });
  // The report's own policy (inline styles, data: images, nothing else), instead of helmet's, which blocks inline styles.
  res.set('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; img-src data:");
  res.type('html').send(html);
}
