import { Router, type RequestHandler } from 'express';
import type { Logger } from 'pino';
import { callerOf } from '../auth';
import { jsonBody } from '../body';
import type { JobStore } from '../jobs';
import { linksOf } from '../jobs';
import {
  sendVroomError,
  VROOM_CODE,
  vroomAnswerText,
  vroomErrorHandler,
  vroomFailure,
} from '../vroom-answers';
import { queueSubmission, type SubmitContext } from './submit';

/** Header naming the job behind a drop-in answer (VROOM's JSON has no place for it). */
export const JOB_ID_HEADER = 'Paketbygd-Job-Id';

export interface VroomCompatOptions {
  /** Paths that answer as vroom-express does: `/vroom`, `/optimization` and VROOM_COMPAT_PATH. */
  paths: string[];
  /** Longest wait for a job's answer (VROOM_COMPAT_MAX_WAIT_S), ms. */
  maxWaitMs: number;
}

/**
 * Asks whichever worker runs the job to stop, or removes it if no worker took it yet: the client
 * that wanted the answer is gone. A job that ended meanwhile is left as it is.
 */
async function cancelAbandoned(jobs: JobStore, tenant: string, id: string, logger: Logger): Promise<void> {
  const status = await jobs.status(tenant, id);
  if (!status || status.state === 'completed' || status.state === 'failed') return;
  await jobs.cancel(status);
  logger.info({ jobId: id }, 'drop-in client disconnected: job cancelled');
}

/**
 * A VROOM request queued as a `route` job on the same queue and workers as POST /v1/routes, and
 * answered when the job ends, as vroom-express answers: the solution (code 0, HTTP 200) or
 * `{ code, error }`. Query parameters are ignored, as vroom-express ignores them.
 */
function solveNow(context: SubmitContext, options: VroomCompatOptions, logger: Logger): RequestHandler {
  const { jobs } = context;
  return async (req, res) => {
    const { tenant } = callerOf(req);
    const { id } = await queueSubmission(req, 'route', {}, context);
    res.set(JOB_ID_HEADER, id);
    res.once('close', () => {
      if (res.writableFinished) return;
      cancelAbandoned(jobs, tenant, id, logger).catch((error: unknown) =>
        logger.warn({ err: error, jobId: id }, 'cancelling an abandoned drop-in job failed'),
      );
    });
    await jobs.waitFor(id, 'route', options.maxWaitMs);
    if (res.writableEnded || req.socket.destroyed) return;
    const status = await jobs.status(tenant, id);
    const self = linksOf(id, 'route').self;
    if (status?.state === 'completed') {
      const text = await jobs.resultText(id);
      if (text !== undefined) {
        res.status(200).type('application/json').send(vroomAnswerText(text));
        return;
      }
    }
    if (status?.state === 'failed') {
      const reason = status.failedReason ?? 'the job failed without a reason';
      const { httpStatus, code } = vroomFailure(reason);
      sendVroomError(res, httpStatus, code, reason);
      return;
    }
    // Still queued or running: it goes on, and its answer can be fetched with the same API key.
    res.location(self);
    const seconds = options.maxWaitMs / 1000;
    sendVroomError(
      res,
      500,
      VROOM_CODE.internal,
      `no answer within ${seconds} s (VROOM_COMPAT_MAX_WAIT_S); the job ${id} goes on: ` +
        `GET ${self} and ${self}/result with an API key of this tenant`,
    );
  };
}

/**
 * POST /vroom, POST /optimization (openrouteservice's path: the same request and answer) and
 * VROOM_COMPAT_PATH. `guards` check the key (or the key-less tenant) and the rate limit.
 */
export function vroomRoutes(
  context: SubmitContext,
  limits: { maxBodyBytes: number },
  options: VroomCompatOptions,
  guards: RequestHandler[],
  logger: Logger,
): Router {
  const router = Router();
  const handler = solveNow(context, options, logger);
  for (const path of options.paths) router.post(path, ...guards, ...jsonBody(limits.maxBodyBytes), handler);
  // Only requests that reached these routes get here: every other route keeps the API's error shape.
  router.use(vroomErrorHandler(logger));
  return router;
}
