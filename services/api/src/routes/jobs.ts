import { Router, type Request } from 'express';
import { callerOf } from '../auth';
import { HttpError } from '../errors';
import type { JobState } from 'bullmq';
import { viewOf, type JobStore, type SolveJob } from '../jobs';
import { sendReport, sendResult } from '../results';

/** GET/DELETE /v1/jobs/:id, its result and its report; only the caller's own tenant's jobs. */
export function jobRoutes(jobs: JobStore): Router {
  const router = Router();

  const own = async (
    req: Request<{ id: string }>,
  ): Promise<{ job: SolveJob; state: JobState | 'unknown' }> => {
    const found = await jobs.read(callerOf(req).tenant, req.params.id);
    if (!found) throw new HttpError(404, `no job ${JSON.stringify(req.params.id)} for this API key`);
    return found;
  };

  router.get('/v1/jobs/:id', async (req, res) => {
    const { job, state } = await own(req);
    res.json(viewOf(job, state));
  });

  router.get('/v1/jobs/:id/result', async (req, res) => {
    const { job, state } = await own(req);
    sendResult(req, res, job, state);
  });

  router.get('/v1/jobs/:id/report', async (req, res) => {
    const { job, state } = await own(req);
    sendReport(res, job, state);
  });

  router.delete('/v1/jobs/:id', async (req, res) => {
    const { job } = await own(req);
    const cancelled = await jobs.cancel(job);
    if (cancelled.outcome === 'removed') {
      res.status(204).set('Paketbygd-Previous-State', cancelled.previous).end();
      return;
    }
    res.status(202).json({ id: job.id, state: 'active', cancel: 'requested' });
  });

  return router;
}
