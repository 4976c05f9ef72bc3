import type { ComparisonResult, Plan, Scenario } from '@paketbygd/model';
import { planToGeoJSON } from '@paketbygd/planner';
import { renderComparisonReport, renderPlanReport } from '@paketbygd/report';
import type { JobState } from 'bullmq';
import type { Request, Response } from 'express';
import { HttpError } from './errors';
import { linksOf, type SolveJob } from './jobs';

const GEOJSON = 'application/geo+json';

/** 409 while running, 422 when failed: the result endpoints' answer for a job without a result. */
function requireCompleted(job: SolveJob, state: JobState | 'unknown'): void {
  const id = job.id!;
  if (state === 'completed') return;
  if (state === 'failed') {
    throw new HttpError(422, `the job failed: ${job.failedReason || 'no reason recorded'}`, { id, state });
  }
  throw new HttpError(
    409,
    `the job is ${state}, not finished; poll ${linksOf(id, job.data.kind).self} until its state is "completed"`,
    { id, state },
    { 'Retry-After': '2' },
  );
}

/** The result as JSON, or as GeoJSON for a plan when the client asks for `application/geo+json`. */
export function sendResult(
  req: Request,
  res: Response,
  job: SolveJob,
  state: JobState | 'unknown',
  status = 200,
): void {
  requireCompleted(job, state);
  const wantsGeo = req.accepts(['application/json', GEOJSON]) === GEOJSON && Boolean(req.get('accept'));
  if (wantsGeo) {
    if (job.data.kind !== 'plan') {
      throw new HttpError(
        406,
        `GeoJSON is available for plan jobs; this is a ${job.data.kind} job: ask for application/json`,
      );
    }
    const geo = planToGeoJSON(job.data.input as Scenario, job.returnvalue as Plan);
    res.status(status).type(GEOJSON).send(JSON.stringify(geo));
    return;
  }
  res.status(status).json(job.returnvalue);
}

/** The HTML report of a plan or compare job. */
export function sendReport(res: Response, job: SolveJob, state: JobState | 'unknown'): void {
  const { data } = job;
  if (data.kind !== 'plan' && data.kind !== 'compare') {
    throw new HttpError(
      404,
      `${data.kind} jobs have no report; their result is at ${linksOf(job.id!, data.kind).result}`,
    );
  }
  requireCompleted(job, state);
  const html =
    data.kind === 'plan'
      ? renderPlanReport({ scenario: data.input, plan: job.returnvalue as Plan })
      : renderComparisonReport({
          scenario: data.input.scenario,
          comparison: job.returnvalue as ComparisonResult,
        });
  // The report's own policy (inline styles, data: images, nothing else), instead of helmet's, which blocks inline styles.
  res.set('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; img-src data:");
  res.type('html').send(html);
}
