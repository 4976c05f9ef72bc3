import { TravelError } from '@paketbygd/travel';
import { ValidationError, problemToString, type Problem } from '@paketbygd/model';

/** An error as it crosses from the solver thread: plain data, with what decides a retry. */
export interface SerializedError {
  name: string;
  message: string;
  problems?: Problem[];
  /** Worth retrying: the same job may well succeed later (a travel backend that did not answer). */
  transient: boolean;
}

export function serializeError(error: unknown): SerializedError {
  if (error instanceof ValidationError) {
    return { name: error.name, message: error.message, problems: error.problems, transient: false };
  }
  if (error instanceof TravelError) {
    return { name: error.name, message: error.message, transient: error.code === 'BackendUnavailable' };
  }
  const e = error instanceof Error ? error : new Error(String(error));
  return { name: e.name, message: e.message, transient: false };
}

/** Problems as the failed job's reason: one `path: message` a line, after a headline. */
export function problemsMessage(headline: string, problems: readonly Problem[]): string {
  return `${headline}:\n${problems.map((p) => `  ${problemToString(p)}`).join('\n')}`;
}

/** The thread was stopped from outside: a cancel, a shutdown or the hard time limit. */
export class SolveStopped extends Error {
  override name = 'SolveStopped';
  constructor(readonly reason: StopReason) {
    super(`solve stopped: ${reason}`);
  }
}

export type StopReason = 'cancelled' | 'shutdown' | 'hard-time-limit';

/** What the thread reported: its error, rebuilt on the main side. */
export class SolveFailed extends Error {
  override name = 'SolveFailed';
  constructor(readonly detail: SerializedError) {
    super(detail.message);
  }
}
