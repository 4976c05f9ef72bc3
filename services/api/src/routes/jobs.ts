import { Router, type Request } from 'express';
import { callerOf } from '../auth';
import { HttpError } from '../errors';
import type { JobStore, SolveJob } from '../jobs';
import { sendReport, sendResult } from '../results';

/** GET/DELETE /v1/jobs/:id, its result and its report; only the caller's own tenant's jobs. */
export function jobRoutes(jobs: JobStore): Router {
  const router = Router();

  const own = async (req: Request<{ id: string }>): Promise<SolveJob> => {
    const job = await jobs.get(callerOf(req).tenant, req.params.id);
    if (!job) throw new HttpError(404, `no job ${JSON.stringify(req.params.id)} for this API key`);
    return job;
  };

  router.get('/v1/jobs/:id', async (req, res) => {
    res.json(await jobs.view(await own(req)));
  });

  router.get('/v1/jobs/:id/result', async (req, res) => {
    const job = await own(req);
    sendResult(req, res, job, await job.getState());
  });

  router.get('/v1/jobs/:id/report', async (req, res) => {
    const job = await own(req);
    sendReport(res, job, await job.getState());
  });

  router.delete('/v1/jobs/:id', async (req, res) => {
    const job = await own(req);
    const cancelled = await jobs.cancel(job);
    if (cancelled.outcome === 'removed') {
      res.status(204).set('Paketbygd-Previous-State', cancelled.previous).end();
      return;
    }
    res.status(202).json({ id: job.id, state: 'active', cancel: 'requested' });
  });

  return router;
}
