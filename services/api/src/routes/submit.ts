import type { JobKind, WebhookTargetPolicy } from '@paketbygd/model';
import { Router, type Request, type RequestHandler } from 'express';
import { callerOf } from '../auth';
import { bodyChunks, jsonBody } from '../body';
import type { BodyChecker } from '../checker';
import { invalid, tooLarge } from '../errors';
import type { Limits } from '../config';
import type { SizeLimits } from '../size-limits';
import { linksOf, type JobStore } from '../jobs';
import type { Renderer } from '../renderer';
import { sendResult } from '../results';
import type { Accepted } from '../schemas';
import { DOCUMENT_NAMES } from '../validation';

/** What a submission is checked against; the same for every endpoint that queues jobs. */
export interface SubmitContext {
  jobs: JobStore;
  checker: BodyChecker;
  targets: WebhookTargetPolicy;
  sizeLimits: SizeLimits;
  /** Renders a plan's GeoJSON when `?wait` answers with the result. */
  renderer: Renderer;
}

/**
 * Checks the request's body in a checking thread and queues it as a job (from the thread when it
 * can): the job's id and the `?wait` asked for. Invalid → 400, over the size limits → 413.
 */
export async function queueSubmission(
  req: Request,
  kind: JobKind,
  query: Record<string, unknown>,
  context: SubmitContext,
): Promise<{ id: string; waitS: number }> {
  const { jobs, checker, targets, sizeLimits } = context;
  const { tenant } = callerOf(req);
  const enqueue = jobs.threadRedis ? { redis: jobs.threadRedis, retention: jobs.retention } : undefined;
  const checked = await checker.check(
    { kind, query, tenant, targets, sizeLimits, ...(enqueue ? { enqueue } : {}) },
    bodyChunks(req.body),
  );
  if (!checked.ok) {
    if (checked.status === 413) throw tooLarge(DOCUMENT_NAMES[kind], checked.problems);
    throw invalid(DOCUMENT_NAMES[kind], checked.problems);
  }
  const id = 'id' in checked ? checked.id : await jobs.add(tenant, kind, checked);
  return { id, waitS: checked.waitS };
}

function submit(kind: JobKind, context: SubmitContext): RequestHandler {
  const { jobs } = context;
  return async (req, res) => {
    const { tenant } = callerOf(req);
    const query = { ...(req.query as Record<string, unknown>) };
    const { id, waitS } = await queueSubmission(req, kind, query, context);
    const links = linksOf(id, kind);
    res.location(links.self);
    let state: Accepted['state'] = 'waiting';
    if (waitS > 0) {
      await jobs.waitFor(id, kind, waitS * 1000);
      const fresh = await jobs.status(tenant, id);
      if (fresh) {
        state = fresh.state;
        if (state === 'completed' || state === 'failed') {
          await sendResult(req, res, jobs, context.renderer, fresh);
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
  renderer: Renderer,
): Router {
  const router = Router();
  const body = jsonBody(limits.maxBodyBytes);
  const context: SubmitContext = { jobs, checker, targets, sizeLimits: limits, renderer };
  router.post('/v1/plans', ...body, submit('plan', context));
  router.post('/v1/comparisons', ...body, submit('compare', context));
  router.post('/v1/routes', ...body, submit('route', context));
  router.post('/v1/placements', ...body, submit('place', context));
  return router;
}
