import type { JobKind, WebhookTargetPolicy } from '@paketbygd/model';
import { Router, type RequestHandler } from 'express';
import { callerOf } from '../auth';
import { jsonBody } from '../body';
import { invalid } from '../errors';
import { linksOf, type JobStore } from '../jobs';
import { sendResult } from '../results';
import type { Accepted } from '../schemas';
import { checkSubmission, DOCUMENT_NAMES } from '../validation';

function submit(kind: JobKind, jobs: JobStore, targets: WebhookTargetPolicy): RequestHandler {
  return async (req, res) => {
    const { tenant } = callerOf(req);
    const checked = checkSubmission(kind, req.query, req.body, targets);
    if (!checked.ok) throw invalid(DOCUMENT_NAMES[kind], checked.problems);
    const { submission, waitS } = checked.value;
    const job = await jobs.add(tenant, submission);
    const id = job.id!;
    const links = linksOf(id, kind);
    res.location(links.self);
    let state: Accepted['state'] = 'waiting';
    if (waitS > 0) {
      await jobs.waitFor(job, waitS * 1000);
      const fresh = await jobs.read(tenant, id);
      if (fresh) {
        state = fresh.state;
        if (state === 'completed' || state === 'failed') {
          sendResult(req, res, fresh.job, state);
          return;
        }
      }
    }
    const body: Accepted = { id, kind, state, links };
    res.status(202).json(body);
  };
}

/** POST /v1/plans, /v1/comparisons, /v1/routes, /v1/placements. */
export function submitRoutes(jobs: JobStore, maxBodyBytes: number, targets: WebhookTargetPolicy): Router {
  const router = Router();
  const body = jsonBody(maxBodyBytes);
  router.post('/v1/plans', ...body, submit('plan', jobs, targets));
  router.post('/v1/comparisons', ...body, submit('compare', jobs, targets));
  router.post('/v1/routes', ...body, submit('route', jobs, targets));
  router.post('/v1/placements', ...body, submit('place', jobs, targets));
  return router;
}
