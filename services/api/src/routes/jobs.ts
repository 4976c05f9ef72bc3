import { Router, type Request } from 'express';
import { callerOf } from '../auth';
import { HttpError } from '../errors';
import { viewOf, type JobStore } from '../jobs';
import type { Renderer } from '../renderer';
import { reportLang, sendReport, sendResult } from '../results';
import type { JobStatus } from '../status';

/** GET/DELETE /v1/jobs/:id, its result and its report; only the caller's own tenant's jobs. */
export function jobRoutes(jobs: JobStore, renderer: Renderer): Router {
  const router = Router();

  const own = async (req: Request<{ id: string }>): Promise<JobStatus> => {
    const found = await jobs.status(callerOf(req).tenant, req.params.id);
    if (!found) throw new HttpError(404, `no job ${JSON.stringify(req.params.id)} for this API key`);
    return found;
  };

  router.get('/v1/jobs/:id', async (req, res) => {
    res.json(viewOf(await own(req)));
  });

  router.get('/v1/jobs/:id/result', async (req, res) => {
    await sendResult(req, res, jobs, renderer, await own(req));
  });

  router.get('/v1/jobs/:id/report', async (req, res) => {
    const lang = reportLang(req);
    await sendReport(res, jobs, renderer, await own(req), lang);
  });

  router.delete('/v1/jobs/:id', async (req, res) => {
    const status = await own(req);
    const cancelled = await jobs.cancel(status);
    if (cancelled.outcome === 'removed') {
      res.status(204).set('Paketbygd-Previous-State', cancelled.previous).end();
      return;
    }
    res.status(202).json({ id: status.id, state: 'active', cancel: 'requested' });
  });

  return router;
}
