import type { JobKind, WebhookTargetPolicy } from '@paketbygd/model';
import { Router, type RequestHandler } from 'express';
import { callerOf } from '../auth';
import { bodyChunks, jsonBody } from '../body';
import type { BodyChecker } from '../checker';
import { invalid, tooLarge } from '../errors';
import type { Limits } from '../config';
import type { SizeLimits } from '../size-limits';
import { linksOf, type JobStore } from '../jobs';
import { sendResult } from '../results';
import type { Accepted } from '../schemas';
import { DOCUMENT_NAMES } from '../validation';

function submit(
  kind: JobKind,
  jobs: JobStore,
  checker: BodyChecker,
  targets: WebhookTargetPolicy,
  sizeLimits: SizeLimits,
): RequestHandler {
  return async (req, res) => {
    const { tenant } = callerOf(req);
    const query = { ...(req.query as Record<string, unknown>) };
    const enqueue = jobs.threadRedis ? { redis: jobs.threadRedis, retention: jobs.retention } : undefined;
    const checked = await checker.check(
      { kind, query, tenant, targets, sizeLimits, ...(enqueue ? { enqueue } : {}) },
      bodyChunks(req.body),
    );
    if (!checked.ok) {
      if (checked.status === 413) throw tooLarge(DOCUMENT_NAMES[kind], checked.problems);
      throw invalid(DOCUMENT_NAMES[kind], checked.problems);
    }
    const { waitS } = checked;
    const id = 'id' in checked ? checked.id : await jobs.add(tenant, kind, checked);
    const links = linksOf(id, kind);
    res.location(links.self);
    let state: Accepted['state'] = 'waiting';
    if (waitS > 0) {
      await jobs.waitFor(id, kind, waitS * 1000);
      const fresh = await jobs.status(tenant, id);
      if (fresh) {
        state = fresh.state;
        if (state === 'completed' || state === 'failed') {
          await sendResult(req, res, jobs, fresh);
          return;
        }
      }
    }
    const body: Accepted = { id, kind, state, links };
    res.status(202).json(body);
  };
}

/** POST /v1/plans, /v1/comparisons, /v1/routes, /v1/placements. */
export function submitRoutes(
  jobs: JobStore,
  checker: BodyChecker,
  limits: Pick<Limits, 'maxBodyBytes'> & SizeLimits,
  targets: WebhookTargetPolicy,
): Router {
  const router = Router();
  const body = jsonBody(limits.maxBodyBytes);
  router.post('/v1/plans', ...body, submit('plan', jobs, checker, targets, limits));
  router.post('/v1/comparisons', ...body, submit('compare', jobs, checker, targets, limits));
  router.post('/v1/routes', ...body, submit('route', jobs, checker, targets, limits));
  router.post('/v1/placements', ...body, submit('place', jobs, checker, targets, limits));
  return router;
}
