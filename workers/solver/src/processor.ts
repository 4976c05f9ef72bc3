import { UnrecoverableError, WaitingError, type Job } from 'bullmq';
import { FAILURE_REASON, type JobProgress, type TravelSettings } from '@paketbygd/model';
import type { Logger } from 'pino';
import { SolveFailed, SolveStopped, problemsMessage } from './errors';
import { runInThread, type ThreadOptions } from './threads/run-in-thread';
import type { JobResult } from '@paketbygd/planner';
import { timeLimitOf } from '@paketbygd/planner';
import { hardLimitS } from './time-limits';
import { checkPayload, prefixProblems } from './validate-payload';

export interface ProcessorOptions {
  travel: TravelSettings;
  hardLimitMarginS: number;
  logger: Logger;
  progressIntervalMs?: number;
  threads?: ThreadOptions['threads'];
}

export const CANCELLED = 'cancelled';

/** 100 %, with the result's own cost when it has one (a routing solution). */
export function finalProgress(result: JobResult): JobProgress {
  const cost = (result as { summary?: { cost?: unknown } }).summary?.cost;
  return { percent: 100, message: 'done', ...(typeof cost === 'number' ? { bestCost: cost } : {}) };
}

/**
 * The BullMQ processor. Its three declared parameters matter: BullMQ hands an AbortSignal only to
 * a processor whose `length` is at least 3.
 */
export function createProcessor(options: ProcessorOptions) {
  return async function processSolveJob(
    job: Job,
    token: string | undefined,
    signal: AbortSignal | undefined,
  ): Promise<JobResult> {
    const log = options.logger.child({ jobId: job.id, attempt: job.attemptsMade + 1 });
    const checked = checkPayload(job.data);
    if (!checked.ok) {
      log.warn({ problems: checked.problems }, 'job payload is not valid: failed without retry');
      throw new UnrecoverableError(problemsMessage(FAILURE_REASON.invalidPayload, checked.problems));
    }
    const payload = checked.payload;
    const timeLimitS = timeLimitOf(payload);
    const startedMs = performance.now();
    log.info({ kind: payload.kind, tenant: payload.tenant, timeLimitS }, 'solving');
    const publish = (progress: JobProgress) => {
      job.updateProgress(progress).catch((error: unknown) => log.warn({ err: error }, 'progress not saved'));
    };
    publish({ percent: 0, message: 'started' });
    try {
      const result = await runInThread(payload, {
        travel: options.travel,
        onProgress: publish,
        hardLimitMs: hardLimitS(payload, options.hardLimitMarginS) * 1000,
        ...(signal ? { signal } : {}),
        ...(options.threads ? { threads: options.threads } : {}),
        ...(options.progressIntervalMs !== undefined
          ? { progressIntervalMs: options.progressIntervalMs }
          : {}),
      });
      log.info({ kind: payload.kind, durationS: (performance.now() - startedMs) / 1000 }, 'solved');
      // Awaited, so that a completed job's progress is final (100 %, the result's cost), never an
      // older best cost; Redis applies it before the completion, which goes on the same connection.
      await job
        .updateProgress(finalProgress(result))
        .catch((error: unknown) => log.warn({ err: error }, 'final progress not saved'));
      return result;
    } catch (error) {
      if (error instanceof SolveStopped) {
        if (error.reason === 'shutdown') {
          // Back to the queue without using up an attempt: another worker (or this one, restarted) runs it.
          log.warn('worker shutting down: job handed back to the queue');
          await job.moveToWait(token);
          throw new WaitingError();
        }
        if (error.reason === 'cancelled') {
          log.info('cancelled');
          throw new UnrecoverableError(CANCELLED);
        }
        log.error({ timeLimitS }, 'solve overran its time limit: thread killed');
        throw new UnrecoverableError(
          `the solve overran its time limit of ${timeLimitS} s by more than ${options.hardLimitMarginS} s and was stopped`,
        );
      }
      if (error instanceof SolveFailed) {
        const { detail } = error;
        // The VROOM drop-in answers code 3 for these; the reason says so in words it can match.
        const reason =
          detail.name === 'TravelError' ? `${FAILURE_REASON.routing}: ${detail.message}` : detail.message;
        if (detail.transient) {
          log.warn({ err: detail.message }, 'transient failure: retried when attempts are left');
          throw new Error(reason, { cause: error });
        }
        log.warn({ err: detail.message }, 'solve failed: not retried');
        if (detail.problems)
          throw new UnrecoverableError(
            problemsMessage(FAILURE_REASON.unsolvable, prefixProblems('input', detail.problems)),
          );
        throw new UnrecoverableError(reason);
      }
      throw error;
    }
  };
}
